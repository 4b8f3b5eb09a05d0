package io.github.cloudinaryanalysis.sample;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisConnectionDetails;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample app end to end over real HTTP, without credentials: it runs against the
 * embedded fake.
 */
@EmbeddedSampleAppTest
class EmbeddedModeEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeCloudinaryAnalysisApi fake;

	@Autowired
	CloudinaryAnalysisConnectionDetails connectionDetails;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void clientTargetsTheEmbeddedFake() {
		assertThat(this.fake.isRunning()).isTrue();
		assertThat(this.connectionDetails.baseUrl()).isEqualTo(this.fake.baseUrl()).startsWith("http://127.0.0.1:");
		assertThat(this.connectionDetails.cloudName()).isEqualTo(this.fake.cloudName());
	}

	@Test
	void demoTaskGoesFromPendingThroughProcessingToCompleted() {
		ResponseEntity<String> created = this.http.post("/demo/tasks");
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String taskId = Http.json(created).get("taskId").asString();
		URI location = created.getHeaders().getLocation();
		assertThat(location).isNotNull();
		assertThat(location.getPath()).isEqualTo("/tasks/" + taskId);
		assertThat(this.fake.requests()).anySatisfy((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/v2/analysis/demo/analyze/captioning");
			assertThat(request.body()).contains("\"async\":true").contains("\"uri\"");
		});

		// Poll like a user with curl would, every 100 ms, until COMPLETED; 30 s is a
		// guard against a hang (the demo
		// task takes 1.5 s), not a performance bound.
		List<String> seen = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			ResponseEntity<String> polled = this.http.get(location.getPath());
			assertThat(polled.getStatusCode()).isEqualTo(HttpStatus.OK);
			JsonNode body = Http.json(polled);
			assertThat(body.get("taskId").asString()).isEqualTo(taskId);
			assertThat(body.get("requestId").asString()).isNotBlank();
			String status = body.get("status").asString();
			if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
				seen.add(status);
			}
			return status.equals("COMPLETED");
		});
		assertThat(seen).containsExactly("PENDING", "PROCESSING", "COMPLETED");
	}

	@Test
	void waitingReturnsTheFinalStatusInOneRequest() {
		String taskId = this.fake.createTask(TaskLife.completesAfter(Duration.ofSeconds(1)));
		ResponseEntity<String> waited = this.http.get("/tasks/" + taskId + "?wait=20s");
		assertThat(waited.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(Http.json(waited).get("status").asString()).isEqualTo("COMPLETED");
		// Webhooks are on in the sample: the wait polled once at once, then ended on the
		// notification the fake posted to the sample's endpoint (the next poll would
		// have come only after the one-minute fallback interval).
		assertThat(this.fake.pollCount(taskId)).isEqualTo(1);
		// The fake records a delivery once it has the endpoint's answer, which may come
		// after the wait has ended.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.fake.webhookDeliveries()
				.stream()
				.anyMatch((delivery) -> delivery.taskId().equals(taskId) && delivery.status() == 200));
	}

	@Test
	void aWaitThatRunsOutAnswers202WithTheLastStatus() {
		String taskId = this.fake.createTask(TaskLife.fixed("processing"));
		ResponseEntity<String> waited = this.http.get("/tasks/" + taskId + "?wait=1500ms");
		assertThat(waited.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(waited.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(Http.json(waited).get("status").asString()).isEqualTo("PROCESSING");
	}

	@Test
	void waitingForAnUnknownTaskIsA404ProblemDetail() {
		ResponseEntity<String> waited = this.http.get("/tasks/no_such_task?wait=5s");
		assertThat(waited.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(Http.json(waited).get("errorCode").asString()).isEqualTo("MA_00404");
	}

	@Test
	void anUnreasonableWaitIsABadRequest() {
		assertThat(this.http.get("/tasks/abc?wait=2h").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void healthIsUp() {
		ResponseEntity<String> health = this.http.get("/actuator/health");
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(Http.json(health).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void clientRequestMetricsCarryTheUriTemplateNotTheTaskId() {
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(1));
		assertThat(this.http.get("/tasks/" + taskId).getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<String> metric = this.http.get("/actuator/metrics/http.client.requests");
		assertThat(metric.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<String> uris = new ArrayList<>();
		for (JsonNode tag : Http.json(metric).get("availableTags")) {
			if (tag.get("tag").asString().equals("uri")) {
				tag.get("values").forEach((value) -> uris.add(value.asString()));
			}
		}
		assertThat(uris).anySatisfy((uri) -> assertThat(uri).endsWith("/{cloudName}/tasks/{taskId}"));
		assertThat(uris).noneSatisfy((uri) -> assertThat(uri).contains(taskId));
	}

}
