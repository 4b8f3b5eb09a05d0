package io.github.cloudinaryanalysis.slice;

import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TasksClient;

import org.springframework.stereotype.Service;

/**
 * The kind of application code a {@code @RestClientTest} is written for: a service that
 * only knows {@link TasksClient}. Top-level rather than nested in a test class, because
 * Boot's test filter keeps classes nested in tests out of a slice.
 */
@Service
class ModerationService {

	private final TasksClient tasks;

	ModerationService(TasksClient tasks) {
		this.tasks = tasks;
	}

	boolean isDone(String taskId) {
		return this.tasks.getStatus(taskId).status() == TaskStatus.COMPLETED;
	}

}
