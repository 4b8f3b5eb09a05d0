package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsTests {

	private final RetrySettings retry = RetrySettings.defaults()
		.withBackoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(1000));

	@Test
	void backoffGrowsExponentiallyWithJitterOfAQuarter() {
		// 2,000 draws per retry: every one inside base ± 25%, and spread over that band,
		// so that a backoff without
		// jitter (every draw equal) fails. The chance that 2,000 uniform draws all miss
		// the outer fifth of one side
		// is 0.9^2000, about 1e-92.
		long[] bases = { 100, 200, 400 };
		for (int retry = 1; retry <= bases.length; retry++) {
			long base = bases[retry - 1];
			java.util.LongSummaryStatistics waits = new java.util.LongSummaryStatistics();
			for (int draw = 0; draw < 2000; draw++) {
				waits.accept(this.retry.backoff(retry).toNanos());
			}
			long baseNanos = Duration.ofMillis(base).toNanos();
			assertThat(waits.getMin()).as("shortest wait before retry %d", retry)
				.isBetween(baseNanos * 75 / 100, baseNanos * 80 / 100);
			assertThat(waits.getMax()).as("longest wait before retry %d", retry)
				.isBetween(baseNanos * 120 / 100, baseNanos * 125 / 100);
		}
	}

	@Test
	void backoffNeverExceedsTheMaximumInterval() {
		for (int draw = 0; draw < 2000; draw++) {
			assertThat(this.retry.backoff(30)).isLessThanOrEqualTo(Duration.ofMillis(1000))
				.isGreaterThanOrEqualTo(Duration.ofMillis(750));
		}
	}

	@Test
	void pollIntervalsGrowFromTheInitialToTheMaximum() {
		PollingSettings polling = new PollingSettings(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(3),
				Duration.ofMinutes(1));
		assertThat(polling.intervalAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(polling.intervalAfter(2)).isEqualTo(Duration.ofMillis(1500));
		assertThat(polling.intervalAfter(3)).isEqualTo(Duration.ofMillis(2250));
		assertThat(polling.intervalAfter(4)).isEqualTo(Duration.ofSeconds(3));
		assertThat(polling.intervalAfter(100)).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void invalidSettingsAreRefusedWithTheirName() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetrySettings.defaults().withMaxRetries(-1))
			.withMessageContaining("maxRetries");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RetrySettings.defaults().withBackoff(Duration.ZERO, 2, Duration.ofSeconds(1)))
			.withMessageContaining("initialInterval");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new PollingSettings(Duration.ofSeconds(2), 0.5, Duration.ofSeconds(3), Duration.ofMinutes(1)))
			.withMessageContaining("multiplier");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new PollingSettings(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(1), Duration.ofMinutes(1)))
			.withMessageContaining("maxInterval");
	}

	@Test
	void requestOptionsCanSwitchRetriesOffForOneCall() {
		assertThat(RequestOptions.defaults().retry()).isEmpty();
		assertThat(RequestOptions.defaults().withoutRetries().retry())
			.hasValueSatisfying((settings) -> assertThat(settings.enabled()).isFalse());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RequestOptions.defaults().withHeader("Authorization", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.defaults().withHeader("X-A", "a\r\nB: c"));
	}

}
