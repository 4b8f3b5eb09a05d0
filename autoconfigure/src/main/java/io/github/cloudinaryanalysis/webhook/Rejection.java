package io.github.cloudinaryanalysis.webhook;

import org.springframework.http.HttpStatus;

/**
 * Why the endpoint turned a request down: its status, its metric outcome and the reason
 * it logs. Several rejections share an outcome (a non-JSON content type and a body that
 * is not the payload are both {@code malformed}) but are logged apart.
 */
enum Rejection {

	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, NotificationOutcome.MALFORMED,
			"its Content-Type is not JSON"),

	TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, NotificationOutcome.TOO_LARGE,
			"its body is larger than cloudinary.analysis.webhook.max-body-size"),

	BAD_SIGNATURE(HttpStatus.UNAUTHORIZED, NotificationOutcome.BAD_SIGNATURE,
			"its X-Cld-Signature or X-Cld-Timestamp is missing or wrong (is the signing secret and algorithm"
					+ " the one Cloudinary signs with?)"),

	STALE(HttpStatus.UNAUTHORIZED, NotificationOutcome.STALE,
			"it is correctly signed, but its X-Cld-Timestamp is older than cloudinary.analysis.webhook.tolerance"
					+ " or more than 5 minutes ahead (check the clocks)"),

	MALFORMED(HttpStatus.BAD_REQUEST, NotificationOutcome.MALFORMED, "it is correctly signed but unreadable");

	private final HttpStatus status;

	private final NotificationOutcome outcome;

	private final String reason;

	Rejection(HttpStatus status, NotificationOutcome outcome, String reason) {
		this.status = status;
		this.outcome = outcome;
		this.reason = reason;
	}

	HttpStatus status() {
		return this.status;
	}

	NotificationOutcome outcome() {
		return this.outcome;
	}

	String reason() {
		return this.reason;
	}

}
