package io.github.cloudinaryanalysis.tasks;

/**
 * A task id was refused before any request was sent: {@code null}, blank, too long, or
 * with a character that could change the request's path or query. An
 * {@link IllegalArgumentException}, so that existing callers keep working; the
 * problem-details handler answers it with {@code 400 Bad Request}.
 */
public class InvalidTaskIdException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message what is wrong with the id; it quotes at most a printable excerpt of
	 * it
	 */
	public InvalidTaskIdException(String message) {
		super(message);
	}

}
