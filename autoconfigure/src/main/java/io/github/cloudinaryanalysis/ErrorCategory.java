package io.github.cloudinaryanalysis;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Category of an error reported by the Analysis API ({@code error.category} in the
 * response body).
 * <p>
 * A category the API adds later maps to {@link #UNKNOWN} rather than failing the call.
 */
public enum ErrorCategory {

	/** Something is wrong with the request ({@code user_error}). */
	USER_ERROR,

	/** Credentials are missing, wrong or not allowed ({@code auth_error}). */
	AUTH_ERROR,

	/** The API failed ({@code server_error}). */
	SERVER_ERROR,

	/** A rate limit was reached ({@code rate_limit_error}). */
	RATE_LIMIT_ERROR,

	/** A category this version of the client does not know, or none at all. */
	UNKNOWN;

	/**
	 * Map the API's wire value (e.g. {@code user_error}) to a category.
	 * @param value the value from the response, may be {@code null}
	 * @return the matching category, or {@link #UNKNOWN}
	 */
	public static ErrorCategory fromApiValue(@Nullable String value) {
		if (value == null) {
			return UNKNOWN;
		}
		for (ErrorCategory category : values()) {
			if (category != UNKNOWN && category.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
				return category;
			}
		}
		return UNKNOWN;
	}

}
