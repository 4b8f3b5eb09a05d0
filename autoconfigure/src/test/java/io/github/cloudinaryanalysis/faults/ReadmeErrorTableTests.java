package io.github.cloudinaryanalysis.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import io.github.cloudinaryanalysis.autoconfigure.metrics.CloudinaryAnalysisMetricsAutoConfiguration;
import io.github.cloudinaryanalysis.metrics.CloudinaryAnalysisMetrics;
import io.github.cloudinaryanalysis.tasks.RequestOptions;
import io.github.cloudinaryanalysis.tasks.RetrySettings;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The README's error table ("Errors") and retry rules ("Retries"), row by row, with
 * retries on as they are by default: for each answer of the API, the exception the caller
 * gets, how many requests the server received, and the {@code reason} of every retry in
 * the {@code cloudinary.analysis.retries} metric.
 * <p>
 * Only the backoff is shortened (10 ms instead of 500 ms) to keep the suite fast; the
 * number of retries (3) and the longest accepted wait (30 s) are the defaults. The counts
 * are exact: the raw server never closes a kept-alive connection, so the JDK client has
 * no reason to re-send a request on its own, and the server's journal must equal the
 * first attempt plus the retries the starter counted.
 */
class ReadmeErrorTableTests {

	private static final String TASK = "task_1";

	private static final int DEFAULT_ATTEMPTS = 1 + 3;

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

	static Stream<Arguments> rows() {
		return Stream.of(row("400", error(400, "user_error"), CloudinaryAnalysisException.BadRequest.class, 1, null),
				row("401", error(401, "auth_error"), CloudinaryAnalysisException.Unauthorized.class, 1, null),
				row("403", error(403, "auth_error"), CloudinaryAnalysisException.Forbidden.class, 1, null),
				row("404", error(404, "user_error"), CloudinaryAnalysisException.NotFound.class, 1, null),
				row("429 with Retry-After: 1 (within retry.max-interval)",
						FaultServer.respond(429, "application/json", rateLimitBody(Instant.now().plusSeconds(3600)),
								"Retry-After: 1\r\n"),
						CloudinaryAnalysisException.TooManyRequests.class, DEFAULT_ATTEMPTS, "rate_limited"),
				row("429 whose reset is an hour away (beyond retry.max-interval)",
						FaultServer.respond(429, "application/json", rateLimitBody(Instant.now().plusSeconds(3600))),
						CloudinaryAnalysisException.TooManyRequests.class, 1, null),
				row("500", error(500, "server_error"), CloudinaryAnalysisException.ServerError.class, DEFAULT_ATTEMPTS,
						"server_error"),
				row("502", error(502, "server_error"), CloudinaryAnalysisException.ServerError.class, DEFAULT_ATTEMPTS,
						"server_error"),
				row("503", error(503, "server_error"), CloudinaryAnalysisException.ServerError.class, DEFAULT_ATTEMPTS,
						"server_error"),
				row("504", error(504, "server_error"), CloudinaryAnalysisException.ServerError.class, DEFAULT_ATTEMPTS,
						"server_error"),
				row("501 (another 5xx)", error(501, "server_error"), CloudinaryAnalysisException.ServerError.class, 1,
						null),
				row("599 (another 5xx)", error(599, "server_error"), CloudinaryAnalysisException.ServerError.class, 1,
						null),
				row("418 (another 4xx)", error(418, "user_error"), CloudinaryAnalysisException.class, 1, null),
				row("302 (not followed)",
						FaultServer.respond(302, "text/plain", "", "Location: http://127.0.0.1:9/elsewhere\r\n"),
						CloudinaryAnalysisException.class, 1, null),
				row("200 with an empty body", FaultServer.respond(200, "application/json", ""),
						CloudinaryAnalysisException.class, 1, null),
				row("200 with malformed JSON", FaultServer.respond(200, "application/json", "{\"data\":{\"stat"),
						CloudinaryAnalysisException.class, 1, null),
				row("200 without data.status", FaultServer.respond(200, "application/json", "{\"data\":{}}"),
						CloudinaryAnalysisException.class, 1, null),
				row("200 over max-response-size", FaultServer.hugeBody(2 * 1024 * 1024),
						CloudinaryAnalysisException.class, 1, null),
				row("connection reset", FaultServer.resetMidBody("{\"data\":"), ResourceAccessException.class,
						DEFAULT_ATTEMPTS, "io_error"),
				row("read timeout", FaultServer.stallBody("{\"data\":", Duration.ofSeconds(30)),
						ResourceAccessException.class, DEFAULT_ATTEMPTS, "timeout"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void eachApiAnswerRaisesTheDocumentedExceptionAfterTheDocumentedAttempts(String answer,
			FaultServer.Behaviour behaviour, Class<? extends Throwable> exception, int attempts, String reason) {
		this.server.otherwise(behaviour);
		// A short read timeout only where the server stalls: elsewhere a cold first call
		// must not time out.
		String readTimeout = answer.equals("read timeout") ? "1s" : "30s";
		runner(this.server.baseUrl()).withPropertyValues("cloudinary.analysis.read-timeout=" + readTimeout)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Throwable thrown = catchThrowable(() -> context.getBean(TasksClient.class).getStatus(TASK));
				if (exception == CloudinaryAnalysisException.class) {
					assertThat(thrown).isNotNull();
					assertThat(thrown.getClass()).as("the base class itself, not a subclass")
						.isEqualTo(CloudinaryAnalysisException.class);
				}
				else {
					assertThat(thrown).isInstanceOf(exception);
				}
				assertThat(retriesByReason(context.getBean(MeterRegistry.class)))
					.isEqualTo((reason != null) ? Map.of(reason, (double) (attempts - 1)) : Map.of());
			});
		assertThat(this.server.requestCount()).as("requests the server received").isEqualTo(attempts);
	}

	@Test
	void aRefusedConnectionIsRetriedThenRaisedAsResourceAccessException() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		runner("http://127.0.0.1:" + closedPort + "/v2/analysis").run((context) -> {
			assertThat(catchThrowable(() -> context.getBean(TasksClient.class).getStatus(TASK)))
				.isInstanceOf(ResourceAccessException.class);
			assertThat(retriesByReason(context.getBean(MeterRegistry.class)))
				.isEqualTo(Map.of("connect_failure", (double) (DEFAULT_ATTEMPTS - 1)));
		});
	}

