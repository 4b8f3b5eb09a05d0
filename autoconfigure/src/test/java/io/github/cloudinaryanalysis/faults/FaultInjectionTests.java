package io.github.cloudinaryanalysis.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import io.github.cloudinaryanalysis.tasks.RetryReason;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Bad input, hostile and broken servers, over real loopback sockets. Each test proves the
 * outcome, the number of requests the server saw, and that no connection or thread is
 * left behind. Request counts are exact even with retries on: the raw server never closes
 * a kept-alive connection, so the JDK client never re-sends on its own.
 */
class FaultInjectionTests {

	private static final String TASK = "task_1";

	private static final String OK_BODY = "{\"data\":{\"task_id\":\"task_1\",\"status\":\"completed\"},\"request_id\":\"r\"}";

	private FaultServer server;

	private ThreadLeaks threads;

	@BeforeEach
	void start() throws IOException {
		this.threads = ThreadLeaks.snapshot();
		this.server = new FaultServer();
	}

	@AfterEach
	void stop() throws Exception {
		this.server.close();
		assertThat(this.threads.leftBehind()).as("threads left behind").isEmpty();
	}

	@Test
	void connectionRefusedIsRetriedThenRaisedAsResourceAccessException() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		List<RetryReason> retries = new CopyOnWriteArrayList<>();
		AnalysisContexts.against("http://127.0.0.1:" + closedPort + "/v2/analysis")
			.withPropertyValues("cloudinary.analysis.retry.initial-interval=10ms",
					"cloudinary.analysis.retry.max-retries=2")
			.withBean(TasksClientListener.class, () -> retriesInto(retries))
			.run((context) -> assertThatExceptionOfType(ResourceAccessException.class)
				.isThrownBy(() -> context.getBean(TasksClient.class).getStatus(TASK)));
		assertThat(retries).as("3 attempts: the first and 2 retries")
			.containsExactly(RetryReason.CONNECT_FAILURE, RetryReason.CONNECT_FAILURE);
	}

	@Test
	void aConnectionResetMidBodyIsRetriedAndTheConnectionClosed() throws Exception {
		this.server.then(FaultServer.resetMidBody("{\"data\":{\"sta")).then(FaultServer.resetMidBody("{"));
		run(fast().withPropertyValues("cloudinary.analysis.retry.max-retries=1"),
				(client) -> assertThatExceptionOfType(ResourceAccessException.class)
					.isThrownBy(() -> client.getStatus(TASK)));
		assertThat(this.server.requestCount()).isEqualTo(2);
		assertThat(this.server.openConnectionsAfter(Duration.ofSeconds(5))).isZero();
	}

	@Test
	void aBodyThatStallsAfterTheHeadersFailsAfterTheReadTimeoutWithoutHanging() throws Exception {
		this.server.then(FaultServer.stallBody("{\"data\":", Duration.ofSeconds(20)));
		run(fast().withPropertyValues("cloudinary.analysis.read-timeout=500ms",
				"cloudinary.analysis.retry.enabled=false"),
				(client) -> assertThatExceptionOfType(ResourceAccessException.class)
					.isThrownBy(() -> client.getStatus(TASK)));
		assertThat(this.server.requestCount()).isEqualTo(1);
		assertThat(this.server.openConnectionsAfter(Duration.ofSeconds(5))).as("stalled connection closed").isZero();
	}

	@Test
	void aBurstOf503ThenA200Succeeds() throws Exception {
		String unavailable = "{\"error\":{\"category\":\"server_error\",\"code\":\"MA_503\",\"message\":\"busy\"}}";
		for (int i = 0; i < 3; i++) {
			this.server.then(FaultServer.respond(503, "application/json", unavailable));
		}
		this.server.then(FaultServer.respond(200, "application/json", OK_BODY));
		run(fast(), (client) -> assertThat(client.getStatus(TASK).status()).isEqualTo(TaskStatus.COMPLETED));
		assertThat(this.server.requestCount()).isEqualTo(4);
		assertThat(this.server.openConnectionsAfter(Duration.ofMillis(200))).as("at most the pooled connection")
			.isLessThanOrEqualTo(1);
	}

	@Test
	void requestOptionsSwitchRetriesOffForOneCall() throws Exception {
		this.server.then(FaultServer.respond(503, "text/plain", "busy"));
		this.server.otherwise(FaultServer.respond(200, "application/json", OK_BODY));
		run(fast(), (client) -> {
			assertThatExceptionOfType(CloudinaryAnalysisException.ServerError.class).isThrownBy(() -> client
				.getStatus(TASK, io.github.cloudinaryanalysis.tasks.RequestOptions.defaults().withoutRetries()));
			assertThat(client.getStatus(TASK).status()).isEqualTo(TaskStatus.COMPLETED);
		});
		assertThat(this.server.requestCount()).isEqualTo(2);
	}

	@Test
	void clientErrorsAreNeverRetried() throws Exception {
		this.server.otherwise(FaultServer.respond(404, "application/json",
				"{\"error\":{\"category\":\"user_error\",\"code\":\"MA_404\",\"message\":\"no task\"}}"));
		run(fast(), (client) -> assertThatExceptionOfType(CloudinaryAnalysisException.NotFound.class)
			.isThrownBy(() -> client.getStatus(TASK)));
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

	@Test
	void anInterruptStopsARetryWaitAtOnceAndKeepsTheFlag() throws Exception {
		this.server.otherwise(FaultServer.respond(503, "text/plain", "busy"));
		List<RetryReason> retries = new CopyOnWriteArrayList<>();
		fast()
			.withPropertyValues("cloudinary.analysis.retry.initial-interval=60s",
					"cloudinary.analysis.retry.max-interval=90s", "cloudinary.analysis.retry.max-elapsed-time=5m")
			.withBean(TasksClientListener.class, () -> retriesInto(retries))
			.run((context) -> {
				TasksClient client = context.getBean(TasksClient.class);
				java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
				java.util.concurrent.atomic.AtomicBoolean flag = new java.util.concurrent.atomic.AtomicBoolean();
				Thread caller = new Thread(() -> {
					try {
						client.getStatus(TASK);
					}
					catch (Throwable ex) {
						thrown.set(ex);
					}
					flag.set(Thread.currentThread().isInterrupted());
				});
				caller.start();
				// The 503 came back and the client decided to wait 45-75 s before
				// retrying: interrupt that wait (if the
				// interrupt comes just before the sleep starts, the sleep ends at once
				// all the same).
				await().atMost(Duration.ofSeconds(30)).until(() -> !retries.isEmpty());
				caller.interrupt();
				// Generous, and still far shorter than the wait it interrupts.
				caller.join(Duration.ofSeconds(20).toMillis());
				assertThat(caller.isAlive()).as("still waiting after the interrupt").isFalse();
				assertThat(thrown.get()).isInstanceOf(CloudinaryAnalysisException.ServerError.class);
				assertThat(thrown.get().getSuppressed()).hasAtLeastOneElementOfType(InterruptedException.class);
				assertThat(flag.get()).as("interrupt flag restored").isTrue();
			});
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

	@Test
	void moreFailuresThanRetriesRaisesTheLastOne() throws Exception {
		this.server.otherwise(FaultServer.respond(500, "application/json",
				"{\"error\":{\"category\":\"server_error\",\"code\":\"MA_500\",\"message\":\"down\"}}"));
		run(fast(),
				(client) -> assertThatExceptionOfType(CloudinaryAnalysisException.ServerError.class)
					.isThrownBy(() -> client.getStatus(TASK))
					.withMessageContaining("MA_500"));
		assertThat(this.server.requestCount()).isEqualTo(4);
	}

	@Test
	void a429WithRetryAfterOneSecondIsHonouredThenSucceeds() throws Exception {
		this.server.then(FaultServer.respond(429, "application/json", rateLimitBody(Instant.now().plusSeconds(3600)),
				"Retry-After: 1\r\n"));
		this.server.then(FaultServer.respond(200, "application/json", OK_BODY));
		long start = System.nanoTime();
		run(fast(), (client) -> assertThat(client.getStatus(TASK).status()).isEqualTo(TaskStatus.COMPLETED));
		assertThat(this.server.requestCount()).isEqualTo(2);
		// The header, not the hour-away reset nor the 10 ms backoff, decided the wait.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void a429WhoseResetIsAnHourAwayFailsFast() throws Exception {
		this.server
			.otherwise(FaultServer.respond(429, "application/json", rateLimitBody(Instant.now().plusSeconds(3600))));
		run(fast(), (client) -> {
			CloudinaryAnalysisException.TooManyRequests ex = catchThrowable(client,
					CloudinaryAnalysisException.TooManyRequests.class);
			assertThat(ex.getRetryAfter())
				.hasValueSatisfying((wait) -> assertThat(wait.toMinutes()).isCloseTo(60, within(1L)));
			assertThat(ex.getLimits()).singleElement().satisfies((limit) -> assertThat(limit.remaining()).isZero());
		});
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

	@Test
	void malformedJsonIsAClearErrorAndNotRetried() throws Exception {
		this.server.otherwise(FaultServer.respond(200, "application/json", "{\"data\":{\"status\":\"compl"));
		run(fast(), (client) -> assertThat(catchThrowable(client, CloudinaryAnalysisException.class))
			.hasMessageContaining("not JSON"));
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

	@Test
	void anHtml502PageFromAProxyIsRetriedThenRaisedAsServerError() throws Exception {
		this.server.otherwise(
				FaultServer.respond(502, "text/html", "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"));
		run(fast().withPropertyValues("cloudinary.analysis.retry.max-retries=2"), (client) -> {
			CloudinaryAnalysisException.ServerError ex = catchThrowable(client,
					CloudinaryAnalysisException.ServerError.class);
			assertThat(ex.getApiError()).isNull();
			assertThat(ex.getMessage()).contains("502", "<h1>502 Bad Gateway</h1>");
		});
		assertThat(this.server.requestCount()).isEqualTo(3);
	}

	@Test
	void a200WithAnEmptyBodyIsAClearError() throws Exception {
		this.server.otherwise(FaultServer.respond(200, "application/json", ""));
		run(fast(), (client) -> assertThat(catchThrowable(client, CloudinaryAnalysisException.class))
			.hasMessageContaining("empty body"));
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

	@Test
	void aTenMegabyteBodyIsCutAtTheLimitWithAClearError() throws Exception {
		this.server.then(FaultServer.hugeBody(10 * 1024 * 1024));
		run(fast(), (client) -> {
			CloudinaryAnalysisException ex = catchThrowable(client, CloudinaryAnalysisException.class);
			assertThat(ex).hasMessageContaining("larger than 1048576 bytes");
			assertThat(ex.getResponseBodyAsByteArray()).hasSize(1024 * 1024);
		});
		assertThat(this.server.requestCount()).isEqualTo(1);
		assertThat(this.server.openConnectionsAfter(Duration.ofSeconds(5))).isZero();
	}

	@Test
	void anEndlessBodyIsCutAtTheLimitInsteadOfBeingDrained() throws Exception {
		this.server.then(FaultServer.endlessBody());
		run(fast(), (client) -> assertThat(catchThrowable(client, CloudinaryAnalysisException.class))
			.hasMessageContaining("larger than 1048576 bytes"));
		assertThat(this.server.requestCount()).isEqualTo(1);
		assertThat(this.server.openConnectionsAfter(Duration.ofSeconds(5))).isZero();
	}

	@Test
	void anUnknownStatusValueIsUnknownNotAFailure() throws Exception {
		this.server.then(FaultServer.respond(200, "application/json",
				"{\"data\":{\"task_id\":\"task_1\",\"status\":\"archived\"}}"));
		run(fast(), (client) -> assertThat(client.getStatus(TASK).status()).isEqualTo(TaskStatus.UNKNOWN));
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

	@Test
	void aWrongContentTypeIsReadWhenTheBodyIsTheDocumentedJson() throws Exception {
		this.server.then(FaultServer.respond(200, "text/html; charset=iso-8859-1", OK_BODY));
		run(fast(), (client) -> assertThat(client.getStatus(TASK).status()).isEqualTo(TaskStatus.COMPLETED));
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

	@Test
	void a302ToAnotherHostIsNotFollowedAndForwardsNoCredentials() throws Exception {
		try (FaultServer otherHost = new FaultServer()) {
			otherHost.otherwise(FaultServer.respond(200, "application/json", OK_BODY));
			this.server.then(FaultServer.respond(302, "text/plain", "",
					"Location: " + otherHost.baseUrl() + "/demo/tasks/task_1\r\n"));
			run(fast(),
					(client) -> assertThat(
							catchThrowable(client, CloudinaryAnalysisException.class).getStatusCode().value())
						.isEqualTo(302));
			assertThat(this.server.requestCount()).isEqualTo(1);
			assertThat(otherHost.requestCount()).isZero();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../secrets", "a%2Fb", "a?x=1", "a#b", "" })
	void invalidTaskIdsSendZeroRequests(String taskId) throws Exception {
		run(fast(), (client) -> {
			assertThatIllegalArgumentException().isThrownBy(() -> client.getStatus(taskId));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> client.awaitCompletionAsync(taskId, Duration.ofSeconds(1)));
		});
		assertThat(this.server.requestCount()).isZero();
	}

	private ApplicationContextRunner fast() {
		return AnalysisContexts.against(this.server.baseUrl())
			.withPropertyValues("cloudinary.analysis.retry.initial-interval=10ms",
					"cloudinary.analysis.retry.max-interval=5s");
	}

	private static void run(ApplicationContextRunner runner, Consumer<TasksClient> test) {
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context.getBean(TasksClient.class));
		});
	}

	private static <T extends Throwable> T catchThrowable(TasksClient client, Class<T> type) {
		try {
			client.getStatus(TASK);
		}
		catch (Throwable ex) {
			assertThat(ex).isInstanceOf(type);
			return type.cast(ex);
		}
		throw new AssertionError("Expected " + type.getSimpleName());
	}

	private static TasksClientListener retriesInto(List<RetryReason> retries) {
		return new TasksClientListener() {

			@Override
			public void onRetry(RetryReason reason, int retry, Duration wait) {
				retries.add(reason);
			}

		};
	}

	private static String rateLimitBody(Instant reset) {
		return "{\"error\":{\"category\":\"rate_limit_error\",\"code\":\"MA_429\",\"message\":\"Rate limit exceeded\"},"
				+ "\"limits\":{\"items\":[{\"type\":\"ai_vision\",\"used_by_request\":1,\"remaining\":0,\"limit\":1000,"
				+ "\"reset_time\":\"" + reset + "\"}]}}";
	}

}
