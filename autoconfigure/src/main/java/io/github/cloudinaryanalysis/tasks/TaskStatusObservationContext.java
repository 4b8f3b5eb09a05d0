package io.github.cloudinaryanalysis.tasks;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of a {@code getStatus} call knows: the task asked about and, once
 * the call ended, its answer or failure.
 */
public class TaskStatusObservationContext extends Observation.Context {

	private final String taskId;

	private @Nullable TaskStatusResponse response;

	/**
	 * Create a context.
	 * @param taskId the task asked about
	 */
	public TaskStatusObservationContext(String taskId) {
		this.taskId = taskId;
	}

	/**
	 * Return the task asked about.
	 * @return the task id
	 */
	public String getTaskId() {
		return this.taskId;
	}

	/**
	 * Return the answer, once the call succeeded.
	 * @return the answer, or {@code null}
	 */
	public @Nullable TaskStatusResponse getResponse() {
		return this.response;
	}

	void setResponse(TaskStatusResponse response) {
		this.response = response;
	}

}
