package io.github.cloudinaryanalysis.tasks;

/**
 * Client for the Tasks operations of Cloudinary's Analysis API.
 * <p>
 * The auto-configuration provides one, built from Spring Boot's HTTP client settings; inject it:
 * <pre class="code">
 * TaskStatusResponse response = tasksClient.getStatus(taskId);
 * if (response.status().isTerminal()) { ... }
 * </pre>
 * Errors from the API raise {@link io.github.cloudinaryanalysis.CloudinaryAnalysisException} and its subclasses;
 * transport failures raise Spring's {@code ResourceAccessException}; an invalid task id raises
 * {@link IllegalArgumentException} before any request is sent. Implementations are thread-safe.
 */
public interface TasksClient {

	/**
	 * Get the status of an analysis task ({@code GET /{cloud_name}/tasks/{task_id}}).
	 * @param taskId the task id, as returned when the analysis was started
	 * @return the task's status
	 * @throws IllegalArgumentException when the task id is invalid (see {@link TaskIds#requireValid})
	 * @throws io.github.cloudinaryanalysis.CloudinaryAnalysisException when the API answers with an error
	 */
	default TaskStatusResponse getStatus(String taskId) {
		return getStatus(taskId, RequestOptions.defaults());
	}

	/**
	 * Get the status of an analysis task, with settings for this call only.
	 * @param taskId the task id, as returned when the analysis was started
	 * @param options settings for this call
	 * @return the task's status
	 * @throws IllegalArgumentException when the task id is invalid (see {@link TaskIds#requireValid})
	 * @throws io.github.cloudinaryanalysis.CloudinaryAnalysisException when the API answers with an error
	 */
	TaskStatusResponse getStatus(String taskId, RequestOptions options);

}
