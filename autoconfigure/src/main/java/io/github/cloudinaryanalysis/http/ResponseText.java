package io.github.cloudinaryanalysis.http;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Turns text from a response into something safe to put in an exception message: control
 * characters replaced, length bounded.
 */
final class ResponseText {

	/** Longest excerpt of a body quoted in a message. */
	static final int MAX_EXCERPT = 200;

	private ResponseText() {
	}

	static String excerpt(BoundedBody body) {
		String text = new String(body.bytes(), StandardCharsets.UTF_8);
		boolean cut = body.truncated() || text.length() > MAX_EXCERPT;
		return sanitize(text, MAX_EXCERPT) + (cut ? "... [truncated]" : "");
	}

	/**
	 * Remove control characters (CR, LF, NUL and the like) rather than replace them: for
	 * identifiers.
	 * @param text the text
	 * @param maxLength the max length
	 * @return the text without control characters, cut to {@code maxLength}
	 */
	static String withoutControls(@Nullable String text, int maxLength) {
		if (text == null) {
			return "";
		}
		StringBuilder clean = new StringBuilder(Math.min(text.length(), maxLength));
		for (int i = 0; i < text.length() && clean.length() < maxLength; i++) {
			char c = text.charAt(i);
			if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) {
				clean.append(c);
			}
		}
		return clean.toString().strip();
	}

	static String sanitize(String text, int maxLength) {
		StringBuilder clean = new StringBuilder(Math.min(text.length(), maxLength));
		for (int i = 0; i < text.length() && clean.length() < maxLength; i++) {
			char c = text.charAt(i);
			clean.append(Character.isISOControl(c) ? ' ' : c);
		}
		return clean.toString().strip();
	}

}
