package io.github.cloudinaryanalysis.http;

import java.util.ArrayList;
import java.util.List;

import io.github.cloudinaryanalysis.RateLimit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code limits.items} the API puts in its answers, errors and webhook
 * notifications alike, the one way every part of the library reads them: optional and
 * nullable as in the contract, an item without a {@code type} skipped, a count that is
 * not a whole number and a {@code reset_time} that is not an ISO date-time read as
 * {@code null}. Public only for the library's other packages (the analyze client and the
 * webhook parser); not an API for applications.
 */
public final class RateLimitsJson {

	private RateLimitsJson() {
	}

	/**
	 * Read the rate limits of a JSON document.
	 * @param root the document's root (any node)
	 * @return its {@code limits.items}, unmodifiable, empty when there are none
	 */
	public static List<RateLimit> read(JsonNode root) {
		JsonNode items = root.path("limits").path("items");
		if (!items.isArray()) {
			return List.of();
		}
		List<RateLimit> limits = new ArrayList<>(items.size());
		for (JsonNode item : items) {
			String type = JsonFields.text(item, "type");
			if (type != null) {
				limits.add(new RateLimit(type, whole(item, "used_by_request"), whole(item, "remaining"),
						whole(item, "limit"), RetryAfter.resetTime(JsonFields.text(item, "reset_time"))));
			}
		}
		return List.copyOf(limits);
	}

	private static @Nullable Long whole(JsonNode item, String field) {
		JsonNode value = item.path(field);
		return (value.isIntegralNumber() && value.canConvertToLong()) ? value.longValue() : null;
	}

}
