package io.github.cloudinaryanalysis.tasks;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * The threads of a client's waits, owned by the client and never shared with the
 * application: a timer that only times (it schedules polls and deadlines, and never makes
 * a call), and a bounded executor that runs the polls' HTTP calls, at most
 * {@code maxConcurrentPolls} at once; excess polls queue. Both are created on the first
 * wait and shut down by {@link #close()}, which first ends every pending wait with a
 * {@link CancellationException}.
 */
final class PollingThreads implements AutoCloseable {

	private static final AtomicInteger TIMER_NUMBER = new AtomicInteger();

	private static final AtomicInteger POLL_NUMBER = new AtomicInteger();

	/**
	 * How long an idle thread lives: a client that stops waiting gives its threads back.
	 */
	private static final long KEEP_ALIVE_SECONDS = 30;

	private final int timerThreads;

	private final int maxConcurrentPolls;

	private final boolean virtualThreads;

	private final Object lock = new Object();

	private final Set<Runnable> pending = ConcurrentHashMap.newKeySet();

	private @Nullable ScheduledThreadPoolExecutor timer;

	private @Nullable ExecutorService polls;

	private volatile boolean closed;

	/**
	 * Describe the threads; none is started yet.
	 * @param timerThreads threads of the timer, at least 1
	 * @param maxConcurrentPolls the most polls that run at once, at least 1
	 * @param virtualThreads whether polls run on virtual threads (Java 21+)
	 */
	PollingThreads(int timerThreads, int maxConcurrentPolls, boolean virtualThreads) {
		if (timerThreads < 1) {
			throw new IllegalArgumentException("timer threads must be at least 1, but was " + timerThreads);
		}
		if (maxConcurrentPolls < 1) {
			throw new IllegalArgumentException("maxConcurrentPolls must be at least 1, but was " + maxConcurrentPolls);
		}
		this.timerThreads = timerThreads;
		this.maxConcurrentPolls = maxConcurrentPolls;
		this.virtualThreads = virtualThreads;
	}

	/**
	 * Register a wait so that {@link #close()} can end it.
	 * @param cancel ends the wait with a {@link CancellationException}
	 * @return {@code false} when these threads are closed (the wait must end at once)
	 */
	boolean register(Runnable cancel) {
		this.pending.add(cancel);
		if (this.closed) {
			this.pending.remove(cancel);
			return false;
		}
		return true;
	}

	void unregister(Runnable cancel) {
		this.pending.remove(cancel);
	}

	/**
	 * Run a task on the timer thread after a delay. The task must be quick: it only
	 * times.
	 * @param task the task
	 * @param delayNanos the delay
	 * @return the scheduled task, or {@code null} when these threads are closed
	 */
	@Nullable ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
		ScheduledThreadPoolExecutor timer = started().timer;
		try {
			return (timer != null) ? timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS) : null;
		}
		catch (RejectedExecutionException ex) {
			return null;
		}
	}

	/**
	 * Run a poll on the poll executor.
	 * @param poll the poll
	 * @return {@code false} when these threads are closed
	 */
	boolean execute(Runnable poll) {
		ExecutorService polls = started().polls;
		try {
			if (polls != null) {
				polls.execute(poll);
				return true;
			}
			return false;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	boolean isClosed() {
		return this.closed;
	}

	private PollingThreads started() {
		synchronized (this.lock) {
			if (this.timer == null && !this.closed) {
				ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(this.timerThreads,
						daemonThreads("cloudinary-analysis-timer-", TIMER_NUMBER));
				timer.setRemoveOnCancelPolicy(true);
				timer.setKeepAliveTime(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
				timer.allowCoreThreadTimeOut(true);
				ThreadPoolExecutor polls = new ThreadPoolExecutor(this.maxConcurrentPolls, this.maxConcurrentPolls,
						KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), pollThreads());
				polls.allowCoreThreadTimeOut(true);
				this.timer = timer;
				this.polls = polls;
			}
			return this;
		}
	}

	private ThreadFactory pollThreads() {
		if (this.virtualThreads) {
			// A bounded pool whose threads are virtual: the bound stays, the platform
			// threads go.
			return new VirtualThreadTaskExecutor("cloudinary-analysis-poll-").getVirtualThreadFactory();
		}
		return daemonThreads("cloudinary-analysis-poll-", POLL_NUMBER);
	}

	private static ThreadFactory daemonThreads(String prefix, AtomicInteger number) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * End every pending wait with a {@link CancellationException}, then stop the threads:
	 * queued polls are dropped and polls in flight are interrupted (their answers are
	 * ignored). Later waits end at once, sending nothing.
	 */
	@Override
	public void close() {
		ScheduledThreadPoolExecutor timer;
		ExecutorService polls;
		synchronized (this.lock) {
			this.closed = true;
			timer = this.timer;
			polls = this.polls;
			this.timer = null;
			this.polls = null;
		}
		for (Runnable cancel : this.pending.toArray(Runnable[]::new)) {
			cancel.run();
		}
		this.pending.clear();
		if (timer != null) {
			timer.shutdownNow();
		}
		if (polls != null) {
			polls.shutdownNow();
		}
	}

	@Override
	public String toString() {
		return "PollingThreads[timerThreads=" + this.timerThreads + ", maxConcurrentPolls=" + this.maxConcurrentPolls
				+ ", virtualThreads=" + this.virtualThreads + ", closed=" + this.closed + "]";
	}

}
