package io.github.cloudinaryanalysis.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * A request of {@link BoundedJdkClientHttpRequestFactory}: sent with the blocking
 * {@link HttpClient#send}, it returns once the whole body, up to the bound, has been
 * received or the read timeout has passed.
 * <p>
 * Not built on Spring's {@code AbstractBufferingClientHttpRequest}: this request keeps
 * its headers in a case-insensitive map of its own, so that sending them is a plain
 * iteration of that map. {@code HttpHeaders.forEach} builds a de-duplicating copy of the
 * header names on every call (needed where a map may hold two casings of a name, which
 * this one cannot), and that copy was a tenth of what a status call allocated. The body
 * buffer is made only when a body is written.
 */
final class BoundedJdkClientHttpRequest implements ClientHttpRequest {

	/** Headers the JDK client refuses or sets itself. */
	private static final List<String> DISALLOWED_HEADERS = List.of("connection", "content-length", "expect", "host",
			"upgrade");

	private final HttpClient httpClient;

	private final Duration readTimeout;

	private final int maxBodyBytes;

	private final URI uri;

	private final HttpMethod method;

	/** The headers as set, one casing per name: what {@link #headers} shows. */
	private final LinkedCaseInsensitiveMap<List<String>> headerMap = new LinkedCaseInsensitiveMap<>(8, Locale.ROOT);

	private final HttpHeaders headers = new HttpHeaders(CollectionUtils.toMultiValueMap(this.headerMap));

	private @Nullable ByteArrayOutputStream body;

	private @Nullable Map<String, Object> attributes;

	private boolean executed;

	BoundedJdkClientHttpRequest(HttpClient httpClient, Duration readTimeout, int maxBodyBytes, URI uri,
			HttpMethod method) {
		this.httpClient = httpClient;
		this.readTimeout = readTimeout;
		this.maxBodyBytes = maxBodyBytes;
		this.uri = uri;
		this.method = method;
	}

	@Override
	public HttpMethod getMethod() {
		return this.method;
	}

	@Override
	public URI getURI() {
		return this.uri;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.executed ? HttpHeaders.readOnlyHttpHeaders(this.headers) : this.headers;
	}

	@Override
	public Map<String, Object> getAttributes() {
		Map<String, Object> result = this.attributes;
		if (result == null) {
			result = new LinkedHashMap<>();
			this.attributes = result;
		}
		return result;
	}

	@Override
	public OutputStream getBody() {
		assertNotExecuted();
		ByteArrayOutputStream result = this.body;
		if (result == null) {
			result = new ByteArrayOutputStream(256);
			this.body = result;
		}
		return result;
	}

	@Override
	public ClientHttpResponse execute() throws IOException {
		assertNotExecuted();
		this.executed = true;
		return send((this.body != null) ? this.body.toByteArray() : new byte[0]);
	}

	private void assertNotExecuted() {
		if (this.executed) {
			throw new IllegalStateException("ClientHttpRequest already executed");
		}
	}

	private ClientHttpResponse send(byte[] body) throws IOException {
		long deadline = System.nanoTime() + this.readTimeout.toNanos();
		HttpRequest request = buildRequest(body);
		BoundedBodySubscriber bounded = new BoundedBodySubscriber(this.maxBodyBytes);
		HttpResponse<BoundedBodySubscriber> response;
		try {
			response = this.httpClient.send(request, (info) -> bounded);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			InterruptedIOException interrupted = new InterruptedIOException(
					"Interrupted while waiting for " + this.method + " " + this.uri);
			interrupted.initCause(ex);
			throw interrupted;
		}
		bounded.await(deadline, this.method, this.uri);
		return new BoundedJdkClientHttpResponse(response, bounded);
	}

	private HttpRequest buildRequest(byte[] body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri).timeout(this.readTimeout);
		this.headerMap.forEach((name, values) -> {
			if (!isDisallowed(name)) {
				for (String value : values) {
					builder.header(name, value);
				}
			}
		});
		HttpRequest.BodyPublisher publisher = (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
				: HttpRequest.BodyPublishers.noBody();
		if (this.method == HttpMethod.GET && body.length == 0) {
			builder.GET();
		}
		else {
			builder.method(this.method.name(), publisher);
		}
		return builder.build();
	}

	/**
	 * Whether the JDK client refuses or sets a header itself; compared ignoring case
	 * without making a lower-case copy of every header name of every request.
	 * @param name the header name
	 * @return whether the header is left out
	 */
	private static boolean isDisallowed(String name) {
		for (String disallowed : DISALLOWED_HEADERS) {
			if (disallowed.equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

}
