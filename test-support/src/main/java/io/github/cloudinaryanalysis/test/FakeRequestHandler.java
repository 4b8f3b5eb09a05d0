package io.github.cloudinaryanalysis.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Serves the fake's HTTP API: records the request, applies a queued {@link Fault} if any,
 * then routes {@code GET /v2/analysis/{cloud_name}/tasks/{task_id}} and {@code POST
 * /v2/analysis/{cloud_name}/analyze/{type}}.
 *
 * <p>
 * Order of checks: unknown path (404), wrong method (405, plain text), credentials and
 * cloud name (401), request shape (400: for an analysis, the body is validated against
 * the contract's request schema), unknown task (404).
 */
final class FakeRequestHandler implements HttpHandler {

	/** The analysis types whose contract operation declares a 202 (async) answer. */
	static final Set<String> ASYNC_ANALYSIS_TYPES = Set.of("ai_vision_general", "ai_vision_moderation",
			"ai_vision_tagging", "captioning", "cld_fashion", "cld_text", "coco", "google_tagging", "human_anatomy",
			"image_quality", "lvis", "shop_classifier", "unidet", "watermark_detection");

	/**
	 * Analysis types in the contract without a 202 answer: the fake answers them
	 * synchronously, and their async requests with a 400 {@code user_error}, since a 202
	 * would break the contract.
	 */
	static final Set<String> SYNC_ONLY_ANALYSIS_TYPES = Set.of("google_logo_detection");

	/**
	 * The quota the fake reports in {@code limits} of 200 answers, per feature, for every
	 * feature.
	 */
	static final long FEATURE_LIMIT = 10_000;

	private static final int MAX_REPORTED_VIOLATIONS = 3;

	private static final Pattern TASK_PATH = Pattern.compile("/v2/analysis/([^/]+)/tasks/([^/]*)");

	private static final Pattern ANALYZE_PATH = Pattern.compile("/v2/analysis/([^/]+)/analyze/([^/]+)");

	private final String cloudName;

	private final Credentials credentials;

	private final Clock clock;

	private final FakeState state;

	private final TaskLife defaultTaskLife;

	private final WebhookSender webhooks;

	FakeRequestHandler(String cloudName, Credentials credentials, Clock clock, FakeState state,
			TaskLife defaultTaskLife, WebhookSender webhooks) {
		this.cloudName = cloudName;
		this.credentials = credentials;
		this.clock = clock;
		this.state = state;
		this.defaultTaskLife = defaultTaskLife;
		this.webhooks = webhooks;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] requestBody;
			try (InputStream in = exchange.getRequestBody()) {
				requestBody = in.readAllBytes();
			}
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getRawPath();
			this.state.record(new ReceivedRequest(method, path, exchange.getRequestURI().getRawQuery(),
					exchange.getRequestHeaders(), new String(requestBody, StandardCharsets.UTF_8),
					this.clock.instant()));
			Answer answer;
			try {
				answer = answer(exchange, method, path, requestBody);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return; // the fake is closing
			}
			catch (RuntimeException ex) {
				answer = Answer.error(500, "server_error", ErrorCodes.SERVER_ERROR, "Fake failure: " + ex);
			}
			send(exchange, answer);
		}
	}

	private Answer answer(HttpExchange exchange, String method, String path, byte[] requestBody)
			throws InterruptedException {
		Fault fault = this.state.takeFault();
		if (fault != null) {
			if (fault.kind() != Fault.Kind.DELAY) {
				return faultAnswer(fault);
			}
			sleep(fault.duration());
		}
		Matcher task = TASK_PATH.matcher(path);
		if (task.matches()) {
			return getTask(exchange, method, task.group(1), task.group(2));
		}
		Matcher analyze = ANALYZE_PATH.matcher(path);
		if (analyze.matches()) {
			return analyze(exchange, method, analyze.group(1), analyze.group(2), requestBody);
		}
		return notFound("No such endpoint");
	}

	private Answer getTask(HttpExchange exchange, String method, String cloud, String taskId) {
		if (!method.equals("GET")) {
			return Answer.methodNotAllowed("GET");
		}
		Answer unauthorized = authenticate(exchange, cloud);
		if (unauthorized != null) {
			return unauthorized;
		}
		if (!TaskIds.isValid(taskId)) {
			return Answer.error(400, "user_error", ErrorCodes.BAD_REQUEST, "Invalid task_id",
					Map.of("task_id", taskId));
		}
		FakeTask fakeTask = this.state.task(taskId);
		if (fakeTask == null) {
			return notFound("Task not found: " + taskId);
		}
		String status = fakeTask.poll(this.clock.instant());
		if (TaskLife.isFinal(status)) {
			this.webhooks.taskEnded(fakeTask, status);
		}
		return Answer.json(200, JsonBodies.taskStatus(taskId, status, TaskIds.newRequestId()));
	}

	private Answer analyze(HttpExchange exchange, String method, String cloud, String type, byte[] requestBody) {
		if (!AnalysisTypes.isKnown(type)) {
			return notFound("No such analysis type: " + type);
		}
		if (!method.equals("POST")) {
			return Answer.methodNotAllowed("POST");
		}
		Answer unauthorized = authenticate(exchange, cloud);
		if (unauthorized != null) {
			return unauthorized;
		}
		JsonNode body;
		try {
			body = JsonBodies.MAPPER.readTree(requestBody);
		}
		catch (JacksonException ex) {
			return badRequest("The request body is not valid JSON");
		}
		if (body == null || !body.isObject()) {
			return badRequest("The request body must be a JSON object");
		}
		List<String> violations = ContractSchemas.requestViolations(type, body);
		if (!violations.isEmpty()) {
			return badRequest("The request body does not match the contract's Analyze" + AnalysisTypes.schemaName(type)
					+ "Request: "
					+ String.join("; ", violations.subList(0, Math.min(MAX_REPORTED_VIOLATIONS, violations.size()))));
		}
		JsonNode source = body.path("source");
		if (hasText(source, "uri") == hasText(source, "asset_id")) {
			return badRequest("Missing or invalid source: give exactly one of source.uri and source.asset_id");
		}
		JsonNode async = body.path("async");
		if (async.isBoolean() && async.booleanValue()) {
			if (!ASYNC_ANALYSIS_TYPES.contains(type)) {
				return badRequest("Asynchronous analysis is not supported for " + type);
			}
			URI notificationUrl = null;
			JsonNode url = body.path("notification_url");
			if (!url.isMissingNode()) {
				notificationUrl = httpUrl(url);
				if (notificationUrl == null) {
					return badRequest("notification_url must be an absolute http or https URL");
				}
			}
			String taskId = TaskIds.newTaskId();
			String requestId = TaskIds.newRequestId();
			JsonNode analysis = this.state.scriptedAnalysis(type);
			FakeTask fakeTask = new FakeTask(taskId, this.defaultTaskLife, this.clock.instant(),
					new FakeTask.Analysis(type, entity(source),
							(analysis != null) ? analysis : DefaultAnalyses.node(type), requestId, notificationUrl));
			this.state.putTask(fakeTask);
			this.webhooks.taskCreated(fakeTask);
			return Answer.json(202, JsonBodies.accepted(taskId, requestId));
		}
		return Answer.json(200, analysisResult(type, source));
	}

	private byte[] analysisResult(String type, JsonNode source) {
		JsonNode analysis = this.state.scriptedAnalysis(type);
		String feature = AnalysisTypes.feature(type);
		Instant now = this.clock.instant();
		return JsonBodies.analysisResult(entity(source), (analysis != null) ? analysis : DefaultAnalyses.node(type),
				feature, this.state.useFeature(feature), FEATURE_LIMIT,
				now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)), TaskIds.newRequestId());
	}

	private static String entity(JsonNode source) {
		return hasText(source, "uri") ? source.path("uri").stringValue() : source.path("asset_id").stringValue();
	}

	private static @Nullable URI httpUrl(JsonNode value) {
		if (!value.isString()) {
			return null;
		}
		try {
			URI uri = new URI(value.stringValue());
			return (uri.isAbsolute() && uri.getHost() != null
					&& ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) ? uri
							: null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private @Nullable Answer authenticate(HttpExchange exchange, String cloud) {
		if (!this.credentials.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
			return Answer.error(401, "auth_error", ErrorCodes.UNAUTHORIZED, "Invalid or missing credentials");
		}
		if (!cloud.equals(this.cloudName)) {
			// The real API authenticates the key for a cloud: a key of another (or no)
			// cloud is unauthorized there.
			return Answer.error(401, "auth_error", ErrorCodes.UNAUTHORIZED,
					"The credentials are not valid for cloud " + cloud);
		}
		return null;
	}

	private Answer faultAnswer(Fault fault) {
		return switch (fault.kind()) {
			case RATE_LIMITED -> {
				Duration retryAfter = fault.retryAfter();
				Map<String, String> headers = (retryAfter != null)
						? Map.of("Retry-After", Long.toString(ceilSeconds(retryAfter))) : Map.of();
				Instant resetTime = this.clock.instant().plus(fault.duration());
				yield new Answer(429, Answer.JSON, headers, JsonBodies.rateLimited(resetTime, TaskIds.newRequestId()));
			}
			case ERROR -> Answer.error(fault.status(), nonNull(fault.category()), nonNull(fault.code()),
					nonNull(fault.message()));
			case RAW -> new Answer(fault.status(), fault.contentType(), Map.of(),
					nonNull(fault.body()).getBytes(StandardCharsets.UTF_8));
			case DELAY -> throw new IllegalStateException("a delay is not an answer");
		};
	}

	private static Answer notFound(String message) {
		return Answer.error(404, "user_error", ErrorCodes.NOT_FOUND, message);
	}

	private static Answer badRequest(String message) {
		return Answer.error(400, "user_error", ErrorCodes.BAD_REQUEST, message);
	}

	private static boolean hasText(JsonNode source, String field) {
		JsonNode value = source.get(field);
		return value != null && value.isString() && !value.stringValue().isBlank();
	}

	private static long ceilSeconds(Duration duration) {
		long seconds = duration.getSeconds();
		return (duration.getNano() > 0) ? seconds + 1 : seconds;
	}

	private static String nonNull(@Nullable String value) {
		if (value == null) {
			throw new IllegalStateException("incomplete fault");
		}
		return value;
	}

	private static void sleep(Duration duration) throws InterruptedException {
		if (!duration.isZero()) {
			Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
		}
	}

	private static void send(HttpExchange exchange, Answer answer) throws IOException {
		if (answer.contentType() != null) {
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		}
		answer.headers().forEach(exchange.getResponseHeaders()::set);
		byte[] body = answer.body();
		exchange.sendResponseHeaders(answer.status(), (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
