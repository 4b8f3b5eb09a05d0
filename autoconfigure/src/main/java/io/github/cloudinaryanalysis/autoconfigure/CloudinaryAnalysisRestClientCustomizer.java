package io.github.cloudinaryanalysis.autoconfigure;

import org.springframework.web.client.RestClient;

/**
 * Customizes the {@link RestClient.Builder} of the Analysis API client only, unlike
 * Spring Boot's {@code RestClientCustomizer}, which applies to every {@code RestClient}
 * of the application. Customizers run last, after Boot's customizers and after the base
 * URL, authentication and headers are set, in
 * {@link org.springframework.core.annotation.Order @Order} order.
 */
@FunctionalInterface
public interface CloudinaryAnalysisRestClientCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder of the Analysis API client
	 */
	void customize(RestClient.Builder builder);

}
