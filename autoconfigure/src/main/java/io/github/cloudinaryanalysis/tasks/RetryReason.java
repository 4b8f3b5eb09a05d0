package io.github.cloudinaryanalysis.tasks;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.ResourceAccessException;

/**
 * Why a failed call may be retried. Also a bounded tag value for metrics
 * ({@link #tagValue()}).
 */
public enum RetryReason {

	/** The API answered 429. */
	RATE_LIMITED,

	/** The API answered 500, 502, 503 or 504. */
	SERVER_ERROR,

	/** No connection could be made. */
	CONNECT_FAILURE,

	/** A connect or read timeout. */
	TIMEOUT,

	/** The connection failed otherwise (reset, closed mid-body). */
	IO_ERROR;

	/**
	 * Return the reason as a lower-case tag value, e.g. {@code rate_limited}.
	 * @return the tag value
	 */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Classify a failure.
	 * @param failure what a call threw
	 * @return why it may be retried, or {@code null} when it must not be (any other
	 * status, a bad answer, a TLS failure, a bug)
	 */
	public static @Nullable RetryReason of(RuntimeException failure) {
		if (failure instanceof CloudinaryAnalysisException apiError) {
			return switch (apiError.getStatusCode().value()) {
				case 429 -> RATE_LIMITED;
				case 500, 502, 503, 504 -> SERVER_ERROR;
				default -> null;
			};
		}
		if (failure instanceof ResourceAccessException) {
			Throwable cause = failure.getCause();
			if (cause instanceof SSLException) {
				return null;
			}
			if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
				return (cause instanceof HttpConnectTimeoutException) ? TIMEOUT : CONNECT_FAILURE;
			}
			if (cause instanceof HttpTimeoutException || cause instanceof InterruptedIOException) {
				return TIMEOUT;
			}
			return IO_ERROR;
		}
		return null;
	}

}
