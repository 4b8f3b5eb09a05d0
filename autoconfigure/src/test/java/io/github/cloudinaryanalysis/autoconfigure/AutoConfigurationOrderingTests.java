package io.github.cloudinaryanalysis.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.restclient.observation.ObservationRestClientCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding the starter must not change how Boot orders its own auto-configurations: a
 * misplaced ordering once pulled {@code RestClientObservationAutoConfiguration} ahead of
 * the observation registry, and no {@code RestClient} of the application recorded
 * {@code http.client.requests} any more.
 */
class AutoConfigurationOrderingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				RestClientObservationAutoConfiguration.class));

	@Test
	void restClientObservationStaysOnWithTheStarter() {
		this.runner.run((without) -> {
			assertThat(without).hasSingleBean(ObservationRestClientCustomizer.class);
			this.runner.withConfiguration(AutoConfigurations.of(CloudinaryAnalysisAutoConfiguration.class))
				.withPropertyValues("cloudinary.analysis.url=cloudinary://k:s@demo")
				.run((with) -> assertThat(with).hasNotFailed().hasSingleBean(ObservationRestClientCustomizer.class));
		});
	}

}
