package io.github.cloudinaryanalysis.sample;

import java.time.Duration;

import io.github.cloudinaryanalysis.test.ErrorCodes;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README promises a caller of a real application sees, over HTTP against the
 * running sample app: the {@code cloudinaryAnalysis} component of
 * {@code /actuator/health}, and a real 429 from the API turned into a 503 with
 * {@code Retry-After}.
 */
@EmbeddedSampleAppTest
class EndToEndViewsTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeCloudinaryAnalysisApi fake;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@AfterEach
	void noFaultLeftBehind() {
		assertThat(this.fake.pendingFaults()).isZero();
	}

	@Test
	void actuatorHealthHasTheCloudinaryAnalysisComponentWithItsDetailsAndNoSecret() {
		ResponseEntity<String> response = this.http.get("/actuator/health");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode health = Http.json(response);
		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode component = health.path("components").path("cloudinaryAnalysis");
		assertThat(component.path("status").asString()).isEqualTo("UP");
		JsonNode details = component.path("details");
		assertThat(details.path("cloudName").asString()).isEqualTo(this.fake.cloudName());
		assertThat(details.path("host").asString()).isEqualTo("127.0.0.1");
		assertThat(details.path("source").asString()).isIn("probe", "recent calls");
		assertThat(response.getBody()).doesNotContain(this.fake.apiSecret()).doesNotContain(this.fake.apiKey());
	}

	@Test
	void aRateLimitFromTheApiIsA503WithRetryAfter() {
		// Two minutes: longer than retry.max-interval (30 s), so the client fails fast
		// instead of sleeping.
		this.fake.failNext(1, Fault.rateLimited(Duration.ofMinutes(2)).withRetryAfter(Duration.ofSeconds(120)));
		ResponseEntity<String> response = this.http.get("/tasks/any-task");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("120");
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = Http.json(response);
		assertThat(problem.path("status").asInt()).isEqualTo(503);
		assertThat(problem.path("errorCode").asString()).isEqualTo(ErrorCodes.RATE_LIMITED);
		assertThat(response.getBody()).doesNotContain(this.fake.apiSecret()).doesNotContain(this.fake.apiKey());
	}

}
