package io.github.cloudinaryanalysis.metrics;

import java.time.Duration;
import java.util.List;

import io.github.cloudinaryanalysis.RateLimit;
import io.github.cloudinaryanalysis.health.ClientActivity;
import io.github.cloudinaryanalysis.tasks.AwaitOutcome;
import io.github.cloudinaryanalysis.tasks.RetryReason;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics as a {@code MeterBinder} over the activity tracker: the quota gauges follow
 * the tracker whether the metrics hear an event before it, after it or not at all, and
 * whether the registry is bound before or after.
 */
class CloudinaryAnalysisMetricsTests {

	@Test
	void quotaGaugesFollowTheTrackerWithoutHearingTheEventThemselves() {
		ClientActivity activity = new ClientActivity();
		CloudinaryAnalysisMetrics metrics = new CloudinaryAnalysisMetrics(activity, true);
		MeterRegistry registry = new SimpleMeterRegistry();
		metrics.bindTo(registry);
		// Only the tracker hears the 429; the metrics are never told of it.
		activity.onRateLimits(List.of(new RateLimit("ai_vision", 1L, 41L, 50L, null)));
		assertThat(registry.get(CloudinaryAnalysisMetrics.QUOTA).tag("feature", "ai_vision").gauge().value())
			.isEqualTo(41.0);
		activity.onRateLimits(List.of(new RateLimit("ai_vision", 1L, 40L, 50L, null)));
		assertThat(registry.find(CloudinaryAnalysisMetrics.QUOTA).gauges()).hasSize(1);
		assertThat(registry.get(CloudinaryAnalysisMetrics.QUOTA).tag("feature", "ai_vision").gauge().value())
			.isEqualTo(40.0);
	}

	@Test
	void featuresTrackedBeforeTheMetricsExistGetTheirGauges() {
		ClientActivity activity = new ClientActivity();
		activity.onRateLimits(List.of(new RateLimit("moderation", null, 7L, 10L, null)));
		CloudinaryAnalysisMetrics metrics = new CloudinaryAnalysisMetrics(activity, true);
		MeterRegistry registry = new SimpleMeterRegistry();
		metrics.bindTo(registry);
		assertThat(registry.get(CloudinaryAnalysisMetrics.QUOTA).tag("feature", "moderation").gauge().value())
			.isEqualTo(7.0);
	}

	@Test
	void metersMadeBeforeBindingReachTheRegistryBoundLater() {
		CloudinaryAnalysisMetrics metrics = new CloudinaryAnalysisMetrics(new ClientActivity(), true);
		metrics.onRetry(RetryReason.SERVER_ERROR, 1, Duration.ofMillis(10));
		MeterRegistry registry = new SimpleMeterRegistry();
		metrics.bindTo(registry);
		assertThat(registry.find(CloudinaryAnalysisMetrics.RETRIES).tag("reason", "server_error").counter())
			.isNotNull();
		metrics.onRetry(RetryReason.SERVER_ERROR, 2, Duration.ofMillis(10));
		metrics.onAwaitEnded(AwaitOutcome.TIMEOUT, 3, Duration.ofMillis(300));
		assertThat(registry.get(CloudinaryAnalysisMetrics.RETRIES).tag("reason", "server_error").counter().count())
			.isEqualTo(1.0);
		assertThat(registry.get(CloudinaryAnalysisMetrics.AWAIT).tag("outcome", "timeout").timer().count())
			.isEqualTo(1);
		assertThat(
				registry.get(CloudinaryAnalysisMetrics.AWAIT_POLLS).tag("outcome", "timeout").summary().totalAmount())
			.isEqualTo(3.0);
	}

	@Test
	void withTheWaitObservedTheAwaitTimerIsLeftToTheObservation() {
		CloudinaryAnalysisMetrics metrics = new CloudinaryAnalysisMetrics(new ClientActivity(), false);
		MeterRegistry registry = new SimpleMeterRegistry();
		metrics.bindTo(registry);
		metrics.onAwaitEnded(AwaitOutcome.COMPLETED, 2, Duration.ofMillis(20));
		assertThat(registry.find(CloudinaryAnalysisMetrics.AWAIT).timer()).isNull();
		assertThat(registry.get(CloudinaryAnalysisMetrics.AWAIT_POLLS).tag("outcome", "completed").summary().count())
			.isEqualTo(1);
	}

}
