package io.github.cloudinaryanalysis.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Notifications that arrive before their wait: kept briefly, bounded in time and count,
 * taken once.
 */
class EarlyNotificationsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T04:00:00Z"));

	private final EarlyNotifications early = new EarlyNotifications(Duration.ofSeconds(30), 3, this.clock);

	@Test
	void aKeptNotificationIsTakenOnceByItsTask() {
		AnalysisNotification notification = notification("t1", 200);
		this.early.keep(notification);
		assertThat(this.early.take("other")).isNull();
		assertThat(this.early.take("t1")).isSameAs(notification);
		assertThat(this.early.take("t1")).isNull();
		assertThat(this.early.size()).isZero();
	}

	@Test
	void aNotificationIsKeptNoLongerThanTheMaximumAge() {
		this.early.keep(notification("t1", 200));
		this.clock.advance(Duration.ofSeconds(29));
		this.early.keep(notification("t2", 200));
		assertThat(this.early.take("t1")).isNotNull();
		this.early.keep(notification("t3", 200));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.early.take("t2")).isNull();
		assertThat(this.early.size()).as("expired ones are forgotten, not only hidden").isZero();
	}

	@Test
	void atMostMaxCountAreKeptTheOldestForgottenFirst() {
		for (int i = 1; i <= 4; i++) {
			this.early.keep(notification("t" + i, 200));
		}
		assertThat(this.early.size()).isEqualTo(3);
		assertThat(this.early.take("t1")).isNull();
		assertThat(this.early.take("t2")).isNotNull();
		assertThat(this.early.take("t4")).isNotNull();
	}

	@Test
	void aLaterNotificationOfTheSameTaskReplacesTheEarlierAndCountsAsNew() {
		this.early.keep(notification("t1", 500));
		this.early.keep(notification("t2", 200));
		this.early.keep(notification("t3", 200));
		this.early.keep(notification("t1", 200));
		this.early.keep(notification("t4", 200));
		assertThat(this.early.size()).isEqualTo(3);
		assertThat(this.early.take("t2")).as("now the oldest").isNull();
		AnalysisNotification t1 = this.early.take("t1");
		assertThat(t1).isNotNull();
		assertThat(t1.httpStatus()).isEqualTo(200);
	}

	@Test
	void boundsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EarlyNotifications(Duration.ZERO, 1, this.clock));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EarlyNotifications(Duration.ofSeconds(1), 0, this.clock));
	}

	private static AnalysisNotification notification(String taskId, int status) {
		return new AnalysisNotification(taskId, "r-" + taskId, status, "analyze", "analyze", "single", null, List.of(),
				Map.of());
	}

}
