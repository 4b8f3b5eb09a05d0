package io.github.cloudinaryanalysis.sample;

import java.util.List;

/**
 * A {@code POST /analyses/{type}} for a type the Analysis API does not offer.
 */
class UnknownAnalysisTypeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UnknownAnalysisTypeException(String type, List<String> known) {
		super("No analysis type '" + printable(type) + "'; the types are " + String.join(", ", known));
	}

	/**
	 * The caller's own input, cut short and reduced to printable ASCII, as it goes back
	 * into a problem detail.
	 * @param type the path segment
	 * @return a printable excerpt
	 */
	private static String printable(String type) {
		String shown = (type.length() > 40) ? type.substring(0, 40) + "..." : type;
		return shown.replaceAll("[^\\x20-\\x7E]", "?");
	}

}
