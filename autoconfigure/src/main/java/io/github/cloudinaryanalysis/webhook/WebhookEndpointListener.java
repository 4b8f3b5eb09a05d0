package io.github.cloudinaryanalysis.webhook;

/**
 * Told what the {@link WebhookEndpoint} did with each request, for metrics. Called on the
 * request's thread; implementations must be quick and must not throw. Every method does
 * nothing by default.
 */
public interface WebhookEndpointListener {

	/**
	 * A request was answered.
	 * @param outcome what became of it
	 */
	default void onNotification(NotificationOutcome outcome) {
	}

	/**
	 * A listener of an accepted notification (an {@code AnalysisNotification} event
	 * listener, or an internal receiver) threw; the notification was still answered
	 * {@code 200}.
	 * @param notification the notification
	 * @param failure what the listener threw
	 */
	default void onListenerFailure(AnalysisNotification notification, RuntimeException failure) {
	}

}
