package io.github.cloudinaryanalysis.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates every kind of answer the fake sends against the schema the official contract
 * declares for that operation and status, and proves the validator rejects drift.
 *
 * <p>
 * Contract quirk: {@code GetTaskStatusResponse} says {@code required: [status]} at the
 * top level although the status lives under {@code data}. The documented body therefore
 * fails validation
 * ({@link #theDocumentedTaskBodyFailsTheContractBecauseOfItsTopLevelRequiredStatus}); the
 * fake echoes a top-level {@code status} equal to {@code data.status}, which satisfies
 * the schema and which clients ignore.
 */
class ContractValidationTests {

	private static final String TASKS = "/tasks/{task_id}";

	private static final String URI_BODY = "{\"source\":{\"uri\":\"https://res.cloudinary.com/demo/image/upload/sample.jpg\"},\"async\":true}";

	private static OpenApiContract contract;

	private static FakeCloudinaryAnalysisApi fake;

	private static HttpTestClient http;

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension extension = FakeCloudinaryAnalysisExtension
		.using(FakeCloudinaryAnalysisApi::builder)
		.resetBeforeEachTest();

	@BeforeAll
	static void start(FakeCloudinaryAnalysisApi api) {
		fake = api;
		contract = OpenApiContract.load();
		http = new HttpTestClient(fake);
	}

	@Test
	void theContractResourceIsTheOfficialDocument() {
		assertThat(contract.document().path("openapi").asString()).isEqualTo("3.0.3");
		assertThat(contract.document().path("info").path("version").asString()).isEqualTo("0.2.0");
		assertThat(contract.schemaPointer(TASKS, "get", 200)).isEqualTo("/components/schemas/GetTaskStatusResponse");
	}

	@ParameterizedTest
	@ValueSource(strings = { "pending", "processing", "completed", "failed" })
	void taskStatusAnswersConform(String status) {
		String taskId = fake.createTask(TaskLife.fixed(status));
		HttpResponse<String> response = http.getTask(taskId);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertConforms(TASKS, "get", response);
		assertThat(HttpTestClient.status(response)).isEqualTo(status);
	}

	@Test
	void theFakeAnalysisTypesAreTheContracts() {
		assertThat(new TreeSet<>(FakeRequestHandler.ASYNC_ANALYSIS_TYPES)).isEqualTo(contract.asyncAnalysisTypes());
		Set<String> syncOnly = new TreeSet<>(contract.analysisTypes());
		syncOnly.removeAll(contract.asyncAnalysisTypes());
		assertThat(new TreeSet<>(FakeRequestHandler.SYNC_ONLY_ANALYSIS_TYPES)).isEqualTo(syncOnly);
		assertThat(new TreeSet<>(AnalysisTypes.ALL)).isEqualTo(contract.analysisTypes());
	}

	@ParameterizedTest
	@MethodSource("allTypes")
	void analyzeResultAnswersConform(String type) {
		for (boolean assetId : new boolean[] { false, true }) {
			String body = assetId
					? SyncAnalyzeEndpointTests.validBody(type, false,
							"{\"asset_id\":\"e12345b5c456c8901bbb0efc00c0fcf\"}")
					: SyncAnalyzeEndpointTests.validBody(type, false);
			HttpResponse<String> response = http.analyze(type, body);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertConforms("/analyze/" + type, "post", response);
		}
	}

	@ParameterizedTest
	@MethodSource("allTypes")
	void scriptedAnswersConformAndOffContractOnesAreRefused(String type) {
		fake.scriptAnalysis(type, fake.defaultAnalysis(type));
		HttpResponse<String> response = http.analyze(type, SyncAnalyzeEndpointTests.validBody(type, false));
		assertConforms("/analyze/" + type, "post", response);
		// Every operation's analysis schema requires a field, so an empty analysis breaks
		// the contract.
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> fake.scriptAnalysis(type, "{}"))
			.withMessageContaining("would not conform to the contract");
	}

	static Set<String> allTypes() {
		return AnalysisTypes.ALL;
	}

	@Test
	void requestBodiesThatBreakTheContractGetAConforming400() {
		HttpResponse<String> response = http.analyze("ai_vision_general",
				"{\"source\":{\"uri\":\"https://x.test/a.jpg\"},\"prompts\":[]}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertConforms("/analyze/ai_vision_general", "post", response);
	}

	@ParameterizedTest
	@MethodSource("asyncTypes")
	void analyzeAcceptedAnswersConform(String type) {
		HttpResponse<String> response = http.analyze(type, SyncAnalyzeEndpointTests.validBody(type, true));
		assertThat(response.statusCode()).isEqualTo(202);
		assertConforms("/analyze/" + type, "post", response);
	}

	static Set<String> asyncTypes() {
		return FakeRequestHandler.ASYNC_ANALYSIS_TYPES;
	}

	@Test
	void badRequestAnswersConform() {
		HttpResponse<String> badId = http.getTask("not%20valid");
		assertThat(badId.statusCode()).isEqualTo(400);
		assertConforms(TASKS, "get", badId);
		HttpResponse<String> badBody = http.analyze("coco",
				"{\"source\":{\"uri\":\"https://x.test/a.jpg\"},\"async\":1}");
		assertThat(badBody.statusCode()).isEqualTo(400);
		assertConforms("/analyze/coco", "post", badBody);
		HttpResponse<String> syncOnly = http.analyze("google_logo_detection", URI_BODY);
		assertThat(syncOnly.statusCode()).isEqualTo(400);
		assertConforms("/analyze/google_logo_detection", "post", syncOnly);
	}

	@Test
	void unauthorizedAnswersConform() {
		HttpResponse<String> task = HttpTestClient.send(http.request("/demo/tasks/abc").GET());
		assertThat(task.statusCode()).isEqualTo(401);
		assertConforms(TASKS, "get", task);
		HttpResponse<String> analyze = HttpTestClient.send(http.request("/demo/analyze/coco")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(URI_BODY))
			.header("Authorization", HttpTestClient.basic("fake-api-key", "wrong")));
		assertThat(analyze.statusCode()).isEqualTo(401);
		assertConforms("/analyze/coco", "post", analyze);
	}

	@Test
	void forbiddenAnswersConform() {
		fake.failNext(1, Fault.error(403, "auth_error", "MA_00403", "Forbidden (fake)"));
		HttpResponse<String> response = http.getTask(fake.createTask(TaskLife.fixed("pending")));
		assertThat(response.statusCode()).isEqualTo(403);
		assertConforms(TASKS, "get", response);
	}

	@Test
	void notFoundAnswersConform() {
		HttpResponse<String> unknownTask = http.getTask("a".repeat(160));
		assertThat(unknownTask.statusCode()).isEqualTo(404);
		assertConforms(TASKS, "get", unknownTask);
		HttpResponse<String> unknownPath = HttpTestClient
			.send(http.request("/demo/nothing-here").GET().header("Authorization", http.validAuthorization()));
		assertThat(unknownPath.statusCode()).isEqualTo(404);
		assertThat(contract.validate(TASKS, "get", 404, unknownPath.body())).isEmpty();
	}

	@Test
	void rateLimitedAnswersConform() {
		fake.failNext(2, Fault.rateLimited(Duration.ofSeconds(30)).withRetryAfter(Duration.ofSeconds(2)));
		HttpResponse<String> task = http.getTask(fake.createTask(TaskLife.fixed("pending")));
		assertThat(task.statusCode()).isEqualTo(429);
		assertConforms(TASKS, "get", task);
		HttpResponse<String> analyze = http.analyze("ai_vision_tagging", URI_BODY);
		assertThat(analyze.statusCode()).isEqualTo(429);
		assertConforms("/analyze/ai_vision_tagging", "post", analyze);
	}

	@Test
	void serverErrorAnswersConform() {
		fake.failNext(1, Fault.serverError(500));
		HttpResponse<String> response = http.getTask(fake.createTask(TaskLife.fixed("pending")));
		assertThat(response.statusCode()).isEqualTo(500);
		assertConforms(TASKS, "get", response);
	}

	// --- the validator catches drift, so the checks above cannot pass vacuously ---

	@Test
	void theDocumentedTaskBodyFailsTheContractBecauseOfItsTopLevelRequiredStatus() {
		String documented = "{\"data\":{\"task_id\":\"abc\",\"status\":\"processing\"},\"request_id\":\"17c3b70c5096df0e77e838323abb7029\"}";
		assertThat(messages(contract.validate(TASKS, "get", 200, documented))).anyMatch((m) -> m.contains("status"));
		String withEcho = "{\"data\":{\"task_id\":\"abc\",\"status\":\"processing\"},\"status\":\"processing\",\"request_id\":\"17c3b70c5096df0e77e838323abb7029\"}";
		assertThat(contract.validate(TASKS, "get", 200, withEcho)).isEmpty();
	}

	@Test
	void anUnknownStatusFailsTheContract() {
		String taskId = fake.createTask(TaskLife.fixed("archived"));
		HttpResponse<String> response = http.getTask(taskId);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(HttpTestClient.status(response)).isEqualTo("archived");
		assertThat(messages(contract.validate(TASKS, "get", 200, response.body()))).isNotEmpty()
			.anyMatch((m) -> m.contains("archived") || m.contains("enum"));
	}

	@Test
	void wrongShapesFailTheContract() {
		assertThat(contract.validate(TASKS, "get", 200,
				"{\"data\":{\"task_id\":7,\"status\":\"pending\"},\"status\":\"pending\"}"))
			.isNotEmpty();
		assertThat(contract.validate(TASKS, "get", 200, "{\"data\":\"pending\",\"status\":\"pending\"}")).isNotEmpty();
		assertThat(contract.validate(TASKS, "get", 404, "{\"error\":{\"category\":\"oops\",\"code\":\"X\"}}"))
			.isNotEmpty();
		assertThat(contract.validate("/analyze/coco", "post", 202, "{\"data\":{\"task_id\":\"t\"}}")).isNotEmpty();
		assertThat(contract.validate(TASKS, "get", 429,
				"{\"error\":{\"category\":\"rate_limit_error\"},\"limits\":{\"items\":[{\"type\":\"teleportation\"}]}}"))
			.isNotEmpty();
		assertThat(contract.validate(TASKS, "get", 429,
				"{\"error\":{\"category\":\"rate_limit_error\"},\"limits\":{\"items\":[{\"remaining\":0}]}}"))
			.as("limits items require a type")
			.isNotEmpty();
	}

	@Test
	void theValidatorHonoursOpenApiNullable() {
		String nullables = "{\"error\":null,\"limits\":{\"items\":[{\"type\":\"ai_vision\",\"used_by_request\":null,"
				+ "\"remaining\":null,\"limit\":null,\"reset_time\":null}]}}";
		assertThat(contract.validate(TASKS, "get", 429, nullables)).isEmpty();
		String notNullable = "{\"error\":{\"category\":null}}";
		assertThat(contract.validate(TASKS, "get", 500, notNullable)).isNotEmpty();
	}

	private static void assertConforms(String path, String method, HttpResponse<String> response) {
		List<Error> errors = contract.validate(path, method, response.statusCode(), response.body());
		assertThat(messages(errors)).as("%s %s %s: %s", method, path, response.statusCode(), response.body()).isEmpty();
	}

	private static List<String> messages(List<Error> errors) {
		return errors.stream().map(Error::toString).collect(Collectors.toList());
	}

}
