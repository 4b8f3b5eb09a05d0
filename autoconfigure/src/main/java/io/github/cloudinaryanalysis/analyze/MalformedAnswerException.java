package io.github.cloudinaryanalysis.analyze;

/**
 * An answer whose JSON lacks a field the contract requires, or has one of the wrong type.
 * The message says what is wrong in the words of
 * {@code ErrorResponseTranslator.unreadable}'s {@code problem} ("without ...").
 */
final class MalformedAnswerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	MalformedAnswerException(String problem) {
		super(problem, null, false, false);
	}

}
