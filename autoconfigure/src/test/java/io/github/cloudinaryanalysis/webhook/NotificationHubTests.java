package io.github.cloudinaryanalysis.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import io.github.cloudinaryanalysis.ApiError;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.ErrorCategory;
import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The hub on its own: matching by task id, keeping notifications that match no wait,
 * dropping registrations, and the race between a notification and its wait's
 * registration.
 */
class NotificationHubTests {

	private static final AnalysisRequest<?> CAPTIONING = AnalysisRequest
		.captioning(Source.uri("https://res.cloudinary.com/demo/image/upload/cat.jpg"));

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T06:00:00Z"));

	private final NotificationHub hub = new NotificationHub(Duration.ofMinutes(1), Duration.ofMinutes(1), 1_000,
			this.clock);

	@Test
	void aNotificationEndsEveryWaitForItsTaskAndNoOther() {
		Queue<String> received = new ConcurrentLinkedQueue<>();
		this.hub.register("t1", (notification) -> received.add("a:" + notification.taskId()));
		this.hub.register("t1", (notification) -> received.add("b:" + notification.taskId()));
		this.hub.register("t2", (notification) -> received.add("c:" + notification.taskId()));
		assertThat(this.hub.waitCount()).isEqualTo(3);
		this.hub.accept(notification("t1", 200));
		assertThat(received).containsExactlyInAnyOrder("a:t1", "b:t1");
		assertThat(this.hub.waitCount()).isOne();
		assertThat(this.hub.keptCount()).as("it matched waits: not kept").isZero();
	}

	@Test
	void aNotificationWithoutAWaitIsKeptForOneMinuteForTheNextWait() {
		this.hub.accept(notification("t1", 200));
		this.hub.accept(notification("t2", 200));
		assertThat(this.hub.keptCount()).isEqualTo(2);
		List<String> received = new ArrayList<>();
		this.hub.register("t1", (notification) -> received.add(notification.taskId()));
		assertThat(received).as("delivered on the registering thread, at once").containsExactly("t1");
		assertThat(this.hub.waitCount()).isZero();
		this.clock.advance(Duration.ofMinutes(1));
		this.hub.register("t2", (notification) -> received.add(notification.taskId()));
		assertThat(received).as("expired").containsExactly("t1");
		assertThat(this.hub.waitCount()).isOne();
		assertThat(this.hub.keptCount()).isZero();
	}

	@Test
	void atMostAThousandNotificationsAreKept() {
		for (int i = 0; i < 1_001; i++) {
			this.hub.accept(notification("t" + i, 200));
		}
		assertThat(this.hub.keptCount()).isEqualTo(1_000);
		AtomicInteger received = new AtomicInteger();
		this.hub.register("t0", (notification) -> received.incrementAndGet());
		assertThat(received).as("the oldest was forgotten").hasValue(0);
		this.hub.register("t1", (notification) -> received.incrementAndGet());
		assertThat(received).hasValue(1);
	}

	@Test
	void unregisteringDropsTheWaitOnceAndOnlyThatWait() {
		AtomicInteger received = new AtomicInteger();
		Runnable first = this.hub.register("t1", (notification) -> received.incrementAndGet());
		this.hub.register("t1", (notification) -> received.incrementAndGet());
		first.run();
		first.run();
		assertThat(this.hub.waitCount()).isOne();
		this.hub.accept(notification("t1", 200));
		assertThat(received).hasValue(1);
		assertThat(this.hub.waitedTaskCount()).isZero();
	}

	@Test
	void aThrowingReceiverKeepsNoOtherWaitFromItsNotification() {
		AtomicInteger received = new AtomicInteger();
		this.hub.register("t1", (notification) -> {
			throw new IllegalStateException("boom");
		});
		this.hub.register("t1", (notification) -> received.incrementAndGet());
		this.hub.accept(notification("t1", 200));
		assertThat(received).hasValue(1);
		assertThat(this.hub.waitCount()).isZero();
	}

