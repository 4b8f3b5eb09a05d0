package io.github.cloudinaryanalysis.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.AbstractBufferingClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A request of {@link BoundedJdkClientHttpRequestFactory}: sent with the blocking
 * {@link HttpClient#send}, it returns once the whole body, up to the bound, has been
 * received or the read timeout has passed.
 */
final class BoundedJdkClientHttpRequest extends AbstractBufferingClientHttpRequest {

	/** Headers the JDK client refuses or sets itself. */
	private static final Set<String> DISALLOWED_HEADERS = Set.of("connection", "content-length", "expect", "host",
			"upgrade");

	private final HttpClient httpClient;

	private final Duration readTimeout;

	private final int maxBodyBytes;

	private final URI uri;

	private final HttpMethod method;

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
	protected ClientHttpResponse executeInternal(HttpHeaders headers, byte[] body) throws IOException {
		long deadline = System.nanoTime() + this.readTimeout.toNanos();
		HttpRequest request = buildRequest(headers, body);
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

	private HttpRequest buildRequest(HttpHeaders headers, byte[] body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri).timeout(this.readTimeout);
		headers.forEach((name, values) -> {
			if (!DISALLOWED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
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

}
