package io.github.cloudinaryanalysis.sample;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisConnectionDetails;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Starts a demo analysis task, only when running against the embedded fake. It sends the
 * API's own "analyze" request ({@code POST /{cloud_name}/analyze/captioning} with
 * {@code "async": true}) over HTTP, as an application does today, and answers 201 with
 * the task's URL in {@code Location}.
 */
@RestController
@ConditionalOnMissingCloudinaryCredentials
class DemoTaskController {

	static final String SAMPLE_IMAGE = "https://res.cloudinary.com/demo/image/upload/sample.jpg";

	private final RestClient analysisApi;

	private final String cloudName;

	DemoTaskController(RestClient.Builder builder, CloudinaryAnalysisConnectionDetails connection) {
		String cloudName = connection.cloudName();
		String apiKey = connection.apiKey();
		String apiSecret = connection.apiSecret();
		if (cloudName == null || apiKey == null || apiSecret == null) {
			// Only the embedded fake's connection (cloud name, key and secret) reaches
			// this controller.
			throw new IllegalStateException("The demo controller needs a cloud name, an API key and an API secret");
		}
		this.cloudName = cloudName;
		this.analysisApi = builder.baseUrl(connection.baseUrl())
			.defaultHeaders((headers) -> headers.setBasicAuth(apiKey, apiSecret))
			.build();
	}

	@PostMapping("/demo/tasks")
	ResponseEntity<Map<String, String>> start(@RequestParam(defaultValue = SAMPLE_IMAGE) String imageUrl) {
		Accepted accepted = this.analysisApi.post()
			.uri("/{cloudName}/analyze/{type}", this.cloudName, "captioning")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("source", Map.of("uri", imageUrl), "async", true))
			.retrieve()
			.body(Accepted.class);
		if (accepted == null) {
			throw new IllegalStateException("The Analysis API accepted the request without an answer body");
		}
		String taskId = accepted.data().taskId();
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/tasks/{id}").build(taskId);
		return ResponseEntity.created(location).body(Map.of("taskId", taskId));
	}

	/** The 202 answer of an asynchronous analyze request. */
	record Accepted(Data data, @JsonProperty("request_id") String requestId) {

		record Data(@JsonProperty("task_id") String taskId, String status) {

		}

	}

}
