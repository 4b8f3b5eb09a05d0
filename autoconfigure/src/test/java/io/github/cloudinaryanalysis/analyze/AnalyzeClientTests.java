package io.github.cloudinaryanalysis.analyze;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.CloudinaryAnalysisUnavailableException;
import io.github.cloudinaryanalysis.RateLimit;
import io.github.cloudinaryanalysis.http.AnalysisConnection;
import io.github.cloudinaryanalysis.metrics.CloudinaryAnalysisMeterDescriptions;
import io.github.cloudinaryanalysis.tasks.PollingSettings;
import io.github.cloudinaryanalysis.tasks.RequestOptions;
import io.github.cloudinaryanalysis.tasks.RestClientTasksClient;
import io.github.cloudinaryanalysis.tasks.RetryReason;
import io.github.cloudinaryanalysis.tasks.RetrySettings;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.Fault;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link AnalyzeClient} over real HTTP against the project's fake: every operation sync
 * and async, each error status, the retry policy for POSTs and the observation.
 */
class AnalyzeClientTests {

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension api = new FakeCloudinaryAnalysisExtension().resetBeforeEachTest();

	private static final Source SOURCE = Source.uri("https://res.cloudinary.com/demo/image/upload/sample.jpg");

	/** Short waits so that retried tests stay quick. */
	private static final RetrySettings QUICK_RETRIES = RetrySettings.defaults()
		.withBackoff(Duration.ofMillis(10), 2.0, Duration.ofSeconds(5));

	private final List<RetryReason> retries = new CopyOnWriteArrayList<>();

	private final List<List<RateLimit>> reportedLimits = new CopyOnWriteArrayList<>();

	private FakeCloudinaryAnalysisApi fake;

	private AnalysisConnection connection;

	private AnalyzeClient client;

	@BeforeEach
	void buildClient() {
		this.fake = api.api();
		this.connection = AnalysisConnection.builder()
			.baseUrl(this.fake.baseUrl())
			.cloudName(this.fake.cloudName())
			.credentials(this.fake.apiKey(), this.fake.apiSecret())
			.build();
		this.client = AnalyzeClient.builder()
			.connection(this.connection)
			.retry(QUICK_RETRIES)
			.listener(listener())
			.build();
	}

	private TasksClientListener listener() {
		return new TasksClientListener() {

			@Override
			public void onRetry(RetryReason reason, int retry, Duration wait) {
				AnalyzeClientTests.this.retries.add(reason);
			}

			@Override
			public void onRateLimits(List<RateLimit> limits) {
				AnalyzeClientTests.this.reportedLimits.add(limits);
			}

		};
	}

	@Test
	void everyOperationAnswersSynchronouslyTyped() {
		for (Function<Source, AnalysisRequest<?>> factory : AnalysisRequestTests.factories()) {
			AnalysisRequest<?> request = factory.apply(SOURCE);
			AnalysisResult<?> result = this.client.analyze(request);
			assertThat(result.entity()).as(request.type()).isEqualTo(SOURCE.uri());
			assertThat(result.analysis()).as(request.type()).isNotNull();
			assertThat(result.limits()).as(request.type()).hasSize(1);
			assertThat(result.requestId()).as(request.type()).isNotBlank();
		}
		assertThat(this.fake.requests()).hasSize(15)
			.allSatisfy((received) -> assertThat(received.method()).isEqualTo("POST"));
		assertThat(this.reportedLimits).as("limits of successful answers feed the listener").hasSize(15);
	}

	@Test
	void aTypedAnswerCarriesTheOperationsRecord() {
		AnalysisResult<CaptioningAnalysis> caption = this.client.analyze(AnalysisRequest.captioning(SOURCE));
		assertThat(caption.analysis().data().caption()).isEqualTo("A cat sitting on a table");
	}

