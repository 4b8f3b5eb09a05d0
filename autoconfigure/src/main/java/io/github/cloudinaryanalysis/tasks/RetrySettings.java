package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import org.jspecify.annotations.Nullable;

/**
 * How failed calls are retried: exponential backoff with jitter, bounded by a number of
 * retries, a longest interval and an overall deadline.
 * <p>
 * Retried: 429, 500, 502, 503, 504, connection failures and timeouts. Never retried: any
 * other status. On a 429 the client waits for the {@code Retry-After} header or the
 * earliest {@code reset_time}; when that wait is longer than {@link #maxInterval()}, it
 * fails at once with the 429 rather than sleeping.
 *
 * @param enabled whether to retry at all
 * @param maxRetries the most retries after the first attempt
 * @param initialInterval the wait before the first retry
 * @param multiplier how much each wait grows over the previous one
 * @param maxInterval the longest wait between attempts, also the longest rate-limit wait
 * accepted
 * @param maxElapsedTime the overall deadline: no retry starts a wait that would end after
 * it
 */
public record RetrySettings(boolean enabled, int maxRetries, Duration initialInterval, double multiplier,
		Duration maxInterval, Duration maxElapsedTime) {

	/** Jitter applied to every backoff wait: plus or minus this fraction. */
	static final double JITTER = 0.25;

	private static final RetrySettings DEFAULTS = new RetrySettings(true, 3, Duration.ofMillis(500), 2.0,
			Duration.ofSeconds(30), Duration.ofMinutes(1));

	private static final RetrySettings DISABLED = DEFAULTS.withEnabled(false);

	public RetrySettings {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative, but was " + maxRetries);
		}
		new Backoff(initialInterval, multiplier, maxInterval);
		Backoff.requirePositive(maxElapsedTime, "maxElapsedTime");
	}

	/**
	 * Create settings from a backoff.
	 * @param enabled whether to retry at all
	 * @param maxRetries the most retries after the first attempt
	 * @param backoff the waits between attempts; its longest wait is also the longest
	 * rate-limit wait accepted
	 * @param maxElapsedTime the overall deadline
	 */
	public RetrySettings(boolean enabled, int maxRetries, Backoff backoff, Duration maxElapsedTime) {
		this(enabled, maxRetries, backoff.initialInterval(), backoff.multiplier(), backoff.maxInterval(),
				maxElapsedTime);
	}

	/**
	 * Return the waits between attempts, before jitter.
	 * @return the backoff
	 */
	public Backoff backoff() {
		return new Backoff(this.initialInterval, this.multiplier, this.maxInterval);
	}

	/**
	 * Return the default settings: 3 retries, 500 ms growing twofold up to 30 s, within 1
	 * minute.
	 * @return the defaults
	 */
	public static RetrySettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Return settings that never retry.
	 * @return settings with retries disabled
	 */
	public static RetrySettings disabled() {
		return DISABLED;
	}

	/**
	 * Return a copy with retries switched on or off.
	 * @param enabled whether to retry
	 * @return new settings
	 */
	public RetrySettings withEnabled(boolean enabled) {
		return new RetrySettings(enabled, this.maxRetries, this.initialInterval, this.multiplier, this.maxInterval,
				this.maxElapsedTime);
	}

	/**
	 * Return a copy with another number of retries.
	 * @param maxRetries the most retries
	 * @return new settings
	 */
	public RetrySettings withMaxRetries(int maxRetries) {
		return new RetrySettings(this.enabled, maxRetries, this.initialInterval, this.multiplier, this.maxInterval,
				this.maxElapsedTime);
	}

	/**
	 * Return a copy with other backoff intervals.
	 * @param initialInterval the first wait
	 * @param multiplier the growth of each wait
	 * @param maxInterval the longest wait
	 * @return new settings
	 */
	public RetrySettings withBackoff(Duration initialInterval, double multiplier, Duration maxInterval) {
		return new RetrySettings(this.enabled, this.maxRetries, initialInterval, multiplier, maxInterval,
				this.maxElapsedTime);
	}

	/**
	 * Return a copy with another overall deadline.
	 * @param maxElapsedTime the deadline
	 * @return new settings
	 */
	public RetrySettings withMaxElapsedTime(Duration maxElapsedTime) {
		return new RetrySettings(this.enabled, this.maxRetries, this.initialInterval, this.multiplier, this.maxInterval,
				maxElapsedTime);
	}

	/**
	 * Return the wait before the given retry: the exponential backoff, capped at
	 * {@link #maxInterval()}, with jitter of plus or minus 25%.
	 * @param retry the retry number, starting at 1
	 * @return the wait
	 */
	Duration backoff(int retry) {
		double capped = backoff().interval(retry).toNanos();
		double jittered = capped * (1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1));
		return Duration.ofNanos((long) Math.min(jittered, this.maxInterval.toNanos()));
	}

	/**
	 * Decide whether a failure may be retried, and after how long: the API's own wait for
	 * a 429 that names one (never longer than {@link #maxInterval()}), else the
	 * {@linkplain #backoff(int) backoff}. Shared by single calls and by waits for a task,
	 * which add their own deadlines.
	 * @param failure what the attempt threw
	 * @param retry the retry number, starting at 1
	 * @return the wait, or {@code null} to give up: retries disabled or used up, a
	 * failure that is never retried, or a rate limit that asks for more than
	 * {@link #maxInterval()}
	 */
	@Nullable Duration waitBeforeRetry(RuntimeException failure, int retry) {
		if (!this.enabled || RetryReason.of(failure) == null || retry > this.maxRetries) {
			return null;
		}
		Duration asked = askedWait(failure);
		if (asked == null) {
			return backoff(retry);
		}
		return (asked.compareTo(this.maxInterval) > 0) ? null : asked;
	}

	/**
	 * Return the wait a 429 asked for ({@code Retry-After} or the earliest reset).
	 * @param failure what the attempt threw
	 * @return the wait, or {@code null} when the failure is not a 429 naming one
	 */
	static @Nullable Duration askedWait(RuntimeException failure) {
		return (failure instanceof CloudinaryAnalysisException.TooManyRequests rateLimited)
				? rateLimited.getRetryAfter().orElse(null) : null;
	}

}
