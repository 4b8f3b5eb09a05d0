package io.github.cloudinaryanalysis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClientResponseException;

/**
 * An error answer from Cloudinary's Analysis API, or an answer the client could not read.
 * <p>
 * It extends Spring's {@link RestClientResponseException}, so code that already catches
 * {@code RestClientException} catches it too. The nested subclasses follow the HTTP
 * status alone, in the style of Spring's {@code HttpClientErrorException.NotFound}:
 * {@link BadRequest} (400), {@link Unauthorized} (401), {@link Forbidden} (403),
 * {@link NotFound} (404), {@link TooManyRequests} (429) and {@link ServerError} (any
 * 5xx). Any other status (another 4xx, a 3xx, or a 200 whose body is unreadable) raises
 * this class itself.
 * <p>
 * When the body is the documented JSON error, {@link #getApiError()} carries it;
 * otherwise (a proxy's HTML page, an empty body) it is {@code null} and the message
 * quotes the start of the body. Messages never contain credentials. Transport failures
 * (connection refused or reset, timeouts) are not translated: they stay Spring's
 * {@code ResourceAccessException}.
 */
public class CloudinaryAnalysisException extends RestClientResponseException {

	private static final long serialVersionUID = 1L;

	private final transient @Nullable ApiError apiError;

	private final @Nullable String requestId;

	/**
	 * Create an exception for an answer of the given status.
	 * @param message the full message (must not contain credentials)
	 * @param status the HTTP status of the answer
	 * @param headers the answer's headers
	 * @param body the answer's body as read (possibly truncated), never {@code null}
	 * @param apiError the parsed {@code error} object, or {@code null} when the body was
	 * not the documented JSON
	 * @param requestId the API's request id, from the body or the headers, if any
	 */
	public CloudinaryAnalysisException(String message, HttpStatusCode status, HttpHeaders headers, byte[] body,
			@Nullable ApiError apiError, @Nullable String requestId) {
		super(message, status, reasonPhrase(status), headers, body, StandardCharsets.UTF_8);
		this.apiError = apiError;
		this.requestId = requestId;
	}

	/**
	 * Return the {@code error} object of the answer.
	 * @return the API's error, or {@code null} when the body was not the documented JSON
	 */
	public @Nullable ApiError getApiError() {
		return this.apiError;
	}

	/**
	 * Return the request id the API assigned, to quote to Cloudinary support.
	 * @return the request id, or {@code null} when the answer carried none
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	private static String reasonPhrase(HttpStatusCode status) {
		return (status instanceof org.springframework.http.HttpStatus known) ? known.getReasonPhrase() : "";
	}

	/** The API rejected the request as malformed (400). */
	public static class BadRequest extends CloudinaryAnalysisException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create the exception; see {@link CloudinaryAnalysisException} for the
		 * parameters.
		 * @param message the message
		 * @param status the status
		 * @param headers the headers
		 * @param body the body
		 * @param apiError the API error, if any
		 * @param requestId the request id, if any
		 */
		public BadRequest(String message, HttpStatusCode status, HttpHeaders headers, byte[] body,
				@Nullable ApiError apiError, @Nullable String requestId) {
			super(message, status, headers, body, apiError, requestId);
		}

	}

	/** The API did not accept the credentials (401). */
	public static class Unauthorized extends CloudinaryAnalysisException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create the exception; see {@link CloudinaryAnalysisException} for the
		 * parameters.
		 * @param message the message
		 * @param status the status
		 * @param headers the headers
		 * @param body the body
		 * @param apiError the API error, if any
		 * @param requestId the request id, if any
		 */
		public Unauthorized(String message, HttpStatusCode status, HttpHeaders headers, byte[] body,
				@Nullable ApiError apiError, @Nullable String requestId) {
			super(message, status, headers, body, apiError, requestId);
		}

	}

	/** The credentials are valid but not allowed to do this (403). */
	public static class Forbidden extends CloudinaryAnalysisException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create the exception; see {@link CloudinaryAnalysisException} for the
		 * parameters.
		 * @param message the message
		 * @param status the status
		 * @param headers the headers
		 * @param body the body
		 * @param apiError the API error, if any
		 * @param requestId the request id, if any
		 */
		public Forbidden(String message, HttpStatusCode status, HttpHeaders headers, byte[] body,
				@Nullable ApiError apiError, @Nullable String requestId) {
			super(message, status, headers, body, apiError, requestId);
		}

	}

	/** The task (or cloud) does not exist (404). */
	public static class NotFound extends CloudinaryAnalysisException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create the exception; see {@link CloudinaryAnalysisException} for the
		 * parameters.
		 * @param message the message
		 * @param status the status
		 * @param headers the headers
		 * @param body the body
		 * @param apiError the API error, if any
		 * @param requestId the request id, if any
		 */
		public NotFound(String message, HttpStatusCode status, HttpHeaders headers, byte[] body,
				@Nullable ApiError apiError, @Nullable String requestId) {
			super(message, status, headers, body, apiError, requestId);
		}

	}

	/**
	 * A rate limit was reached (429). Carries the limits the API reported and how long to
	 * wait.
	 */
	public static class TooManyRequests extends CloudinaryAnalysisException {

		private static final long serialVersionUID = 1L;

		private final transient List<RateLimit> limits;

		private final @Nullable Duration retryAfter;

		/**
		 * Create the exception; see {@link CloudinaryAnalysisException} for the first
		 * parameters.
		 * @param message the message
		 * @param status the status
		 * @param headers the headers
		 * @param body the body
		 * @param apiError the API error, if any
		 * @param requestId the request id, if any
		 * @param limits the entries of {@code limits.items}, empty when none
		 * @param retryAfter how long to wait before trying again, if known
		 */
		public TooManyRequests(String message, HttpStatusCode status, HttpHeaders headers, byte[] body,
				@Nullable ApiError apiError, @Nullable String requestId, List<RateLimit> limits,
				@Nullable Duration retryAfter) {
			super(message, status, headers, body, apiError, requestId);
			this.limits = List.copyOf(limits);
			this.retryAfter = retryAfter;
		}

		/**
		 * Return the rate limits the API reported ({@code limits.items}).
		 * @return the limits, empty when the body carried none
		 */
		public List<RateLimit> getLimits() {
			return this.limits;
		}

		/**
		 * Return how long to wait before trying again: the {@code Retry-After} header
		 * when present, else the time until the earliest {@code reset_time} of the
		 * reported limits.
		 * @return the wait, or empty when the answer gave no hint
		 */
		public Optional<Duration> getRetryAfter() {
			return Optional.ofNullable(this.retryAfter);
		}

	}

	/** The API, or a proxy in front of it, failed (any 5xx). */
	public static class ServerError extends CloudinaryAnalysisException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create the exception; see {@link CloudinaryAnalysisException} for the
		 * parameters.
		 * @param message the message
		 * @param status the status
		 * @param headers the headers
		 * @param body the body
		 * @param apiError the API error, if any
		 * @param requestId the request id, if any
		 */
		public ServerError(String message, HttpStatusCode status, HttpHeaders headers, byte[] body,
				@Nullable ApiError apiError, @Nullable String requestId) {
			super(message, status, headers, body, apiError, requestId);
		}

	}

}
