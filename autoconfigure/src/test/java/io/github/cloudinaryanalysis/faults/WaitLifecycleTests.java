package io.github.cloudinaryanalysis.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import io.github.cloudinaryanalysis.tasks.RestClientTasksClient;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Every wait ends when its application closes: pending waits end with a
 * {@link CancellationException}, nothing is polled afterwards, and none of the client's
 * threads is left running.
 */
class WaitLifecycleTests {

	/** What the README promises: every pending wait ends within a second of close. */
	private static final Duration CLOSE_BOUND = Duration.ofSeconds(1);

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension api = new FakeCloudinaryAnalysisExtension().resetBeforeEachTest();

	@Test
	void closingTheContextEndsEveryPendingWaitWithACancellationWithinASecond() throws Exception {
		ThreadLeaks threads = ThreadLeaks.snapshot();
		try (SilentServer server = new SilentServer()) {
			AnalysisContexts.against(server.baseUrl())
				.withPropertyValues("cloudinary.analysis.read-timeout=30s", "cloudinary.analysis.retry.enabled=false",
						"cloudinary.analysis.polling.initial-interval=50ms")
				.run((context) -> {
					TasksClient client = context.getBean(TasksClient.class);
					List<CompletableFuture<TaskStatusResponse>> futures = new ArrayList<>();
					for (int i = 0; i < 20; i++) {
						futures.add(client.awaitCompletionAsync("task-" + i, Duration.ofSeconds(20)));
					}
					AtomicReference<Throwable> syncOutcome = new AtomicReference<>();
					CountDownLatch syncStarted = new CountDownLatch(1);
					Thread waiter = new Thread(() -> {
						syncStarted.countDown();
						try {
							client.awaitCompletion("task-sync", Duration.ofSeconds(20));
						}
						catch (Throwable ex) {
							syncOutcome.set(ex);
						}
					}, "sync-waiter");
					waiter.start();
					syncStarted.await();
					// Polls are in flight (the server never answers) and more are queued.
					await().atMost(Duration.ofSeconds(10)).until(() -> server.requestCount() >= 10);
					long closing = System.nanoTime();
					context.close();
					CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
						.exceptionally((ex) -> null)
						.get(CLOSE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
					waiter.join(CLOSE_BOUND.toMillis());
					assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThanOrEqualTo(CLOSE_BOUND);
					assertThat(waiter.isAlive()).as("awaitCompletion still blocked after close").isFalse();
					assertThat(syncOutcome.get()).isInstanceOf(CancellationException.class);
					for (CompletableFuture<TaskStatusResponse> future : futures) {
						assertThatExceptionOfType(CancellationException.class).isThrownBy(future::join);
					}
				});
		}
		assertThat(threads.leftBehind()).isEmpty();
	}

	@Test
	void noPollIsSentAfterCloseAndLaterWaitsEndAtOnce() {
		FakeCloudinaryAnalysisApi fake = api.api();
		List<String> taskIds = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			taskIds.add(fake.createTask(TaskLife.sequence("pending", "processing")));
		}
		AtomicReference<TasksClient> client = new AtomicReference<>();
		AtomicInteger atClose = new AtomicInteger();
		AnalysisContexts.runner()
			.withPropertyValues(fake.springPropertyValues())
			.withPropertyValues("cloudinary.analysis.polling.initial-interval=20ms",
					"cloudinary.analysis.polling.max-interval=20ms")
			.run((context) -> {
				client.set(context.getBean(TasksClient.class));
				List<CompletableFuture<TaskStatusResponse>> futures = taskIds.stream()
					.map((id) -> client.get().awaitCompletionAsync(id, Duration.ofSeconds(30)))
					.toList();
				await().atMost(Duration.ofSeconds(10)).until(() -> fake.requestCount() >= 60);
				atClose.set(fake.requestCount());
				context.close();
				assertThat(futures).allSatisfy((future) -> assertThat(future).isCompletedExceptionally());
			});
		// Twenty waits polling every 20 ms send a request every millisecond: the count
		// can only stand still for
		// 300 ms if polling stopped. Requests handed to the HTTP client before close may
		// still land meanwhile:
		// at most one per wait, since a wait's polls never overlap.
		int settled = settledRequestCount(fake);
		assertThat(settled - atClose.get()).as("requests that landed after close").isLessThanOrEqualTo(taskIds.size());
		CompletableFuture<TaskStatusResponse> late = client.get()
			.awaitCompletionAsync(taskIds.get(0), Duration.ofSeconds(5));
		assertThat(late).isCompletedExceptionally();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(late::join);
		assertThatExceptionOfType(CancellationException.class)
			.isThrownBy(() -> client.get().awaitCompletion(taskIds.get(0), Duration.ofSeconds(5)));
		assertThat(settledRequestCount(fake)).as("requests after waits started on a closed client").isEqualTo(settled);
	}

	private static int settledRequestCount(FakeCloudinaryAnalysisApi fake) {
		AtomicInteger last = new AtomicInteger(-1);
		await().pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(5)).until(() -> {
			int now = fake.requestCount();
			return last.getAndSet(now) == now;
		});
		// Stable across one poll interval; confirm over a longer window.
		int count = fake.requestCount();
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> fake.requestCount() == count);
		return count;
	}

	@Test
	void closingTheClientEndsItsWaitsAndGetStatusKeepsWorking() {
		FakeCloudinaryAnalysisApi fake = api.api();
		String pending = fake.createTask(TaskLife.sequence("pending", "processing"));
		String done = fake.createTask(TaskLife.completesAfterPolls(1));
		AnalysisContexts.runner().withPropertyValues(fake.springPropertyValues()).run((context) -> {
			RestClientTasksClient client = context.getBean(RestClientTasksClient.class);
			CompletableFuture<TaskStatusResponse> future = client.awaitCompletionAsync(pending, Duration.ofSeconds(30));
			client.close();
			assertThat(future).isCompletedExceptionally();
			// The reason travels with the exception (newer JDKs' join() wraps it as the
			// cause).
			assertThatExceptionOfType(CancellationException.class).isThrownBy(future::join)
				.satisfies((ex) -> assertThat(ex.getMessage() + " " + ex.getCause()).contains("closed"));
			assertThatExceptionOfType(CancellationException.class)
				.isThrownBy(() -> client.awaitCompletion(pending, Duration.ofSeconds(5)))
				.withMessageContaining("closed");
			assertThat(client.getStatus(done).taskId()).isEqualTo(done);
		});
	}

}
