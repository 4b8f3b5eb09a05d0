package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;

/**
 * An exponential backoff: the first interval, how much each interval grows over the
 * previous one, and the longest interval. Serves the waits between retries
 * ({@link RetrySettings}) and between polls ({@link PollingSettings}).
 *
 * @param initialInterval the first interval, positive
 * @param multiplier the growth of each interval, at least 1
 * @param maxInterval the longest interval, positive
 */
public record Backoff(Duration initialInterval, double multiplier, Duration maxInterval) {

	public Backoff {
		requirePositive(initialInterval, "initialInterval");
		requirePositive(maxInterval, "maxInterval");
		if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
			throw new IllegalArgumentException("multiplier must be at least 1, but was " + multiplier);
		}
	}

	/**
	 * Return the interval after the given number of steps:
	 * {@code initialInterval * multiplier^(step - 1)}, capped at {@link #maxInterval()}.
	 * @param step the step, starting at 1 (lower values count as 1)
	 * @return the interval
	 */
	public Duration interval(int step) {
		double nanos = this.initialInterval.toNanos() * Math.pow(this.multiplier, Math.max(0, step - 1));
		return Duration.ofNanos((long) Math.min(nanos, this.maxInterval.toNanos()));
	}

	static void requirePositive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, but was " + duration);
		}
	}

}
