package io.github.cloudinaryanalysis.http;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads fields of the API's JSON answers leniently: a missing field, or one of another type, is {@code null}
 * rather than an exception, so that the caller decides what is required.
 */
public final class JsonFields {

	private JsonFields() {
	}

	/**
	 * Return a text field.
	 * @param node the object to read from (any node; a non-object has no fields)
	 * @param field the field name
	 * @return the text, or {@code null} when the field is missing or not a string
	 */
	public static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.stringValue() : null;
	}

}
