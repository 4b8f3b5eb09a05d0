package io.github.cloudinaryanalysis.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.cloudinaryanalysis.health.ClientActivity;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@value CloudinaryAnalysisMetrics#NOTIFICATION_DELAY} timer: from the start of an
 * {@code analyzeAsync} analysis to the notification that ended its wait, per operation.
 */
class NotificationDelayMetricsTests {

	@Test
	void eachNotifiedAnalysisIsTimedByItsOperationWithADescription() {
		CloudinaryAnalysisMetrics metrics = new CloudinaryAnalysisMetrics(new ClientActivity(), false);
		MeterRegistry registry = new SimpleMeterRegistry();
		metrics.bindTo(registry);
		metrics.onNotified("captioning", Duration.ofMillis(120));
		metrics.onNotified("captioning", Duration.ofMillis(80));
		metrics.onNotified("coco", Duration.ofMillis(40));
		Timer captioning = registry.get("cloudinary.analysis.webhook.delay").tag("type", "captioning").timer();
		assertThat(captioning.count()).isEqualTo(2);
		assertThat(captioning.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(200.0);
		assertThat(captioning.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
			.containsExactly("type");
		assertThat(captioning.getId().getDescription()).isNotBlank();
		assertThat(registry.get("cloudinary.analysis.webhook.delay").timers()).hasSize(2);
	}

	@Test
	void theDescriptionFilterKnowsTheTimer() {
		Meter.Id bare = new Meter.Id(CloudinaryAnalysisMetrics.NOTIFICATION_DELAY, Tags.of("type", "coco"), null, null,
				Meter.Type.TIMER);
		assertThat(new CloudinaryAnalysisMeterDescriptions().map(bare).getDescription())
			.isEqualTo(CloudinaryAnalysisMetrics.NOTIFICATION_DELAY_DESCRIPTION);
	}

}
