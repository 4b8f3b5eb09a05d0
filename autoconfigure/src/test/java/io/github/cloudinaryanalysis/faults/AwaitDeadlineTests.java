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
 * A wait's timeout is a deadline: against a server that never answers, every wait ends with
 * {@link TaskAwaitTimeoutException} within its timeout plus {@value #SLACK_MILLIS} ms (the bound the README states),
 * however many waits are in flight and although each poll's call would block for the whole read timeout.
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
					List<CompletableFuture<Long>> elapsed = new ArrayList<>();
					for (int i = 0; i < 500; i++) {
						long start = System.nanoTime();
						CompletableFuture<TaskStatusResponse> future = client.awaitCompletionAsync("task-" + i, timeout);
						elapsed.add(future.handle((response, failure) -> {
							assertThat(failure).isInstanceOf(TaskAwaitTimeoutException.class);
							return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
						}));
					}
					// The blocking wait runs on a thread of its own so that a regression fails here instead of hanging.
					CompletableFuture<Long> sync = CompletableFuture.supplyAsync(() -> {
						long syncStart = System.nanoTime();
						assertThatExceptionOfType(TaskAwaitTimeoutException.class)
							.isThrownBy(() -> client.awaitCompletion("task-sync", timeout));
						return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - syncStart);
					}, (runnable) -> new Thread(runnable, "sync-waiter").start());
					long syncMillis = sync.get(10, TimeUnit.SECONDS);
					CompletableFuture.allOf(elapsed.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
					long slowest = elapsed.stream().mapToLong(CompletableFuture::join).max().orElseThrow();
					assertThat(slowest).as("slowest of 500 async waits, ms").isLessThanOrEqualTo(timeout.toMillis() + SLACK_MILLIS);
					assertThat(syncMillis).as("awaitCompletion, ms").isLessThanOrEqualTo(timeout.toMillis() + SLACK_MILLIS);
					// The polls did reach the server: the deadline ended them, not a failure to connect.
					assertThat(server.requestCount()).isPositive();
				});
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
					// The first wait's poll holds the only poll thread for 5 s; the second's poll queues behind it.
					CompletableFuture<TaskStatusResponse> first = client.awaitCompletionAsync("task-a", Duration.ofMillis(500));
					long start = System.nanoTime();
					assertThatExceptionOfType(TaskAwaitTimeoutException.class)
						.isThrownBy(() -> client.awaitCompletion("task-b", Duration.ofMillis(500)))
						.satisfies((ex) -> assertThat(ex.getLastStatus()).isNull());
					assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThanOrEqualTo(500 + SLACK_MILLIS);
					assertThat(first).isCompletedExceptionally();
					// Only the first poll was sent: the queued one was dropped at its deadline, never sent.
					assertThat(server.requestCount()).isLessThanOrEqualTo(1);
				});
		}
	}

}
