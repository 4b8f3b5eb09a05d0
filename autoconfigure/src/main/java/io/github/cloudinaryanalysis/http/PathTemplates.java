package io.github.cloudinaryanalysis.http;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * Expands the API's path templates ({@code /{cloudName}/tasks/{taskId}}) as
 * {@code RestClient}'s default URI builder factory does (encoding mode
 * {@code TEMPLATE_AND_VALUES}: each value encoded strictly, so that it stays one path
 * segment), in one pass over the template and without a builder. Templates are the
 * library's own constants, plain ASCII paths that need no encoding.
 */
final class PathTemplates {

	/**
	 * RFC 3986 unreserved characters: a table, since every task id's characters pass
	 * here.
	 */
	private static final boolean[] UNRESERVED = unreserved();

	private PathTemplates() {
	}

	/**
	 * Expand a path template.
	 * @param template the template, with {@code {name}} variables
	 * @param values the variables' values, in the order of the variables
	 * @return the path
	 * @throws IllegalArgumentException when the number of values does not match the
	 * template's variables
	 */
	static String expand(String template, String... values) {
		StringBuilder path = new StringBuilder(template.length() + 64);
		int next = 0;
		int at = 0;
		while (at < template.length()) {
			int open = template.indexOf('{', at);
			if (open < 0) {
				path.append(template, at, template.length());
				break;
			}
			int close = template.indexOf('}', open);
			if (close < 0) {
				throw new IllegalArgumentException("Unclosed variable in path template " + template);
			}
			if (next == values.length) {
				throw new IllegalArgumentException("Path template " + template + " has more variables than the "
						+ values.length + " values given");
			}
			path.append(template, at, open).append(encode(values[next++]));
			at = close + 1;
		}
		if (next != values.length) {
			throw new IllegalArgumentException("Path template " + template + " has " + next + " variables but "
					+ values.length + " values were given");
		}
		return path.toString();
	}

	/**
	 * Encode a value as {@code UriUtils.encode} does, returning it as it is when it holds
	 * only unreserved characters (cloud names and task ids always do).
	 * @param value the value
	 * @return the encoded value
	 */
	private static String encode(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (!isUnreserved(value.charAt(i))) {
				return UriUtils.encode(value, StandardCharsets.UTF_8);
			}
		}
		return value;
	}

	private static boolean isUnreserved(char c) {
		return c < UNRESERVED.length && UNRESERVED[c];
	}

	private static boolean[] unreserved() {
		boolean[] table = new boolean[128];
		for (char c = 0; c < table.length; c++) {
			table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~';
		}
		return table;
	}

}
