package io.github.cloudinaryanalysis.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A programmable fake of Cloudinary's Analysis API, served over real HTTP by the JDK's
 * {@link HttpServer} on {@code 127.0.0.1}, whose answers follow the official OpenAPI
 * contract (this module's tests validate each kind of answer against it).
 *
 * <pre>{@code
 * try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder().cloudName("demo").build().start()) {
 *     String taskId = fake.createTask(TaskLife.completesAfterPolls(3));
 *     fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(1)).withRetryAfter(Duration.ofSeconds(1)));
 *     // point the client at fake.baseUrl() with fake.apiKey() / fake.apiSecret()
 * }
 * }</pre>
 *
 * <p>
 * Endpoints, under {@link #baseUrl()} ({@code http://127.0.0.1:<port>/v2/analysis}):
 * <ul>
 * <li>{@code GET /{cloud_name}/tasks/{task_id}}: 200 with
 * {@code {"data":{"task_id","status"},"status","request_id"}} (the top-level
 * {@code status} echoes {@code data.status}: the contract's schema requires it at the top
 * level); 400 {@code user_error} for a task id outside {@code [A-Za-z0-9_-]{1,512}}; 404
 * {@code user_error} for an unknown task.</li>
 * <li>{@code POST /{cloud_name}/analyze/{type}} for each of the contract's fifteen types,
 * with a body valid against the operation's request schema (otherwise 400
 * {@code user_error}, naming the violations) and exactly one non-blank {@code source.uri}
 * or {@code source.asset_id}:
 * <ul>
 * <li>without {@code "async": true}: 200 with
 * {@code {"data":{"entity","analysis"},"limits":{"items":[…]}, "request_id"}}, the
 * analysis being the type's {@linkplain #defaultAnalysis(String) default} or the
 * {@linkplain #scriptAnalysis(String, String) scripted} one, the limits those of the
 * type's feature (a quota of 10000 per feature, used once per 200 answer);</li>
 * <li>with {@code "async": true}: 202 with a new 160-hex-char task id, registered with
 * the {@linkplain Builder#defaultTaskLife default life}; 400 for a type whose contract
 * operation has no 202 ({@code google_logo_detection}).</li>
 * </ul>
 * 404 for a type not in the contract.</li>
 * <li>Authentication: HTTP Basic {@code api_key:api_secret}, or {@code Bearer <token>}
 * when {@linkplain Builder#bearerToken(String) configured}; otherwise 401
 * {@code auth_error}. A cloud name other than the configured one is also 401, as the real
 * API does not authenticate the key for it.</li>
 * <li>Any other path: 404 {@code user_error}; a wrong method: 405 (plain text).</li>
 * </ul>
 * Error codes are in {@link ErrorCodes}. Queued {@linkplain #failNext(int, Fault) faults}
 * come first.
 *
 * <p>
 * Webhooks: when a task ends ({@code completed} or {@code failed}, seen by a poll, or by
 * the clock for a {@link TaskLife#completesAfter time-based life}, polled or not) the
 * fake POSTs its notification once to the analysis request's {@code notification_url} and
 * to the {@linkplain #setNotificationUrl fake-wide URL}, each if set: a contract-valid
 * {@code AnalysisWebhookPayload} whose {@code data} is the synchronous answer's
 * {@code {"entity","analysis"}} ({@code http_status} 500 and an {@code error} for a
 * failed task), signed as Cloudinary signs ({@code X-Cld-Timestamp},
 * {@code X-Cld-Signature} with the {@linkplain Builder#webhookAlgorithm algorithm} and
 * {@linkplain Builder#webhookSigningSecret secret}, by default SHA-1 and the API secret).
 * Each delivery and its answer are {@linkplain #webhookDeliveries() recorded};
 * {@link #sendNotification(String, Webhook)} sends one now, genuine or broken, and
 * {@link #replay(WebhookDelivery)} sends one again.
 *
 * <p>
 * All methods are thread-safe; the server answers concurrent requests on a pool of daemon
 * threads.
 */
public final class FakeCloudinaryAnalysisApi implements AutoCloseable {

	private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

	/**
	 * Threads sending automatic notifications; a delivery waits for its receiver's
	 * answer.
	 */
	private static final int WEBHOOK_THREADS = 4;

	private static final Pattern CLOUD_NAME = Pattern.compile("[A-Za-z0-9_-]+");

	private final String cloudName;

	private final String apiKey;

	private final String apiSecret;

	private final @Nullable String bearerToken;

	private final int requestedPort;

	private final Clock clock;

	private final TaskLife defaultTaskLife;

	private final FakeState state = new FakeState();

	private final String webhookSigningSecret;

	private final WebhookSender webhooks;

	private @Nullable HttpServer server;

	private @Nullable ExecutorService executor;

	private @Nullable ScheduledExecutorService webhookExecutor;

	private volatile int port = -1;

	private volatile boolean closed;

	private FakeCloudinaryAnalysisApi(Builder builder) {
		this.cloudName = builder.cloudName;
		this.apiKey = builder.apiKey;
		this.apiSecret = builder.apiSecret;
		this.bearerToken = builder.bearerToken;
		this.requestedPort = builder.port;
		this.clock = builder.clock;
		this.defaultTaskLife = builder.defaultTaskLife;
		this.webhookSigningSecret = (builder.webhookSigningSecret != null) ? builder.webhookSigningSecret
				: builder.apiSecret;
		this.webhooks = new WebhookSender(this.clock, this.state, builder.webhookAlgorithm, this.webhookSigningSecret,
				builder.notificationUrl);
	}

	/**
	 * A builder with the defaults: cloud name {@code demo}, API key {@code fake-api-key},
	 * API secret {@code fake-api-secret}, no bearer token, a random free port, the system
	 * UTC clock and {@code TaskLife.completesAfterPolls(3)} for analyze-created tasks.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Binds {@code 127.0.0.1} and starts serving. Unless the system property
	 * {@code sun.net.httpserver.nodelay} is already set, sets it to {@code true} first
	 * (the JDK server otherwise pays ~40 ms of Nagle delay per answer; the JDK reads it
	 * once, when its first server is created).
	 * @return this fake
	 * @throws IllegalStateException if already started or closed
	 * @throws UncheckedIOException if the port cannot be bound
	 */
	public synchronized FakeCloudinaryAnalysisApi start() {
		if (this.closed) {
			throw new IllegalStateException("This fake was closed; build a new one");
		}
		if (this.server != null) {
			throw new IllegalStateException("This fake is already started");
		}
		if (System.getProperty(NODELAY_PROPERTY) == null) {
			System.setProperty(NODELAY_PROPERTY, "true");
		}
		HttpServer httpServer;
		try {
			httpServer = HttpServer.create(new InetSocketAddress(loopback(), this.requestedPort), 128);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot bind 127.0.0.1:" + this.requestedPort, ex);
		}
		int boundPort = httpServer.getAddress().getPort();
		ExecutorService pool = Executors.newCachedThreadPool(daemonThreads("fake-cloudinary-analysis-" + boundPort));
		httpServer.setExecutor(pool);
		ScheduledThreadPoolExecutor webhookPool = new ScheduledThreadPoolExecutor(WEBHOOK_THREADS,
				daemonThreads("fake-cloudinary-analysis-" + boundPort + "-webhooks"));
		webhookPool.setRemoveOnCancelPolicy(true);
		this.webhooks.executor(webhookPool);
		httpServer.createContext("/",
				new FakeRequestHandler(this.cloudName, new Credentials(this.apiKey, this.apiSecret, this.bearerToken),
						this.clock, this.state, this.defaultTaskLife, this.webhooks));
		httpServer.start();
		this.server = httpServer;
		this.executor = pool;
		this.webhookExecutor = webhookPool;
		this.port = boundPort;
		return this;
	}

	/** Stops the server at once, frees its port and ends its threads; idempotent. */
	@Override
	public synchronized void close() {
		this.closed = true;
		HttpServer httpServer = this.server;
		ExecutorService pool = this.executor;
		ScheduledExecutorService webhookPool = this.webhookExecutor;
		this.server = null;
		this.executor = null;
		this.webhookExecutor = null;
		this.webhooks.executor(null);
		if (httpServer != null) {
			httpServer.stop(0);
		}
		if (pool != null) {
			pool.shutdownNow();
		}
		if (webhookPool != null) {
			webhookPool.shutdownNow();
		}
	}

	/**
	 * Whether the fake is serving.
	 * @return {@code true} between {@link #start()} and {@link #close()}
	 */
	public boolean isRunning() {
		return this.port >= 0 && !this.closed;
	}

	/**
	 * The port the fake listens on.
	 * @return the bound port (the random one when built with port 0)
	 * @throws IllegalStateException before {@link #start()}
	 */
	public int port() {
		int bound = this.port;
		if (bound < 0) {
			throw new IllegalStateException("The fake is not started");
		}
		return bound;
	}

	/**
	 * The value for the client's {@code cloudinary.analysis.base-url}: the API root
	 * without the cloud name.
	 * @return {@code http://127.0.0.1:<port>/v2/analysis}
	 * @throws IllegalStateException before {@link #start()}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + "/v2/analysis";
	}

	/**
	 * The configured cloud name.
	 * @return the cloud name
	 */
	public String cloudName() {
		return this.cloudName;
	}

	/**
	 * The configured API key.
	 * @return the API key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * The configured API secret.
	 * @return the API secret
	 */
	public String apiSecret() {
		return this.apiSecret;
	}

	/**
	 * The configured bearer token.
	 * @return the token, or {@code null} when bearer authentication is off
	 */
	public @Nullable String bearerToken() {
		return this.bearerToken;
	}

	/**
	 * The credentials in Cloudinary's URL form (it carries no host: point the client's
	 * base URL at {@link #baseUrl()} as well).
	 * @return {@code cloudinary://<api_key>:<api_secret>@<cloud_name>}
	 */
	public String cloudinaryUrl() {
		return "cloudinary://" + this.apiKey + ":" + this.apiSecret + "@" + this.cloudName;
	}

	/**
	 * The starter's properties pointing at this fake, in order:
	 * {@code cloudinary.analysis.base-url}, {@code cloudinary.analysis.cloud-name},
	 * {@code cloudinary.analysis.api-key}, {@code cloudinary.analysis.api-secret}.
	 * @return an unmodifiable map
	 * @throws IllegalStateException before {@link #start()}
	 */
	public Map<String, String> springProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(FakeCloudinaryAnalysisProperties.BASE_URL, baseUrl());
		properties.put(FakeCloudinaryAnalysisProperties.CLOUD_NAME, this.cloudName);
		properties.put(FakeCloudinaryAnalysisProperties.API_KEY, this.apiKey);
		properties.put(FakeCloudinaryAnalysisProperties.API_SECRET, this.apiSecret);
		return java.util.Collections.unmodifiableMap(properties);
	}

	/**
	 * {@link #springProperties()} as {@code key=value} pairs, e.g. for
	 * {@code ApplicationContextRunner.withPropertyValues(fake.springPropertyValues())}.
	 * @return a new array
	 */
	public String[] springPropertyValues() {
		return springProperties().entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
	}

	/**
	 * Registers a task with a random 160-hex-char id, like the real API's. When it ends,
	 * it is notified at the {@linkplain #setNotificationUrl fake-wide URL}, if any,
	 * without {@code data} (it was not started by an analysis).
	 * @param life its scripted life
	 * @return the task id
	 */
	public String createTask(TaskLife life) {
		return createTask(TaskIds.newTaskId(), life);
	}

	/**
	 * Registers (or replaces, resetting its poll count) a task with the given id.
	 * @param taskId an id matching {@code [A-Za-z0-9_-]{1,512}}
	 * @param life its scripted life
	 * @return the task id
	 * @throws IllegalArgumentException if the id is not valid
	 */
	public String createTask(String taskId, TaskLife life) {
		if (!TaskIds.isValid(Objects.requireNonNull(taskId, "taskId"))) {
			throw new IllegalArgumentException("A task id must match " + TaskIds.VALID_TASK_ID + ": " + taskId);
		}
		FakeTask task = new FakeTask(taskId, Objects.requireNonNull(life, "life"), this.clock.instant());
		this.state.putTask(task);
		this.webhooks.taskCreated(task);
		return taskId;
	}

	/**
	 * How often a task was polled with a 200 answer.
	 * @param taskId the task id
	 * @return the number of polls, 0 for an unknown task
	 */
	public int pollCount(String taskId) {
		FakeTask task = this.state.task(taskId);
		return (task != null) ? task.polls() : 0;
	}

	/**
	 * Queues a fault for the next {@code count} requests; queued faults are consumed in
	 * order, one per request, and normal behaviour resumes once the queue is empty.
	 * @param count how many requests get the fault, at least 1
	 * @param fault the fault
	 */
	public void failNext(int count, Fault fault) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1, was " + count);
		}
		this.state.addFaults(count, Objects.requireNonNull(fault, "fault"));
	}

	/**
	 * Scripts the {@code analysis} object of the 200 answers of one analysis type, until
	 * {@link #reset()}. The fake wraps it in the answer's {@code data} and checks the
	 * whole answer against the contract first, so an answer the fake sends always
	 * conforms (send an off-contract body with
	 * {@link Fault#status(int, String, String)}).
	 * @param type an analysis type of the contract, such as {@code captioning}
	 * @param analysisJson the analysis object, e.g. {@code {"data":{"caption":"A
	 * dog"},"model_version":2}}
	 * @throws IllegalArgumentException for an unknown type, a body that is not a JSON
	 * object, or an answer that would not conform to the contract (the message names the
	 * violations)
	 */
	public void scriptAnalysis(String type, String analysisJson) {
		AnalysisTypes.schemaName(Objects.requireNonNull(type, "type"));
		tools.jackson.databind.JsonNode analysis;
		try {
			analysis = JsonBodies.MAPPER.readTree(Objects.requireNonNull(analysisJson, "analysisJson"));
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new IllegalArgumentException(
					"The analysis of " + type + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (analysis == null || !analysis.isObject()) {
			throw new IllegalArgumentException("The analysis of " + type + " must be a JSON object");
		}
		List<String> violations = ContractSchemas.answerViolations(type, JsonBodies.analysisResultNode("entity",
				analysis, AnalysisTypes.feature(type), 1, 1, java.time.Instant.EPOCH, "request-id"));
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException("A 200 answer of " + type + " with this analysis would not conform"
					+ " to the contract: " + String.join("; ", violations));
		}
		this.state.scriptAnalysis(type, analysis);
	}

	/**
	 * The {@code analysis} object the fake answers for a type unless one is
	 * {@linkplain #scriptAnalysis scripted}.
	 * @param type an analysis type of the contract, such as {@code captioning}
	 * @return the JSON object, e.g. {@code {"data":{"caption":"A cat sitting on a
	 * table"},"model_version":1}}
	 * @throws IllegalArgumentException for an unknown type
	 */
	public String defaultAnalysis(String type) {
		return DefaultAnalyses.json(Objects.requireNonNull(type, "type"));
	}

	/**
	 * How many queued faults are still to be consumed.
	 * @return the number of faults
	 */
	public int pendingFaults() {
		return this.state.pendingFaults();
	}

	/**
	 * Every request received since the start or the last {@link #reset()}, in arrival
	 * order.
	 * @return an immutable snapshot
	 */
	public List<ReceivedRequest> requests() {
		return this.state.requests();
	}

	/**
	 * How many requests were received since the start or the last {@link #reset()}.
	 * @return the count
	 */
	public int requestCount() {
		return this.state.requests().size();
	}

	/**
	 * Sets the fake-wide notification URL (Cloudinary's console setting): every task that
	 * ends is notified there, besides the {@code notification_url} of the analysis
	 * request that started it. Kept by {@link #reset()}.
	 * @param url an absolute {@code http} or {@code https} URL, or {@code null} for none
	 */
	public void setNotificationUrl(@Nullable URI url) {
		this.webhooks.notificationUrl(checkedNotificationUrl(url));
	}

	/**
	 * The fake-wide notification URL.
	 * @return the URL, or {@code null} when none is set
	 */
	public @Nullable URI notificationUrl() {
		return this.webhooks.notificationUrl();
	}

	/**
	 * The secret the fake signs webhook notifications with.
	 * @return the configured signing secret, by default the API secret
	 */
	public String webhookSigningSecret() {
		return this.webhookSigningSecret;
	}

	/**
	 * Sends the notification of a task now, on the caller's thread, to the task's
	 * {@code notification_url} and the {@linkplain #setNotificationUrl fake-wide URL},
	 * and waits for the answers. The notification is the one the task ends with
	 * ({@code failed} for a life that ends failed); a {@link Webhook#genuine() genuine}
	 * one also counts as the task's automatic notification, which is then not sent again.
	 * @param taskId a task of this fake
	 * @param variant how to send it
	 * @return the deliveries, one per URL, with the receivers' answers
	 * @throws IllegalArgumentException for an unknown task
	 * @throws IllegalStateException when the task has no notification URL
	 */
	public List<WebhookDelivery> sendNotification(String taskId, Webhook variant) {
		FakeTask task = this.state.task(Objects.requireNonNull(taskId, "taskId"));
		if (task == null) {
			throw new IllegalArgumentException("No such task: " + taskId);
		}
		Objects.requireNonNull(variant, "variant");
		if (variant.kind() == Webhook.Kind.GENUINE) {
			task.claimNotification();
		}
		List<WebhookDelivery> sent = this.webhooks.send(task, TaskLife.FAILED.equals(task.life().endStatus()), variant);
		if (sent.isEmpty()) {
			throw new IllegalStateException("Task " + taskId + " has no notification URL: start it with a"
					+ " notification_url, or set one with setNotificationUrl");
		}
		return sent;
	}

	/**
	 * Shortcut for {@code sendNotification(taskId, Webhook.genuine())}.
	 * @param taskId a task of this fake
	 * @return the deliveries, one per URL
	 */
	public List<WebhookDelivery> sendNotification(String taskId) {
		return sendNotification(taskId, Webhook.genuine());
	}

	/**
	 * Sends an earlier delivery again, byte for byte and header for header (same
	 * timestamp and signature), to the same URL, on the caller's thread.
	 * @param delivery a delivery of this fake
	 * @return the new delivery, marked as a {@linkplain WebhookDelivery#replay() replay}
	 */
	public WebhookDelivery replay(WebhookDelivery delivery) {
		return this.webhooks.replay(Objects.requireNonNull(delivery, "delivery"));
	}

	/**
	 * Every webhook notification sent since the start or the last {@link #reset()}, in
	 * the order answered.
	 * @return an immutable snapshot
	 */
	public List<WebhookDelivery> webhookDeliveries() {
		return this.state.deliveries();
	}

	/**
	 * Forgets all tasks, queued faults, recorded requests, webhook deliveries, scripted
	 * analyses and feature use; the server keeps running on the same port.
	 */
	public void reset() {
		this.state.reset();
	}

	/** Describes the fake without its secret or bearer token. */
	@Override
	public String toString() {
		int bound = this.port;
		return "FakeCloudinaryAnalysisApi[baseUrl="
				+ ((bound >= 0) ? "http://127.0.0.1:" + bound + "/v2/analysis" : "(not started)") + ", cloudName="
				+ this.cloudName + ", apiKey=" + this.apiKey + ", apiSecret=[REDACTED]"
				+ ((this.bearerToken != null) ? ", bearerToken=[REDACTED]" : "") + ", running=" + isRunning() + "]";
	}

	private static @Nullable URI checkedNotificationUrl(@Nullable URI url) {
		if (url != null && (!url.isAbsolute() || url.getHost() == null
				|| !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme())))) {
			throw new IllegalArgumentException("A notification URL must be an absolute http or https URL: " + url);
		}
		return url;
	}

	private static InetAddress loopback() {
		try {
			return InetAddress.getByAddress("localhost", new byte[] { 127, 0, 0, 1 });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** Configures a {@link FakeCloudinaryAnalysisApi}; not thread-safe. */
	public static final class Builder {

		private String cloudName = "demo";

		private String apiKey = "fake-api-key";

		private String apiSecret = "fake-api-secret";

		private @Nullable String bearerToken;

		private int port;

		private Clock clock = Clock.systemUTC();

		private TaskLife defaultTaskLife = TaskLife.completesAfterPolls(3);

		private @Nullable URI notificationUrl;

		private WebhookAlgorithm webhookAlgorithm = WebhookAlgorithm.SHA1;

		private @Nullable String webhookSigningSecret;

		private Builder() {
		}

		/**
		 * The fake-wide notification URL, as
		 * {@link FakeCloudinaryAnalysisApi#setNotificationUrl(URI)}.
		 * @param notificationUrl an absolute {@code http} or {@code https} URL, or
		 * {@code null} (the default)
		 * @return this builder
		 */
		public Builder notificationUrl(@Nullable URI notificationUrl) {
			this.notificationUrl = checkedNotificationUrl(notificationUrl);
			return this;
		}

		/**
		 * The digest webhook notifications are signed with.
		 * @param algorithm the algorithm; the default is {@link WebhookAlgorithm#SHA1},
		 * as Cloudinary's
		 * @return this builder
		 */
		public Builder webhookAlgorithm(WebhookAlgorithm algorithm) {
			this.webhookAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
			return this;
		}

		/**
		 * The secret webhook notifications are signed with.
		 * @param secret not blank; the default is the {@linkplain #apiSecret(String) API
		 * secret}, as Cloudinary's
		 * @return this builder
		 */
		public Builder webhookSigningSecret(String secret) {
			if (Objects.requireNonNull(secret, "secret").isBlank()) {
				throw new IllegalArgumentException("A webhook signing secret must not be blank");
			}
			this.webhookSigningSecret = secret;
			return this;
		}

		/**
		 * The cloud name served under {@code /v2/analysis/{cloud_name}}.
		 * @param cloudName letters, digits, {@code _} and {@code -}
		 * @return this builder
		 */
		public Builder cloudName(String cloudName) {
			if (!CLOUD_NAME.matcher(Objects.requireNonNull(cloudName, "cloudName")).matches()) {
				throw new IllegalArgumentException("A cloud name must match " + CLOUD_NAME + ": " + cloudName);
			}
			this.cloudName = cloudName;
			return this;
		}

		/**
		 * The API key expected in HTTP Basic authentication.
		 * @param apiKey not blank, without {@code :}
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			if (Objects.requireNonNull(apiKey, "apiKey").isBlank() || apiKey.indexOf(':') >= 0) {
				throw new IllegalArgumentException("An API key must not be blank nor contain ':'");
			}
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * The API secret expected in HTTP Basic authentication.
		 * @param apiSecret not blank
		 * @return this builder
		 */
		public Builder apiSecret(String apiSecret) {
			if (Objects.requireNonNull(apiSecret, "apiSecret").isBlank()) {
				throw new IllegalArgumentException("An API secret must not be blank");
			}
			this.apiSecret = apiSecret;
			return this;
		}

		/**
		 * Also accepts {@code Authorization: Bearer <token>} (OAuth2, which the contract
		 * allows).
		 * @param bearerToken the token, or {@code null} to accept HTTP Basic only (the
		 * default)
		 * @return this builder
		 */
		public Builder bearerToken(@Nullable String bearerToken) {
			if (bearerToken != null && bearerToken.isBlank()) {
				throw new IllegalArgumentException("A bearer token must not be blank");
			}
			this.bearerToken = bearerToken;
			return this;
		}

		/**
		 * The port to bind on {@code 127.0.0.1}.
		 * @param port 0 (the default) for a random free port, or 1 to 65535
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * The clock used for task creation times, {@link TaskLife#completesAfter
		 * time-based lives}, rate-limit reset times and request timestamps.
		 * @param clock the clock; the default is {@link Clock#systemUTC()}
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * The life of tasks created by {@code POST /analyze/{type}}.
		 * @param life the life; the default is {@code TaskLife.completesAfterPolls(3)}
		 * @return this builder
		 */
		public Builder defaultTaskLife(TaskLife life) {
			this.defaultTaskLife = Objects.requireNonNull(life, "life");
			return this;
		}

		/**
		 * A fake with this configuration, not yet started.
		 * @return the fake
		 */
		public FakeCloudinaryAnalysisApi build() {
			return new FakeCloudinaryAnalysisApi(this);
		}

		/**
		 * Shortcut for {@code build().start()}.
		 * @return the started fake
		 */
		public FakeCloudinaryAnalysisApi start() {
			return build().start();
		}

	}

}
