package io.github.cloudinaryanalysis.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import io.github.cloudinaryanalysis.tasks.RequestOptions;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.jspecify.annotations.Nullable;

/**
 * Sends the health probe, on a thread of its own, and remembers its latest result.
 * Concurrent callers share one probe in flight, and a caller waits no longer than the
 * probe's timeout. What a result means is for {@link CloudinaryAnalysisHealthIndicator}
 * to say.
 */
final class HealthProbe {

	/** A syntactically valid task id that no analysis ever returns. */
	static final String PROBE_TASK_ID = "health-check-probe-0000000000000000";

	private final TasksClient client;

	private final Duration timeout;

	private final Clock clock;

	private final LongSupplier outcomeCount;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "cloudinary-analysis-health-probe");
		thread.setDaemon(true);
		return thread;
	});

	private volatile @Nullable Result latest;

	private @Nullable CompletableFuture<@Nullable RuntimeException> inFlight;

	/**
	 * Create the probe.
	 * @param client the client to probe with
	 * @param timeout the longest a probe may take
	 * @param clock the clock that dates results
	 * @param outcomeCount how many of the application's calls have said something about
	 * the API's health so far
	 */
	HealthProbe(TasksClient client, Duration timeout, Clock clock, LongSupplier outcomeCount) {
		this.client = client;
		this.timeout = timeout;
		this.clock = clock;
		this.outcomeCount = outcomeCount;
	}

	Duration timeout() {
		return this.timeout;
	}

	/**
	 * Return the latest result, however old.
	 * @return the result, or {@code null} before the first probe
	 */
	@Nullable Result latest() {
		return this.latest;
	}

	/**
	 * Probe now, or join the probe in flight, and remember the result.
	 * @return the result
	 */
	Result run() {
		CompletableFuture<@Nullable RuntimeException> probe;
		synchronized (this) {
			if (this.inFlight == null || this.inFlight.isDone()) {
				this.inFlight = CompletableFuture.supplyAsync(this::call, this.executor);
			}
			probe = this.inFlight;
		}
		Result result = await(probe);
		this.latest = result;
		return result;
	}

	private Result await(CompletableFuture<@Nullable RuntimeException> probe) {
		try {
			RuntimeException failure = probe.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return result((failure != null) ? Kind.FAILED : Kind.ANSWERED, failure);
		}
		catch (TimeoutException ex) {
			return result(Kind.NO_ANSWER_IN_TIME, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return result(Kind.INTERRUPTED, null);
		}
		catch (ExecutionException ex) {
			return result(Kind.CRASHED, ex.getCause());
		}
	}

	private Result result(Kind kind, @Nullable Throwable failure) {
		return new Result(kind, failure, this.clock.instant(), this.outcomeCount.getAsLong());
	}

	/**
	 * Returns what the probe's call threw, or {@code null} when the API answered 2xx.
	 * @return what the probe's call threw, or {@code null} when the API answered 2xx
	 */
	private @Nullable RuntimeException call() {
		try {
			this.client.getStatus(PROBE_TASK_ID,
					RequestOptions.defaults().withReadTimeout(this.timeout).withoutRetries());
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	void close() {
		this.executor.shutdownNow();
	}

	/** How a probe ended. */
	enum Kind {

		/** The call returned an answer. */
		ANSWERED,

		/** The call threw: an API error or a transport failure. */
		FAILED,

		/** The call did not end within the timeout. */
		NO_ANSWER_IN_TIME,

		/** The caller was interrupted while waiting. */
		INTERRUPTED,

		/** The call threw an error, not an exception. */
		CRASHED

	}

	/**
	 * The result of one probe.
	 *
	 * @param kind how it ended
	 * @param failure what the call threw, for {@link Kind#FAILED} and
	 * {@link Kind#CRASHED}
	 * @param at when the caller had its result
	 * @param outcomesSeen how many of the application's calls had said something about
	 * the API's health by then
	 */
	record Result(Kind kind, @Nullable Throwable failure, Instant at, long outcomesSeen) {
	}

}
