package io.github.cloudinaryanalysis.test;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How the fake sends one webhook notification with
 * {@link FakeCloudinaryAnalysisApi#sendNotification(String, Webhook)}:
 * {@linkplain #genuine() genuinely}, as it does when a task ends, or broken in one way,
 * to test the receiving endpoint's rules. (A replay is
 * {@link FakeCloudinaryAnalysisApi#replay(WebhookDelivery)}.) Instances are immutable and
 * thread-safe.
 */
public final class Webhook {

	enum Kind {

		GENUINE, TAMPERED, OTHER_SECRET, STALE, FUTURE, OVERSIZED, NO_SIGNATURE, NO_TIMESTAMP

	}

	private final Kind kind;

	private final Duration shift;

	private final @Nullable String otherSecret;

	private final int minimumBytes;

	private final String contentType;

	private Webhook(Kind kind, Duration shift, @Nullable String otherSecret, int minimumBytes, String contentType) {
		this.kind = kind;
		this.shift = shift;
		this.otherSecret = otherSecret;
		this.minimumBytes = minimumBytes;
		this.contentType = contentType;
	}

	private static Webhook of(Kind kind) {
		return new Webhook(kind, Duration.ZERO, null, 0, "application/json");
	}

	/**
	 * A contract-valid notification, signed now (by the fake's clock) with the fake's
	 * algorithm and signing secret.
	 * @return the variant
	 */
	public static Webhook genuine() {
		return of(Kind.GENUINE);
	}

	/**
	 * Signed genuinely, then changed: the body sent has another {@code http_status} than
	 * the one signed.
	 * @return the variant
	 */
	public static Webhook tampered() {
		return of(Kind.TAMPERED);
	}

	/**
	 * Signed with another secret.
	 * @param secret the wrong secret
	 * @return the variant
	 */
	public static Webhook signedWith(String secret) {
		return new Webhook(Kind.OTHER_SECRET, Duration.ZERO, Objects.requireNonNull(secret, "secret"), 0,
				"application/json");
	}

	/**
	 * Genuinely signed, but with a timestamp {@code age} in the past.
	 * @param age how old, not negative
	 * @return the variant
	 */
	public static Webhook stale(Duration age) {
		return new Webhook(Kind.STALE, nonNegative(age), null, 0, "application/json");
	}

	/**
	 * Genuinely signed, but with a timestamp {@code ahead} in the future.
	 * @param ahead how far ahead, not negative
	 * @return the variant
	 */
	public static Webhook future(Duration ahead) {
		return new Webhook(Kind.FUTURE, nonNegative(ahead), null, 0, "application/json");
	}

	/**
	 * Genuine and contract-valid, but padded (with an extra {@code padding} field) to at
	 * least {@code bytes}.
	 * @param bytes the body's minimum size
	 * @return the variant
	 */
	public static Webhook oversized(int bytes) {
		if (bytes < 1) {
			throw new IllegalArgumentException("bytes must be at least 1, was " + bytes);
		}
		return new Webhook(Kind.OVERSIZED, Duration.ZERO, null, bytes, "application/json");
	}

	/**
	 * Genuine, but without the {@code X-Cld-Signature} header.
	 * @return the variant
	 */
	public static Webhook withoutSignature() {
		return of(Kind.NO_SIGNATURE);
	}

	/**
	 * Genuine, but without the {@code X-Cld-Timestamp} header.
	 * @return the variant
	 */
	public static Webhook withoutTimestamp() {
		return of(Kind.NO_TIMESTAMP);
	}

	/**
	 * This variant with another {@code Content-Type} (the default is
	 * {@code application/json}).
	 * @param contentType the header's value
	 * @return a new variant
	 */
	public Webhook withContentType(String contentType) {
		return new Webhook(this.kind, this.shift, this.otherSecret, this.minimumBytes,
				Objects.requireNonNull(contentType, "contentType"));
	}

	Kind kind() {
		return this.kind;
	}

	Duration shift() {
		return this.shift;
	}

	@Nullable String otherSecret() {
		return this.otherSecret;
	}

	int minimumBytes() {
		return this.minimumBytes;
	}

	String contentType() {
		return this.contentType;
	}

	private static Duration nonNegative(Duration duration) {
		if (Objects.requireNonNull(duration, "duration").isNegative()) {
			throw new IllegalArgumentException("duration must not be negative, was " + duration);
		}
		return duration;
	}

	/** Names the variant without any secret. */
	@Override
	public String toString() {
		return switch (this.kind) {
			case STALE, FUTURE ->
				"Webhook." + this.kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + this.shift + ")";
			case OVERSIZED -> "Webhook.oversized(" + this.minimumBytes + ")";
			default -> "Webhook." + this.kind.name().toLowerCase(java.util.Locale.ROOT);
		} + (this.contentType.equals("application/json") ? "" : " as " + this.contentType);
	}

}
