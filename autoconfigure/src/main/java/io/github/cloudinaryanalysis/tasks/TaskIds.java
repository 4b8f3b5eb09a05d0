package io.github.cloudinaryanalysis.tasks;

import org.jspecify.annotations.Nullable;

/**
 * Checks task ids before they reach a URL, so that no id can change the request's path or
 * query ({@code ../}, {@code %2F}, {@code ?}, {@code #} and the like).
 */
public final class TaskIds {

	/** The longest task id accepted. Real ids are 160 hexadecimal characters. */
	public static final int MAX_LENGTH = 512;

	/**
	 * The characters of a task id, {@code [A-Za-z0-9_-]}, as a table indexed by
	 * character.
	 */
	private static final boolean[] ID_CHARACTERS = idCharacters();

	private TaskIds() {
	}

	/**
	 * Check a task id.
	 * @param taskId the id to check
	 * @return the id, unchanged
	 * @throws InvalidTaskIdException (an {@link IllegalArgumentException}) when the id is
	 * {@code null}, blank, longer than {@value #MAX_LENGTH} characters, or has a
	 * character outside {@code [A-Za-z0-9_-]}
	 */
	public static String requireValid(@Nullable String taskId) {
		if (taskId == null) {
			throw new InvalidTaskIdException("Task id must not be null");
		}
		if (taskId.isBlank()) {
			throw new InvalidTaskIdException("Task id must not be blank");
		}
		if (taskId.length() > MAX_LENGTH) {
			throw new InvalidTaskIdException(
					"Task id must be at most " + MAX_LENGTH + " characters, but has " + taskId.length());
		}
		if (!hasOnlyIdCharacters(taskId)) {
			throw new InvalidTaskIdException(
					"Task id must contain only letters, digits, '_' and '-', but was '" + printable(taskId) + "'");
		}
		return taskId;
	}

	/**
	 * Tell whether a task id would pass {@link #requireValid(String)}.
	 * @param taskId the id to check
	 * @return whether it is valid
	 */
	public static boolean isValid(@Nullable String taskId) {
		return taskId != null && !taskId.isEmpty() && taskId.length() <= MAX_LENGTH && hasOnlyIdCharacters(taskId);
	}

	/**
	 * Whether every character is one of {@code [A-Za-z0-9_-]}: checked on every call, so
	 * without a regular expression's matcher.
	 * @param taskId a non-empty id
	 * @return whether the id has only those characters
	 */
	private static boolean hasOnlyIdCharacters(String taskId) {
		for (int i = 0; i < taskId.length(); i++) {
			char c = taskId.charAt(i);
			if (c >= ID_CHARACTERS.length || !ID_CHARACTERS[c]) {
				return false;
			}
		}
		return true;
	}

	private static boolean[] idCharacters() {
		boolean[] table = new boolean[128];
		for (char c = 0; c < table.length; c++) {
			table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '-';
		}
		return table;
	}

	private static String printable(String taskId) {
		StringBuilder shown = new StringBuilder();
		taskId.codePoints().limit(64).forEach((c) -> {
			if (c >= 0x20 && c < 0x7f) {
				shown.appendCodePoint(c);
			}
			else {
				shown.append(String.format("\\u%04x", c));
			}
		});
		return (taskId.length() > 64) ? shown + "..." : shown.toString();
	}

}
