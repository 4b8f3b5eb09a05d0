package io.github.cloudinaryanalysis.metrics;

import java.time.Duration;

import io.github.cloudinaryanalysis.health.ClientActivity;
import io.github.cloudinaryanalysis.tasks.AwaitOutcome;
import io.github.cloudinaryanalysis.tasks.RetryReason;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The client's own meters, next to the {@code cloudinary.analysis.tasks.status} timer of
 * its observation. Every tag is bounded: retry reasons and wait outcomes are fixed sets,
 * and at most 16 rate-limited features are tracked.
 * <ul>
 * <li>{@value #RETRIES}: counter of retries, tag {@code reason}.</li>
 * <li>{@value #QUOTA}: gauge of the last known remaining quota, tag {@code feature} (from
 * 429 answers).</li>
 * <li>{@value #AWAIT}: timer of {@code awaitCompletion} waits, tag {@code outcome} (the
 * final status in lower case, {@code timeout}, {@code error} or {@code cancelled}). When
 * the client observes its waits, the wait's observation of the same name makes this timer
 * (with Boot's {@code error} tag too); this listener makes it only for a client without
 * an observation registry.</li>
 * <li>{@value #AWAIT_POLLS}: distribution of the number of polls per wait, tag
 * {@code outcome}.</li>
 * <li>{@value #NOTIFICATION_DELAY}: timer from the start of an
 * {@code AnalyzeClient.analyzeAsync} analysis to the webhook notification that ended its
 * wait, tag {@code type} (the operation, one of fifteen).</li>
 * </ul>
 * A {@link MeterBinder}: Spring Boot binds it to the application's registry. The quota
 * gauges read the {@link ClientActivity} tracker, which names each newly tracked feature
 * to this binder itself, so no listener order is relied on. Meters are made in a registry
 * of this binder's own, to which each bound registry is added, so that a meter made
 * before binding (an event during start-up) still reaches it.
 */
public class CloudinaryAnalysisMetrics implements MeterBinder, TasksClientListener {

	/** Counter of retries. */
	public static final String RETRIES = "cloudinary.analysis.retries";

	/** Gauge of the last known remaining quota. */
	public static final String QUOTA = "cloudinary.analysis.rate.limit.remaining";

	/** Timer of waits for a task. */
	public static final String AWAIT = "cloudinary.analysis.tasks.await";

	/** Polls per wait. */
	public static final String AWAIT_POLLS = "cloudinary.analysis.tasks.await.polls";

	/** Timer from the start of an analysis to its notification. */
	public static final String NOTIFICATION_DELAY = "cloudinary.analysis.webhook.delay";

	/** The description of {@value #NOTIFICATION_DELAY}. */
	static final String NOTIFICATION_DELAY_DESCRIPTION = "Time from starting a Cloudinary analysis with analyzeAsync"
			+ " to the webhook notification that ended its wait";

	private final CompositeMeterRegistry meters = new CompositeMeterRegistry();

	private final boolean recordAwaitTimer;

	/**
	 * Create the meters.
	 * @param activity the source of the last known quota
	 * @param recordAwaitTimer whether this listener records the {@value #AWAIT} timer;
	 * {@code false} when the client's wait observation records it
	 */
	public CloudinaryAnalysisMetrics(ClientActivity activity, boolean recordAwaitTimer) {
		this.recordAwaitTimer = recordAwaitTimer;
		// Registering a gauge twice returns the first, so a feature named twice stays one
		// gauge.
		activity
			.onFeatureTracked((feature) -> Gauge.builder(QUOTA, activity, (tracker) -> tracker.remainingQuota(feature))
				.description("Last known remaining quota of a rate-limited Analysis API feature")
				.tag("feature", feature)
				.register(this.meters));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.meters.add(registry);
	}

	@Override
	public void onRetry(RetryReason reason, int retry, Duration wait) {
		Counter.builder(RETRIES)
			.description("Retries of Cloudinary Analysis API calls")
			.tag("reason", reason.tagValue())
			.register(this.meters)
			.increment();
	}

	@Override
	public void onAwaitEnded(AwaitOutcome outcome, int polls, Duration elapsed) {
		if (this.recordAwaitTimer) {
			Timer.builder(AWAIT)
				.description("Waits for Cloudinary analysis tasks to end")
				.tag("outcome", outcome.tagValue())
				.register(this.meters)
				.record(elapsed);
		}
		DistributionSummary.builder(AWAIT_POLLS)
			.description("Status polls per wait for a Cloudinary analysis task")
			.tag("outcome", outcome.tagValue())
			.register(this.meters)
			.record(polls);
	}

	@Override
	public void onNotified(String type, Duration delay) {
		Timer.builder(NOTIFICATION_DELAY)
			.description(NOTIFICATION_DELAY_DESCRIPTION)
			.tag("type", type)
			.register(this.meters)
			.record(delay);
	}

}
