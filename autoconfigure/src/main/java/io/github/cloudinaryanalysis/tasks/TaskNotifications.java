package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Tells waits that a task ended before a poll does: the seam between the waits of a
 * {@link TasksClient} and a receiver of Cloudinary's webhook notifications. The starter's
 * {@code io.github.cloudinaryanalysis.webhook.NotificationHub} implements it; this
 * package does not depend on the webhook support, so the client stays usable without it.
 * <p>
 * A wait that has notifications ends as soon as its task's notification arrives, with no
 * further poll, and polls only every {@link #fallbackPollInterval()} as a safety net.
 * Implementations must be thread-safe and must hold no thread of their own.
 *
 * @param <N> the type of the notifications
 */
public interface TaskNotifications<N> {

	/**
	 * How often a wait polls while it waits for the notification: each poll is sent this
	 * long after the one before ({@code awaitCompletion} polls once at once, a wait for
	 * the notification itself first polls one interval after it starts).
	 * @return the interval, positive
	 */
	Duration fallbackPollInterval();

	/**
	 * Hand the next notification of a task to a receiver, once. When the notification
	 * arrived already (a fast task can be notified before its start was answered), the
	 * receiver is called at once, on the calling thread; otherwise on the thread that
	 * delivers the notification.
	 * @param taskId the task
	 * @param receiver called at most once; it must be quick and must not throw
	 * @return ends the registration (idempotent); a wait calls it however it ends, so
	 * that nothing of it is kept
	 */
	Runnable register(String taskId, Consumer<N> receiver);

	/**
	 * Describe how the task ended, as a poll would: {@link TaskStatus#COMPLETED} or
	 * {@link TaskStatus#FAILED}.
	 * @param notification a notification handed to a receiver
	 * @return the terminal status the notification stands for
	 */
	TaskStatusResponse statusOf(N notification);

}
