package io.github.cloudinaryanalysis.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.github.cloudinaryanalysis.ApiError;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.analyze.AnalysisNotifications;
import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalysisResult;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * Hands each verified {@link AnalysisNotification} to the waits for its task, so that
 * {@code TasksClient.awaitCompletion} and {@code AnalyzeClient.analyzeAsync} end the
 * moment it arrives, with no further poll. The application's notification endpoint calls
 * {@link #accept}; the clients take the hub from their builders
 * ({@code notificationHub(hub)}) and register their waits themselves.
 * <p>
 * A notification that matches no wait is kept for a short while (1 minute, at most 1,000
 * notifications, the oldest forgotten first): a fast analysis can be notified before the
 * 202 of its start has been read, and the wait registered just after then ends at once.
 * <p>
 * Thread-safe, and holds no thread: receivers run on the thread that calls
 * {@link #accept} (or, for a kept notification, on the thread that registers). A wait's
 * registration is dropped however it ends (notification, timeout, cancel, client closed).
 */
public final class NotificationHub implements AnalysisNotifications<AnalysisNotification> {

	/** The default interval of the safety-net polls of a wait that has a hub. */
	public static final Duration DEFAULT_FALLBACK_POLL_INTERVAL = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(NotificationHub.class);

	private final Duration fallbackPollInterval;

	private final EarlyNotifications early;

	/**
	 * The waits by task id; a list is only touched inside the map's atomic operations.
	 */
	private final Map<String, List<Registration>> waits = new ConcurrentHashMap<>();

	/**
	 * Create a hub with the default fallback poll interval, 1 minute.
	 */
	public NotificationHub() {
		this(DEFAULT_FALLBACK_POLL_INTERVAL);
	}

	/**
	 * Create a hub.
	 * @param fallbackPollInterval how often a wait polls while it waits for the
	 * notification (a safety net for a notification that never comes), positive
	 * @throws IllegalArgumentException when the interval is not positive
	 */
	public NotificationHub(Duration fallbackPollInterval) {
		this(fallbackPollInterval, EarlyNotifications.DEFAULT_MAX_AGE, EarlyNotifications.DEFAULT_MAX_COUNT,
				Clock.systemUTC());
	}

	NotificationHub(Duration fallbackPollInterval, Duration earlyMaxAge, int earlyMaxCount, Clock clock) {
		Objects.requireNonNull(fallbackPollInterval, "fallbackPollInterval must not be null");
		if (fallbackPollInterval.isNegative() || fallbackPollInterval.isZero()) {
			throw new IllegalArgumentException(
					"fallbackPollInterval must be positive, but was " + fallbackPollInterval);
		}
		this.fallbackPollInterval = fallbackPollInterval;
		this.early = new EarlyNotifications(earlyMaxAge, earlyMaxCount, clock);
	}

	/**
	 * Hand a verified notification to the waits for its task, ending them; when none
	 * waits, keep it for a wait registered shortly after. Receivers run on this thread.
	 * @param notification the verified notification
	 */
	public void accept(AnalysisNotification notification) {
		Objects.requireNonNull(notification, "notification must not be null");
		List<Registration> matched = new ArrayList<>(1);
		this.waits.compute(notification.taskId(), (taskId, registered) -> {
			if (registered == null) {
				this.early.keep(notification);
			}
			else {
				matched.addAll(registered);
			}
			return null;
		});
		for (Registration registration : matched) {
			registration.deliver(notification);
		}
	}

	@Override
	public Duration fallbackPollInterval() {
		return this.fallbackPollInterval;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * For the clients' waits; an application has no need to call it.
	 */
	@Override
	public Runnable register(String taskId, Consumer<AnalysisNotification> receiver) {
		Objects.requireNonNull(taskId, "taskId must not be null");
		Objects.requireNonNull(receiver, "receiver must not be null");
		Registration registration = new Registration(taskId, receiver);
		AnalysisNotification[] kept = new AnalysisNotification[1];
		this.waits.compute(taskId, (id, registered) -> {
			if (registered == null) {
				// Atomic with accept(): a notification is either kept, and taken here, or
				// handed to this registration.
				kept[0] = this.early.take(id);
				if (kept[0] != null) {
					return null;
				}
				registered = new ArrayList<>(1);
			}
			registered.add(registration);
			return registered;
		});
		if (kept[0] != null) {
			registration.deliver(kept[0]);
		}
		return registration::unregister;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The status is {@link TaskStatus#COMPLETED} when the notification carries a result
	 * (a 2xx status and no error), {@link TaskStatus#FAILED} otherwise, as a poll of the
	 * task would report; its request id is the notification's (that of the analyze
	 * request), where a poll would give the poll's own.
	 */
	@Override
	public TaskStatusResponse statusOf(AnalysisNotification notification) {
		return new TaskStatusResponse(notification.taskId(),
				notification.succeeded() ? TaskStatus.COMPLETED : TaskStatus.FAILED, notification.requestId());
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * A failed analysis raises the {@link CloudinaryAnalysisException} subclass of the
	 * notification's {@code http_status} (e.g. {@code ServerError} for 500) carrying the
	 * API's error; a notification without a result of the request's operation raises
	 * {@link MalformedNotificationException}.
	 */
	@Override
	public <A> AnalysisResult<A> resultOf(AnalysisNotification notification, AnalysisRequest<A> request) {
		if (!notification.succeeded()) {
			throw failure(notification);
		}
		return notification.result(request)
			.orElseThrow(() -> new MalformedNotificationException("The notification of task " + notification.taskId()
					+ " carries no result of " + request.type() + " (no data)"));
	}

	private static CloudinaryAnalysisException failure(AnalysisNotification notification) {
		ApiError error = notification.error();
		int status = (notification.httpStatus() >= 400) ? notification.httpStatus() : 500;
		StringBuilder message = new StringBuilder("The analysis of task ").append(notification.taskId())
			.append(" failed (notification http_status ")
			.append(notification.httpStatus())
			.append(')');
		if (error != null) {
			message.append(": ");
			if (error.code() != null) {
				message.append('[').append(error.code()).append("] ");
			}
			message.append((error.message() != null) ? error.message() : "(no message)");
		}
		String requestId = (error != null && error.requestId() != null) ? error.requestId() : notification.requestId();
		if (requestId != null) {
			message.append(" (request id ").append(requestId).append(')');
		}
		HttpStatusCode code = HttpStatusCode.valueOf(status);
		HttpHeaders headers = new HttpHeaders();
		byte[] body = new byte[0];
		String text = message.toString();
		return switch (status) {
			case 400 -> new CloudinaryAnalysisException.BadRequest(text, code, headers, body, error, requestId);
			case 401 -> new CloudinaryAnalysisException.Unauthorized(text, code, headers, body, error, requestId);
			case 403 -> new CloudinaryAnalysisException.Forbidden(text, code, headers, body, error, requestId);
			case 404 -> new CloudinaryAnalysisException.NotFound(text, code, headers, body, error, requestId);
			default -> code.is5xxServerError()
					? new CloudinaryAnalysisException.ServerError(text, code, headers, body, error, requestId)
					: new CloudinaryAnalysisException(text, code, headers, body, error, requestId);
		};
	}

	/**
	 * How many waits are registered now.
	 * @return the number of registered waits
	 */
	int waitCount() {
		return this.waits.values().stream().mapToInt(List::size).sum();
	}

	/**
	 * How many task ids have registered waits now.
	 * @return the number of task ids
	 */
	int waitedTaskCount() {
		return this.waits.size();
	}

	/**
	 * How many notifications that matched no wait are kept now.
	 * @return the number kept
	 */
	int keptCount() {
		return this.early.size();
	}

	@Override
	public String toString() {
		return "NotificationHub[fallbackPollInterval=" + this.fallbackPollInterval + ", waitedTasks="
				+ this.waits.size() + ", keptNotifications=" + this.early.size() + "]";
	}

	/** One wait's registration: delivered at most once, removed at most once. */
	private final class Registration {

		private final String taskId;

		private final Consumer<AnalysisNotification> receiver;

		private final AtomicBoolean done = new AtomicBoolean();

		Registration(String taskId, Consumer<AnalysisNotification> receiver) {
			this.taskId = taskId;
			this.receiver = receiver;
		}

		void deliver(AnalysisNotification notification) {
			if (this.done.compareAndSet(false, true)) {
				try {
					this.receiver.accept(notification);
				}
				catch (RuntimeException ex) {
					// A receiver must not throw; one that does must not keep the others
					// (or the endpoint's answer) from their notification.
					logger.warn("A wait for task " + this.taskId + " failed to take its notification", ex);
				}
			}
		}

		void unregister() {
			if (this.done.compareAndSet(false, true)) {
				NotificationHub.this.waits.computeIfPresent(this.taskId, (id, registered) -> {
					registered.remove(this);
					return registered.isEmpty() ? null : registered;
				});
			}
		}

	}

}
