package io.github.cloudinaryanalysis.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JDK {@link HttpClient} wrapper for talking to the fake over loopback in tests.
 */
final class HttpTestClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final FakeCloudinaryAnalysisApi fake;

	HttpTestClient(FakeCloudinaryAnalysisApi fake) {
		this.fake = fake;
	}

	static String basic(String key, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	String validAuthorization() {
		return basic(this.fake.apiKey(), this.fake.apiSecret());
	}

	HttpResponse<String> getTask(String taskId) {
		return send(request("/" + this.fake.cloudName() + "/tasks/" + taskId).GET()
			.header("Authorization", validAuthorization()));
	}

	HttpResponse<String> analyze(String type, String jsonBody) {
		return send(request("/" + this.fake.cloudName() + "/analyze/" + type)
			.POST(HttpRequest.BodyPublishers.ofString(jsonBody))
			.header("Content-Type", "application/json")
			.header("Authorization", validAuthorization()));
	}

	/**
	 * A request builder for a path below {@code baseUrl()}, with
	 * {@code Accept: application/json}.
	 */
	HttpRequest.Builder request(String pathBelowBase) {
		return HttpRequest.newBuilder(URI.create(this.fake.baseUrl() + pathBelowBase))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json");
	}

	static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static String status(HttpResponse<String> response) {
		return json(response).path("data").path("status").asString();
	}

}
