package io.github.cloudinaryanalysis.tasks;

import io.github.cloudinaryanalysis.http.JsonAnswer;
import tools.jackson.databind.JsonNode;

/**
 * Interprets the answer to "get analysis task status": a {@link TaskStatusResponse} for
 * the documented body, an exception for anything else. Reading the answer (bounded,
 * errors translated) is the connection's job, see
 * {@link io.github.cloudinaryanalysis.http.AnalysisConnection#read}.
 */
final class TaskStatusResponseReader {

	private TaskStatusResponseReader() {
	}

	static TaskStatusResponse interpret(String requestedTaskId, JsonAnswer answer) {
		JsonNode data = answer.root().path("data");
		String taskStatus = answer.text(data, "status");
		if (taskStatus == null) {
			throw answer.unreadable("without the task status (data.status)");
		}
		String taskId = answer.text(data, "task_id");
		if (taskId != null && !TaskIds.isValid(taskId)) {
			// An id with CR, LF, NUL or a path character must reach no record, log line
			// or header.
			throw answer.unreadable("with a task id (data.task_id) that is not a valid task id");
		}
		return new TaskStatusResponse((taskId != null) ? taskId : requestedTaskId, TaskStatus.fromApiValue(taskStatus),
				answer.requestId());
	}

}
