package io.github.cloudinaryanalysis.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import io.github.cloudinaryanalysis.tasks.TaskAwaitTimeoutException;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A wait's timeout is a deadline: against a server that never answers, every wait ends
 * with {@link TaskAwaitTimeoutException} within its timeout plus {@value #SLACK_MILLIS}
 * ms (the bound the README states), however many waits are in flight and although each
 * poll's call would block for the whole read timeout.
 */
class AwaitDeadlineTests {

	private static final long SLACK_MILLIS = 250;

	@Test
	void fiveHundredWaitsAgainstASilentServerEachEndByTheirDeadline() throws Exception {
		try (SilentServer server = new SilentServer()) {
			AnalysisContexts.against(server.baseUrl())
				.withPropertyValues("cloudinary.analysis.read-timeout=2s", "cloudinary.analysis.retry.enabled=false",
						"cloudinary.analysis.polling.initial-interval=50ms")
				.run((context) -> {
					TasksClient client = context.getBean(TasksClient.class);
					Duration timeout = Duration.ofSeconds(1);
					MachineStall stall = MachineStall.measureFor(Duration.ofSeconds(3));
					List<CompletableFuture<TaskStatusResponse>> futures = new ArrayList<>();
					List<CompletableFuture<Long>> elapsed = new ArrayList<>();
					for (int i = 0; i < 500; i++) {
						long start = System.nanoTime();
						CompletableFuture<TaskStatusResponse> future = client.awaitCompletionAsync("task-" + i,
								timeout);
						futures.add(future);
						// Only the clock is read when the future completes; the checks
						// come after.
						elapsed.add(future.handle((response, failure) -> System.nanoTime() - start));
					}
					// The blocking wait runs on a thread of its own so that a regression
					// fails here instead of hanging.
					CompletableFuture<RuntimeException> syncFailure = new CompletableFuture<>();
					CompletableFuture<Long> sync = CompletableFuture.supplyAsync(() -> {
						long syncStart = System.nanoTime();
						syncFailure.complete(awaitCompletionFailure(client, "task-sync", timeout));
						return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - syncStart);
					}, (runnable) -> new Thread(runnable, "sync-waiter").start());
					long syncMillis = sync.get(10, TimeUnit.SECONDS);
					assertThat(syncFailure.join()).isInstanceOf(TaskAwaitTimeoutException.class);
					CompletableFuture.allOf(elapsed.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
					assertThat(futures).allSatisfy(
							(future) -> assertThatExceptionOfType(java.util.concurrent.CompletionException.class)
								.isThrownBy(future::join)
								.withCauseInstanceOf(TaskAwaitTimeoutException.class));
					long slowest = TimeUnit.NANOSECONDS
						.toMillis(elapsed.stream().mapToLong(CompletableFuture::join).max().orElseThrow());
					long machineStall = stall.worstMillis();
					assertThat(slowest).as("slowest of 500 async waits, ms (machine stalled %d ms)", machineStall)
						.isLessThanOrEqualTo(timeout.toMillis() + SLACK_MILLIS + machineStall);
					assertThat(syncMillis).as("awaitCompletion, ms (machine stalled %d ms)", machineStall)
						.isLessThanOrEqualTo(timeout.toMillis() + SLACK_MILLIS + machineStall);
					// The polls did reach the server: the deadline ended them, not a
					// failure to connect.
					assertThat(server.requestCount()).isPositive();
				});
		}
	}

	/**
	 * Times only the call: assertion libraries load lazily, and that is no part of the
	 * wait.
	 */
	private static RuntimeException awaitCompletionFailure(TasksClient client, String taskId, Duration timeout) {
		try {
			client.awaitCompletion(taskId, timeout);
			return new IllegalStateException("awaitCompletion returned although the server never answers");
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	@Test
	void theDeadlineHoldsWhenEveryPollThreadIsStuck() throws Exception {
		try (SilentServer server = new SilentServer()) {
			AnalysisContexts.against(server.baseUrl())
				.withPropertyValues("cloudinary.analysis.read-timeout=5s", "cloudinary.analysis.retry.enabled=false",
						"cloudinary.analysis.polling.max-concurrent-polls=1")
				.run((context) -> {
					TasksClient client = context.getBean(TasksClient.class);
					MachineStall stall = MachineStall.measureFor(Duration.ofSeconds(2));
					// The first wait's poll holds the only poll thread for 5 s; the
					// second's poll queues behind it.
					CompletableFuture<TaskStatusResponse> first = client.awaitCompletionAsync("task-a",
							Duration.ofMillis(500));
					long start = System.nanoTime();
					RuntimeException thrown = awaitCompletionFailure(client, "task-b", Duration.ofMillis(500));
					long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
					assertThat(thrown).isInstanceOfSatisfying(TaskAwaitTimeoutException.class,
							(ex) -> assertThat(ex.getLastStatus()).isNull());
					long machineStall = stall.worstMillis();
					assertThat(millis).as("awaitCompletion, ms (machine stalled %d ms)", machineStall)
						.isLessThanOrEqualTo(500 + SLACK_MILLIS + machineStall);
					assertThat(first).isCompletedExceptionally();
					// Only the first poll was sent: the queued one was dropped at its
					// deadline, never sent.
					assertThat(server.requestCount()).isLessThanOrEqualTo(1);
				});
		}
	}

	/**
	 * How late a plain JDK timer runs on this machine meanwhile: on a shared, overloaded
	 * machine every thread can be starved for a while, and that is not the client's
	 * doing. The bound is the README's 250 ms plus that stall, which on a quiet machine
	 * is a few milliseconds; the waits of the old client ended seconds late.
	 */
	private static final class MachineStall {

		private final java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
			.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "machine-stall-probe");
				thread.setDaemon(true);
				return thread;
			});

		private final java.util.concurrent.atomic.AtomicLong worstNanos = new java.util.concurrent.atomic.AtomicLong();

		static MachineStall measureFor(Duration duration) {
			MachineStall stall = new MachineStall();
			long start = System.nanoTime();
			for (long at = 0; at < duration.toMillis(); at += 20) {
				long due = start + TimeUnit.MILLISECONDS.toNanos(at);
				stall.timer.schedule(() -> stall.worstNanos.accumulateAndGet(System.nanoTime() - due, Math::max),
						due - System.nanoTime(), TimeUnit.NANOSECONDS);
			}
			stall.timer.schedule(stall.timer::shutdown, duration.toMillis(), TimeUnit.MILLISECONDS);
			return stall;
		}

		long worstMillis() throws InterruptedException {
			this.timer.awaitTermination(10, TimeUnit.SECONDS);
			return TimeUnit.NANOSECONDS.toMillis(this.worstNanos.get());
		}

	}

}
