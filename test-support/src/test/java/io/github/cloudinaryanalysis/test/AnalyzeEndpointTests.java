package io.github.cloudinaryanalysis.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /analyze/{type}} with {@code "async": true}: 202, a new task, and the
 * 400/404 answers (synchronous answers: {@link SyncAnalyzeEndpointTests}).
 */
class AnalyzeEndpointTests {

	private static FakeCloudinaryAnalysisApi fake;

	private static HttpTestClient http;

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension extension = FakeCloudinaryAnalysisExtension
		.using(() -> FakeCloudinaryAnalysisApi.builder().defaultTaskLife(TaskLife.completesAfterPolls(3)));

	@BeforeAll
	static void start(FakeCloudinaryAnalysisApi api) {
		fake = api;
		http = new HttpTestClient(fake);
	}

	@Test
	void asyncAnalyzeAnswers202AndTheNewTaskCanBePolledToCompletion() {
		HttpResponse<String> accepted = http.analyze("ai_vision_tagging",
				"{\"source\":{\"uri\":" + "\"https://res.cloudinary.com/demo/image/upload/sample.jpg\"},\"async\":true,"
						+ "\"tag_definitions\":[{\"name\":\"cat\",\"description\":\"Is there a cat?\"}]}");
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(accepted.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = HttpTestClient.json(accepted);
		String taskId = body.path("data").path("task_id").asString();
		assertThat(taskId).matches("[0-9a-f]{160}");
		assertThat(body.path("data").path("status").asString()).isEqualTo("pending");
		assertThat(body.path("request_id").asString()).matches("[0-9a-f]{32}");
		assertThat(HttpTestClient.status(http.getTask(taskId))).isEqualTo("pending");
		assertThat(HttpTestClient.status(http.getTask(taskId))).isEqualTo("processing");
		assertThat(HttpTestClient.status(http.getTask(taskId))).isEqualTo("completed");
		assertThat(HttpTestClient.status(http.getTask(taskId))).isEqualTo("completed");
	}

	@Test
	void assetIdSourcesAreAcceptedAndEachCallMakesANewTask() {
		String body = "{\"source\":{\"asset_id\":\"e12345b5c456c8901bbb0efc00c0fcf\"},\"async\":true}";
		String first = HttpTestClient.json(http.analyze("captioning", body)).path("data").path("task_id").asString();
		String second = HttpTestClient.json(http.analyze("captioning", body)).path("data").path("task_id").asString();
		assertThat(first).isNotEqualTo(second);
		assertThat(http.getTask(first).statusCode()).isEqualTo(200);
	}

	@Test
	void theDefaultTaskLifeIsConfigurable() {
		try (FakeCloudinaryAnalysisApi failing = FakeCloudinaryAnalysisApi.builder()
			.defaultTaskLife(TaskLife.failsAfterPolls(1))
			.start()) {
			HttpTestClient client = new HttpTestClient(failing);
			String taskId = HttpTestClient
				.json(client.analyze("coco", "{\"source\":{\"uri\":\"https://x.test/a.jpg\"}," + "\"async\":true}"))
				.path("data")
				.path("task_id")
				.asString();
			assertThat(HttpTestClient.status(client.getTask(taskId))).isEqualTo("failed");
		}
	}

	@Test
	void withoutAValidSourceOrWithAWrongAsyncTheAnswerIs400() {
		assertBadRequest(http.analyze("coco", "{\"source\":{\"uri\":\"https://x.test/a.jpg\"},\"async\":\"true\"}"));
		assertBadRequest(http.analyze("coco", "{\"async\":true}"));
		assertBadRequest(http.analyze("coco", "{\"source\":{},\"async\":true}"));
		assertBadRequest(http.analyze("coco", "{\"source\":{\"uri\":\"u\",\"asset_id\":\"a\"},\"async\":true}"));
		assertBadRequest(http.analyze("coco", "not json"));
		assertBadRequest(http.analyze("coco", "[]"));
		assertBadRequest(http.analyze("coco", ""));
	}

	@Test
	void aTypeWithoutA202InTheContractAnswers400ToAsyncRequests() {
		assertBadRequest(http.analyze("google_logo_detection",
				"{\"source\":{\"uri\":\"https://x.test/a.jpg\"}," + "\"async\":true}"));
	}

	@Test
	void unknownTypesGive404() {
		HttpResponse<String> response = http.analyze("mind_reading",
				"{\"source\":{\"uri\":\"https://x.test/a\"}," + "\"async\":true}");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(HttpTestClient.json(response).path("error").path("code").asString()).isEqualTo(ErrorCodes.NOT_FOUND);
	}

	@Test
	void everyTypeWithA202InTheContractStartsATaskTheTaskEndpointFollows() {
		for (String type : FakeRequestHandler.ASYNC_ANALYSIS_TYPES) {
			HttpResponse<String> accepted = http.analyze(type, SyncAnalyzeEndpointTests.validBody(type, true));
			assertThat(accepted.statusCode()).as(type).isEqualTo(202);
			String taskId = HttpTestClient.json(accepted).path("data").path("task_id").asString();
			assertThat(HttpTestClient.status(http.getTask(taskId))).isEqualTo("pending");
			assertThat(HttpTestClient.status(http.getTask(taskId))).isEqualTo("processing");
			assertThat(HttpTestClient.status(http.getTask(taskId))).isEqualTo("completed");
		}
	}

	private static void assertBadRequest(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode error = HttpTestClient.json(response).path("error");
		assertThat(error.path("category").asString()).isEqualTo("user_error");
		assertThat(error.path("code").asString()).isEqualTo(ErrorCodes.BAD_REQUEST);
	}

}
