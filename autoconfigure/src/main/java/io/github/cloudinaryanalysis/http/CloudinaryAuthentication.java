package io.github.cloudinaryanalysis.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.cloudinaryanalysis.AccessTokenProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInitializer;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds the {@code Authorization} header to every request of the client: HTTP Basic with
 * the API key and secret, or an OAuth2 bearer token. Used as an interceptor, or, for a
 * client without interceptors and a header that never changes, as a request initializer
 * (see {@code AnalysisConnection.Builder}). {@link #toString()} never shows a credential.
 */
final class CloudinaryAuthentication implements ClientHttpRequestInterceptor, ClientHttpRequestInitializer {

	private final HeaderValue headerValue;

	private final String description;

	private final boolean constant;

	private CloudinaryAuthentication(HeaderValue headerValue, String description, boolean constant) {
		this.headerValue = headerValue;
		this.description = description;
		this.constant = constant;
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
		return new CloudinaryAuthentication(() -> value, "Basic", true);
	}

	/**
	 * Authenticate with an OAuth2 bearer token, asked for on every request.
	 * @param tokenProvider supplies the current token
	 * @return the interceptor
	 */
	static CloudinaryAuthentication bearer(AccessTokenProvider tokenProvider) {
		return new CloudinaryAuthentication(() -> "Bearer " + tokenProvider.getAccessToken(), "Bearer", false);
	}

	/**
	 * Whether the header is the same on every request (HTTP Basic), so that it may be set
	 * when the request is made; a bearer token is asked for as late as possible.
	 * @return whether the header never changes
	 */
	boolean isConstant() {
		return this.constant;
	}

	@Override
	public void initialize(ClientHttpRequest request) {
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, this.headerValue.get());
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
