package io.github.cloudinaryanalysis.tasks;

import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.jspecify.annotations.Nullable;

/**
 * How a wait for a task ended. Also a bounded tag value for metrics and observations
 * ({@link #tagValue()}).
 */
public enum AwaitOutcome {

	/** The task completed. */
	COMPLETED,

	/** The task failed. */
	FAILED,

	/** The wait ran out before the task ended. */
	TIMEOUT,

	/** A status call failed and the wait gave up. */
	ERROR,

	/** The wait was cancelled, e.g. because the client was closed. */
	CANCELLED;

	/**
	 * Return the outcome as a lower-case tag value, e.g. {@code completed}.
	 * @return the tag value
	 */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Classify how a wait ended.
	 * @param response the final answer, or {@code null} when the wait failed
	 * @param failure why the wait failed, or {@code null} when it has an answer
	 * @return the outcome
	 */
	static AwaitOutcome of(@Nullable TaskStatusResponse response, @Nullable Throwable failure) {
		if (response != null) {
			return (response.status() == TaskStatus.COMPLETED) ? COMPLETED : FAILED;
		}
		if (failure instanceof CancellationException) {
			return CANCELLED;
		}
		return (failure instanceof TaskAwaitTimeoutException) ? TIMEOUT : ERROR;
	}

}
