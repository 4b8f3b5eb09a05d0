package io.github.cloudinaryanalysis.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Verifies a webhook notification exactly as Cloudinary signs it: {@code X-Cld-Signature}
 * is the lowercase hex of {@code SHA1(raw body bytes + X-Cld-Timestamp + signing secret)}
 * (or SHA-256, see {@link SignatureAlgorithm}), the timestamp being Unix seconds.
 * <p>
 * Stricter than Cloudinary's SDKs, which compare with string equality and accept any
 * timestamp newer than two hours, future ones included: the signature is compared in
 * constant time ({@link MessageDigest#isEqual}); a timestamp older than the tolerance or
 * more than {@link #MAX_CLOCK_SKEW five minutes} ahead is
 * {@link NotificationOutcome#STALE stale}; and a signature already accepted within the
 * tolerance is {@link NotificationOutcome#REPLAYED replayed} (at most 100,000 remembered,
 * the oldest forgotten first).
 * <p>
 * The signature is checked before the timestamp's age, so that {@code stale} counts only
 * genuine notifications (a clock or delivery problem) and forgeries always count as
 * {@code bad_signature}. Thread-safe. The secret never appears in {@link #toString()} nor
 * in any exception.
 */
public final class WebhookSignatureVerifier {

	/**
	 * How old a notification may be, by default: two hours, as Cloudinary's SDKs accept.
	 */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofHours(2);

	/**
	 * How far in the future a timestamp may be (the sender's clock running ahead of
	 * ours).
	 */
	public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

	/** Unix seconds in at most 18 digits, so that they always fit a {@code long}. */
	private static final int MAX_TIMESTAMP_DIGITS = 18;

	private final byte[] secret;

	private final SignatureAlgorithm algorithm;

	private final Duration tolerance;

	private final Clock clock;

	private final ReplayGuard replays;

	/**
	 * A verifier with its own memory of accepted signatures.
	 * @param signingSecret the secret Cloudinary signs with: the account's API secret
	 * unless configured otherwise
	 * @param algorithm the digest
	 * @param tolerance how old a notification may be (positive;
	 * {@link #DEFAULT_TOLERANCE} by default)
	 * @param clock the clock to judge timestamps by
	 * @throws IllegalArgumentException when the secret is blank or the tolerance not
	 * positive
	 */
	public WebhookSignatureVerifier(String signingSecret, SignatureAlgorithm algorithm, Duration tolerance,
			Clock clock) {
		this(signingSecret, algorithm, tolerance, clock, new ReplayGuard(ReplayGuard.DEFAULT_CAPACITY, clock));
	}

	WebhookSignatureVerifier(String signingSecret, SignatureAlgorithm algorithm, Duration tolerance, Clock clock,
			ReplayGuard replays) {
		if (Objects.requireNonNull(signingSecret, "signingSecret").isBlank()) {
			throw new IllegalArgumentException("The webhook signing secret must not be blank");
		}
		if (Objects.requireNonNull(tolerance, "tolerance").isNegative() || tolerance.isZero()) {
			throw new IllegalArgumentException("The webhook tolerance must be positive, was " + tolerance);
		}
		this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
		this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
		this.tolerance = tolerance;
		this.clock = Objects.requireNonNull(clock, "clock");
		this.replays = replays;
	}

	/**
	 * Verify a notification and, when it is genuine, fresh and new, remember its
	 * signature.
	 * @param body the raw request body, exactly as received
	 * @param timestamp the {@code X-Cld-Timestamp} header, if any
	 * @param signature the {@code X-Cld-Signature} header, if any
	 * @return {@link NotificationOutcome#ACCEPTED}, {@link NotificationOutcome#REPLAYED},
	 * {@link NotificationOutcome#BAD_SIGNATURE} or {@link NotificationOutcome#STALE}
	 */
	public NotificationOutcome verify(byte[] body, @Nullable String timestamp, @Nullable String signature) {
		Objects.requireNonNull(body, "body");
		long seconds = seconds(timestamp);
		byte[] presented = decodeHex(signature, this.algorithm.length());
		if (seconds < 0 || presented == null || timestamp == null) {
			return NotificationOutcome.BAD_SIGNATURE;
		}
		byte[] expected = this.algorithm.digest(body, timestamp, this.secret);
		if (!MessageDigest.isEqual(expected, presented)) {
			return NotificationOutcome.BAD_SIGNATURE;
		}
		Instant signedAt = Instant.ofEpochSecond(seconds);
		Instant now = this.clock.instant();
		if (signedAt.isBefore(now.minus(this.tolerance)) || signedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
			return NotificationOutcome.STALE;
		}
		return this.replays.firstAcceptance(presented, signedAt.plus(this.tolerance)) ? NotificationOutcome.ACCEPTED
				: NotificationOutcome.REPLAYED;
	}

	/**
	 * The timestamp's seconds, or -1 when it is missing or not a plain number of seconds.
	 * @param timestamp the timestamp
	 * @return the timestamp's seconds, or -1 when it is missing or not a plain number of
	 * seconds
	 */
	private static long seconds(@Nullable String timestamp) {
		if (timestamp == null || timestamp.isEmpty() || timestamp.length() > MAX_TIMESTAMP_DIGITS) {
			return -1;
		}
		long seconds = 0;
		for (int i = 0; i < timestamp.length(); i++) {
			char c = timestamp.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			seconds = seconds * 10 + (c - '0');
		}
		return seconds;
	}

	/**
	 * The signature's bytes, or {@code null} when it is missing, of the wrong length or
	 * not hex. The length is the algorithm's, not a secret, so rejecting on it early
	 * leaks nothing.
	 * @param hex the hex
	 * @param length the length
	 * @return the signature's bytes, or {@code null} when it is missing, of the wrong
	 * length or not hex
	 */
	private static byte @Nullable [] decodeHex(@Nullable String hex, int length) {
		if (hex == null || hex.length() != length * 2) {
			return null;
		}
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			int high = hexDigit(hex.charAt(2 * i));
			int low = hexDigit(hex.charAt(2 * i + 1));
			if (high < 0 || low < 0) {
				return null;
			}
			bytes[i] = (byte) ((high << 4) | low);
		}
		return bytes;
	}

	/**
	 * An ASCII hex digit's value, or -1 ({@link Character#digit} would also take
	 * non-ASCII digits).
	 * @param c the character
	 * @return an ASCII hex digit's value, or -1 ({@link Character#digit} would also take
	 * non-ASCII digits)
	 */
	private static int hexDigit(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

	/** Describes the verifier without its secret. */
	@Override
	public String toString() {
		return "WebhookSignatureVerifier[algorithm=" + this.algorithm + ", tolerance=" + this.tolerance
				+ ", signingSecret=[REDACTED]]";
	}

}
