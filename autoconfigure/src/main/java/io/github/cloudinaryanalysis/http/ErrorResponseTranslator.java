package io.github.cloudinaryanalysis.http;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.cloudinaryanalysis.ApiError;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.ErrorCategory;
import io.github.cloudinaryanalysis.RateLimit;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Turns an error answer of the Analysis API into the matching
 * {@link CloudinaryAnalysisException}. The subclass follows the status alone; the body is
 * parsed when it is the documented JSON error and quoted (truncated) otherwise.
 */
final class ErrorResponseTranslator {

	private static final String API = "Cloudinary Analysis API";

	private static final int MAX_API_MESSAGE = 500;

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	/** Longest request id kept from an answer. */
	static final int MAX_REQUEST_ID = 128;

	private final Clock clock;

	private final SecretRedactor redactor;

	/**
	 * Create a translator that parses with the client's own mapper
	 * ({@link JsonFields#mapper()}).
	 * @param clock the clock to turn reset times into waits
	 * @param redactor masks credentials an answer may echo, before anything derived from
	 * the answer is stored
	 */
	ErrorResponseTranslator(Clock clock, SecretRedactor redactor) {
		this.clock = clock;
		this.redactor = redactor;
	}

	/**
	 * Make a request id from an answer safe to store, log or send: credentials masked,
	 * control characters (CR, LF, NUL and the like) removed, length bounded.
	 * @param requestId the id as the answer gave it
	 * @return the safe id, or {@code null} when nothing printable is left
	 */
	@Nullable String safeRequestId(@Nullable String requestId) {
		if (requestId == null) {
			return null;
		}
		String safe = ResponseText.withoutControls(this.redactor.redact(requestId), MAX_REQUEST_ID);
		return safe.isEmpty() ? null : safe;
	}

	/**
	 * Translate an answer the client cannot use into an exception.
	 * @param status the answer's status
	 * @param headers the answer's headers
	 * @param answer the answer's body, as read
	 * @return the exception to throw
	 */
	CloudinaryAnalysisException translate(HttpStatusCode status, HttpHeaders headers, BoundedBody answer) {
		BoundedBody body = this.redactor.redact(answer);
		JsonNode root = parse(body);
		ApiError apiError = (root != null) ? apiError(root.path("error")) : null;
		String requestId = requestId(root, apiError, headers);
		String message = message(status, apiError, requestId, body);
		byte[] bytes = body.bytes();
		return switch (status.value()) {
			case 400 ->
				new CloudinaryAnalysisException.BadRequest(message, status, headers, bytes, apiError, requestId);
			case 401 ->
				new CloudinaryAnalysisException.Unauthorized(message, status, headers, bytes, apiError, requestId);
			case 403 -> new CloudinaryAnalysisException.Forbidden(message, status, headers, bytes, apiError, requestId);
			case 404 -> new CloudinaryAnalysisException.NotFound(message, status, headers, bytes, apiError, requestId);
			case 429 -> tooManyRequests(message, status, headers, bytes, apiError, requestId, root);
			default -> status.is5xxServerError()
					? new CloudinaryAnalysisException.ServerError(message, status, headers, bytes, apiError, requestId)
					: new CloudinaryAnalysisException(message, status, headers, bytes, apiError, requestId);
		};
	}

	/**
	 * Create the exception for a successful status whose body cannot be used.
	 * @param status the answer's status
	 * @param headers the answer's headers
	 * @param body the answer's body, as read
	 * @param problem what is wrong with the body
	 * @param requestId the request id, if the body carried one
	 * @return the exception to throw
	 */
	CloudinaryAnalysisException unreadable(HttpStatusCode status, HttpHeaders headers, BoundedBody body, String problem,
			@Nullable String requestId) {
		return unreadableRedacted(status, headers, this.redactor.redact(body), problem, safeRequestId(requestId));
	}

