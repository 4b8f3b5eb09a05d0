package io.github.cloudinaryanalysis.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Queued faults: 429 with limits and Retry-After, 5xx, delays and raw bodies, consumed in
 * order.
 */
class FaultTests {

	private static final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T05:06:07.890Z"));

	private static FakeCloudinaryAnalysisApi fake;

	private static HttpTestClient http;

	private String taskId = "";

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension extension = FakeCloudinaryAnalysisExtension
		.using(() -> FakeCloudinaryAnalysisApi.builder().clock(clock));

	@BeforeAll
	static void start(FakeCloudinaryAnalysisApi api) {
		fake = api;
		http = new HttpTestClient(fake);
	}

	@BeforeEach
	void resetAndCreateTask() {
		fake.reset();
		this.taskId = fake.createTask(TaskLife.completesAfterPolls(2));
	}

	@Test
	void rateLimitedAnswersWithLimitsAndNoRetryAfterByDefault() {
		fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(90)));
		HttpResponse<String> response = http.getTask(this.taskId);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		JsonNode body = HttpTestClient.json(response);
		assertThat(body.path("error").path("category").asString()).isEqualTo("rate_limit_error");
		assertThat(body.path("error").path("code").asString()).isEqualTo(ErrorCodes.RATE_LIMITED);
		assertThat(body.path("error").path("request_id").asString()).matches("[0-9a-f]{32}");
		JsonNode item = body.path("limits").path("items").path(0);
		assertThat(item.path("type").asString()).isEqualTo("ai_vision");
		assertThat(item.path("used_by_request").asInt()).isEqualTo(1);
		assertThat(item.path("remaining").asInt()).isZero();
		assertThat(item.path("limit").asInt()).isEqualTo(10000);
		assertThat(item.path("reset_time").asString()).isEqualTo("2025-03-04T05:07:37Z");
	}

	@Test
	void rateLimitedCanCarryRetryAfterInWholeSeconds() {
		fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(10)).withRetryAfter(Duration.ofMillis(1500)));
		HttpResponse<String> response = http.getTask(this.taskId);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
	}

	@Test
	void faultsAreConsumedInOrderThenNormalBehaviourResumes() {
		fake.failNext(2, Fault.serverError(503));
		fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(1)));
		assertThat(fake.pendingFaults()).isEqualTo(3);
		HttpResponse<String> first = http.getTask(this.taskId);
		HttpResponse<String> second = http.getTask(this.taskId);
		HttpResponse<String> third = http.getTask(this.taskId);
		HttpResponse<String> fourth = http.getTask(this.taskId);
		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(HttpTestClient.json(first).path("error").path("category").asString()).isEqualTo("server_error");
		assertThat(second.statusCode()).isEqualTo(503);
		assertThat(third.statusCode()).isEqualTo(429);
		assertThat(fourth.statusCode()).isEqualTo(200);
		assertThat(HttpTestClient.status(fourth)).as("faulted polls do not count").isEqualTo("pending");
		assertThat(fake.pendingFaults()).isZero();
		assertThat(fake.requestCount()).isEqualTo(4);
	}

	@Test
	void delayAnswersNormallyAfterTheDelay() {
		fake.failNext(1, Fault.delay(Duration.ofSeconds(2)));
		long start = System.nanoTime();
		HttpResponse<String> delayed = http.getTask(this.taskId);
		long delayedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		assertThat(delayed.statusCode()).isEqualTo(200);
		assertThat(HttpTestClient.status(delayed)).isEqualTo("pending");
		assertThat(delayedMillis).isGreaterThanOrEqualTo(2000);
		// Only that one answer is delayed: the next one comes back sooner than the delay
		// would allow. Loopback
		// answers take milliseconds, so the 2 s delay leaves a wide margin on a loaded
		// machine.
		start = System.nanoTime();
		HttpResponse<String> next = http.getTask(this.taskId);
		assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(2000);
		assertThat(HttpTestClient.status(next)).isEqualTo("completed");
	}

	@Test
	void rawStatusSendsTheBodyAsIs() {
		String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
		fake.failNext(1, Fault.status(502, "text/html", html));
		HttpResponse<String> response = http.getTask(this.taskId);
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
		assertThat(response.body()).isEqualTo(html);
	}

	@Test
	void genericErrorFaultsCarryTheirCategoryAndCode() {
		fake.failNext(1, Fault.error(403, "auth_error", "MA_00403", "No add-on subscription"));
		HttpResponse<String> response = http.analyze("coco", "{\"source\":{\"asset_id\":\"abc\"},\"async\":true}");
		assertThat(response.statusCode()).isEqualTo(403);
		JsonNode error = HttpTestClient.json(response).path("error");
		assertThat(error.path("category").asString()).isEqualTo("auth_error");
		assertThat(error.path("code").asString()).isEqualTo("MA_00403");
		assertThat(error.path("message").asString()).isEqualTo("No add-on subscription");
	}

	@Test
	void faultsApplyBeforeAuthentication() {
		fake.failNext(1, Fault.serverError(500));
		HttpResponse<String> response = HttpTestClient.send(http.request("/demo/tasks/" + this.taskId).GET());
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(HttpTestClient.send(http.request("/demo/tasks/" + this.taskId).GET()).statusCode()).isEqualTo(401);
	}

	@Test
	void invalidFaultsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.serverError(404));
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.delay(Duration.ofMillis(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> fake.failNext(0, Fault.serverError(500)));
		assertThatIllegalStateException().isThrownBy(() -> Fault.serverError(500).withRetryAfter(Duration.ZERO));
	}

}
