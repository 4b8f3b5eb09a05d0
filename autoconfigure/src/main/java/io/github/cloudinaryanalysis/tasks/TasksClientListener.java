package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;
import java.util.List;

import io.github.cloudinaryanalysis.RateLimit;
import org.jspecify.annotations.Nullable;

/**
 * Hears what the client does, for metrics and health. Every method has an empty default;
 * implementations must be thread-safe, fast, and must not throw.
 */
public interface TasksClientListener {

	/** A listener that does nothing. */
	TasksClientListener NONE = new TasksClientListener() {
	};

	/**
	 * A status call ended, after any retries.
	 * @param response the answer, or {@code null} when the call failed
	 * @param failure the failure, or {@code null} when the call succeeded
	 */
	default void onStatusCall(@Nullable TaskStatusResponse response, @Nullable RuntimeException failure) {
	}

	/**
	 * A failed attempt is about to be retried.
	 * @param reason why it failed
	 * @param retry the retry number, starting at 1
	 * @param wait how long the client waits first
	 */
	default void onRetry(RetryReason reason, int retry, Duration wait) {
	}

	/**
	 * The API answered 429 and reported the state of its quotas.
	 * @param limits the reported limits, never empty
	 */
	default void onRateLimits(List<RateLimit> limits) {
	}

	/**
	 * A wait for a task ended.
	 * @param outcome how it ended
	 * @param polls how many status calls it made
	 * @param elapsed how long it took
	 */
	default void onAwaitEnded(AwaitOutcome outcome, int polls, Duration elapsed) {
	}

	/**
	 * The webhook notification of an analysis started by
	 * {@code AnalyzeClient.analyzeAsync} ended its wait.
	 * @param type the analysis' operation, e.g. {@code captioning} (one of fifteen)
	 * @param delay the time from the start call to the notification
	 */
	default void onNotified(String type, Duration delay) {
	}

}
