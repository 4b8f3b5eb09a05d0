package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;

/**
 * How {@link TasksClient#awaitCompletion} polls a task: the interval starts at
 * {@link #initialInterval()} and grows by {@link #multiplier()} with every poll up to
 * {@link #maxInterval()}, so a task that takes long is polled less often. Cloudinary
 * publishes no task durations; the defaults poll after 1 s, 1.5 s, 2.25 s, ... up to
 * every 15 s, for at most 5 minutes.
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
		Backoff.requirePositive(initialInterval, "initialInterval");
		if (maxInterval.compareTo(initialInterval) < 0) {
			throw new IllegalArgumentException("maxInterval must not be shorter than initialInterval");
		}
		Backoff.requirePositive(timeout, "timeout");
		new Backoff(initialInterval, multiplier, maxInterval);
	}

	/**
	 * Create settings from a backoff.
	 * @param backoff the intervals between polls; its longest interval must not be
	 * shorter than its first
	 * @param timeout how long {@link TasksClient#awaitCompletion(String)} waits
	 */
	public PollingSettings(Backoff backoff, Duration timeout) {
		this(backoff.initialInterval(), backoff.multiplier(), backoff.maxInterval(), timeout);
	}

	/**
	 * Return the intervals between polls.
	 * @return the backoff
	 */
	public Backoff backoff() {
		return new Backoff(this.initialInterval, this.multiplier, this.maxInterval);
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
		return backoff().interval(polls);
	}

}
