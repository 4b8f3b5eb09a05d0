package io.github.cloudinaryanalysis.http;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads fields of the API's JSON answers leniently: a missing field, or one of another
 * type, is {@code null} rather than an exception, so that the caller decides what is
 * required.
 */
final class JsonFields {

	private JsonFields() {
	}

	/**
	 * Return the mapper the client parses answers with: its own, so that the
	 * application's Jackson settings cannot change how answers are read. Built on first
	 * use (a cold {@code JsonMapper} costs tens of milliseconds of start-up) and shared,
	 * since it is thread-safe and never reconfigured.
	 * @return the mapper
	 */
	static JsonMapper mapper() {
		return MapperHolder.MAPPER;
	}

	/**
	 * Return a text field.
	 * @param node the object to read from (any node; a non-object has no fields)
	 * @param field the field name
	 * @return the text, or {@code null} when the field is missing or not a string
	 */
	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.stringValue() : null;
	}

	/** Initialized by the JVM on first access to {@link #mapper()}, never before. */
	private static final class MapperHolder {

		static final JsonMapper MAPPER = JsonMapper.builder().build();

	}

}
