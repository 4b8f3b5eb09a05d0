package io.github.cloudinaryanalysis.webhook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.cloudinaryanalysis.ApiError;
import io.github.cloudinaryanalysis.ErrorCategory;
import io.github.cloudinaryanalysis.RateLimit;
import io.github.cloudinaryanalysis.http.RateLimitsJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of a <em>verified</em> notification into an
 * {@link AnalysisNotification}. The body must be the contract's
 * {@code AnalysisWebhookPayload}: a JSON object whose fields, when present, have the
 * contract's types, and which names its task ({@code task_id}, a non-blank string) and
 * status ({@code http_status}, 100 to 599), without which a notification cannot be
 * matched or understood. Unknown fields are ignored.
 * <p>
 * Errors name the field, never its value nor the body: the body came from Cloudinary, but
 * an endpoint must not echo it.
 */
public final class AnalysisNotificationParser {

	private static final String NOT_THE_PAYLOAD = "The verified notification is not an AnalysisWebhookPayload: ";

	private AnalysisNotificationParser() {
	}

	/**
	 * Read a verified notification body.
	 * @param body the raw body whose signature was verified
	 * @return the notification
	 * @throws MalformedNotificationException when the body is not the payload
	 */
	public static AnalysisNotification parse(byte[] body) {
		Objects.requireNonNull(body, "body");
		JsonNode root;
		try {
			root = JsonMapper.shared().readTree(body);
		}
		catch (JacksonException ex) {
			// Jackson's message quotes the offending text: say only where it went wrong.
			throw new MalformedNotificationException(
					NOT_THE_PAYLOAD + "not valid JSON (at byte " + ex.getLocation().getByteOffset() + ")");
		}
		if (root == null || !root.isObject()) {
			throw new MalformedNotificationException(NOT_THE_PAYLOAD + "not a JSON object");
		}
		String taskId = optionalText(root, "task_id");
		if (taskId == null || taskId.isBlank()) {
			throw new MalformedNotificationException(NOT_THE_PAYLOAD + "without task_id (a non-blank string)");
		}
		JsonNode status = root.path("http_status");
		if (!status.isIntegralNumber() || !status.canConvertToInt() || status.intValue() < 100
				|| status.intValue() > 599) {
			throw new MalformedNotificationException(NOT_THE_PAYLOAD + "without http_status (an integer 100 to 599)");
		}
		return new AnalysisNotification(taskId, optionalText(root, "request_id"), status.intValue(),
				optionalText(root, "notification_type"), optionalText(root, "operation_name"),
				optionalText(root, "operation_type"), error(root), limits(root), data(root));
	}

	/**
	 * A string field: {@code null} when absent or JSON {@code null}, malformed when of
	 * another type.
	 * @param node the JSON node
	 * @param field the field name
	 * @return a string field
	 */
	private static @Nullable String optionalText(JsonNode node, String field) {
		JsonNode value = optional(node, field);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw wrongType(field, "a string");
		}
		return value.stringValue();
	}

	private static @Nullable JsonNode optionalObject(JsonNode node, String field) {
		JsonNode value = optional(node, field);
		if (value != null && !value.isObject()) {
			throw wrongType(field, "an object");
		}
		return value;
	}

	private static @Nullable JsonNode optional(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value;
	}

	private static @Nullable ApiError error(JsonNode root) {
		JsonNode error = optionalObject(root, "error");
		if (error == null) {
			return null;
		}
		JsonNode details = optional(error, "details");
		return new ApiError(ErrorCategory.fromApiValue(text(error, "category")), text(error, "code"),
				text(error, "message"), (details != null && details.isObject()) ? plainObject(details) : Map.of(),
				text(error, "request_id"));
	}

	/**
	 * {@code limits.items}, read as the API's other answers are: items without a
	 * {@code type} are skipped.
	 * @param root the root
	 * @return {@code limits.items}, read as the API's other answers are
	 */
	private static List<RateLimit> limits(JsonNode root) {
		JsonNode limits = optionalObject(root, "limits");
		// A "limits" that is not an object makes the body not the payload; its items are
		// read as in every other answer.
		return (limits != null) ? RateLimitsJson.read(root) : List.of();
	}

	private static Map<String, @Nullable Object> data(JsonNode root) {
		JsonNode data = optionalObject(root, "data");
		return (data != null) ? plainObject(data) : Map.of();
	}

	private static Map<String, @Nullable Object> plainObject(JsonNode object) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		object.properties().forEach((entry) -> map.put(entry.getKey(), plain(entry.getValue())));
		return Collections.unmodifiableMap(map);
	}

	/**
	 * A JSON value as unmodifiable plain Java values; integers as {@code Long} (or
	 * {@code BigInteger}).
	 * @param node the JSON node
	 * @return a JSON value as unmodifiable plain Java values
	 */
	private static @Nullable Object plain(JsonNode node) {
		if (node.isObject()) {
			return plainObject(node);
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
			return node.numberValue();
		}
		return null;
	}

	private static MalformedNotificationException wrongType(String field, String kind) {
		return new MalformedNotificationException(NOT_THE_PAYLOAD + "with a " + field + " that is not " + kind);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.stringValue() : null;
	}

}