	private CloudinaryAnalysisException unreadableRedacted(HttpStatusCode status, HttpHeaders headers, BoundedBody body,
			String problem, @Nullable String requestId) {
		String message = API + " answered " + describe(status) + " " + problem
				+ (body.isEmpty() ? "" : ": " + ResponseText.excerpt(body))
				+ ((requestId != null) ? " (request id " + requestId + ")" : "");
		return new CloudinaryAnalysisException(message, status, headers, body.bytes(), null, requestId);
	}

	/**
	 * Parse a body as a JSON object.
	 * @param body the body
	 * @return the root object, or {@code null} when the body is empty, truncated or not a
	 * JSON object
	 */
	@Nullable JsonNode parse(BoundedBody body) {
		if (body.isEmpty() || body.truncated()) {
			return null;
		}
		try {
			JsonNode root = JsonFields.mapper().readTree(body.bytes());
			return (root != null && root.isObject()) ? root : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private CloudinaryAnalysisException.TooManyRequests tooManyRequests(String message, HttpStatusCode status,
			HttpHeaders headers, byte[] bytes, @Nullable ApiError apiError, @Nullable String requestId,
			@Nullable JsonNode root) {
		List<RateLimit> limits = (root != null) ? RateLimitsJson.read(root) : List.of();
		Duration retryAfter = RetryAfter.wait(headers.getFirst(HttpHeaders.RETRY_AFTER), limits, this.clock.instant());
		String withWait = (retryAfter != null) ? message + "; retry after " + retryAfter.toSeconds() + "s" : message;
		return new CloudinaryAnalysisException.TooManyRequests(withWait, status, headers, bytes, apiError, requestId,
				limits, retryAfter);
	}

	private @Nullable ApiError apiError(JsonNode error) {
		if (!error.isObject()) {
			return null;
		}
		// The body was redacted before parsing, so the details hold no echoed credential
		// either.
		Map<String, Object> details = error.path("details").isObject()
				? JsonFields.mapper().convertValue(error.path("details"), DETAILS) : Map.of();
		return new ApiError(ErrorCategory.fromApiValue(JsonFields.text(error, "category")),
				safeText(JsonFields.text(error, "code"), 64),
				safeText(JsonFields.text(error, "message"), MAX_API_MESSAGE), details,
				safeRequestId(JsonFields.text(error, "request_id")));
	}

	private static @Nullable String safeText(@Nullable String text, int maxLength) {
		return (text != null) ? ResponseText.sanitize(text, maxLength) : null;
	}

	private @Nullable String requestId(@Nullable JsonNode root, @Nullable ApiError apiError, HttpHeaders headers) {
		if (apiError != null && apiError.requestId() != null) {
			return apiError.requestId();
		}
		String fromBody = (root != null) ? safeRequestId(JsonFields.text(root, "request_id")) : null;
		return (fromBody != null) ? fromBody : safeRequestId(headers.getFirst("X-Request-Id"));
	}

	private static String message(HttpStatusCode status, @Nullable ApiError apiError, @Nullable String requestId,
			BoundedBody body) {
		StringBuilder message = new StringBuilder(API).append(" answered ").append(describe(status));
		if (apiError != null) {
			message.append(": ");
			if (apiError.code() != null) {
				message.append('[').append(ResponseText.sanitize(apiError.code(), 64)).append("] ");
			}
			message.append(Objects.requireNonNullElse(
					(apiError.message() != null) ? ResponseText.sanitize(apiError.message(), MAX_API_MESSAGE) : null,
					"(no message)"));
		}
		else if (body.isEmpty()) {
			message.append(" with an empty body");
		}
		else {
			message.append(" with a body that is not the API's JSON error: ").append(ResponseText.excerpt(body));
		}
		if (requestId != null) {
			message.append(" (request id ").append(ResponseText.sanitize(requestId, 64)).append(')');
		}
		return message.toString();
	}

	private static String describe(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? status.value() + " " + known.getReasonPhrase() : String.valueOf(status.value());
	}

}
