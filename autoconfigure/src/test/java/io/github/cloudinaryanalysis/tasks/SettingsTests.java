package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsTests {

	private final RetrySettings retry = RetrySettings.defaults().withBackoff(Duration.ofMillis(100), 2.0,
			Duration.ofMillis(1000));

	@RepeatedTest(20)
	void backoffGrowsExponentiallyWithJitterOfAQuarter() {
		assertThat(this.retry.backoff(1).toMillis()).isBetween(75L, 125L);
		assertThat(this.retry.backoff(2).toMillis()).isBetween(150L, 250L);
		assertThat(this.retry.backoff(3).toMillis()).isBetween(300L, 500L);
	}

	@RepeatedTest(20)
	void backoffNeverExceedsTheMaximumInterval() {
		assertThat(this.retry.backoff(30)).isLessThanOrEqualTo(Duration.ofMillis(1000))
			.isGreaterThanOrEqualTo(Duration.ofMillis(750));
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
			.isThrownBy(() -> new PollingSettings(Duration.ofSeconds(2), 0.5, Duration.ofSeconds(3), Duration.ofMinutes(1)))
			.withMessageContaining("multiplier");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PollingSettings(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(1), Duration.ofMinutes(1)))
			.withMessageContaining("maxInterval");
	}

	@Test
	void requestOptionsCanSwitchRetriesOffForOneCall() {
		assertThat(RequestOptions.defaults().retry()).isEmpty();
		assertThat(RequestOptions.defaults().withoutRetries().retry()).hasValueSatisfying(
				(settings) -> assertThat(settings.enabled()).isFalse());
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.defaults().withHeader("Authorization", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.defaults().withHeader("X-A", "a\r\nB: c"));
	}

}
