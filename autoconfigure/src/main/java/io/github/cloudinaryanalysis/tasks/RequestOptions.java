package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Settings for one call, like the per-call options of Cloudinary's Go SDK. Immutable:
 * each {@code with...} method returns a new instance. <pre class="code">
 * tasks.getStatus(id, RequestOptions.defaults()
 *         .withReadTimeout(Duration.ofSeconds(2))
 *         .withHeader("X-Correlation-Id", correlationId));
 * </pre>
 */
public final class RequestOptions {

	private static final RequestOptions DEFAULTS = new RequestOptions(null, Map.of(), null);

	/**
	 * Headers the client sets itself; a per-call value could leak or break
	 * authentication.
	 */
	private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "host", "content-length",
			"transfer-encoding", "connection", "proxy-authorization");

	private final @Nullable Duration readTimeout;

	private final Map<String, List<String>> headers;

	private final @Nullable RetrySettings retry;

	private RequestOptions(@Nullable Duration readTimeout, Map<String, List<String>> headers,
			@Nullable RetrySettings retry) {
		this.readTimeout = readTimeout;
		this.headers = headers;
		this.retry = retry;
	}

	/**
	 * Return options that change nothing: the client's configured settings apply.
	 * @return the default options
	 */
	public static RequestOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Return a copy that uses the given read timeout for this call instead of the
	 * configured one.
	 * @param readTimeout the read timeout, positive
	 * @return new options
	 */
	public RequestOptions withReadTimeout(Duration readTimeout) {
		if (readTimeout.isNegative() || readTimeout.isZero()) {
			throw new IllegalArgumentException("Read timeout must be positive, but was " + readTimeout);
		}
		return new RequestOptions(readTimeout, this.headers, this.retry);
	}

	/**
	 * Return a copy that adds a header to this call's request.
	 * @param name the header name; {@code Authorization}, {@code Host} and hop-by-hop
	 * headers are refused
	 * @param value the header value
	 * @return new options
	 */
	public RequestOptions withHeader(String name, String value) {
		if (name.isBlank() || RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException("Header '" + name + "' cannot be set per call");
		}
		if (containsLineBreak(name) || containsLineBreak(value)) {
			throw new IllegalArgumentException("Header '" + name.strip() + "' must not contain line breaks");
		}
		Map<String, List<String>> copy = new LinkedHashMap<>(this.headers);
		copy.merge(name, List.of(value), (existing, added) -> concat(existing, value));
		return new RequestOptions(this.readTimeout, Collections.unmodifiableMap(copy), this.retry);
	}

	/**
	 * Return a copy that retries this call with the given settings instead of the
	 * configured ones.
	 * @param retry the retry settings for this call
	 * @return new options
	 */
	public RequestOptions withRetry(RetrySettings retry) {
		return new RequestOptions(this.readTimeout, this.headers, retry);
	}

	/**
	 * Return a copy that makes exactly one attempt, whatever is configured.
	 * @return new options
	 */
	public RequestOptions withoutRetries() {
		return withRetry(RetrySettings.disabled());
	}

	private static boolean containsLineBreak(String text) {
		return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
	}

	private static List<String> concat(List<String> existing, String value) {
		String[] values = existing.toArray(new String[existing.size() + 1]);
		values[existing.size()] = value;
		return List.of(values);
	}

	/**
	 * Return the read timeout for this call.
	 * @return the per-call read timeout, or empty to use the configured one
	 */
	public Optional<Duration> readTimeout() {
		return Optional.ofNullable(this.readTimeout);
	}

	/**
	 * Return the extra headers for this call.
	 * @return an unmodifiable map of header names to values
	 */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * Return the retry settings for this call.
	 * @return the per-call retry settings, or empty to use the configured ones
	 */
	public Optional<RetrySettings> retry() {
		return Optional.ofNullable(this.retry);
	}

	@Override
	public String toString() {
		return "RequestOptions[readTimeout=" + this.readTimeout + ", headers=" + this.headers.keySet() + ", retry="
				+ this.retry + "]";
	}

}
