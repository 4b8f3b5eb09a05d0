package io.github.cloudinaryanalysis;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code error} object of an Analysis API error response.
 *
 * @param category the error category, {@link ErrorCategory#UNKNOWN} when absent or new
 * @param code the API's error code, such as {@code MA_00001}
 * @param message the API's human-readable message
 * @param details free-form details the API attached, never {@code null}
 * @param requestId the id the API gave the failed request, useful to Cloudinary support
 */
public record ApiError(ErrorCategory category, @Nullable String code, @Nullable String message,
		Map<String, Object> details, @Nullable String requestId) {

	public ApiError {
		details = Map.copyOf(details);
	}

}
