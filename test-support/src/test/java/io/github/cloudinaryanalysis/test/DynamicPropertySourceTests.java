package io.github.cloudinaryanalysis.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension and {@code @DynamicPropertySource} together in a real Spring test
 * context.
 */
@SpringJUnitConfig(DynamicPropertySourceTests.EmptyConfiguration.class)
class DynamicPropertySourceTests {

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension fake = FakeCloudinaryAnalysisExtension
		.using(() -> FakeCloudinaryAnalysisApi.builder().cloudName("spring-cloud"));

	@DynamicPropertySource
	static void cloudinary(DynamicPropertyRegistry registry) {
		FakeCloudinaryAnalysisProperties.register(registry, fake::api);
	}

	@Value("${cloudinary.analysis.base-url}")
	String baseUrl;

	@Value("${cloudinary.analysis.cloud-name}")
	String cloudName;

	@Value("${cloudinary.analysis.api-key}")
	String apiKey;

	@Value("${cloudinary.analysis.api-secret}")
	String apiSecret;

	@Test
	void theContextSeesTheRunningFake() {
		assertThat(this.baseUrl).isEqualTo(fake.api().baseUrl());
		assertThat(this.cloudName).isEqualTo("spring-cloud");
		assertThat(this.apiKey).isEqualTo(fake.api().apiKey());
		assertThat(this.apiSecret).isEqualTo(fake.api().apiSecret());
		assertThat(new HttpTestClient(fake.api()).getTask("nope").statusCode()).isEqualTo(404);
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
