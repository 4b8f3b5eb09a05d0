package io.github.cloudinaryanalysis.benchmarks.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.github.cloudinaryanalysis.benchmarks.generated.ApiClient;
import io.github.cloudinaryanalysis.benchmarks.generated.ApiException;
import io.github.cloudinaryanalysis.benchmarks.generated.api.TasksApi;
import io.github.cloudinaryanalysis.benchmarks.generated.model.GetTaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The baselines every figure is compared with: the raw JDK {@link HttpClient} plus
 * Jackson, a hand-written {@link RestClient} call doing the same request and JSON
 * mapping, and the client OpenAPI Generator makes from the official contract.
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

	/**
	 * The client a user would generate from the official contract: OpenAPI Generator,
	 * generator {@code java}, library {@code native} (JDK {@code HttpClient.send} with
	 * {@code ofInputStream()}, Jackson 2), generated at build time from
	 * {@code src/main/openapi/analysis-openapi.yml}. Authentication is added by the
	 * request interceptor, as its README shows; the answer is mapped to the same
	 * {@link TaskStatusResponse} as the other clients.
	 */
	public static final class Generated {

		private final TasksApi api;

		/**
		 * Create the generated client.
		 * @param httpClient the JDK client builder (version, TLS, timeouts, redirects)
		 * @param baseUrl the base URL without the cloud name
		 * @param cloudName the cloud name
		 * @param authorization the {@code Authorization} header value
		 */
		public Generated(HttpClient.Builder httpClient, String baseUrl, String cloudName, String authorization) {
			ApiClient client = new ApiClient(httpClient, ApiClient.createDefaultObjectMapper(),
					baseUrl + "/" + cloudName);
			client.setReadTimeout(Duration.ofSeconds(30));
			client.setRequestInterceptor((request) -> request.header(HttpHeaders.AUTHORIZATION, authorization));
			this.api = new TasksApi(client);
		}

		public TaskStatusResponse getStatus(String taskId) throws ApiException {
			GetTaskStatusResponse body = this.api.getAnalysisTaskStatus(taskId);
			return new TaskStatusResponse(body.getData().getTaskId(),
					TaskStatus.fromApiValue(body.getData().getStatus().getValue()), body.getRequestId());
		}

	}

}
