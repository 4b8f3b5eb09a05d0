package io.github.cloudinaryanalysis.benchmarks.support;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON of "get analysis task status" as a hand-written client maps it: what users
 * write today without the starter.
 *
 * @param data the task
 * @param requestId the request id
 */
public record StatusBody(Data data, @JsonProperty("request_id") String requestId) {

	/**
	 * The task part.
	 *
	 * @param taskId the task id
	 * @param status the status
	 */
	public record Data(@JsonProperty("task_id") String taskId, String status) {
	}

}
