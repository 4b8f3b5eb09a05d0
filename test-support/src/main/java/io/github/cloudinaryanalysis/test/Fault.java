package io.github.cloudinaryanalysis.test;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A scripted misbehaviour of the fake for one request, queued with
 * {@link FakeCloudinaryAnalysisApi#failNext(int, Fault)}.
 *
 * <p>
 * A fault applies to any request that reaches the fake, before authentication, as a
 * gateway in front of the real API would. Except for {@link #delay(Duration)} it replaces
 * the normal answer, so a faulted poll does not count as a poll of the task. Instances
 * are immutable and thread-safe.
 */
public final class Fault {

	enum Kind {

		RATE_LIMITED, ERROR, DELAY, RAW

	}

	private final Kind kind;

	private final int status;

	private final Duration duration;

	private final @Nullable Duration retryAfter;

	private final @Nullable String category;

	private final @Nullable String code;

	private final @Nullable String message;

	private final @Nullable String contentType;

	private final @Nullable String body;

	private Fault(Kind kind, int status, Duration duration, @Nullable Duration retryAfter, @Nullable String category,
			@Nullable String code, @Nullable String message, @Nullable String contentType, @Nullable String body) {
		this.kind = kind;
		this.status = status;
		this.duration = duration;
		this.retryAfter = retryAfter;
		this.category = category;
		this.code = code;
		this.message = message;
		this.contentType = contentType;
		this.body = body;
	}

	/**
	 * A 429 answer with a {@code rate_limit_error} ErrorResponse and a {@code limits}
	 * object whose single {@code ai_vision} item has {@code remaining: 0} and a
	 * {@code reset_time} {@code resetIn} from now (by the fake's clock). No
	 * {@code Retry-After} header is sent, as the real API documents none; add one with
	 * {@link #withRetryAfter(Duration)}.
	 * @param resetIn when the quota resets, from the time of the answer
	 * @return the fault
	 */
	public static Fault rateLimited(Duration resetIn) {
		requireNotNegative(resetIn, "resetIn");
		return new Fault(Kind.RATE_LIMITED, 429, resetIn, null, null, null, null, null, null);
	}

	/**
	 * A 5xx answer with a {@code server_error} ErrorResponse.
	 * @param status an HTTP status from 500 to 599
	 * @return the fault
	 */
	public static Fault serverError(int status) {
		if (status < 500 || status > 599) {
			throw new IllegalArgumentException("a server error status is 5xx, was " + status);
		}
		return new Fault(Kind.ERROR, status, Duration.ZERO, null, "server_error", ErrorCodes.SERVER_ERROR,
				"Internal server error (fake)", null, null);
	}

	/**
	 * An ErrorResponse with any status, category and code, e.g. a 403 {@code auth_error}.
	 * @param status an HTTP status from 400 to 599
	 * @param category the error category, e.g. {@code auth_error}; the contract allows
	 * {@code user_error}, {@code auth_error}, {@code server_error} and
	 * {@code rate_limit_error}
	 * @param code the error code, e.g. {@code MA_00403}
	 * @param message the error message
	 * @return the fault
	 */
	public static Fault error(int status, String category, String code, String message) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("an error status is 4xx or 5xx, was " + status);
		}
		return new Fault(Kind.ERROR, status, Duration.ZERO, null, Objects.requireNonNull(category, "category"),
				Objects.requireNonNull(code, "code"), Objects.requireNonNull(message, "message"), null, null);
	}

	/**
	 * Answers normally, after a delay (the request counts as usual).
	 * @param delay how long to wait before answering, not negative
	 * @return the fault
	 */
	public static Fault delay(Duration delay) {
		requireNotNegative(delay, "delay");
		return new Fault(Kind.DELAY, 0, delay, null, null, null, null, null, null);
	}

	/**
	 * A raw answer, e.g. a proxy's HTML 502 page or a truncated JSON body.
	 * @param status an HTTP status from 200 to 599
	 * @param contentType the {@code Content-Type} header value
	 * @param body the body, sent as UTF-8 (may be empty)
	 * @return the fault
	 */
	public static Fault status(int status, String contentType, String body) {
		if (status < 200 || status > 599) {
			throw new IllegalArgumentException("status must be from 200 to 599, was " + status);
		}
		return new Fault(Kind.RAW, status, Duration.ZERO, null, null, null, null,
				Objects.requireNonNull(contentType, "contentType"), Objects.requireNonNull(body, "body"));
	}

	/**
	 * This rate-limit fault with a {@code Retry-After} header in whole seconds (rounded
	 * up).
	 * @param retryAfter the value of the header, not negative
	 * @return a new fault
	 * @throws IllegalStateException if this is not a {@link #rateLimited(Duration)} fault
	 */
	public Fault withRetryAfter(Duration retryAfter) {
		requireNotNegative(retryAfter, "retryAfter");
		if (this.kind != Kind.RATE_LIMITED) {
			throw new IllegalStateException("Retry-After applies to rateLimited faults only");
		}
		return new Fault(this.kind, this.status, this.duration, retryAfter, null, null, null, null, null);
	}

	Kind kind() {
		return this.kind;
	}

	int status() {
		return this.status;
	}

	Duration duration() {
		return this.duration;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	@Nullable String category() {
		return this.category;
	}

	@Nullable String code() {
		return this.code;
	}

	@Nullable String message() {
		return this.message;
	}

	@Nullable String contentType() {
		return this.contentType;
	}

	@Nullable String body() {
		return this.body;
	}

	private static void requireNotNegative(Duration duration, String name) {
		if (Objects.requireNonNull(duration, name).isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative, was " + duration);
		}
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case RATE_LIMITED -> "Fault.rateLimited(" + this.duration + ")"
					+ ((this.retryAfter != null) ? ".withRetryAfter(" + this.retryAfter + ")" : "");
			case ERROR -> "Fault.error(" + this.status + ", " + this.category + ", " + this.code + ")";
			case DELAY -> "Fault.delay(" + this.duration + ")";
			case RAW -> "Fault.status(" + this.status + ", " + this.contentType + ")";
		};
	}

}
