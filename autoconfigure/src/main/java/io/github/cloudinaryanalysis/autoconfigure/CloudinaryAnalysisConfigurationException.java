package io.github.cloudinaryanalysis.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The client cannot be configured: a property is missing or unusable. Spring Boot reports it at startup through
 * {@link CloudinaryAnalysisConfigurationFailureAnalyzer}. Messages never contain a secret.
 */
public class CloudinaryAnalysisConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	/**
	 * Create the exception.
	 * @param property the property (or environment variable) at fault, e.g. {@code cloudinary.analysis.cloud-name}
	 * @param message what is wrong
	 */
	public CloudinaryAnalysisConfigurationException(String property, String message) {
		this(property, message, null);
	}

	/**
	 * Create the exception.
	 * @param property the property (or environment variable) at fault
	 * @param message what is wrong
	 * @param cause the underlying problem, if any
	 */
	public CloudinaryAnalysisConfigurationException(String property, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.property = property;
	}

	/**
	 * Return the property (or environment variable) at fault.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

}
