package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Client for the Tasks operations of Cloudinary's Analysis API.
 * <p>
 * The auto-configuration provides one, built from Spring Boot's HTTP client settings;
 * inject it: <pre class="code">
 * TaskStatusResponse response = tasksClient.getStatus(taskId);
 * if (response.status().isTerminal()) { ... }
 * </pre> Without Spring Boot, build one with {@link #builder()} (the auto-configuration
 * uses the same builder): <pre class="code">
 * try (RestClientTasksClient tasksClient = TasksClient.builder()
 *         .cloudName("demo")
 *         .credentials(apiKey, apiSecret)
 *         .build()) {
 *     TaskStatusResponse response = tasksClient.awaitCompletion(taskId, Duration.ofMinutes(1));
 * }
 * </pre> Errors from the API raise
 * {@link io.github.cloudinaryanalysis.CloudinaryAnalysisException} and its subclasses;
 * transport failures raise Spring's {@code ResourceAccessException}; an invalid task id
 * raises {@link IllegalArgumentException} before any request is sent. Implementations are
 * thread-safe.
 * <p>
 * Only {@link #getStatus(String, RequestOptions)} must be implemented: the waiting
 * methods have defaults that poll it on threads shared by such implementations (daemon
 * threads, ended when idle), so a hand-written implementation (a test double, say) gets
 * them too. Their timeout is a deadline: a wait ends by then, however slow the server.
 */
public interface TasksClient {

	/**
	 * Start building a client on Spring's {@code RestClient}, with or without a Spring
	 * context.
	 * @return a builder; {@link RestClientTasksClient.Builder#cloudName(String)
	 * cloudName} and credentials (or an
	 * {@link io.github.cloudinaryanalysis.AccessTokenProvider}) are required
	 */
	static RestClientTasksClient.Builder builder() {
		return new RestClientTasksClient.Builder();
	}

	/**
	 * Get the status of an analysis task ({@code GET /{cloud_name}/tasks/{task_id}}).
	 * @param taskId the task id, as returned when the analysis was started
	 * @return the task's status
	 * @throws IllegalArgumentException when the task id is invalid (see
	 * {@link TaskIds#requireValid})
	 * @throws io.github.cloudinaryanalysis.CloudinaryAnalysisException when the API
	 * answers with an error
	 */
	default TaskStatusResponse getStatus(String taskId) {
		return getStatus(taskId, RequestOptions.defaults());
	}

	/**
	 * Get the status of an analysis task, with settings for this call only.
	 * @param taskId the task id, as returned when the analysis was started
	 * @param options settings for this call
	 * @return the task's status
	 * @throws IllegalArgumentException when the task id is invalid (see
	 * {@link TaskIds#requireValid})
	 * @throws io.github.cloudinaryanalysis.CloudinaryAnalysisException when the API
	 * answers with an error
	 */
	TaskStatusResponse getStatus(String taskId, RequestOptions options);

	/**
	 * Wait until a task is {@link TaskStatus#COMPLETED} or {@link TaskStatus#FAILED}, for
	 * the configured time. A failed task is a result, not an exception.
	 * <p>
	 * Which timeout: the client built by {@link #builder()} (and the auto-configured one)
	 * waits for its {@link PollingSettings#timeout()}
	 * ({@code cloudinary.analysis.polling.timeout}, 5 minutes by default). A hand-written
	 * implementation that overrides only {@link #getStatus(String, RequestOptions)} waits
	 * for {@code PollingSettings.defaults().timeout()}, 5 minutes, whatever is
	 * configured; it may override this method to choose.
	 * @param taskId the task id
	 * @return the terminal answer
	 * @throws TaskAwaitTimeoutException when the task did not end in time (the timeout is
	 * a deadline: this is thrown within a few milliseconds of it, even while a poll is in
	 * flight); it carries the last status seen
	 * @throws java.util.concurrent.CancellationException when the client is closed (the
	 * auto-configured one closes with its application context) or the calling thread is
	 * interrupted (the interrupt flag stays set)
	 */
	default TaskStatusResponse awaitCompletion(String taskId) {
		return awaitCompletion(taskId, PollingSettings.defaults().timeout());
	}

	/**
	 * Wait until a task is {@link TaskStatus#COMPLETED} or {@link TaskStatus#FAILED}. A
	 * failed task is a result, not an exception.
	 * @param taskId the task id
	 * @param timeout how long to wait
	 * @return the terminal answer
	 * @throws TaskAwaitTimeoutException when the task did not end in time (the timeout is
	 * a deadline: this is thrown within a few milliseconds of it, even while a poll is in
	 * flight); it carries the last status seen
	 * @throws java.util.concurrent.CancellationException when the client is closed (the
	 * auto-configured one closes with its application context) or the calling thread is
	 * interrupted (the interrupt flag stays set)
	 */
	default TaskStatusResponse awaitCompletion(String taskId, Duration timeout) {
		return defaultAwaiter().await(taskId, timeout);
	}

	/**
	 * Wait for a task without blocking any thread while waiting: a timer thread schedules
	 * the polls and a small bounded pool makes their calls, so many thousands of waits
	 * cost a few threads. The future completes by the deadline however slow the server
	 * is; cancelling it stops its polling. Dependent stages without {@code Async} run on
	 * the client's threads: keep them short.
	 * @param taskId the task id
	 * @param timeout how long to wait
	 * @return a future completed with the terminal answer, or failed with
	 * {@link TaskAwaitTimeoutException}, with a
	 * {@link java.util.concurrent.CancellationException} when the client is closed, or
	 * with the error that ended the wait
	 * @throws IllegalArgumentException when the task id is invalid (no request is sent)
	 */
	default CompletableFuture<TaskStatusResponse> awaitCompletionAsync(String taskId, Duration timeout) {
		return defaultAwaiter().awaitAsync(taskId, timeout);
	}

	/**
	 * Wait for a task's webhook notification without blocking any thread: the wait ends
	 * the moment the notification arrives (possibly before this call, when it was kept),
	 * with the notification itself. Polls are only a safety net, every
	 * {@link TaskNotifications#fallbackPollInterval()}: when one sees the task ended, the
	 * notification is waited for one interval more (it may be in flight), then the wait
	 * fails with {@link NotificationDeliveredElsewhereException}. This is what
	 * {@code AnalyzeClient.analyzeAsync} waits with; the notifications are usually the
	 * starter's {@code NotificationHub}.
	 * @param <N> the type of the notifications
	 * @param taskId the task id
	 * @param timeout how long to wait
	 * @param notifications where the task's notification arrives
	 * @return a future completed with the notification, or failed with
	 * {@link TaskAwaitTimeoutException}, {@link NotificationDeliveredElsewhereException},
	 * a {@link java.util.concurrent.CancellationException} when the client is closed, or
	 * with the error that ended the wait (a failed poll, after its retries)
	 * @throws IllegalArgumentException when the task id is invalid (no request is sent)
	 */
	default <N> CompletableFuture<N> awaitNotificationAsync(String taskId, Duration timeout,
			TaskNotifications<N> notifications) {
		return defaultAwaiter().awaitNotificationAsync(taskId, timeout, notifications);
	}

	private TaskAwaiter defaultAwaiter() {
		return new TaskAwaiter(this, PollingSettings.defaults(), RetrySettings.defaults(),
				SharedPollingThreads.INSTANCE, TasksClientListener.NONE,
				io.micrometer.observation.ObservationRegistry.NOOP);
	}

}
