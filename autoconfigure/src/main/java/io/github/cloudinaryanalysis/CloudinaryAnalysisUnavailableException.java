package io.github.cloudinaryanalysis;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

import org.springframework.web.client.ResourceAccessException;

/**
 * The Analysis API could not be reached or did not answer in time: the connection was
 * refused or reset, a timeout struck, or the answer broke off. A
 * {@link ResourceAccessException}, so that callers that catch Spring's transport failure
 * keep working. The message names the cause and the API's host and port, never a
 * credential or a task id; the problem-details handler answers it with
 * {@code 503 Service Unavailable}, or {@code 504 Gateway Timeout} for a
 * {@linkplain #isTimeout() timeout}, and puts neither host nor port in the body.
 */
public class CloudinaryAnalysisUnavailableException extends ResourceAccessException {

	private static final long serialVersionUID = 1L;

	private final boolean timeout;

	/**
	 * Create the exception.
	 * @param message what failed, e.g.
	 * {@code connection refused by api.cloudinary.com:443}
	 * @param cause the transport failure, if any
	 * @param timeout whether a timeout ended the call
	 */
	public CloudinaryAnalysisUnavailableException(String message, @Nullable IOException cause, boolean timeout) {
		super(message, cause);
		this.timeout = timeout;
	}

	/**
	 * Whether a timeout (connect, read or the bound on the whole body) ended the call,
	 * rather than a refused, reset or broken connection.
	 * @return {@code true} for a timeout
	 */
	public boolean isTimeout() {
		return this.timeout;
	}

}
