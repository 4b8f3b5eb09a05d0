package io.github.cloudinaryanalysis.http;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Prepares a {@link RestClient.Builder} to talk to the Analysis API: base URL, authentication, {@code Accept} and
 * {@code User-Agent}. Used by the auto-configuration, and usable without Spring Boot.
 */
public final class AnalysisRestClient {

	/** The API's production base URL, without the cloud name. */
	public static final String DEFAULT_BASE_URL = "https://api.cloudinary.com/v2/analysis";

	private AnalysisRestClient() {
	}

	/**
	 * Apply the API's settings to a builder.
	 * @param builder the builder, typically a clone of Spring Boot's
	 * @param baseUrl the base URL, e.g. {@value #DEFAULT_BASE_URL}
	 * @param authentication adds the credentials, see {@link CloudinaryAuthentication}
	 * @return the same builder
	 */
	public static RestClient.Builder configure(RestClient.Builder builder, URI baseUrl,
			ClientHttpRequestInterceptor authentication) {
		return builder.baseUrl(withoutTrailingSlash(baseUrl.toString()))
			.defaultHeader(HttpHeaders.USER_AGENT, UserAgent.value())
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.requestInterceptor(authentication);
	}

	private static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
