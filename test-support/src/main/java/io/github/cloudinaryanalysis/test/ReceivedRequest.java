package io.github.cloudinaryanalysis.test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One request the fake received, as received: method, raw path, raw query, headers
 * (including {@code Authorization}, so tests can assert it), body and the time it arrived
 * by the fake's clock.
 *
 * <p>
 * Header names are looked up case-insensitively. {@link #toString()} redacts the
 * {@code Authorization} (and {@code Proxy-Authorization}) header. Instances are
 * immutable.
 */
public final class ReceivedRequest {

	private final String method;

	private final String path;

	private final @Nullable String query;

	private final Map<String, List<String>> headers;

	private final String body;

	private final Instant receivedAt;

	ReceivedRequest(String method, String path, @Nullable String query, Map<String, List<String>> headers, String body,
			Instant receivedAt) {
		this.method = Objects.requireNonNull(method, "method");
		this.path = Objects.requireNonNull(path, "path");
		this.query = query;
		TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
			List<String> merged = new java.util.ArrayList<>(a);
			merged.addAll(b);
			return List.copyOf(merged);
		}));
		this.headers = Collections.unmodifiableMap(copy);
		this.body = Objects.requireNonNull(body, "body");
		this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
	}

	/**
	 * The HTTP method.
	 * @return e.g. {@code GET}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The raw (not decoded) path.
	 * @return e.g. {@code /v2/analysis/demo/tasks/abc}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * The raw query string.
	 * @return the query without {@code ?}, or {@code null} when there was none
	 */
	public @Nullable String query() {
		return this.query;
	}

	/**
	 * All headers, with case-insensitive names.
	 * @return an unmodifiable map
	 */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the header was absent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * The body, decoded as UTF-8.
	 * @return the body, empty when there was none
	 */
	public String body() {
		return this.body;
	}

	/**
	 * When the request arrived, by the fake's clock.
	 * @return the instant
	 */
	public Instant receivedAt() {
		return this.receivedAt;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("ReceivedRequest[").append(this.method).append(' ').append(this.path);
		if (this.query != null) {
			text.append('?').append(this.query);
		}
		text.append(", headers={");
		String separator = "";
		for (Map.Entry<String, List<String>> header : this.headers.entrySet()) {
			text.append(separator).append(header.getKey()).append('=');
			text.append(isSecret(header.getKey()) ? "[REDACTED]" : header.getValue());
			separator = ", ";
		}
		return text.append("}, body=")
			.append(this.body.length())
			.append(" chars, receivedAt=")
			.append(this.receivedAt)
			.append(']')
			.toString();
	}

	private static boolean isSecret(String headerName) {
		return "authorization".equalsIgnoreCase(headerName) || "proxy-authorization".equalsIgnoreCase(headerName);
	}

}
