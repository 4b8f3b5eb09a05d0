package io.github.cloudinaryanalysis.analyze;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of an analysis answer from a JSON tree, in the lenient style of
 * {@link io.github.cloudinaryanalysis.http.JsonFields}: unknown fields are ignored and an
 * optional field that is missing or of another type is {@code null} (an empty list for
 * arrays). A field the contract requires that is missing or of the wrong type is a
 * {@link MalformedAnswerException} naming its path, e.g.
 * {@code data.analysis.logo_annotations[0].score}.
 */
final class AnalysisJson {

	private AnalysisJson() {
	}

	/**
	 * The path of a field: {@code parent.field}, or just {@code field} at the root (an
	 * empty parent).
	 * @param parent the path of the enclosing object ({@code ""} at the root)
	 * @param field the field name
	 * @return the path of a field
	 */
	static String path(String parent, String field) {
		return parent.isEmpty() ? field : parent + "." + field;
	}

	static JsonNode requiredObject(JsonNode node, String field, String parent) {
		JsonNode value = node.path(field);
		if (!value.isObject()) {
			throw missing(parent, field, "an object");
		}
		return value;
	}

	static String requiredText(JsonNode node, String field, String parent) {
		JsonNode value = node.path(field);
		if (!value.isString()) {
			throw missing(parent, field, "a string");
		}
		return value.stringValue();
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.stringValue() : null;
	}

	static double requiredNumber(JsonNode node, String field, String parent) {
		JsonNode value = node.path(field);
		if (!value.isNumber()) {
			throw missing(parent, field, "a number");
		}
		return value.doubleValue();
	}

	static @Nullable Double number(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNumber() ? value.doubleValue() : null;
	}

	static @Nullable Integer integer(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isIntegralNumber() && value.canConvertToInt()) ? value.intValue() : null;
	}

	/**
	 * Read an array whose items the given function reads.
	 * @param <T> the type of the items
	 * @param node the JSON node
	 * @param field the field name
	 * @param parent the path of the enclosing object ({@code ""} at the root)
	 * @param required whether the contract requires the array (then a missing one is
	 * malformed; an optional missing one is an empty list)
	 * @param item the item
	 * @return the items, unmodifiable (empty when an optional array is missing)
	 */
	static <T> List<T> list(JsonNode node, String field, String parent, boolean required,
			BiFunction<JsonNode, String, T> item) {
		JsonNode value = node.path(field);
		if (!value.isArray()) {
			if (required || !value.isMissingNode() && !value.isNull()) {
				throw missing(parent, field, "an array");
			}
			return List.of();
		}
		List<T> items = new ArrayList<>(value.size());
		for (int i = 0; i < value.size(); i++) {
			items.add(item.apply(value.get(i), path(parent, field) + "[" + i + "]"));
		}
		return List.copyOf(items);
	}

	/**
	 * Read an object the contract leaves free-form ({@code type: object} without
	 * properties) as an unmodifiable map of plain Java values (maps, lists, strings,
	 * numbers, booleans, {@code null}).
	 * @param node the JSON node
	 * @param field the field name
	 * @param parent the path of the enclosing object ({@code ""} at the root)
	 * @return the object as an unmodifiable map of plain Java values
	 */
	static Map<String, Object> requiredFreeObject(JsonNode node, String field, String parent) {
		return freeze(requiredObject(node, field, parent));
	}

	private static Map<String, Object> freeze(JsonNode object) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		object.properties().forEach((entry) -> map.put(entry.getKey(), plain(entry.getValue())));
		return Collections.unmodifiableMap(map);
	}

	private static @Nullable Object plain(JsonNode node) {
		if (node.isObject()) {
			return freeze(node);
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>(node.size());
			for (JsonNode value : node) {
				list.add(plain(value));
			}
			return Collections.unmodifiableList(list);
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isIntegralNumber()) {
			return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		return null;
	}

	private static MalformedAnswerException missing(String parent, String field, String kind) {
		return new MalformedAnswerException("without " + path(parent, field) + " (" + kind + ")");
	}

}
