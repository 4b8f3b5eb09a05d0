package io.github.cloudinaryanalysis.test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /tasks/{task_id}}: the 200 shape, unknown and malformed ids, unknown paths
 * and wrong methods.
 */
class TaskEndpointTests {

	private static FakeCloudinaryAnalysisApi fake;

	private static HttpTestClient http;

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension extension = FakeCloudinaryAnalysisExtension
		.using(FakeCloudinaryAnalysisApi::builder);

	@BeforeAll
	static void start(FakeCloudinaryAnalysisApi api) {
		fake = api;
		http = new HttpTestClient(fake);
	}

	@Test
	void okAnswerHasTheDocumentedShapePlusTheTopLevelStatusEcho() {
		String taskId = fake.createTask(TaskLife.fixed("processing"));
		assertThat(taskId).matches("[0-9a-f]{160}");
		HttpResponse<String> response = http.getTask(taskId);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = HttpTestClient.json(response);
		assertThat(body.path("data").path("task_id").asString()).isEqualTo(taskId);
		assertThat(body.path("data").path("status").asString()).isEqualTo("processing");
		assertThat(body.path("status").asString()).isEqualTo("processing");
		assertThat(body.path("request_id").asString()).matches("[0-9a-f]{32}");
		assertThat(body.propertyNames()).containsExactly("data", "status", "request_id");
	}

	@Test
	void requestIdsDifferBetweenAnswers() {
		String taskId = fake.createTask(TaskLife.fixed("pending"));
		String first = HttpTestClient.json(http.getTask(taskId)).path("request_id").asString();
		String second = HttpTestClient.json(http.getTask(taskId)).path("request_id").asString();
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void unknownTaskGives404UserError() {
		HttpResponse<String> response = http.getTask("0".repeat(160));
		assertThat(response.statusCode()).isEqualTo(404);
		JsonNode error = HttpTestClient.json(response).path("error");
		assertThat(error.path("category").asString()).isEqualTo("user_error");
		assertThat(error.path("code").asString()).isEqualTo(ErrorCodes.NOT_FOUND);
		assertThat(error.path("request_id").asString()).matches("[0-9a-f]{32}");
	}

	@Test
	void malformedTaskIdsGive400UserError() {
		for (String badId : new String[] { "has%20space", "quote%22and%5Cbackslash", "x".repeat(513), "" }) {
			HttpResponse<String> response = http.getTask(badId);
			assertThat(response.statusCode()).as(badId).isEqualTo(400);
			JsonNode error = HttpTestClient.json(response).path("error");
			assertThat(error.path("category").asString()).isEqualTo("user_error");
			assertThat(error.path("code").asString()).isEqualTo(ErrorCodes.BAD_REQUEST);
			assertThat(error.path("details").path("task_id").asString()).isEqualTo(badId);
		}
		assertThat(http.getTask("x".repeat(512)).statusCode()).as("512 chars are allowed").isEqualTo(404);
	}

	@Test
	void unknownPathsGive404ErrorResponse() {
		for (String path : new String[] { "/demo/tasks", "/demo/tasks/a/b", "/demo/other" }) {
			HttpResponse<String> response = HttpTestClient
				.send(http.request(path).GET().header("Authorization", http.validAuthorization()));
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(HttpTestClient.json(response).path("error").path("category").asString()).isEqualTo("user_error");
		}
		HttpResponse<String> root = HttpTestClient
			.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + fake.port() + "/")).GET());
		assertThat(root.statusCode()).isEqualTo(404);
		assertThat(HttpTestClient.json(root).path("error").path("code").asString()).isEqualTo(ErrorCodes.NOT_FOUND);
	}

	@Test
	void wrongMethodGives405() {
		String taskId = fake.createTask(TaskLife.fixed("pending"));
		HttpResponse<String> response = HttpTestClient
			.send(http.request("/demo/tasks/" + taskId).DELETE().header("Authorization", http.validAuthorization()));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("GET");
		assertThat(fake.pollCount(taskId)).isZero();
		HttpResponse<String> getAnalyze = HttpTestClient
			.send(http.request("/demo/analyze/coco").GET().header("Authorization", http.validAuthorization()));
		assertThat(getAnalyze.statusCode()).isEqualTo(405);
		assertThat(getAnalyze.headers().firstValue("Allow")).hasValue("POST");
	}

}
