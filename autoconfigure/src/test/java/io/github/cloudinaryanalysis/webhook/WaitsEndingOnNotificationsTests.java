package io.github.cloudinaryanalysis.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpServer;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.ErrorCategory;
import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalysisResult;
import io.github.cloudinaryanalysis.analyze.AnalyzeClient;
import io.github.cloudinaryanalysis.analyze.CaptioningAnalysis;
import io.github.cloudinaryanalysis.analyze.RestClientAnalyzeClient;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.analyze.TagDefinition;
import io.github.cloudinaryanalysis.http.AnalysisConnection;
import io.github.cloudinaryanalysis.tasks.AwaitOutcome;
import io.github.cloudinaryanalysis.tasks.NotificationDeliveredElsewhereException;
import io.github.cloudinaryanalysis.tasks.PollingSettings;
import io.github.cloudinaryanalysis.tasks.RestClientTasksClient;
import io.github.cloudinaryanalysis.tasks.TaskAwaitTimeoutException;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.ReceivedRequest;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Waits that end on the notification, over real loopback HTTP: the project's fake starts
 * the analyses and posts signed notifications to a small JDK server standing in for the
 * application's endpoint, which verifies, parses and hands each one to the
 * {@link NotificationHub}. Deadlines are generous (tens of seconds) because the machine
 * is shared; the only short intervals are fallback poll intervals, which are lower bounds
 * (a timer never fires early).
 */
class WaitsEndingOnNotificationsTests {

	private static final Source CAT = Source.uri("https://res.cloudinary.com/demo/image/upload/cat.jpg");

	private static final Duration LONG = Duration.ofSeconds(30);

	/** So long that no safety-net poll is sent during a test. */
	private static final Duration NO_FALLBACK_POLL = Duration.ofMinutes(10);

	private final ExecutorService endpointThreads = Executors.newFixedThreadPool(4);

	private final AtomicInteger deliveredElsewhere = new AtomicInteger();

	private final Queue<String> notifiedTypes = new ConcurrentLinkedQueue<>();

	private final Queue<Duration> notifiedDelays = new ConcurrentLinkedQueue<>();

	private final Queue<String> waitsEnded = new ConcurrentLinkedQueue<>();

	private HttpServer endpoint;

	private FakeCloudinaryAnalysisApi fake;

	private NotificationHub hub;

	private WebhookSignatureVerifier verifier;

	private AnalysisConnection connection;

	private RestClientTasksClient tasks;

	private AnalyzeClient analyze;

