package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Polls tasks until they end, without holding a thread per waiting task: each wait is a
 * small state machine. The timer of {@link PollingThreads} times the polls and the
 * deadline; each poll's HTTP call runs on the bounded poll executor. Thousands of waits
 * share a few threads.
 * <p>
 * The timeout is a deadline: when it passes, the wait ends with
 * {@link TaskAwaitTimeoutException} at once, whatever the server does; a poll still in
 * flight is abandoned and its answer ignored. The interval grows with the task's age
 * ({@link PollingSettings}). A transient failure (see {@link RetryReason}) schedules the
 * next poll after a backoff instead of sleeping, up to {@link RetrySettings#maxRetries()}
 * failures in a row; a 429 pushes the next poll out to when the API allows it, instead of
 * stacking requests. Cancelling the returned future cancels the scheduled poll; closing
 * the {@link PollingThreads} ends every wait with a {@link CancellationException}.
 * <p>
 * Each wait is an observation named {@value #OBSERVATION_NAME} (low-cardinality key
 * {@code outcome}), child of the caller's current observation; its polls run inside it
 * (see {@link WaitContext}).
 * <p>
 * With {@link TaskNotifications}, a wait also registers for its task's notification and
 * ends the moment it arrives, with no further poll; after a first poll at once (a task
 * that ended already ends the wait), polls are only a safety net, every
 * {@link TaskNotifications#fallbackPollInterval()}. A wait for the notification itself
 * ({@link #awaitNotificationAsync}) sends its first poll one interval after it starts.
 * The registration is dropped however the wait ends.
 */
final class TaskAwaiter {

	/** Name of the observation of a wait. */
	static final String OBSERVATION_NAME = "cloudinary.analysis.tasks.await";

	private static final RequestOptions SINGLE_ATTEMPT = RequestOptions.defaults().withoutRetries();

	private final TasksClient client;

	private final PollingSettings polling;

	private final RetrySettings retry;

	private final PollingThreads threads;

	private final TasksClientListener listener;

	private final ObservationRegistry observationRegistry;

	private final @Nullable TaskNotifications<?> notifications;

	/**
	 * Create an awaiter that only polls.
	 * @param client the client that polls (its retries are switched off per poll: the
	 * awaiter schedules retries)
	 * @param polling the poll schedule
	 * @param retry how transient failures are retried
	 * @param threads times and runs the polls
	 * @param listener hears how each wait ends
	 * @param observationRegistry observes each wait
	 */
	TaskAwaiter(TasksClient client, PollingSettings polling, RetrySettings retry, PollingThreads threads,
			TasksClientListener listener, ObservationRegistry observationRegistry) {
		this(client, polling, retry, threads, listener, observationRegistry, null);
	}

	/**
	 * Create an awaiter.
	 * @param client the client that polls (its retries are switched off per poll: the
	 * awaiter schedules retries)
	 * @param polling the poll schedule, when there are no notifications
	 * @param retry how transient failures are retried
	 * @param threads times and runs the polls
	 * @param listener hears how each wait ends
	 * @param observationRegistry observes each wait
	 * @param notifications ends waits on their task's notification, or {@code null} to
	 * poll only
	 */
	TaskAwaiter(TasksClient client, PollingSettings polling, RetrySettings retry, PollingThreads threads,
			TasksClientListener listener, ObservationRegistry observationRegistry,
			@Nullable TaskNotifications<?> notifications) {
		this.client = client;
		this.polling = polling;
		this.retry = retry;
		this.threads = threads;
		this.listener = listener;
		this.observationRegistry = observationRegistry;
		this.notifications = notifications;
	}

	/**
	 * Wait for a task without blocking.
	 * @param taskId the task
	 * @param timeout how long to wait
	 * @return a future completed with the terminal answer, or failed with
	 * {@link TaskAwaitTimeoutException}, a {@link CancellationException} when the client
	 * is closed, or the error that ended the wait
	 * @throws IllegalArgumentException when the task id is invalid (no request is sent)
	 */
	CompletableFuture<TaskStatusResponse> awaitAsync(String taskId, Duration timeout) {
		check(taskId, timeout);
		TaskNotifications<?> notifications = this.notifications;
		if (notifications == null) {
			Wait<TaskStatusResponse> wait = new Wait<>(taskId, timeout, Function.identity(), null);
			wait.start(null);
			return wait.future;
		}
		return awaitAsync(taskId, timeout, notifications);
	}

	private <N> CompletableFuture<TaskStatusResponse> awaitAsync(String taskId, Duration timeout,
			TaskNotifications<N> notifications) {
		Wait<TaskStatusResponse> wait = new Wait<>(taskId, timeout, Function.identity(),
				notifications.fallbackPollInterval());
		wait.start(() -> notifications.register(taskId, (notification) -> {
			TaskStatusResponse status = notifications.statusOf(notification);
			wait.notified(status, status);
		}));
		return wait.future;
	}

	/**
	 * Wait for a task's notification without blocking: it alone ends the wait. Polls,
	 * every {@link TaskNotifications#fallbackPollInterval()}, are a safety net: when one
	 * sees the task ended, the notification is waited for one more interval (it may be in
	 * flight), then the wait fails with {@link NotificationDeliveredElsewhereException}.
	 * @param <N> the type of the notifications
	 * @param taskId the task
	 * @param timeout how long to wait
	 * @param notifications where the notification arrives
	 * @return a future completed with the notification, or failed with
	 * {@link TaskAwaitTimeoutException}, {@link NotificationDeliveredElsewhereException},
	 * a {@link CancellationException} when the client is closed, or the error that ended
	 * the wait
	 * @throws IllegalArgumentException when the task id is invalid (no request is sent)
	 */
	<N> CompletableFuture<N> awaitNotificationAsync(String taskId, Duration timeout,
			TaskNotifications<N> notifications) {
		check(taskId, timeout);
		Wait<N> wait = new Wait<>(taskId, timeout, null, notifications.fallbackPollInterval());
		wait.start(() -> notifications.register(taskId,
				(notification) -> wait.notified(notification, notifications.statusOf(notification))));
		return wait.future;
	}

	private static void check(String taskId, Duration timeout) {
		TaskIds.requireValid(taskId);
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("Timeout must be positive, but was " + timeout);
		}
	}

	/**
	 * Wait for a task, blocking the calling thread (but no other).
	 * @param taskId the task
	 * @param timeout how long to wait
	 * @return the terminal answer
	 * @throws TaskAwaitTimeoutException when the task did not end in time
	 * @throws CancellationException when the client is closed, or the calling thread is
	 * interrupted (its interrupt flag stays set)
	 */
	TaskStatusResponse await(String taskId, Duration timeout) {
		return join(awaitAsync(taskId, timeout), taskId);
	}

	/**
	 * Block until a wait's future is done, translating how it ended for the caller.
	 * @param <R> the result type
	 * @param future the wait's future
	 * @param taskId the task
	 * @return the result
	 */
	<R> R join(CompletableFuture<R> future, String taskId) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			future.cancel(false);
			Thread.currentThread().interrupt();
			CancellationException cancelled = new CancellationException("Interrupted while waiting for task " + taskId);
			cancelled.initCause(ex);
			throw cancelled;
		}
		catch (CancellationException ex) {
			// Newer JDKs wrap the cause in a bare "get"; say why the wait ended, on the
			// caller's stack.
			CancellationException cancelled = new CancellationException(
					this.threads.isClosed() ? "The TasksClient was closed while waiting for task " + taskId
							: "The wait for task " + taskId + " was cancelled");
			cancelled.initCause(ex);
			throw cancelled;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				// Keep the caller's stack in view: the failure happened on a polling
				// thread.
				runtime.addSuppressed(new Exception("Awaited from here"));
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * One wait: polls run one after another, each scheduling the next; the deadline is a
	 * timer of its own. Every way of ending goes through {@link #end}, so the first
	 * ending wins and later answers are ignored; the wait is observed and reported before
	 * its future completes, so a caller who sees the result also sees the metrics.
	 *
	 * @param <R> what the wait completes with
	 */
	private final class Wait<R> {

		final CompletableFuture<R> future = new CompletableFuture<>();

		/**
		 * Turns a poll's terminal answer into the result; {@code null} when only the
		 * notification ends the wait (a terminal poll then starts the grace period).
		 */
		private final @Nullable Function<TaskStatusResponse, R> polledResult;

		/** The interval between polls when notifications end the wait. */
		private final @Nullable Duration fallbackPollInterval;

		private volatile @Nullable Runnable unregister;

		private volatile @Nullable TaskStatusResponse endedUnnotified;

		private final String taskId;

		private final Duration timeout;

		private final long startNanos = System.nanoTime();

		private final long deadlineNanos;

		private final Runnable cancelOnClose = this::cancelOnClose;

		private final AtomicBoolean ended = new AtomicBoolean();

		private final Observation observation;

		private final WaitContext context;

		// Written by the one poll that runs at a time; read when the wait ends.
		private volatile int polls;

		private int consecutiveFailures;

		private volatile @Nullable TaskStatusResponse last;

		private volatile @Nullable ScheduledFuture<?> nextPoll;

		private volatile @Nullable ScheduledFuture<?> deadline;

		Wait(String taskId, Duration timeout, @Nullable Function<TaskStatusResponse, R> polledResult,
				@Nullable Duration fallbackPollInterval) {
			this.polledResult = polledResult;
			this.fallbackPollInterval = fallbackPollInterval;
			this.taskId = taskId;
			this.timeout = timeout;
			this.deadlineNanos = this.startNanos + timeout.toNanos();
			// Created and started on the caller's thread: its parent is the caller's
			// current observation.
			this.observation = Observation.createNotStarted(OBSERVATION_NAME, TaskAwaiter.this.observationRegistry)
				.contextualName("cloudinary-analysis await")
				.highCardinalityKeyValue("task.id", taskId)
				.start();
			this.context = WaitContext.capture(this.observation);
		}

		/**
		 * Start the wait.
		 * @param registration registers for the task's notification and returns what
		 * unregisters it, or {@code null} without notifications
		 */
		void start(@Nullable Supplier<Runnable> registration) {
			// A caller's cancel (or completion) ends the wait.
			this.future.whenComplete((result, failure) -> end(null, null,
					(failure != null) ? failure : new CancellationException("Completed by the caller")));
			if (!TaskAwaiter.this.threads.register(this.cancelOnClose)) {
				cancelOnClose();
				return;
			}
			if (registration != null) {
				// A notification that arrived already ends the wait right here.
				this.unregister = registration.get();
				if (this.ended.get()) {
					unregister();
					return;
				}
			}
			// Counted from the wait's start: setting up (the first wait starts the
			// threads) eats into the timeout.
			ScheduledFuture<?> deadline = TaskAwaiter.this.threads.schedule(this::timeOut,
					Math.max(0, this.deadlineNanos - System.nanoTime()));
			this.deadline = deadline;
			if (deadline != null && this.ended.get()) {
				deadline.cancel(false); // ended while being scheduled: do not keep the
										// wait until its deadline
			}
			Duration fallback = this.fallbackPollInterval;
			if (fallback != null && this.polledResult == null) {
				// A wait for the notification of a task just started: a poll now could
				// only say it is pending.
				scheduleNextPoll(fallback.toNanos());
				return;
			}
			// The first poll is due now (a task that ended already ends the wait at once,
			// notifications or not): straight to the poll executor, without a trip
			// through the timer.
			submitPoll();
		}

		/**
		 * The task's notification arrived, on the thread that delivered it.
		 * @param result the wait's result
		 * @param status the terminal status it stands for
		 */
		void notified(R result, TaskStatusResponse status) {
			end(result, status, null);
		}

		private void unregister() {
			Runnable unregister = this.unregister;
			if (unregister != null) {
				this.unregister = null;
				unregister.run();
			}
		}

		private void schedulePoll(long delayNanos) {
			ScheduledFuture<?> scheduled = TaskAwaiter.this.threads.schedule(this::submitPoll, delayNanos);
			if (scheduled == null) {
				cancelOnClose();
				return;
			}
			this.nextPoll = scheduled;
			if (this.ended.get()) {
				scheduled.cancel(false);
			}
		}

		/**
		 * On the timer (or the caller, for the first poll): hand the poll to the poll
		 * executor, never run it here.
		 */
		private void submitPoll() {
			if (this.ended.get()) {
				return;
			}
			if (!TaskAwaiter.this.threads.execute(() -> this.context.run(this::poll))) {
				cancelOnClose();
			}
		}

		private void poll() {
			// A poll that waited in the queue past the deadline, or past close, is not
			// sent.
			if (this.ended.get()) {
				return;
			}
			long delayNanos;
			try {
				this.polls++;
				TaskStatusResponse response = TaskAwaiter.this.client.getStatus(this.taskId, SINGLE_ATTEMPT);
				if (this.ended.get()) {
					return; // abandoned: the deadline passed or the client closed while
							// the call was in flight
				}
				this.last = response;
				this.consecutiveFailures = 0;
				if (response.status().isTerminal()) {
					endPolled(response);
					return;
				}
				delayNanos = pollInterval().toNanos();
			}
			catch (RuntimeException failure) {
				if (this.ended.get()) {
					return;
				}
				Duration retryDelay = retryDelay(failure);
				if (retryDelay == null) {
					end(null, null, failure);
					return;
				}
				delayNanos = retryDelay.toNanos();
			}
			scheduleNextPoll(delayNanos);
		}

		private void scheduleNextPoll(long delayNanos) {
			long remaining = this.deadlineNanos - System.nanoTime();
			if (remaining < TaskAwaiter.this.polling.initialInterval().toNanos()) {
				return; // no time for another useful poll: the deadline ends the wait
			}
			if (this.fallbackPollInterval != null && delayNanos >= remaining) {
				return; // safety-net polls keep their interval: the deadline comes first
			}
			schedulePoll(Math.min(delayNanos, remaining));
		}

		private Duration pollInterval() {
			Duration fallback = this.fallbackPollInterval;
			return (fallback != null) ? fallback : TaskAwaiter.this.polling.intervalAfter(this.polls);
		}

		/**
		 * A poll saw the task end. A wait for the status ends; a wait for the
		 * notification gives it one more interval, since it may be in flight, and sends
		 * no more polls.
		 * @param response the poll's terminal answer
		 */
		private void endPolled(TaskStatusResponse response) {
			Function<TaskStatusResponse, R> polledResult = this.polledResult;
			if (polledResult != null) {
				end(polledResult.apply(response), response, null);
				return;
			}
			this.endedUnnotified = response;
			Duration grace = Objects.requireNonNull(this.fallbackPollInterval);
			ScheduledFuture<?> scheduled = TaskAwaiter.this.threads.schedule(this::deliveredElsewhere, grace.toNanos());
			if (scheduled == null) {
				cancelOnClose();
				return;
			}
			this.nextPoll = scheduled;
			if (this.ended.get()) {
				scheduled.cancel(false);
			}
		}

		/** On the timer: the notification did not come after a poll saw the task end. */
		private void deliveredElsewhere() {
			TaskStatusResponse polled = this.endedUnnotified;
			if (polled != null && !this.ended.get()) {
				end(null, null, new NotificationDeliveredElsewhereException(polled,
						Objects.requireNonNull(this.fallbackPollInterval)));
			}
		}

		private @Nullable Duration retryDelay(RuntimeException failure) {
			RetrySettings retry = TaskAwaiter.this.retry;
			this.consecutiveFailures++;
			Duration wait = retry.waitBeforeRetry(failure, this.consecutiveFailures);
			if (wait == null) {
				return null;
			}
			if (RetrySettings.askedWait(failure) != null) {
				if (System.nanoTime() + wait.toNanos() > this.deadlineNanos) {
					return null;
				}
				// The API's wait pushes the next poll out; it never stacks an extra
				// request.
				return max(wait, pollInterval());
			}
			return max(wait, TaskAwaiter.this.polling.initialInterval());
		}

		/** On the timer, at the deadline. */
		private void timeOut() {
			if (this.ended.get()) {
				return;
			}
			if (this.endedUnnotified != null) {
				// The deadline came during the grace period: the notification went
				// elsewhere.
				deliveredElsewhere();
				return;
			}
			end(null, null, new TaskAwaitTimeoutException(this.taskId, this.last, this.timeout));
		}

		private void cancelOnClose() {
			if (!this.ended.get()) {
				end(null, null,
						new CancellationException("The TasksClient was closed while waiting for task " + this.taskId));
			}
		}

		private void end(@Nullable R result, @Nullable TaskStatusResponse response, @Nullable Throwable failure) {
			if (!this.ended.compareAndSet(false, true)) {
				return;
			}
			unregister();
			ScheduledFuture<?> scheduled = this.nextPoll;
			if (scheduled != null) {
				scheduled.cancel(false);
			}
			ScheduledFuture<?> deadline = this.deadline;
			if (deadline != null) {
				deadline.cancel(false);
			}
			TaskAwaiter.this.threads.unregister(this.cancelOnClose);
			AwaitOutcome outcome = AwaitOutcome.of(response, failure);
			this.observation.lowCardinalityKeyValue("outcome", outcome.tagValue());
			if (outcome == AwaitOutcome.ERROR && failure != null) {
				this.observation.error(failure);
			}
			this.observation.stop();
			TaskAwaiter.this.listener.onAwaitEnded(outcome, this.polls,
					Duration.ofNanos(System.nanoTime() - this.startNanos));
			if (result != null) {
				this.future.complete(result);
			}
			else {
				this.future.completeExceptionally(failure);
			}
		}

		private static Duration max(Duration a, Duration b) {
			return (a.compareTo(b) >= 0) ? a : b;
		}

	}

}
