package io.github.cloudinaryanalysis;

/**
 * A {@code CLOUDINARY_URL} (or {@code cloudinary.analysis.url}) that cannot be used. The
 * message says what is wrong with it and never repeats the URL, which would expose the
 * API secret.
 */
public class InvalidCloudinaryUrlException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message what is wrong, without the URL itself
	 */
	public InvalidCloudinaryUrlException(String message) {
		super(message);
	}

}
