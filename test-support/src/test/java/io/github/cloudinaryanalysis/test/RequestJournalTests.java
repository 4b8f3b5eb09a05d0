package io.github.cloudinaryanalysis.test;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The request journal and {@link FakeCloudinaryAnalysisApi#reset()}. */
class RequestJournalTests {

	private static final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));

	private static FakeCloudinaryAnalysisApi fake;

	private static HttpTestClient http;

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension extension = FakeCloudinaryAnalysisExtension
		.using(() -> FakeCloudinaryAnalysisApi.builder().clock(clock))
		.resetBeforeEachTest();

	@BeforeAll
	static void start(FakeCloudinaryAnalysisApi api) {
		fake = api;
		http = new HttpTestClient(fake);
	}

	@Test
	void recordsMethodPathQueryHeadersBodyAndTime() {
		String taskId = fake.createTask(TaskLife.fixed("pending"));
		HttpTestClient.send(http.request("/demo/tasks/" + taskId + "?verbose=1")
			.GET()
			.header("Authorization", http.validAuthorization())
			.header("X-Trace", "t-1"));
		String body = "{\"source\":{\"uri\":\"https://x.test/a.jpg\"},\"async\":true}";
		http.analyze("coco", body);

		List<ReceivedRequest> requests = fake.requests();
		assertThat(fake.requestCount()).isEqualTo(2);
		assertThat(requests).hasSize(2);
		ReceivedRequest get = requests.get(0);
		assertThat(get.method()).isEqualTo("GET");
		assertThat(get.path()).isEqualTo("/v2/analysis/demo/tasks/" + taskId);
		assertThat(get.query()).isEqualTo("verbose=1");
		assertThat(get.header("authorization")).isEqualTo(http.validAuthorization());
		assertThat(get.header("AUTHORIZATION")).isEqualTo(http.validAuthorization());
		assertThat(get.header("x-trace")).isEqualTo("t-1");
		assertThat(get.headers().get("Accept")).containsExactly("application/json");
		assertThat(get.header("X-Missing")).isNull();
		assertThat(get.body()).isEmpty();
		assertThat(get.receivedAt()).isEqualTo(clock.instant());
		ReceivedRequest post = requests.get(1);
		assertThat(post.method()).isEqualTo("POST");
		assertThat(post.path()).isEqualTo("/v2/analysis/demo/analyze/coco");
		assertThat(post.query()).isNull();
		assertThat(post.body()).isEqualTo(body);
		assertThat(post.header("content-type")).isEqualTo("application/json");
	}

	@Test
	void unauthenticatedAndFaultedRequestsAreRecordedToo() {
		HttpTestClient.send(http.request("/demo/tasks/abc").GET());
		fake.failNext(1, Fault.serverError(500));
		http.getTask("abc");
		assertThat(fake.requests()).extracting(ReceivedRequest::path)
			.containsExactly("/v2/analysis/demo/tasks/abc", "/v2/analysis/demo/tasks/abc");
	}

	@Test
	void toStringRedactsAuthorization() {
		HttpTestClient.send(http.request("/demo/tasks/abc").GET().header("Authorization", http.validAuthorization()));
		String text = fake.requests().get(0).toString();
		assertThat(text).contains("GET /v2/analysis/demo/tasks/abc")
			.contains("[REDACTED]")
			.doesNotContain(http.validAuthorization().substring(6))
			.doesNotContain(fake.apiSecret());
	}

	@Test
	void theSnapshotIsImmutableAndResetClearsEverything() {
		String taskId = fake.createTask(TaskLife.fixed("pending"));
		http.getTask(taskId);
		List<ReceivedRequest> snapshot = fake.requests();
		fake.failNext(3, Fault.serverError(500));

		fake.reset();

		assertThat(snapshot).hasSize(1);
		assertThat(fake.requests()).isEmpty();
		assertThat(fake.requestCount()).isZero();
		assertThat(fake.pendingFaults()).isZero();
		assertThat(http.getTask(taskId).statusCode()).as("tasks are forgotten").isEqualTo(404);
		assertThat(fake.requestCount()).isEqualTo(1);
	}

}