	@Test
	void anInvalidTaskIdIsRefusedWithoutARequest() {
		runner(this.server.baseUrl()).run((context) -> {
			assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(TasksClient.class).getStatus("../x"));
			assertThat(retriesByReason(context.getBean(MeterRegistry.class))).isEmpty();
		});
		assertThat(this.server.requestCount()).isZero();
	}

	@Test
	void noRetryStartsAWaitThatWouldEndAfterMaxElapsedTime() {
		this.server.otherwise(error(503, "server_error"));
		// The first backoff (2 s ± 25%) would end after the 1 s deadline: no retry at
		// all, whatever the clock says.
		runner(this.server.baseUrl())
			.withPropertyValues("cloudinary.analysis.retry.initial-interval=2s",
					"cloudinary.analysis.retry.max-elapsed-time=1s")
			.run((context) -> {
				assertThat(catchThrowable(() -> context.getBean(TasksClient.class).getStatus(TASK)))
					.isInstanceOf(CloudinaryAnalysisException.ServerError.class);
				assertThat(retriesByReason(context.getBean(MeterRegistry.class))).isEmpty();
			});
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

	@Test
	void requestOptionsWithRetryReplaceTheConfiguredRetriesForOneCall() {
		this.server.otherwise(error(503, "server_error"));
		RetrySettings fiveRetries = RetrySettings.defaults()
			.withBackoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(100))
			.withMaxRetries(5);
		runner(this.server.baseUrl()).run((context) -> {
			TasksClient client = context.getBean(TasksClient.class);
			assertThat(catchThrowable(() -> client.getStatus(TASK, RequestOptions.defaults().withRetry(fiveRetries))))
				.isInstanceOf(CloudinaryAnalysisException.ServerError.class);
			assertThat(this.server.requestCount()).as("1 + 5 retries").isEqualTo(6);
			assertThat(catchThrowable(() -> client.getStatus(TASK, RequestOptions.defaults().withoutRetries())))
				.isInstanceOf(CloudinaryAnalysisException.ServerError.class);
			assertThat(this.server.requestCount()).as("one more, not retried").isEqualTo(7);
			assertThat(retriesByReason(context.getBean(MeterRegistry.class))).isEqualTo(Map.of("server_error", 5.0));
		});
	}

	private static ApplicationContextRunner runner(String baseUrl) {
		return AnalysisContexts.against(baseUrl)
			// Boot's MetricsAutoConfiguration binds the client's meters (a MeterBinder)
			// to the registry.
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CloudinaryAnalysisMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("cloudinary.analysis.retry.initial-interval=10ms");
	}

	private static Map<String, Double> retriesByReason(MeterRegistry registry) {
		Map<String, Double> byReason = new TreeMap<>();
		for (Counter counter : registry.find(CloudinaryAnalysisMetrics.RETRIES).counters()) {
			byReason.merge(counter.getId().getTag("reason"), counter.count(), Double::sum);
		}
		return byReason;
	}

	private static Arguments row(String answer, FaultServer.Behaviour behaviour, Class<? extends Throwable> exception,
			int attempts, String reason) {
		return Arguments.of(answer, Named.of("server", behaviour), exception, attempts, reason);
	}

	private static FaultServer.Behaviour error(int status, String category) {
		return FaultServer.respond(status, "application/json", "{\"error\":{\"category\":\"" + category
				+ "\",\"code\":\"MA_" + status + "\",\"message\":\"answer " + status + "\"},\"request_id\":\"r\"}");
	}

	private static String rateLimitBody(Instant reset) {
		return "{\"error\":{\"category\":\"rate_limit_error\",\"code\":\"MA_429\",\"message\":\"Rate limit exceeded\"},"
				+ "\"limits\":{\"items\":[{\"type\":\"ai_vision\",\"used_by_request\":1,\"remaining\":0,\"limit\":1000,"
				+ "\"reset_time\":\"" + reset + "\"}]}}";
	}

}
