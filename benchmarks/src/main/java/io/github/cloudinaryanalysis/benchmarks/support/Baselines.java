package io.github.cloudinaryanalysis.benchmarks.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The two baselines every figure is compared with: the raw JDK {@link HttpClient} plus
 * Jackson, and a hand-written {@link RestClient} call doing the same request and JSON
 * mapping.
 */
public final class Baselines {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Baselines() {
	}

	public static String basicAuth(String key, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The raw JDK client: {@code send} with {@code BodyHandlers.ofByteArray()}, then
	 * Jackson.
	 */
	public static final class RawJdk {

		private final HttpClient client;

		private final String baseUrl;

		private final String authorization;

		public RawJdk(HttpClient client, String baseUrl, String authorization) {
			this.client = client;
			this.baseUrl = baseUrl;
			this.authorization = authorization;
		}

		public static HttpClient defaultClient(HttpClient.Version version) {
			return HttpClient.newBuilder()
				.version(version)
				.connectTimeout(Duration.ofSeconds(10))
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
		}

		public TaskStatusResponse getStatus(String cloudName, String taskId) throws IOException, InterruptedException {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(this.baseUrl + "/" + cloudName + "/tasks/" + taskId))
				.header(HttpHeaders.AUTHORIZATION, this.authorization)
				.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
				.timeout(Duration.ofSeconds(30))
				.GET()
				.build();
			HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode());
			}
			StatusBody body = MAPPER.readValue(response.body(), StatusBody.class);
			return new TaskStatusResponse(body.data().taskId(), TaskStatus.fromApiValue(body.data().status()),
					body.requestId());
		}

	}

	/**
	 * The hand-written {@link RestClient}: URI template, {@code retrieve()}, the message
	 * converters' Jackson.
	 */
	public static final class HandWritten {

		private final RestClient client;

		public HandWritten(ClientHttpRequestFactory requestFactory, String baseUrl, String authorization) {
			this(RestClient.builder().requestFactory(requestFactory), baseUrl, authorization);
		}

		public HandWritten(RestClient.Builder builder, String baseUrl, String authorization) {
			this.client = builder.baseUrl(baseUrl)
				.defaultHeader(HttpHeaders.AUTHORIZATION, authorization)
				.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
				.build();
		}

		public TaskStatusResponse getStatus(String cloudName, String taskId) {
			StatusBody body = this.client.get()
				.uri("/{cloudName}/tasks/{taskId}", cloudName, taskId)
				.retrieve()
				.body(StatusBody.class);
			return new TaskStatusResponse(body.data().taskId(), TaskStatus.fromApiValue(body.data().status()),
					body.requestId());
		}

	}

}
