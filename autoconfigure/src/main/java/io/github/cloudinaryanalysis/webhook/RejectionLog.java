package io.github.cloudinaryanalysis.webhook;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Logs the endpoint's rejections at WARN, at most once per interval per
 * {@link Rejection}, saying how many of the same kind went unlogged since: a flood of
 * forged or misdirected requests must not flood the log. Lines name the reason and the
 * sender's address only, never the body, a header's value or the secret.
 */
final class RejectionLog {

	/** How often each kind of rejection is logged at most, by default. */
	static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(WebhookEndpoint.class);

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private final Map<Rejection, Window> windows = new EnumMap<>(Rejection.class);

	RejectionLog(Duration interval, LongSupplier nanoTime) {
		this.intervalNanos = interval.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * Log a rejection unless one of its kind was logged within the interval.
	 * @param rejection the kind of rejection
	 * @param detail more about it (a detail without any value of the request), or
	 * {@code null}
	 * @param sender the sender's address
	 * @return whether it was logged
	 */
	boolean rejected(Rejection rejection, @Nullable String detail, String sender) {
		long now = this.nanoTime.getAsLong();
		long unlogged;
		synchronized (this.windows) {
			Window window = this.windows.get(rejection);
			if (window != null && now - window.loggedAt < this.intervalNanos) {
				window.unlogged++;
				return false;
			}
			unlogged = (window != null) ? window.unlogged : 0;
			this.windows.put(rejection, new Window(now));
		}
		if (logger.isWarnEnabled()) {
			logger.warn("Rejected a Cloudinary Analysis notification from " + sender + " with "
					+ rejection.status().value() + " (" + rejection.outcome().tagValue() + "): " + rejection.reason()
					+ ((detail != null) ? ": " + detail : "") + ((unlogged > 0)
							? " [" + unlogged + " more rejection(s) of this kind since the last one logged]" : ""));
		}
		return true;
	}

	private static final class Window {

		private final long loggedAt;

		private long unlogged;

		private Window(long loggedAt) {
			this.loggedAt = loggedAt;
		}

	}

}