	@Test
	void everyNotificationReachesItsWaitWhicheverComesFirst() throws Exception {
		int tasks = 5_000;
		// Room for every notification, however far the notifying thread runs ahead.
		NotificationHub hub = new NotificationHub(Duration.ofMinutes(1), Duration.ofMinutes(1), tasks, this.clock);
		AtomicIntegerArray received = new AtomicIntegerArray(tasks);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CyclicBarrier together = new CyclicBarrier(2);
			Future<?> registering = threads.submit(() -> {
				together.await();
				for (int i = 0; i < tasks; i++) {
					int task = i;
					hub.register("t" + i, (notification) -> received.incrementAndGet(task));
				}
				return null;
			});
			Future<?> notifying = threads.submit(() -> {
				together.await();
				for (int i = 0; i < tasks; i++) {
					hub.accept(notification("t" + i, 200));
				}
				return null;
			});
			registering.get(1, TimeUnit.MINUTES);
			notifying.get(1, TimeUnit.MINUTES);
		}
		finally {
			threads.shutdownNow();
		}
		for (int i = 0; i < tasks; i++) {
			assertThat(received.get(i)).as("notifications received by the wait of t%d", i).isOne();
		}
		assertThat(hub.waitCount()).isZero();
		assertThat(hub.keptCount()).isZero();
	}

	@Test
	void theStatusOfANotificationIsWhatAPollWouldSay() {
		TaskStatusResponse completed = this.hub.statusOf(notification("t1", 200));
		assertThat(completed).isEqualTo(new TaskStatusResponse("t1", TaskStatus.COMPLETED, "r-t1"));
		assertThat(this.hub.statusOf(notification("t1", 500)).status()).isEqualTo(TaskStatus.FAILED);
		AnalysisNotification errorWith200 = new AnalysisNotification("t1", "r-t1", 200, "analyze", null, null,
				new ApiError(ErrorCategory.SERVER_ERROR, "MA_1", "bad", Map.of(), null), List.of(), Map.of());
		assertThat(this.hub.statusOf(errorWith200).status()).isEqualTo(TaskStatus.FAILED);
	}

	@Test
	void aFailedAnalysisIsTheExceptionOfItsStatusWithTheApisError() {
		ApiError error = new ApiError(ErrorCategory.USER_ERROR, "MA_00400", "Unsupported image", Map.of(), "req-9");
		AnalysisNotification failed = new AnalysisNotification("t1", "r-t1", 400, "analyze", null, null, error,
				List.of(), Map.of());
		assertThatExceptionOfType(CloudinaryAnalysisException.BadRequest.class)
			.isThrownBy(() -> this.hub.resultOf(failed, CAPTIONING))
			.satisfies((ex) -> {
				assertThat(ex.getApiError()).isEqualTo(error);
				assertThat(ex.getRequestId()).isEqualTo("req-9");
				assertThat(ex.getStatusCode().value()).isEqualTo(400);
			})
			.withMessage("The analysis of task t1 failed (notification http_status 400): [MA_00400] Unsupported image"
					+ " (request id req-9)");
		assertThatExceptionOfType(MalformedNotificationException.class)
			.isThrownBy(() -> this.hub.resultOf(notification("t1", 200), CAPTIONING))
			.withMessage("The notification of task t1 carries no result of captioning (no data)");
	}

	@Test
	void theFallbackPollIntervalMustBePositive() {
		assertThat(new NotificationHub().fallbackPollInterval()).isEqualTo(Duration.ofMinutes(1));
		assertThatIllegalArgumentException().isThrownBy(() -> new NotificationHub(Duration.ZERO))
			.withMessage("fallbackPollInterval must be positive, but was PT0S");
		assertThat(new NotificationHub(Duration.ofSeconds(5)))
			.hasToString("NotificationHub[fallbackPollInterval=PT5S, waitedTasks=0, keptNotifications=0]");
	}

	private static AnalysisNotification notification(String taskId, int status) {
		return new AnalysisNotification(taskId, "r-" + taskId, status, "analyze", "analyze", "single", null, List.of(),
				Map.of());
	}

}
