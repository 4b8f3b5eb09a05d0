package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Polls tasks until they end, without holding a thread per waiting task: each wait is a small state machine whose
 * next poll is scheduled on a shared {@link ScheduledExecutorService}. Thousands of waits share a few threads.
 * <p>
 * The interval grows with the task's age ({@link PollingSettings}). A transient failure (see {@link RetryReason})
 * schedules the next poll after a backoff instead of sleeping, up to {@link RetrySettings#maxRetries()} failures in
 * a row; a 429 pushes the next poll out to when the API allows it, instead of stacking requests. Cancelling the
 * returned future cancels the scheduled poll.
 */
public final class TaskAwaiter {

	private static final RequestOptions SINGLE_ATTEMPT = RequestOptions.defaults().withoutRetries();

	private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

	private static volatile @Nullable ScheduledExecutorService sharedScheduler;

	private final TasksClient client;

	private final PollingSettings polling;

	private final RetrySettings retry;

	private final ScheduledExecutorService scheduler;

	private final TasksClientListener listener;

	/**
	 * Create an awaiter.
	 * @param client the client that polls (its retries are switched off per poll: the awaiter schedules retries)
	 * @param polling the poll schedule
	 * @param retry how transient failures are retried
	 * @param scheduler runs the polls
	 * @param listener hears how each wait ends
	 */
	public TaskAwaiter(TasksClient client, PollingSettings polling, RetrySettings retry,
			ScheduledExecutorService scheduler, TasksClientListener listener) {
		this.client = client;
		this.polling = polling;
		this.retry = retry;
		this.scheduler = scheduler;
		this.listener = listener;
	}

	/**
	 * Create a scheduler suited to polling: daemon threads, cancelled polls removed at once.
	 * @param threads the number of threads
	 * @return a new scheduler, to be shut down by its owner
	 */
	public static ScheduledExecutorService newScheduler(int threads) {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "cloudinary-analysis-poll-" + THREAD_NUMBER.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	/**
	 * Return a scheduler shared by clients that were given none (outside Spring, or a user's own
	 * {@link TasksClient}). Its threads are daemons.
	 * @return the shared scheduler
	 */
	static ScheduledExecutorService sharedScheduler() {
		ScheduledExecutorService scheduler = sharedScheduler;
		if (scheduler == null) {
			synchronized (TaskAwaiter.class) {
				scheduler = sharedScheduler;
				if (scheduler == null) {
					scheduler = newScheduler(2);
					sharedScheduler = scheduler;
				}
			}
		}
		return scheduler;
	}

	/**
	 * Wait for a task without blocking.
	 * @param taskId the task
	 * @param timeout how long to wait
	 * @return a future completed with the terminal answer, or failed with {@link TaskAwaitTimeoutException} or the
	 * error that ended the wait
	 * @throws IllegalArgumentException when the task id is invalid (no request is sent)
	 */
	public CompletableFuture<TaskStatusResponse> awaitAsync(String taskId, Duration timeout) {
		TaskIds.requireValid(taskId);
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("Timeout must be positive, but was " + timeout);
		}
		Wait wait = new Wait(taskId, timeout);
		wait.schedule(Duration.ZERO);
		return wait.future;
	}

	/**
	 * Wait for a task, blocking the calling thread (but no other).
	 * @param taskId the task
	 * @param timeout how long to wait
	 * @return the terminal answer
	 * @throws TaskAwaitTimeoutException when the task did not end in time
	 * @throws CancellationException when the calling thread is interrupted (its interrupt flag stays set)
	 */
	public TaskStatusResponse await(String taskId, Duration timeout) {
		CompletableFuture<TaskStatusResponse> future = awaitAsync(taskId, timeout);
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
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				// Keep the caller's stack in view: the failure happened on a polling thread.
				runtime.addSuppressed(new Exception("Awaited from here"));
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** One wait: polls run one after another, each scheduling the next. */
	private final class Wait implements Runnable {

		final CompletableFuture<TaskStatusResponse> future = new CompletableFuture<>();

		private final String taskId;

		private final Duration timeout;

		private final long startNanos = System.nanoTime();

		private final long deadlineNanos;

		private int polls;

		private int consecutiveFailures;

		private @Nullable TaskStatusResponse last;

		private volatile @Nullable ScheduledFuture<?> next;

		Wait(String taskId, Duration timeout) {
			this.taskId = taskId;
			this.timeout = timeout;
			this.deadlineNanos = this.startNanos + timeout.toNanos();
			this.future.whenComplete((response, failure) -> {
				ScheduledFuture<?> scheduled = this.next;
				if (scheduled != null) {
					scheduled.cancel(false);
				}
				if (this.future.isCancelled()) {
					ended("cancelled");
				}
			});
		}

		void schedule(Duration delay) {
			try {
				this.next = TaskAwaiter.this.scheduler.schedule(this, delay.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				fail(ex);
			}
			ScheduledFuture<?> scheduled = this.next;
			if (this.future.isDone() && scheduled != null) {
				scheduled.cancel(false);
			}
		}

		@Override
		public void run() {
			if (this.future.isDone()) {
				return;
			}
			Duration delay;
			try {
				this.polls++;
				TaskStatusResponse response = TaskAwaiter.this.client.getStatus(this.taskId, SINGLE_ATTEMPT);
				this.last = response;
				this.consecutiveFailures = 0;
				if (response.status().isTerminal()) {
					ended(response.status().name().toLowerCase(Locale.ROOT));
					this.future.complete(response);
					return;
				}
				delay = TaskAwaiter.this.polling.intervalAfter(this.polls);
			}
			catch (RuntimeException failure) {
				Duration retryDelay = retryDelay(failure);
				if (retryDelay == null) {
					fail(failure);
					return;
				}
				delay = retryDelay;
			}
			scheduleWithinDeadline(delay);
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
				// The API's wait pushes the next poll out; it never stacks an extra request.
				return max(wait, TaskAwaiter.this.polling.intervalAfter(this.polls));
			}
			return max(wait, TaskAwaiter.this.polling.initialInterval());
		}

		private void scheduleWithinDeadline(Duration delay) {
			long remaining = this.deadlineNanos - System.nanoTime();
			if (remaining < TaskAwaiter.this.polling.initialInterval().toNanos()) {
				ended("timeout");
				this.future.completeExceptionally(new TaskAwaitTimeoutException(this.taskId, this.last, this.timeout));
				return;
			}
			// The last poll happens at the deadline rather than giving up early.
			schedule(Duration.ofNanos(Math.min(delay.toNanos(), remaining)));
		}

		private void fail(Throwable failure) {
			ended("error");
			this.future.completeExceptionally(failure);
		}

		private void ended(String outcome) {
			TaskAwaiter.this.listener.onAwaitEnded(outcome, this.polls,
					Duration.ofNanos(System.nanoTime() - this.startNanos));
		}

		private static Duration max(Duration a, Duration b) {
			return (a.compareTo(b) >= 0) ? a : b;
		}

	}

}
