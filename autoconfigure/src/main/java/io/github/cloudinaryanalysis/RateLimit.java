package io.github.cloudinaryanalysis;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code limits.items} in a 429 response: the state of the quota of one
 * feature.
 *
 * @param type the rate-limited feature, such as {@code ai_vision} (kept as text so new
 * features still parse)
 * @param usedByRequest quota used by the rejected request, if reported
 * @param remaining remaining quota, if reported
 * @param limit total quota, if reported
 * @param resetTime when the quota resets, if reported
 */
public record RateLimit(String type, @Nullable Long usedByRequest, @Nullable Long remaining, @Nullable Long limit,
		@Nullable Instant resetTime) {

}
