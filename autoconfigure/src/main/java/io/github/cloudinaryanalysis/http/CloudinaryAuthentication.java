package io.github.cloudinaryanalysis.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.cloudinaryanalysis.AccessTokenProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds the {@code Authorization} header to every request of the client: HTTP Basic with
 * the API key and secret, or an OAuth2 bearer token. {@link #toString()} never shows a
 * credential.
 */
final class CloudinaryAuthentication implements ClientHttpRequestInterceptor {

	private final HeaderValue headerValue;

	private final String description;

	private CloudinaryAuthentication(HeaderValue headerValue, String description) {
		this.headerValue = headerValue;
		this.description = description;
	}

	/**
	 * Authenticate with HTTP Basic, {@code api_key:api_secret}.
	 * @param apiKey the API key
	 * @param apiSecret the API secret
	 * @return the interceptor
	 */
	static CloudinaryAuthentication basic(String apiKey, String apiSecret) {
		String encoded = Base64.getEncoder()
			.encodeToString((apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8));
		String value = "Basic " + encoded;
		return new CloudinaryAuthentication(() -> value, "Basic");
	}

	/**
	 * Authenticate with an OAuth2 bearer token, asked for on every request.
	 * @param tokenProvider supplies the current token
	 * @return the interceptor
	 */
	static CloudinaryAuthentication bearer(AccessTokenProvider tokenProvider) {
		return new CloudinaryAuthentication(() -> "Bearer " + tokenProvider.getAccessToken(), "Bearer");
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, this.headerValue.get());
		return execution.execute(request, body);
	}

	@Override
	public String toString() {
		return "CloudinaryAuthentication[" + this.description + ", credentials hidden]";
	}

	@FunctionalInterface
	private interface HeaderValue {

		String get();

	}

}
