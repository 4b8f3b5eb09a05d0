package io.github.cloudinaryanalysis.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Analysis API is and how to authenticate to it. By default built from
 * {@code cloudinary.analysis.*} and {@code CLOUDINARY_URL}; a bean of this type (from a
 * test fake, say) replaces that.
 */
public interface CloudinaryAnalysisConnectionDetails extends ConnectionDetails {

	/**
	 * Return the base URL of the API, without the cloud name.
	 * @return the base URL, e.g. {@code https://api.cloudinary.com/v2/analysis}
	 */
	String baseUrl();

	/**
	 * Return the cloud name.
	 * @return the cloud name, or {@code null} when none is configured
	 */
	@Nullable String cloudName();

	/**
	 * Return the API key.
	 * @return the API key, or {@code null} when none is configured
	 */
	@Nullable String apiKey();

	/**
	 * Return the API secret.
	 * @return the API secret, or {@code null} when none is configured
	 */
	@Nullable String apiSecret();

}
