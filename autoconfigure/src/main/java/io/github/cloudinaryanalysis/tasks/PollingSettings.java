package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;

/**
 * How {@link TasksClient#awaitCompletion} polls a task: the interval starts at {@link #initialInterval()} and
 * grows by {@link #multiplier()} with every poll up to {@link #maxInterval()}, so a task that takes long is polled
 * less often. Cloudinary publishes no task durations; the defaults poll after 1 s, 1.5 s, 2.25 s, ... up to every
 * 15 s, for at most 5 minutes.
 *
 * @param initialInterval the first interval, also the shortest
 * @param multiplier the growth of each interval
 * @param maxInterval the longest interval
 * @param timeout how long {@link TasksClient#awaitCompletion(String)} waits
 */
public record PollingSettings(Duration initialInterval, double multiplier, Duration maxInterval, Duration timeout) {

	private static final PollingSettings DEFAULTS = new PollingSettings(Duration.ofSeconds(1), 1.5,
			Duration.ofSeconds(15), Duration.ofMinutes(5));

	public PollingSettings {
		if (initialInterval.isNegative() || initialInterval.isZero()) {
			throw new IllegalArgumentException("initialInterval must be positive, but was " + initialInterval);
		}
		if (maxInterval.compareTo(initialInterval) < 0) {
			throw new IllegalArgumentException("maxInterval must not be shorter than initialInterval");
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
		}
		if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
			throw new IllegalArgumentException("multiplier must be at least 1, but was " + multiplier);
		}
	}

	/**
	 * Return the default settings.
	 * @return the defaults
	 */
	public static PollingSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Return the interval after the given number of polls.
	 * @param polls the polls made so far, at least 1
	 * @return the interval before the next poll, never below the initial interval
	 */
	Duration intervalAfter(int polls) {
		double nanos = this.initialInterval.toNanos() * Math.pow(this.multiplier, Math.max(0, polls - 1));
		return Duration.ofNanos((long) Math.min(nanos, this.maxInterval.toNanos()));
	}

}
