package io.github.cloudinaryanalysis.webhook;

/**
 * What became of a notification that reached the endpoint; {@link #tagValue()} is the
 * {@code outcome} tag of the {@code cloudinary.analysis.webhook.notifications} counter.
 */
public enum NotificationOutcome {

	/** Verified and new: handed over to the application. */
	ACCEPTED("accepted"),

	/**
	 * Verified, but its signature was already accepted within the tolerance window:
	 * answered, not handed over.
	 */
	REPLAYED("replayed"),

	/**
	 * Missing or wrong signature, or a timestamp that is missing or not a number of
	 * seconds (the timestamp is part of what is signed, so without a valid one nothing
	 * can be verified).
	 */
	BAD_SIGNATURE("bad_signature"),

	/**
	 * Correctly signed, but its timestamp is older than the tolerance, or more than five
	 * minutes in the future.
	 */
	STALE("stale"),

	/** A body above the configured maximum size. */
	TOO_LARGE("too_large"),

	/**
	 * Not a JSON notification: a non-JSON content type, or a verified body that is not
	 * the payload.
	 */
	MALFORMED("malformed");

	private final String tagValue;

	NotificationOutcome(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * The value of the metric's {@code outcome} tag.
	 * @return e.g. {@code bad_signature}
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
