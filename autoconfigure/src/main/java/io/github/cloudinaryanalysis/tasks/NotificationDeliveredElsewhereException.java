package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;
import java.util.Locale;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A poll saw the task end, but its webhook notification, which alone carries the result,
 * did not reach this application within the fallback poll interval after that: Cloudinary
 * delivered it elsewhere. Typically several instances of the application share one
 * notification URL behind a load balancer, and another instance received it; or the
 * notification URL does not lead to this application.
 * <p>
 * What to do with several instances: route each notification to the instance that started
 * the analysis (e.g. a notification URL per instance), or act on the notification
 * wherever it arrives (the {@code AnalysisNotification} Spring event is published on
 * whichever instance receives it), or start the analysis with {@code AnalyzeClient.start}
 * and follow it with {@code TasksClient.awaitCompletion}, which ends on the poll.
 * <p>
 * Its status code is that of the poll's answer (200): the API reported no error.
 */
public class NotificationDeliveredElsewhereException extends CloudinaryAnalysisException {

	private static final long serialVersionUID = 1L;

	private final String taskId;

	private final TaskStatus polledStatus;

	/**
	 * Create the exception.
	 * @param polled the poll's answer that showed the task ended
	 * @param waited how long the notification was waited for after that poll
	 */
	public NotificationDeliveredElsewhereException(TaskStatusResponse polled, Duration waited) {
		super(message(polled, waited), HttpStatus.OK, new HttpHeaders(), new byte[0], null, polled.requestId());
		this.taskId = polled.taskId();
		this.polledStatus = polled.status();
	}

	private static String message(TaskStatusResponse polled, Duration waited) {
		return "Task " + polled.taskId() + " is " + polled.status().name().toLowerCase(Locale.ROOT)
				+ " (seen by a poll), but its notification did not reach this application within " + waited
				+ " after that: it was delivered elsewhere. With several instances behind one notification URL,"
				+ " route each notification to the instance that started the analysis, handle the AnalysisNotification"
				+ " event on every instance, or use AnalyzeClient.start with TasksClient.awaitCompletion;"
				+ " otherwise check that cloudinary.analysis.webhook.notification-url leads to this application";
	}

	/**
	 * Return the id of the task.
	 * @return the task id
	 */
	public String getTaskId() {
		return this.taskId;
	}

	/**
	 * Return the status the poll saw.
	 * @return {@link TaskStatus#COMPLETED} or {@link TaskStatus#FAILED}
	 */
	public TaskStatus getPolledStatus() {
		return this.polledStatus;
	}

}
