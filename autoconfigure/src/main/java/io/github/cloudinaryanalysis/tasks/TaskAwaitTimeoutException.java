package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A task did not reach {@link TaskStatus#COMPLETED} or {@link TaskStatus#FAILED} within
 * the time given to {@link TasksClient#awaitCompletion(String, Duration)}. Carries the
 * last status seen.
 */
public class TaskAwaitTimeoutException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String taskId;

	private final transient @Nullable TaskStatusResponse lastResponse;

	private final Duration timeout;

	/**
	 * Create the exception.
	 * @param taskId the task waited for
	 * @param lastResponse the last answer received, or {@code null} when no poll
	 * succeeded
	 * @param timeout the time that was allowed
	 */
	public TaskAwaitTimeoutException(String taskId, @Nullable TaskStatusResponse lastResponse, Duration timeout) {
		super("Task " + taskId + " did not complete within " + timeout + "; last status: "
				+ ((lastResponse != null) ? lastResponse.status() : "none received"));
		this.taskId = taskId;
		this.lastResponse = lastResponse;
		this.timeout = timeout;
	}

	/**
	 * Return the id of the task waited for.
	 * @return the task id
	 */
	public String getTaskId() {
		return this.taskId;
	}

	/**
	 * Return the last status seen.
	 * @return the status, or {@code null} when no poll succeeded
	 */
	public @Nullable TaskStatus getLastStatus() {
		return (this.lastResponse != null) ? this.lastResponse.status() : null;
	}

	/**
	 * Return the last answer received.
	 * @return the answer, or {@code null} when no poll succeeded
	 */
	public @Nullable TaskStatusResponse getLastResponse() {
		return this.lastResponse;
	}

	/**
	 * Return the time that was allowed.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
