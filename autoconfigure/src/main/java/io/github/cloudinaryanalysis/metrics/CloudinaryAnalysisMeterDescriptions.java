package io.github.cloudinaryanalysis.metrics;

import java.util.Map;

import io.github.cloudinaryanalysis.analyze.RestClientAnalyzeClient;
import io.github.cloudinaryanalysis.tasks.DefaultTaskStatusObservationConvention;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Gives the meters of the {@code getStatus}, wait and analyze observations a description.
 * Micrometer's observation handler creates them (the
 * {@value DefaultTaskStatusObservationConvention#NAME} and
 * {@value CloudinaryAnalysisMetrics#AWAIT} timers and their {@code .active} long-task
 * timers) without one, which leaves an empty {@code # HELP} line in Prometheus; the
 * {@value CloudinaryAnalysisMetrics#NOTIFICATION_DELAY} timer is listed too, for a
 * registry that records it by other means, and so are the webhook endpoint's counters
 * ({@link CloudinaryAnalysisWebhookMetrics}), whoever registers them. Only these names
 * are touched, and a description set elsewhere is kept.
 */
public final class CloudinaryAnalysisMeterDescriptions implements MeterFilter {

	private static final Map<String, String> DESCRIPTIONS = Map.of(DefaultTaskStatusObservationConvention.NAME,
			"Cloudinary Analysis API getStatus calls, retries included",
			DefaultTaskStatusObservationConvention.NAME + ".active",
			"Cloudinary Analysis API getStatus calls in progress, retries included", CloudinaryAnalysisMetrics.AWAIT,
			"Waits for Cloudinary Analysis tasks to end", CloudinaryAnalysisMetrics.AWAIT + ".active",
			"Waits for Cloudinary Analysis tasks in progress", RestClientAnalyzeClient.OBSERVATION_NAME,
			"Cloudinary Analysis API analyze calls, retries included",
			RestClientAnalyzeClient.OBSERVATION_NAME + ".active",
			"Cloudinary Analysis API analyze calls in progress, retries included",
			CloudinaryAnalysisMetrics.NOTIFICATION_DELAY, CloudinaryAnalysisMetrics.NOTIFICATION_DELAY_DESCRIPTION,
			CloudinaryAnalysisWebhookMetrics.NOTIFICATIONS, CloudinaryAnalysisWebhookMetrics.NOTIFICATIONS_DESCRIPTION,
			CloudinaryAnalysisWebhookMetrics.LISTENER_FAILURES,
			CloudinaryAnalysisWebhookMetrics.LISTENER_FAILURES_DESCRIPTION);

	@Override
	public Meter.Id map(Meter.Id id) {
		String description = DESCRIPTIONS.get(id.getName());
		if (description == null || id.getDescription() != null) {
			return id;
		}
		return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
	}

}
