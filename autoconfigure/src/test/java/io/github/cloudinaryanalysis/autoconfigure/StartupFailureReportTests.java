package io.github.cloudinaryanalysis.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A real {@code SpringApplication} without credentials stops with the starter's failure
 * report, found through {@code META-INF/spring.factories}, and without the secret of a
 * malformed URL.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

	@Test
	void missingCredentialsPrintTheReport(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--CLOUDINARY_URL="));
		assertThat(output).contains("APPLICATION FAILED TO START",
				"The Cloudinary Analysis client could not be configured",
				"Property at fault: cloudinary.analysis.cloud-name", "cloudinary.analysis.enabled=false");
	}

	@Test
	void aMalformedUrlIsReportedWithoutItsSecret(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--cloudinary.analysis.url=cloudinary://key:Hush-Hush-42"));
		assertThat(output).contains("APPLICATION FAILED TO START", "missing credentials", "cloudinary.analysis.url")
			.doesNotContain("Hush-Hush-42");
	}

	private static void start(String... args) {
		new SpringApplicationBuilder(MinimalApplication.class).web(WebApplicationType.NONE).run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			RestClientAutoConfiguration.class, CloudinaryAnalysisAutoConfiguration.class })
	static class MinimalApplication {

	}

}
