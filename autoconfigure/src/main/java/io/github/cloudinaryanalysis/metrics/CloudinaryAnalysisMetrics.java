package io.github.cloudinaryanalysis.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cloudinaryanalysis.RateLimit;
import io.github.cloudinaryanalysis.health.ClientActivity;
import io.github.cloudinaryanalysis.tasks.RetryReason;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import io.github.cloudinaryanalysis.metrics.CloudinaryAnalysisMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The client's own meters, next to the {@code cloudinary.analysis.tasks.status} timer of its observation. Every
 * tag is bounded: retry reasons and wait outcomes are fixed sets, and at most 16 rate-limited features are tracked.
 * <ul>
 * <li>{@value #RETRIES}: counter of retries, tag {@code reason}.</li>
 * <li>{@value #QUOTA}: gauge of the last known remaining quota, tag {@code feature} (from 429 answers).</li>
 * <li>{@value #AWAIT}: timer of {@code awaitCompletion} waits, tag {@code outcome} (the final status in lower
 * case, {@code timeout}, {@code error} or {@code cancelled}). When the client observes its waits, the wait's
 * observation of the same name makes this timer (with Boot's {@code error} tag too); this listener makes it only
 * for a client without an observation registry.</li>
 * <li>{@value #AWAIT_POLLS}: distribution of the number of polls per wait, tag {@code outcome}.</li>
 * </ul>
 */
public class CloudinaryAnalysisMetrics implements TasksClientListener {

	/** Counter of retries. */
	public static final String RETRIES = "cloudinary.analysis.retries";

	/** Gauge of the last known remaining quota. */
	public static final String QUOTA = "cloudinary.analysis.rate.limit.remaining";

	/** Timer of waits for a task. */
	public static final String AWAIT = "cloudinary.analysis.tasks.await";

	/** Polls per wait. */
	public static final String AWAIT_POLLS = "cloudinary.analysis.tasks.await.polls";

	private final MeterRegistry registry;

	private final ClientActivity activity;

	private final boolean recordAwaitTimer;

	private final Set<String> quotaGauges = ConcurrentHashMap.newKeySet();

	/**
	 * Create the meters.
	 * @param registry where to register them
	 * @param activity the source of the last known quota
	 */
	public CloudinaryAnalysisMetrics(MeterRegistry registry, ClientActivity activity) {
		this(registry, activity, true);
	}

	/**
	 * Create the meters.
	 * @param registry where to register them
	 * @param activity the source of the last known quota
	 * @param recordAwaitTimer whether this listener records the {@value #AWAIT} timer; {@code false} when the
	 * client's wait observation records it
	 */
	public CloudinaryAnalysisMetrics(MeterRegistry registry, ClientActivity activity, boolean recordAwaitTimer) {
		this.registry = registry;
		this.activity = activity;
		this.recordAwaitTimer = recordAwaitTimer;
	}

	@Override
	public void onRetry(RetryReason reason, int retry, Duration wait) {
		Counter.builder(RETRIES)
			.description("Retries of Cloudinary Analysis API calls")
			.tag("reason", reason.tagValue())
			.register(this.registry)
			.increment();
	}

	@Override
	public void onRateLimits(List<RateLimit> limits) {
		// ClientActivity, a listener too, keeps the values and bounds the features; this registers their gauges.
		for (String feature : this.activity.remainingQuota().keySet()) {
			if (this.quotaGauges.add(feature)) {
				Gauge.builder(QUOTA, this.activity, (activity) -> activity.remainingQuota(feature))
					.description("Last known remaining quota of a rate-limited Analysis API feature")
					.tag("feature", feature)
					.register(this.registry);
			}
		}
	}

	@Override
	public void onAwaitEnded(String outcome, int polls, Duration elapsed) {
		if (this.recordAwaitTimer) {
			Timer.builder(AWAIT)
				.description("Waits for Cloudinary analysis tasks to end")
				.tag("outcome", outcome)
				.register(this.registry)
				.record(elapsed);
		}
		DistributionSummary.builder(AWAIT_POLLS)
			.description("Status polls per wait for a Cloudinary analysis task")
			.tag("outcome", outcome)
			.register(this.registry)
			.record(polls);
	}

}
