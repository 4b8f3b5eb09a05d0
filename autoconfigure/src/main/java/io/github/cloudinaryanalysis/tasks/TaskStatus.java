package io.github.cloudinaryanalysis.tasks;

import java.util.Locale;

/**
 * Status of an analysis task. The status says nothing about the analysis result, which
 * arrives by webhook.
 * <p>
 * A status the API adds later maps to {@link #UNKNOWN}; it never fails the call.
 */
public enum TaskStatus {

	/** Accepted, not started yet. */
	PENDING,

	/** Being analysed. */
	PROCESSING,

	/** Done; the result was (or will be) delivered by webhook. */
	COMPLETED,

	/** Ended without a result. */
	FAILED,

	/** A status this version of the client does not know. */
	UNKNOWN;

	/**
	 * Whether the task has ended, successfully or not: {@link #COMPLETED} or
	 * {@link #FAILED}.
	 * @return {@code true} for a status that will not change any more
	 */
	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED;
	}

	/**
	 * Map the API's wire value (e.g. {@code processing}) to a status.
	 * @param value the value from the response
	 * @return the matching status, or {@link #UNKNOWN} for a value this client does not
	 * know
	 */
	public static TaskStatus fromApiValue(String value) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "pending" -> PENDING;
			case "processing" -> PROCESSING;
			case "completed" -> COMPLETED;
			case "failed" -> FAILED;
			default -> UNKNOWN;
		};
	}

}
