package io.github.cloudinaryanalysis.autoconfigure;

import mockwebserver3.MockWebServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Context runners with the auto-configurations a real application would have.
 */
public final class AnalysisContexts {

	public static final String API_KEY = "test-api-key-4711";

	public static final String API_SECRET = "s3cr3t-Very-Private-0815";

	private AnalysisContexts() {
	}

	public static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, CloudinaryAnalysisAutoConfiguration.class));
	}

	/**
	 * A runner whose client talks to the given local server with test credentials, making
	 * exactly one attempt per call (retries have tests of their own).
	 */
	public static ApplicationContextRunner against(MockWebServer server) {
		return against(server.url("/v2/analysis").toString())
			.withPropertyValues("cloudinary.analysis.retry.enabled=false");
	}

	/**
	 * A runner whose client talks to the given base URL with test credentials and default
	 * retries.
	 */
	public static ApplicationContextRunner against(String baseUrl) {
		return runner().withPropertyValues("cloudinary.analysis.base-url=" + baseUrl,
				"cloudinary.analysis.cloud-name=demo", "cloudinary.analysis.api-key=" + API_KEY,
				"cloudinary.analysis.api-secret=" + API_SECRET);
	}

}
