package io.github.cloudinaryanalysis.http;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestInitializer;

/**
 * Sets the client's fixed, non-secret headers ({@code User-Agent}, {@code Accept}) on
 * each request when it is made, for a client without interceptors (see
 * {@code AnalysisConnection.Builder}): what default headers do, without
 * {@code RestClient} copying a set of default headers into every request.
 */
final class FixedRequestHeaders implements ClientHttpRequestInitializer {

	private final List<Map.Entry<String, String>> headers;

	/**
	 * Create the initializer.
	 * @param headers the headers, one value each
	 */
	FixedRequestHeaders(HttpHeaders headers) {
		this.headers = headers.headerSet()
			.stream()
			.map((header) -> Map.entry(header.getKey(), header.getValue().get(0)))
			.toList();
	}

	@Override
	public void initialize(ClientHttpRequest request) {
		HttpHeaders target = request.getHeaders();
		for (Map.Entry<String, String> header : this.headers) {
			target.set(header.getKey(), header.getValue());
		}
	}

	@Override
	public String toString() {
		return "FixedRequestHeaders" + this.headers;
	}

}
