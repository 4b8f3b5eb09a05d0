package io.github.cloudinaryanalysis.sample;

import io.github.cloudinaryanalysis.test.ErrorCodes;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the client's exceptions reach HTTP callers: RFC 9457 problem details with the API's
 * error code and request id, and never a credential.
 */
@EmbeddedSampleAppTest
class ProblemDetailTests {

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
	void unknownTaskIsA404WithTheApiErrorCode() {
		ResponseEntity<String> response = this.http.get("/tasks/no-such-task");
		JsonNode problem = problem(response, HttpStatus.NOT_FOUND);
		assertThat(problem.get("title").asString()).isEqualTo("Analysis task not found");
		assertThat(problem.get("errorCode").asString()).isEqualTo(ErrorCodes.NOT_FOUND);
		assertThat(problem.get("requestId").asString()).isNotBlank();
		assertThat(problem.get("instance").asString()).isEqualTo("/tasks/no-such-task");
		assertNoSecret(response);
	}

	@Test
	void invalidTaskIdIsA400AndNeverReachesTheApi() {
		int before = this.fake.requestCount();
		ResponseEntity<String> response = this.http.get("/tasks/bad.id");
		JsonNode problem = problem(response, HttpStatus.BAD_REQUEST);
		assertThat(problem.get("detail").asString()).contains("bad.id");
		assertThat(this.fake.requestCount()).isEqualTo(before);
		assertNoSecret(response);
	}

	@Test
	void otherApiErrorIsA502WithTheUpstreamStatusAndCode() {
		this.fake.failNext(1, Fault.error(401, "auth_error", ErrorCodes.UNAUTHORIZED, "Invalid credentials"));
		ResponseEntity<String> response = this.http.get("/tasks/any-task");
		JsonNode problem = problem(response, HttpStatus.BAD_GATEWAY);
		assertThat(problem.get("errorCode").asString()).isEqualTo(ErrorCodes.UNAUTHORIZED);
		assertThat(problem.get("upstreamStatus").asInt()).isEqualTo(401);
		assertThat(problem.get("requestId").asString()).isNotBlank();
		assertNoSecret(response);
	}

	private static JsonNode problem(ResponseEntity<String> response, HttpStatus status) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = Http.json(response);
		assertThat(problem.get("status").asInt()).isEqualTo(status.value());
		return problem;
	}

	private void assertNoSecret(ResponseEntity<String> response) {
		assertThat(response.getBody()).doesNotContain(this.fake.apiSecret()).doesNotContain(this.fake.apiKey());
		assertThat(response.getHeaders().toString()).doesNotContain(this.fake.apiSecret());
	}

}