	@BeforeEach
	void startEndpoint() throws IOException {
		this.endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
		this.endpoint.setExecutor(this.endpointThreads);
		this.endpoint.createContext("/notifications",
				new VerifyingReceiver(() -> this.verifier, (outcome, notification) -> {
					if (notification != null) {
						this.hub.accept(notification);
					}
				}));
		// Another instance's endpoint: it takes notifications and tells this one nothing.
		this.endpoint.createContext("/elsewhere", (exchange) -> {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				in.readAllBytes();
				this.deliveredElsewhere.incrementAndGet();
				exchange.sendResponseHeaders(200, -1);
			}
		});
		this.endpoint.start();
	}

	@AfterEach
	void stop() {
		if (this.tasks != null) {
			this.tasks.close();
		}
		if (this.fake != null) {
			this.fake.close();
		}
		this.endpoint.stop(0);
		this.endpointThreads.shutdownNow();
	}

	@Test
	void awaitCompletionEndsOnTheNotificationAndNoPollIsSentAfterIt() throws Exception {
		Duration fallback = Duration.ofMillis(200);
		start(TaskLife.completesAfterPolls(1000), fallback, "/notifications");
		this.fake.setNotificationUrl(endpointUri("/notifications"));
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(1000));
		CompletableFuture<TaskStatusResponse> wait = this.tasks.awaitCompletionAsync(taskId, LONG);
		assertThat(this.hub.waitCount()).isOne();
		// The first poll goes out at once (the task might have ended already).
		await().atMost(LONG).until(() -> this.fake.pollCount(taskId) == 1);

		// Sent synchronously: the endpoint has handed it to the hub when this returns.
		assertThat(this.fake.sendNotification(taskId)).singleElement()
			.satisfies((delivery) -> assertThat(delivery.status()).isEqualTo(200));
		assertThat(wait).isCompleted();
		TaskStatusResponse status = wait.get();
		assertThat(status.taskId()).isEqualTo(taskId);
		assertThat(status.status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(this.hub.waitCount()).isZero();
		int pollsAtTheNotification = this.fake.pollCount(taskId);

		// Five fallback intervals: a wait still polling would have sent about five polls.
		await().during(Duration.ofMillis(5 * fallback.toMillis()))
			.atMost(LONG)
			.until(() -> this.fake.pollCount(taskId) == pollsAtTheNotification);
		assertThat(this.hub.keptCount()).isZero();
	}

	@Test
	void aBlockingAwaitCompletionEndsOnTheNotificationOfAFailedAnalysis() throws Exception {
		start(TaskLife.completesAfterPolls(1000), NO_FALLBACK_POLL, "/notifications");
		this.fake.setNotificationUrl(endpointUri("/notifications"));
		String taskId = this.fake.createTask(TaskLife.failsAfterPolls(1000));
		CompletableFuture<TaskStatusResponse> blocked = CompletableFuture
			.supplyAsync(() -> this.tasks.awaitCompletion(taskId, LONG));
		await().atMost(LONG).until(() -> this.hub.waitCount() == 1 && this.fake.pollCount(taskId) == 1);
		this.fake.sendNotification(taskId);
		TaskStatusResponse status = blocked.get(LONG.toSeconds(), TimeUnit.SECONDS);
		assertThat(status.status()).as("as a poll would report it").isEqualTo(TaskStatus.FAILED);
		assertThat(this.fake.pollCount(taskId)).as("the first poll, at once").isOne();
	}

	@Test
	void aNotificationThatArrivedBeforeTheWaitEndsTheWaitAtOnce() throws Exception {
		start(TaskLife.completesAfterPolls(1000), NO_FALLBACK_POLL, "/notifications");
		this.fake.setNotificationUrl(endpointUri("/notifications"));
		// Ends on the fake's timer at once, and is notified with nobody waiting yet.
		String taskId = this.fake.createTask(TaskLife.completesAfter(Duration.ZERO));
		await().atMost(LONG).until(() -> this.hub.keptCount() == 1);

		CompletableFuture<TaskStatusResponse> wait = this.tasks.awaitCompletionAsync(taskId, LONG);
		assertThat(wait).as("ended before awaitCompletionAsync returned").isCompleted();
		assertThat(wait.get().status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(this.fake.pollCount(taskId)).isZero();
		assertThat(this.hub.keptCount()).as("taken by the wait").isZero();
		assertThat(this.hub.waitCount()).isZero();
	}

	@Test
	void analyzeAsyncCompletesWithTheTypedResultOfTheNotification() throws Exception {
		start(TaskLife.completesAfter(Duration.ZERO), NO_FALLBACK_POLL, "/notifications");
		AnalysisResult<CaptioningAnalysis> result = this.analyze.analyzeAsync(AnalysisRequest.captioning(CAT), LONG)
			.get(LONG.toSeconds(), TimeUnit.SECONDS);
		assertThat(result.analysis().data().caption()).isEqualTo("A cat sitting on a table");
		assertThat(result.entity()).isEqualTo(CAT.uri());
		assertThat(result.limits()).hasSize(1);
		assertThat(result.requestId()).isNotBlank();

		assertThat(this.fake.requests()).singleElement().satisfies((start) -> {
			assertThat(start.method()).isEqualTo("POST");
			assertThat(start.body()).contains("\"async\":true")
				.contains("\"notification_url\":\"" + endpointUri("/notifications") + "\"");
		});
		assertThat(this.notifiedTypes).containsExactly("captioning");
		assertThat(this.notifiedDelays).singleElement().satisfies((delay) -> assertThat(delay).isPositive());
		assertThat(this.waitsEnded).as("the wait is reported as any other").containsExactly("completed after 0 polls");
		assertThat(this.hub.waitCount()).isZero();
		assertThat(this.hub.keptCount()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void analyzeAsyncGivesEveryOperationsResultAsTheSyncCallDoes(String type,
			Function<Source, AnalysisRequest<?>> factory) throws Exception {
		start(TaskLife.completesAfter(Duration.ZERO), NO_FALLBACK_POLL, "/notifications");
		AnalysisRequest<?> request = factory.apply(CAT);
		CompletableFuture<? extends AnalysisResult<?>> async = this.analyze.analyzeAsync(request, LONG);
		if (type.equals("google_logo_detection")) {
			// The contract declares no asynchronous answer for it: the start's 400.
			assertThat(async).failsWithin(LONG)
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(CloudinaryAnalysisException.BadRequest.class);
			return;
		}
		AnalysisResult<?> viaNotification = async.get(LONG.toSeconds(), TimeUnit.SECONDS);
		AnalysisResult<?> sync = this.analyze.analyze(request);
		assertThat(viaNotification.analysis()).isEqualTo(sync.analysis());
		assertThat(viaNotification.entity()).isEqualTo(sync.entity());
		assertThat(this.fake.requests()).extracting(ReceivedRequest::method).containsOnly("POST");
		assertThat(this.notifiedTypes).containsExactly(type);
	}

	static List<Object[]> operations() {
		List<Function<Source, AnalysisRequest<?>>> factories = List.of(
				(source) -> AnalysisRequest.aiVisionGeneral(source, List.of("Describe this image")),
				(source) -> AnalysisRequest.aiVisionModeration(source, List.of("Is there any violence?")),
				(source) -> AnalysisRequest.aiVisionTagging(source,
						List.of(new TagDefinition("cat", "Is there a cat?"))),
				AnalysisRequest::captioning, AnalysisRequest::cldFashion, AnalysisRequest::cldText,
				AnalysisRequest::coco, AnalysisRequest::googleLogoDetection, AnalysisRequest::googleTagging,
				AnalysisRequest::humanAnatomy, AnalysisRequest::imageQuality, AnalysisRequest::lvis,
				AnalysisRequest::shopClassifier, AnalysisRequest::unidet, AnalysisRequest::watermarkDetection);
		List<Object[]> arguments = new ArrayList<>();
		for (Function<Source, AnalysisRequest<?>> factory : factories) {
			arguments.add(new Object[] { factory.apply(CAT).type(), factory });
		}
		return arguments;
	}

	@Test
	void aFailedAnalysisFailsTheFutureWithTheApisError() {
		// The fake's task fails on its first poll and then notifies: the poll comes after
		// one fallback interval and the notification within the next.
		start(TaskLife.failsAfterPolls(1), Duration.ofSeconds(1), "/notifications");
		CompletableFuture<AnalysisResult<CaptioningAnalysis>> async = this.analyze
			.analyzeAsync(AnalysisRequest.captioning(CAT), LONG);
		assertThat(async).failsWithin(LONG)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(CloudinaryAnalysisException.ServerError.class, (failed) -> {
				assertThat(failed.getStatusCode().value()).isEqualTo(500);
				assertThat(failed.getApiError()).isNotNull();
				assertThat(failed.getApiError().category()).isEqualTo(ErrorCategory.SERVER_ERROR);
				assertThat(failed.getApiError().code()).isEqualTo("MA_00500");
				assertThat(failed.getApiError().message()).isEqualTo("The analysis failed (fake)");
				assertThat(failed.getRequestId()).isNotBlank();
				assertThat(failed).hasMessageContaining("[MA_00500] The analysis failed (fake)");
			});
		assertThat(this.hub.waitCount()).isZero();
	}

	@Test
	void noNotificationWithinTheTimeoutFailsWithTaskAwaitTimeoutException() {
		start(TaskLife.completesAfterPolls(1000), NO_FALLBACK_POLL, "/notifications");
		CompletableFuture<AnalysisResult<CaptioningAnalysis>> async = this.analyze
			.analyzeAsync(AnalysisRequest.captioning(CAT), Duration.ofMillis(500));
		assertThat(async).failsWithin(LONG)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(TaskAwaitTimeoutException.class);
		assertThat(this.hub.waitCount()).as("registration dropped at the timeout").isZero();
		assertThat(this.notifiedTypes).isEmpty();
	}

	@Test
	void aPollThatSeesTheTaskEndedWithoutItsNotificationFailsWithDeliveredElsewhere() {
		Duration fallback = Duration.ofMillis(300);
		start(TaskLife.completesAfter(Duration.ZERO), fallback, "/elsewhere");
		CompletableFuture<AnalysisResult<CaptioningAnalysis>> async = this.analyze
			.analyzeAsync(AnalysisRequest.captioning(CAT), LONG);
		assertThat(async).failsWithin(LONG)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(NotificationDeliveredElsewhereException.class, (elsewhere) -> {
				assertThat(elsewhere.getPolledStatus()).isEqualTo(TaskStatus.COMPLETED);
				assertThat(elsewhere).hasMessageContaining("delivered elsewhere")
					.hasMessageContaining("within PT0.3S")
					.hasMessageContaining("AnalysisNotification event on every instance")
					.hasMessageContaining("TasksClient.awaitCompletion");
			})
			.isInstanceOf(CloudinaryAnalysisException.class);
		assertThat(this.deliveredElsewhere).hasValue(1);
		String taskId = ((NotificationDeliveredElsewhereException) failureOf(async)).getTaskId();
		assertThat(this.fake.pollCount(taskId)).as("one safety-net poll, none after it").isOne();
		assertThat(this.hub.waitCount()).isZero();
	}

	@Test
	void withoutANotificationTheWaitPollsAtTheFallbackInterval() {
		Duration fallback = Duration.ofMillis(250);
		start(TaskLife.completesAfterPolls(1000), fallback, "/notifications");
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(1000));
		// The client's own polling would poll every 20 ms: the hub's interval replaces
		// it.
		CompletableFuture<TaskStatusResponse> wait = this.tasks.awaitCompletionAsync(taskId, Duration.ofMillis(1600));
		assertThat(wait).failsWithin(LONG)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(TaskAwaitTimeoutException.class);
		List<Instant> polls = this.fake.requests()
			.stream()
			.filter((request) -> request.method().equals("GET"))
			.map(ReceivedRequest::receivedAt)
			.toList();
		// At once, then at 250, 500, ... 1500 ms: seven, give or take a late timer.
		assertThat(polls).hasSizeBetween(4, 7);
		for (int i = 1; i < polls.size(); i++) {
			assertThat(Duration.between(polls.get(i - 1), polls.get(i))).as("interval before poll %d", i + 1)
				.isGreaterThanOrEqualTo(fallback.minusMillis(50));
		}
		assertThat(this.hub.waitCount()).isZero();
	}

	@Test
	void cancellingOrClosingDropsTheRegistrations() throws Exception {
		start(TaskLife.completesAfterPolls(1000), NO_FALLBACK_POLL, "/notifications");
		CompletableFuture<AnalysisResult<CaptioningAnalysis>> cancelled = this.analyze
			.analyzeAsync(AnalysisRequest.captioning(CAT), LONG);
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(1000));
		CompletableFuture<TaskStatusResponse> cancelledWait = this.tasks.awaitCompletionAsync(taskId, LONG);
		assertThat(this.hub.waitCount()).isEqualTo(2);
		cancelled.cancel(false);
		cancelledWait.cancel(false);
		assertThat(this.hub.waitCount()).isZero();
		assertThat(this.hub.waitedTaskCount()).isZero();

		List<CompletableFuture<?>> open = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			open.add(this.analyze.analyzeAsync(AnalysisRequest.captioning(CAT), LONG));
			open.add(this.tasks.awaitCompletionAsync(taskId, LONG));
		}
		assertThat(this.hub.waitCount()).isEqualTo(10);
		this.tasks.close();
		assertThat(open).allSatisfy((future) -> {
			assertThat(future).isDone();
			assertThat(failureOf(future)).isInstanceOf(CancellationException.class)
				.hasMessageContaining("The TasksClient was closed");
		});
		assertThat(this.hub.waitCount()).isZero();
		assertThat(this.hub.waitedTaskCount()).isZero();
	}

	@Test
	void thousandsOfConcurrentAnalysesEndOnTheirNotificationsWithoutPollsOrAThreadEach() throws Exception {
		start(TaskLife.completesAfter(Duration.ZERO), NO_FALLBACK_POLL, "/notifications");
		int count = 2_000;
		ExecutorService starters = Executors.newFixedThreadPool(4);
		List<CompletableFuture<AnalysisResult<CaptioningAnalysis>>> results;
		int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
		int threadsWhileWaiting;
		try {
			List<CompletableFuture<CompletableFuture<AnalysisResult<CaptioningAnalysis>>>> started = IntStream
				.range(0, count)
				.mapToObj((i) -> CompletableFuture.supplyAsync(
						() -> this.analyze.analyzeAsync(AnalysisRequest.captioning(CAT), Duration.ofMinutes(2)),
						starters))
				.toList();
			results = new ArrayList<>();
			for (CompletableFuture<CompletableFuture<AnalysisResult<CaptioningAnalysis>>> start : started) {
				results.add(start.get(2, TimeUnit.MINUTES));
			}
			threadsWhileWaiting = ManagementFactory.getThreadMXBean().getThreadCount();
			CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
		}
		finally {
			starters.shutdownNow();
		}
		assertThat(results).allSatisfy(
				(result) -> assertThat(result.get().analysis().data().caption()).isEqualTo("A cat sitting on a table"));
		assertThat(this.fake.requests()).as("starts only: no poll").hasSize(count);
		assertThat(this.fake.requests()).extracting(ReceivedRequest::method).containsOnly("POST");
		// The starters, the fake's and the endpoint's threads, the client's timer: far
		// fewer than one per wait.
		assertThat(threadsWhileWaiting - threadsBefore).as("threads added for %d waits", count).isLessThan(100);
		assertThat(this.notifiedTypes).hasSize(count);
		assertThat(this.hub.waitCount()).isZero();
		assertThat(this.hub.keptCount()).as("early notifications were all taken").isZero();
	}

	@Test
	void analyzeAsyncWithoutWebhooksFailsFastAndSendsNothing() {
		start(TaskLife.completesAfter(Duration.ZERO), NO_FALLBACK_POLL, "/notifications");
		RestClientAnalyzeClient withoutHub = AnalyzeClient.builder()
			.connection(this.connection)
			.notificationUrl(endpointUri("/notifications"))
			.tasksClient(this.tasks)
			.build();
		assertThatIllegalStateException()
			.isThrownBy(() -> withoutHub.analyzeAsync(AnalysisRequest.captioning(CAT), LONG))
			.withMessageContaining("webhooks are not enabled")
			.withMessageContaining("cloudinary.analysis.webhook.enabled=true")
			.withMessageContaining("cloudinary.analysis.webhook.notification-url");
		RestClientAnalyzeClient withoutUrl = AnalyzeClient.builder()
			.connection(this.connection)
			.notificationHub(this.hub)
			.tasksClient(this.tasks)
			.build();
		assertThatIllegalStateException()
			.isThrownBy(() -> withoutUrl.analyzeAsync(AnalysisRequest.captioning(CAT), LONG))
			.withMessageContaining("no notification URL is set")
			.withMessageContaining("cloudinary.analysis.webhook.notification-url");
		assertThat(this.fake.requests()).isEmpty();
	}

	private void start(TaskLife analyzeTaskLife, Duration fallbackPollInterval, String notificationPath) {
		this.fake = FakeCloudinaryAnalysisApi.builder().defaultTaskLife(analyzeTaskLife).start();
		this.verifier = new WebhookSignatureVerifier(this.fake.apiSecret(), SignatureAlgorithm.SHA1,
				WebhookSignatureVerifier.DEFAULT_TOLERANCE, Clock.systemUTC());
		this.hub = new NotificationHub(fallbackPollInterval);
		this.connection = AnalysisConnection.builder()
			.baseUrl(this.fake.baseUrl())
			.cloudName(this.fake.cloudName())
			.credentials(this.fake.apiKey(), this.fake.apiSecret())
			.build();
		this.tasks = TasksClient.builder()
			.connection(this.connection)
			.polling(new PollingSettings(Duration.ofMillis(20), 1.0, Duration.ofMillis(20), LONG))
			.notificationHub(this.hub)
			.listener(new TasksClientListener() {

				@Override
				public void onAwaitEnded(AwaitOutcome outcome, int polls, Duration elapsed) {
					WaitsEndingOnNotificationsTests.this.waitsEnded
						.add(outcome.tagValue() + " after " + polls + " polls");
				}

			})
			.build();
		this.analyze = AnalyzeClient.builder()
			.connection(this.connection)
			.notificationHub(this.hub)
			.notificationUrl(endpointUri(notificationPath))
			.tasksClient(this.tasks)
			.listener(new TasksClientListener() {

				@Override
				public void onNotified(String type, Duration delay) {
					WaitsEndingOnNotificationsTests.this.notifiedTypes.add(type);
					WaitsEndingOnNotificationsTests.this.notifiedDelays.add(delay);
				}

			})
			.build();
	}

	private URI endpointUri(String path) {
		return URI.create("http://127.0.0.1:" + this.endpoint.getAddress().getPort() + path);
	}

	private static Throwable failureOf(CompletableFuture<?> done) {
		return done.handle((result, failure) -> (failure instanceof CompletionException && failure.getCause() != null)
				? failure.getCause() : failure)
			.join();
	}

}
