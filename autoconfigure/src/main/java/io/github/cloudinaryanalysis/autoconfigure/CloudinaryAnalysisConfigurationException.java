package io.github.cloudinaryanalysis.autoconfigure;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The client cannot be configured: a property is missing or unusable. Spring Boot reports
 * it at startup through {@link CloudinaryAnalysisConfigurationFailureAnalyzer}. Messages
 * never contain a secret.
 */
public class CloudinaryAnalysisConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Anything between "//" and an "@" that comes before the end of the authority. */
	private static final Pattern URL_USER_INFO = Pattern.compile("(//)[^/?#@\\s'\"]*@");

	private final String property;

	/**
	 * Create the exception.
	 * @param property the property (or environment variable) at fault, e.g.
	 * {@code cloudinary.analysis.cloud-name}
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
		super(withoutUserInfo(message), cause);
		this.property = property;
	}

	/** What a secret is replaced by, as the client's own redaction of answers does. */
	private static final String MASK = "******";

	/**
	 * Mask the user info of every URL in a message ({@code htps://key:SECRET@host}
	 * becomes {@code htps://******@host}), so that a mistyped URL holding credentials is
	 * never repeated in a start-up report.
	 * @param message the message
	 * @return the message with the user info of every URL masked
	 */
	static String withoutUserInfo(String message) {
		return URL_USER_INFO.matcher(message).replaceAll("$1" + MASK + "@");
	}

	/**
	 * Return the property (or environment variable) at fault.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

}
