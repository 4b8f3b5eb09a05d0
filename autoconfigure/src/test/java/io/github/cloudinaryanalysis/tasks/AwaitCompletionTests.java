package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.Fault;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code awaitCompletion} against the fake Analysis API on loopback.
 */
class AwaitCompletionTests {

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension api = new FakeCloudinaryAnalysisExtension().resetBeforeEachTest();

	private FakeCloudinaryAnalysisApi fake;

	@BeforeEach
	void useFake() {
		this.fake = api.api();
	}

	@Test
	void pollsUntilCompletedAndReturnsThatAnswer() {
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(4));
		runner().run((context) -> {
			TaskStatusResponse response = context.getBean(TasksClient.class)
				.awaitCompletion(taskId, Duration.ofSeconds(10));
			assertThat(response.status()).isEqualTo(TaskStatus.COMPLETED);
			assertThat(response.taskId()).isEqualTo(taskId);
		});
		assertThat(this.fake.pollCount(taskId)).isEqualTo(4);
	}

	@Test
	void aFailedTaskIsAResultNotAnException() {
		String taskId = this.fake.createTask(TaskLife.failsAfterPolls(2));
		runner().run((context) -> assertThat(context.getBean(TasksClient.class).awaitCompletion(taskId).status())
			.isEqualTo(TaskStatus.FAILED));
		assertThat(this.fake.pollCount(taskId)).isEqualTo(2);
	}

	@Test
	void timesOutCarryingTheLastStatusSeen() {
		String taskId = this.fake.createTask(TaskLife.sequence("pending", "processing"));
		runner().run((context) -> {
			TaskAwaitTimeoutException ex = org.assertj.core.api.Assertions.catchThrowableOfType(
					TaskAwaitTimeoutException.class,
					() -> context.getBean(TasksClient.class).awaitCompletion(taskId, Duration.ofSeconds(2)));
			assertThat(ex).isNotNull();
			assertThat(ex.getLastStatus()).isEqualTo(TaskStatus.PROCESSING);
			assertThat(ex.getTaskId()).isEqualTo(taskId);
			assertThat(ex.getMessage()).contains(taskId, "PROCESSING");
		});
		// Polls are at least 20 ms apart (growing 1.5x up to 200 ms): in 2 s, never more
		// than 2000 / 20 + 1 of them,
		// however fast or slow the machine; a slow machine only makes fewer.
		assertThat(this.fake.pollCount(taskId)).isBetween(2, 101);
	}

	@Test
	void pollsBackOffAsTheTaskAges() {
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(6));
		runner().run((context) -> context.getBean(TasksClient.class).awaitCompletion(taskId, Duration.ofSeconds(10)));
		List<Long> gaps = gapsMillis(taskId);
		assertThat(gaps).hasSize(5);
		// Each gap is at least its scheduled interval (20, 30, 45, 67, 101 ms; 2 ms of
		// slack for the clocks). Only
		// lower bounds: a loaded machine makes gaps longer, never shorter. Without
		// backoff the last would be ~20 ms.
		long[] scheduled = { 20, 30, 45, 67, 101 };
		for (int i = 0; i < scheduled.length; i++) {
			assertThat(gaps.get(i)).as("gap before poll %d", i + 2).isGreaterThanOrEqualTo(scheduled[i] - 2);
		}
	}

	@Test
	void aRateLimitPushesTheNextPollOutInsteadOfStackingRequests() {
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(2));
		this.fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(1)).withRetryAfter(Duration.ofSeconds(1)));
		runner().run((context) -> assertThat(
				context.getBean(TasksClient.class).awaitCompletion(taskId, Duration.ofSeconds(10)).status())
			.isEqualTo(TaskStatus.COMPLETED));
		// The 429, then the two polls the task needs: at least 3 requests (a re-send on a
		// reused connection may add
		// one), and none of them stacked up during the second the API asked for.
		assertThat(this.fake.requestCount()).isGreaterThanOrEqualTo(3);
		assertThat(gapsMillis(taskId, true).get(0)).as("wait after the 429").isGreaterThanOrEqualTo(950);
	}

	@Test
	void aRateLimitBeyondTheLongestAcceptedWaitEndsTheWaitWithThe429() {
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(2));
		this.fake.failNext(1, Fault.rateLimited(Duration.ofHours(1)));
		runner().run((context) -> {
			CompletableFuture<TaskStatusResponse> future = context.getBean(TasksClient.class)
				.awaitCompletionAsync(taskId, Duration.ofSeconds(10));
			assertThat(future).failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(java.util.concurrent.ExecutionException.class)
				.withCauseInstanceOf(CloudinaryAnalysisException.TooManyRequests.class);
		});
		assertThat(this.fake.requestCount()).isEqualTo(1);
	}

	@Test
	void transientServerErrorsAreRetriedWhileWaiting() {
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(1));
		this.fake.failNext(2, Fault.serverError(503));
		runner().run((context) -> assertThat(
				context.getBean(TasksClient.class).awaitCompletion(taskId, Duration.ofSeconds(10)).status())
			.isEqualTo(TaskStatus.COMPLETED));
		// Two 503s then the completing poll; a COMPLETED result is only possible if both
		// 503s were retried.
		assertThat(this.fake.requestCount()).isGreaterThanOrEqualTo(3);
		assertThat(this.fake.pollCount(taskId)).isEqualTo(1);
	}

	@Test
	void aNotFoundEndsTheWaitAtOnce() {
		runner().run((context) -> assertThatExceptionOfType(CloudinaryAnalysisException.NotFound.class).isThrownBy(
				() -> context.getBean(TasksClient.class).awaitCompletion("no_such_task", Duration.ofSeconds(10))));
		assertThat(this.fake.requestCount()).isEqualTo(1);
	}

	@Test
	void cancellingTheFutureStopsPolling() throws Exception {
		String taskId = this.fake.createTask(TaskLife.fixed("processing"));
		runner().run((context) -> {
			CompletableFuture<TaskStatusResponse> future = context.getBean(TasksClient.class)
				.awaitCompletionAsync(taskId, Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(30)).until(() -> this.fake.pollCount(taskId) >= 2);
			future.cancel(true);
			int pollsAtCancel = this.fake.pollCount(taskId);
			// Not a wait for a condition but proof of an absence: polls 20 ms apart would
			// add ~15 in 300 ms.
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(30))
				.until(() -> this.fake.pollCount(taskId) <= pollsAtCancel + 1);
			assertThat(future).isCancelled();
		});
	}

	@Test
	void interruptingASynchronousWaitStopsItAndKeepsTheInterruptFlag() throws Exception {
		String taskId = this.fake.createTask(TaskLife.fixed("processing"));
		runner().run((context) -> {
			TasksClient client = context.getBean(TasksClient.class);
			AtomicReference<Throwable> thrown = new AtomicReference<>();
			AtomicReference<Boolean> interruptFlag = new AtomicReference<>();
			CountDownLatch done = new CountDownLatch(1);
			Thread waiter = new Thread(() -> {
				try {
					client.awaitCompletion(taskId, Duration.ofMinutes(1));
				}
				catch (Throwable ex) {
					thrown.set(ex);
				}
				interruptFlag.set(Thread.currentThread().isInterrupted());
				done.countDown();
			});
			waiter.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> this.fake.pollCount(taskId) >= 1);
			waiter.interrupt();
			// Generous: the wait itself would last a minute; ending well before proves
			// the interrupt ended it.
			assertThat(done.await(20, TimeUnit.SECONDS)).as("wait ended by the interrupt").isTrue();
			assertThat(thrown.get()).isInstanceOf(CancellationException.class);
			assertThat(interruptFlag.get()).isTrue();
			int polls = this.fake.pollCount(taskId);
			await().during(Duration.ofMillis(200))
				.atMost(Duration.ofSeconds(30))
				.until(() -> this.fake.pollCount(taskId) <= polls + 1);
		});
	}

	@Test
	void thousandsOfConcurrentWaitsShareTheSchedulersFewThreads() {
		int waits = 2000;
		List<String> taskIds = new ArrayList<>();
		for (int i = 0; i < waits; i++) {
			taskIds.add(this.fake.createTask(TaskLife.completesAfterPolls(3)));
		}
		List<String> pollingThreads = new CopyOnWriteArrayList<>();
		java.util.Set<String> threadsBeforeContext = threadNames();
		runner()
			.withPropertyValues("cloudinary.analysis.polling.threads=1",
					"cloudinary.analysis.polling.max-concurrent-polls=4")
			.run((context) -> {
				TasksClient client = context.getBean(TasksClient.class);
				List<CompletableFuture<TaskStatusResponse>> futures = taskIds.stream()
					.map((id) -> client.awaitCompletionAsync(id, Duration.ofSeconds(60)))
					.toList();
				java.util.Set<String> threadsWhileWaiting = threadNames();
				CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
				for (int i = 0; i < waits; i++) {
					assertThat(futures.get(i).get().taskId()).isEqualTo(taskIds.get(i));
					assertThat(futures.get(i).get().status()).isEqualTo(TaskStatus.COMPLETED);
				}
				threadNames().stream()
					.filter((name) -> name.startsWith("cloudinary-analysis-") && !threadsBeforeContext.contains(name))
					.forEach(pollingThreads::add);
				// A thread per wait would be 2,000 new threads; the bound is generous
				// because other parts of the JVM
				// (the fake server's and the JDK client's pools) start threads of their
				// own meanwhile.
				threadsWhileWaiting.removeAll(threadsBeforeContext);
				assertThat(threadsWhileWaiting).as("threads started with %d waits", waits).hasSizeLessThan(waits / 10);
			});
		// One timer thread and at most four poll threads.
		assertThat(pollingThreads).hasSizeLessThanOrEqualTo(5);
		// Each task completes on the third poll the server sees, so each wait ends there:
		// exact even if a request
		// was re-sent. The total may exceed 6,000 only by such re-sends.
		for (String taskId : taskIds) {
			assertThat(this.fake.pollCount(taskId)).as("polls of %s", taskId).isEqualTo(3);
		}
		assertThat(this.fake.requestCount()).isGreaterThanOrEqualTo(waits * 3);
	}

	@Test
	void aHandWrittenTasksClientGetsWaitingForFree() {
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(2));
		runner().run((context) -> {
			TasksClient real = context.getBean(TasksClient.class);
			TasksClient handWritten = real::getStatus;
			assertThat(handWritten.awaitCompletion(taskId, Duration.ofSeconds(10)).status())
				.isEqualTo(TaskStatus.COMPLETED);
		});
	}

	private ApplicationContextRunner runner() {
		return AnalysisContexts.runner()
			.withPropertyValues(this.fake.springPropertyValues())
			.withPropertyValues("cloudinary.analysis.polling.initial-interval=20ms",
					"cloudinary.analysis.polling.max-interval=200ms", "cloudinary.analysis.polling.multiplier=1.5",
					"cloudinary.analysis.retry.initial-interval=10ms");
	}

	private static java.util.Set<String> threadNames() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.collect(java.util.stream.Collectors.toSet());
	}

	private List<Long> gapsMillis(String taskId) {
		return gapsMillis(taskId, false);
	}

	private List<Long> gapsMillis(String taskId, boolean allRequests) {
		List<java.time.Instant> times = this.fake.requests()
			.stream()
			.filter((request) -> allRequests || request.path().endsWith(taskId))
			.map(io.github.cloudinaryanalysis.test.ReceivedRequest::receivedAt)
			.toList();
		List<Long> gaps = new ArrayList<>();
		for (int i = 1; i < times.size(); i++) {
			gaps.add(Duration.between(times.get(i - 1), times.get(i)).toMillis());
		}
		return gaps;
	}

}
