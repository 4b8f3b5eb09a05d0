package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.cloudinaryanalysis.CloudinaryAnalysisUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.ResourceAccessException;

/**
 * Runs a call, retrying what {@link RetryReason} allows under {@link RetrySettings}. On a
 * 429 it waits as long as the API asks ({@code Retry-After} or the earliest reset), or
 * fails at once when that is longer than the longest interval. It sleeps on the calling
 * thread with no lock held; the failed response is already closed, so no pooled
 * connection is held either. An interrupt ends the wait at once: the last failure is
 * thrown and the interrupt flag stays set.
 * <p>
 * Public only so that the clients of other operations of this library (in other packages)
 * share the one retry loop; applications use the clients.
 */
public final class RetryingCaller {

	private final TasksClientListener listener;

	/**
	 * Create a caller that reports its retries.
	 * @param listener hears each retry
	 */
	public RetryingCaller(TasksClientListener listener) {
		this.listener = listener;
	}

	<T> T call(RetrySettings settings, Supplier<T> attempt) {
		return call(settings, (reason) -> true, attempt);
	}

	/**
	 * Run a call, retrying only the failures whose reason the predicate allows.
	 * @param <T> the call's result type
	 * @param settings how to retry
	 * @param retried which reasons may be retried at all
	 * @param attempt one attempt
	 * @return the result of the first attempt that succeeds
	 */
	public <T> T call(RetrySettings settings, Predicate<RetryReason> retried, Supplier<T> attempt) {
		long start = System.nanoTime();
		for (int retry = 1;; retry++) {
			try {
				return attempt.get();
			}
			catch (RuntimeException failure) {
				RetryReason reason = RetryReason.of(failure);
				if (reason == null || !retried.test(reason)) {
					throw failure;
				}
				Duration wait = waitBeforeRetry(settings, failure, retry, start);
				if (wait == null) {
					// the settings never wait for a failure without a reason to retry
					throw failure;
				}
				this.listener.onRetry(reason, retry, wait);
				sleep(wait, failure);
			}
		}
	}

	/**
	 * Decide whether and how long to wait before retrying.
	 * @param settings the settings
	 * @param failure the failure
	 * @param retry the retry
	 * @param startNanos the start nanos
	 * @return the wait, or {@code null} to give up and throw the failure
	 */
	static @Nullable Duration waitBeforeRetry(RetrySettings settings, RuntimeException failure, int retry,
			long startNanos) {
		Duration wait = settings.waitBeforeRetry(failure, retry);
		if (wait == null) {
			return null;
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
		if (elapsed.plus(wait).compareTo(settings.maxElapsedTime()) > 0) {
			return null;
		}
		return wait;
	}

	/**
	 * Turn Spring's transport failure into the library's, whose message names the cause
	 * and the API's host and port but nothing of the path.
	 * @param failure the failure
	 * @return the translated failure
	 */
	public static CloudinaryAnalysisUnavailableException unavailable(ResourceAccessException failure) {
		return TransportFailures.translate(failure);
	}

	private static void sleep(Duration wait, RuntimeException failure) {
		try {
			TimeUnit.NANOSECONDS.sleep(wait.toNanos());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure.addSuppressed(ex);
			throw failure;
		}
	}

}
