package io.github.cloudinaryanalysis.http;

import java.io.InputStream;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A response of {@link BoundedJdkClientHttpRequest}, whose body was received (or cut)
 * before it was made.
 */
final class BoundedJdkClientHttpResponse implements ClientHttpResponse {

	private final HttpResponse<BoundedBodySubscriber> response;

	private final InputStream body;

	private @Nullable HttpHeaders headers;

	BoundedJdkClientHttpResponse(HttpResponse<BoundedBodySubscriber> response, BoundedBodySubscriber body) {
		this.response = response;
		this.body = body.stream();
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return HttpStatusCode.valueOf(this.response.statusCode());
	}

	@Override
	public String getStatusText() {
		return "";
	}

	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders result = this.headers;
		if (result == null) {
			HttpHeaders adapted = new HttpHeaders();
			this.response.headers().map().forEach((name, values) -> {
				if (!name.startsWith(":")) {
					adapted.addAll(name, values);
				}
			});
			result = HttpHeaders.readOnlyHttpHeaders(adapted);
			this.headers = result;
		}
		return result;
	}

	@Override
	public InputStream getBody() {
		return this.body;
	}

	@Override
	public void close() {
		// The body was received (or cut, its connection closed) before this response was
		// made: nothing to drain.
	}

}