	@Test
	void everyAsyncOperationStartsATaskThatTasksClientFollowsToCompletion() {
		try (RestClientTasksClient tasks = TasksClient.builder()
			.connection(this.connection)
			.polling(new PollingSettings(Duration.ofMillis(20), 1.5, Duration.ofMillis(100), Duration.ofSeconds(30)))
			.build()) {
			for (Function<Source, AnalysisRequest<?>> factory : AnalysisRequestTests.factories()) {
				AnalysisRequest<?> request = factory.apply(SOURCE);
				if (request.type().equals("google_logo_detection")) {
					continue; // the contract declares no 202 for it
				}
				AnalysisTask task = this.client.start(request);
				assertThat(task.taskId()).as(request.type()).isNotBlank();
				assertThat(tasks.awaitCompletion(task.taskId(), Duration.ofSeconds(30)).status()).as(request.type())
					.isEqualTo(TaskStatus.COMPLETED);
			}
		}
	}

	@Test
	void anAsyncAnswerToAnalyzeIsAnErrorNamingTheTaskId() {
		this.fake.failNext(1, Fault.status(202, "application/json",
				"{\"data\":{\"task_id\":\"task-42\",\"status\":\"pending\"},\"request_id\":\"r1\"}"));
		assertThatExceptionOfType(CloudinaryAnalysisException.class)
			.isThrownBy(() -> this.client.analyze(AnalysisRequest.captioning(SOURCE)))
			.withMessageContaining("task-42");
	}

	@Test
	void aSyncAnswerWithATaskToStartReturnsTheTaskWithItsStatus() {
		this.fake.failNext(1, Fault.status(200, "application/json",
				"{\"data\":{\"task_id\":\"task-43\",\"status\":\"completed\"},\"request_id\":\"r2\"}"));
		AnalysisTask task = this.client.start(AnalysisRequest.captioning(SOURCE));
		assertThat(task.taskId()).isEqualTo("task-43");
		assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
	}

	@Test
	void aBodyTheApiRefusesIsABadRequest() {
		assertThatExceptionOfType(CloudinaryAnalysisException.BadRequest.class)
			.isThrownBy(() -> this.client.start(AnalysisRequest.googleLogoDetection(SOURCE)));
	}

	@Test
	void wrongCredentialsAreUnauthorizedAndTheSecretIsNotQuoted() {
		AnalyzeClient wrong = AnalyzeClient.builder()
			.baseUrl(this.fake.baseUrl())
			.cloudName(this.fake.cloudName())
			.credentials(this.fake.apiKey(), "not-the-secret")
			.build();
		assertThatExceptionOfType(CloudinaryAnalysisException.Unauthorized.class)
			.isThrownBy(() -> wrong.analyze(AnalysisRequest.captioning(SOURCE)))
			.withMessageNotContaining("not-the-secret");
	}

	@Test
	void forbiddenAndNotFoundAreTheirExceptionsAndNotRetried() {
		this.fake.failNext(1, Fault.error(403, "user_error", "MA_00403", "forbidden (fake)"));
		assertThatExceptionOfType(CloudinaryAnalysisException.Forbidden.class)
			.isThrownBy(() -> this.client.analyze(AnalysisRequest.coco(SOURCE)));
		this.fake.failNext(1, Fault.error(404, "user_error", "MA_00404", "not found (fake)"));
		assertThatExceptionOfType(CloudinaryAnalysisException.NotFound.class)
			.isThrownBy(() -> this.client.start(AnalysisRequest.coco(SOURCE)));
		assertThat(this.fake.requestCount()).isEqualTo(2);
	}

	@Test
	void aServerErrorIsNotRetriedByDefaultBecauseThePostMayHaveBeenProcessed() {
		this.fake.failNext(1, Fault.serverError(500));
		assertThatExceptionOfType(CloudinaryAnalysisException.ServerError.class)
			.isThrownBy(() -> this.client.analyze(AnalysisRequest.captioning(SOURCE)));
		assertThat(this.fake.requestCount()).isEqualTo(1);
		assertThat(this.retries).isEmpty();
	}

	@Test
	void aServerErrorIsRetriedWhenTheCallOptsIn() {
		this.fake.failNext(1, Fault.serverError(500));
		AnalysisResult<CaptioningAnalysis> result = this.client.analyze(AnalysisRequest.captioning(SOURCE),
				RequestOptions.defaults().withRetry(QUICK_RETRIES));
		assertThat(result.analysis()).isNotNull();
		assertThat(this.fake.requestCount()).isEqualTo(2);
		assertThat(this.retries).containsExactly(RetryReason.SERVER_ERROR);
	}

