package io.github.cloudinaryanalysis.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * A minimal webhook endpoint for tests below the Spring one (a JDK {@code HttpServer}
 * handler): verifies each POST with {@link WebhookSignatureVerifier}, parses an accepted
 * one with {@link AnalysisNotificationParser}, hands both on, and answers as the real
 * endpoint does: 200 for an accepted or replayed notification, 401 otherwise, no body.
 */
final class VerifyingReceiver implements HttpHandler {

	private final Supplier<WebhookSignatureVerifier> verifier;

	private final Receiver receiver;

	/**
	 * Create the handler.
	 * @param verifier the verifier, looked up per request (tests set it after the server
	 * starts)
	 * @param receiver what hears each outcome, before the answer is sent
	 */
	VerifyingReceiver(Supplier<WebhookSignatureVerifier> verifier, Receiver receiver) {
		this.verifier = verifier;
		this.receiver = receiver;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			NotificationOutcome outcome = this.verifier.get()
				.verify(body, exchange.getRequestHeaders().getFirst("X-Cld-Timestamp"),
						exchange.getRequestHeaders().getFirst("X-Cld-Signature"));
			this.receiver.received(outcome,
					(outcome == NotificationOutcome.ACCEPTED) ? AnalysisNotificationParser.parse(body) : null);
			boolean ok = outcome == NotificationOutcome.ACCEPTED || outcome == NotificationOutcome.REPLAYED;
			exchange.sendResponseHeaders(ok ? 200 : 401, -1);
		}
	}

	/** Hears what the endpoint received. */
	interface Receiver {

		/**
		 * One request was verified.
		 * @param outcome the verifier's outcome
		 * @param notification the parsed notification when accepted, else {@code null}
		 */
		void received(NotificationOutcome outcome, @Nullable AnalysisNotification notification);

	}

}
