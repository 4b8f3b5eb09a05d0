package io.github.cloudinaryanalysis.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP Basic and bearer authentication, and the 401 ErrorResponse. */
class AuthenticationTests {

	private static FakeCloudinaryAnalysisApi fake;

	private static HttpTestClient http;

	private static String taskId;

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension extension = FakeCloudinaryAnalysisExtension
		.using(() -> FakeCloudinaryAnalysisApi.builder()
			.cloudName("my-cloud")
			.apiKey("123456789")
			.apiSecret("s3cr3t")
			.bearerToken("oauth-token"));

	@BeforeAll
	static void start(FakeCloudinaryAnalysisApi api) {
		fake = api;
		http = new HttpTestClient(fake);
		taskId = fake.createTask(TaskLife.fixed("completed"));
	}

	@Test
	void correctBasicCredentialsAreAccepted() {
		HttpResponse<String> response = http.getTask(taskId);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(HttpTestClient.status(response)).isEqualTo("completed");
	}

	@Test
	void missingCredentialsGive401() {
		assertUnauthorized(HttpTestClient.send(http.request("/my-cloud/tasks/" + taskId).GET()));
	}

	@Test
	void wrongSecretGives401() {
		assertUnauthorized(HttpTestClient.send(http.request("/my-cloud/tasks/" + taskId)
			.GET()
			.header("Authorization", HttpTestClient.basic("123456789", "wrong"))));
	}

	@Test
	void wrongKeyAndGarbageGive401() {
		assertUnauthorized(HttpTestClient.send(http.request("/my-cloud/tasks/" + taskId)
			.GET()
			.header("Authorization", HttpTestClient.basic("987654321", "s3cr3t"))));
		assertUnauthorized(HttpTestClient
			.send(http.request("/my-cloud/tasks/" + taskId).GET().header("Authorization", "Basic !!!not-base64")));
		assertUnauthorized(HttpTestClient
			.send(http.request("/my-cloud/tasks/" + taskId).GET().header("Authorization", "Digest abc")));
	}

	@Test
	void configuredBearerTokenIsAccepted() {
		HttpResponse<String> response = HttpTestClient
			.send(http.request("/my-cloud/tasks/" + taskId).GET().header("Authorization", "Bearer oauth-token"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertUnauthorized(HttpTestClient
			.send(http.request("/my-cloud/tasks/" + taskId).GET().header("Authorization", "Bearer other-token")));
	}

	@Test
	void bearerIsRejectedWhenNoTokenIsConfigured() {
		try (FakeCloudinaryAnalysisApi basicOnly = FakeCloudinaryAnalysisApi.builder().start()) {
			HttpTestClient client = new HttpTestClient(basicOnly);
			String id = basicOnly.createTask(TaskLife.fixed("pending"));
			assertUnauthorized(HttpTestClient
				.send(client.request("/demo/tasks/" + id).GET().header("Authorization", "Bearer oauth-token")));
			assertThat(client.getTask(id).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void anotherCloudNameGives401EvenWithValidCredentials() {
		assertUnauthorized(HttpTestClient.send(
				http.request("/other-cloud/tasks/" + taskId).GET().header("Authorization", http.validAuthorization())));
	}

	@Test
	void analyzeNeedsCredentialsToo() {
		assertUnauthorized(HttpTestClient.send(http.request("/my-cloud/analyze/coco")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"source\":{\"uri\":\"https://x.test/a.jpg\"},\"async\":true}"))));
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode error = HttpTestClient.json(response).path("error");
		assertThat(error.path("category").asString()).isEqualTo("auth_error");
		assertThat(error.path("code").asString()).isEqualTo(ErrorCodes.UNAUTHORIZED);
		assertThat(error.path("message").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("s3cr3t");
	}

}