	@Test
	void aRateLimitIsRetriedAfterTheWaitTheApiAsksForAndItsLimitsReported() {
		this.fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(1)).withRetryAfter(Duration.ofSeconds(1)));
		AnalysisTask task = this.client.start(AnalysisRequest.captioning(SOURCE));
		assertThat(task.taskId()).isNotBlank();
		assertThat(this.fake.requestCount()).isEqualTo(2);
		assertThat(this.retries).containsExactly(RetryReason.RATE_LIMITED);
		assertThat(this.reportedLimits).isNotEmpty();
	}

	@Test
	void aRateLimitWithoutRetriesCarriesItsLimits() {
		this.fake.failNext(1, Fault.rateLimited(Duration.ofHours(1)));
		assertThatExceptionOfType(CloudinaryAnalysisException.TooManyRequests.class)
			.isThrownBy(() -> this.client.analyze(AnalysisRequest.captioning(SOURCE),
					RequestOptions.defaults().withoutRetries()))
			.satisfies((ex) -> assertThat(ex.getLimits()).isNotEmpty());
		assertThat(this.fake.requestCount()).isEqualTo(1);
	}

	@Test
	void aRefusedConnectionIsRetriedBecauseNothingWasSent() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		AnalyzeClient refused = AnalyzeClient.builder()
			.baseUrl("http://127.0.0.1:" + closedPort)
			.cloudName("demo")
			.credentials("key", "secret")
			.retry(QUICK_RETRIES.withMaxRetries(2))
			.listener(listener())
			.build();
		assertThatExceptionOfType(CloudinaryAnalysisUnavailableException.class)
			.isThrownBy(() -> refused.analyze(AnalysisRequest.captioning(SOURCE)));
		assertThat(this.retries).containsExactly(RetryReason.CONNECT_FAILURE, RetryReason.CONNECT_FAILURE);
	}

	@Test
	void eachCallIsObservedWithItsTypeAndOutcome() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		meters.config().meterFilter(new CloudinaryAnalysisMeterDescriptions());
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		AnalyzeClient observed = AnalyzeClient.builder()
			.connection(this.connection)
			.observationRegistry(observations)
			.build();
		observed.analyze(AnalysisRequest.captioning(SOURCE));
		this.fake.failNext(1, Fault.serverError(500));
		assertThatExceptionOfType(CloudinaryAnalysisException.class)
			.isThrownBy(() -> observed.analyze(AnalysisRequest.coco(SOURCE)));
		assertThat(meters.get("cloudinary.analysis.analyze")
			.tag("type", "captioning")
			.tag("outcome", "success")
			.timer()
			.count()).isOne();
		assertThat(meters.get("cloudinary.analysis.analyze").timer().getId().getDescription())
			.isEqualTo("Cloudinary Analysis API analyze calls, retries included");
		assertThat(meters.get("cloudinary.analysis.analyze")
			.tag("type", "coco")
			.tag("outcome", "server_error")
			.timer()
			.count()).isOne();
	}

	@Test
	void httpClientRequestsCarryTheUriTemplateNeverTheOperation() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		AnalyzeClient observed = AnalyzeClient.builder()
			.restClientBuilder(RestClient.builder().observationRegistry(observations))
			.baseUrl(this.fake.baseUrl())
			.cloudName(this.fake.cloudName())
			.credentials(this.fake.apiKey(), this.fake.apiSecret())
			.build();
		observed.analyze(AnalysisRequest.captioning(SOURCE));
		observed.start(AnalysisRequest.coco(SOURCE));
		// one timer per status (200 and 202), both tagged with the template
		assertThat(meters.get("http.client.requests").timers()).hasSize(2)
			.allSatisfy((timer) -> assertThat(timer.getId().getTag("uri")).endsWith("/{cloudName}/analyze/{type}"));
	}

}
