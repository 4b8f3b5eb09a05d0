package io.github.cloudinaryanalysis.metrics;

import io.github.cloudinaryanalysis.webhook.AnalysisNotification;
import io.github.cloudinaryanalysis.webhook.NotificationOutcome;
import io.github.cloudinaryanalysis.webhook.WebhookEndpointListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The webhook endpoint's meters. Both tags are bounded.
 * <ul>
 * <li>{@value #NOTIFICATIONS}: counter of the requests the endpoint answered, tag
 * {@code outcome} ({@link NotificationOutcome#tagValue()}: {@code accepted},
 * {@code replayed}, {@code bad_signature}, {@code stale}, {@code too_large},
 * {@code malformed}); every outcome is registered at zero, so that a dashboard shows it
 * before the first one happens.</li>
 * <li>{@value #LISTENER_FAILURES}: counter of the listeners of accepted notifications
 * that threw (the notification was still answered {@code 200}).</li>
 * </ul>
 * A {@link MeterBinder}: Spring Boot binds it to the application's registry.
 */
public class CloudinaryAnalysisWebhookMetrics implements MeterBinder, WebhookEndpointListener {

	/** Counter of the endpoint's requests by outcome. */
	public static final String NOTIFICATIONS = "cloudinary.analysis.webhook.notifications";

	/** Counter of listener failures. */
	public static final String LISTENER_FAILURES = "cloudinary.analysis.webhook.listener.failures";

	static final String NOTIFICATIONS_DESCRIPTION = "Cloudinary Analysis webhook notifications received, by outcome";

	static final String LISTENER_FAILURES_DESCRIPTION = "Listeners of Cloudinary Analysis webhook notifications that threw";

	private final CompositeMeterRegistry meters = new CompositeMeterRegistry();

	private final Counter[] notifications = new Counter[NotificationOutcome.values().length];

	private final Counter listenerFailures;

	/** Create the meters. */
	public CloudinaryAnalysisWebhookMetrics() {
		for (NotificationOutcome outcome : NotificationOutcome.values()) {
			this.notifications[outcome.ordinal()] = Counter.builder(NOTIFICATIONS)
				.description(NOTIFICATIONS_DESCRIPTION)
				.tag("outcome", outcome.tagValue())
				.register(this.meters);
		}
		this.listenerFailures = Counter.builder(LISTENER_FAILURES)
			.description(LISTENER_FAILURES_DESCRIPTION)
			.register(this.meters);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.meters.add(registry);
	}

	@Override
	public void onNotification(NotificationOutcome outcome) {
		this.notifications[outcome.ordinal()].increment();
	}

	@Override
	public void onListenerFailure(AnalysisNotification notification, RuntimeException failure) {
		this.listenerFailures.increment();
	}

}
