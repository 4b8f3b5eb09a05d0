package io.github.cloudinaryanalysis.webhook;

/**
 * A verified notification that is not the payload the contract describes
 * ({@code AnalysisWebhookPayload}), or whose {@code data} is not the result of the
 * analysis it was read as. The message names the field that is wrong, never its value nor
 * the body.
 */
public class MalformedNotificationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what is wrong, naming the field
	 */
	public MalformedNotificationException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message what is wrong, naming the field
	 * @param cause the failure underneath
	 */
	public MalformedNotificationException(String message, Throwable cause) {
		super(message, cause);
	}

}
