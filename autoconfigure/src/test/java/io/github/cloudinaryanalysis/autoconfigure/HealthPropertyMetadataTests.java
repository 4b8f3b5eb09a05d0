package io.github.cloudinaryanalysis.autoconfigure;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health switch is not a {@code @ConfigurationProperties} field (Boot's
 * {@code @ConditionalOnEnabledHealthIndicator} reads it), so it is documented by hand in
 * {@code additional-spring-configuration-metadata.json}; this checks it reaches the
 * generated metadata that IDEs read.
 */
class HealthPropertyMetadataTests {

	@Test
	void theHealthSwitchIsInTheGeneratedMetadata() throws IOException {
		JsonNode metadata;
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		JsonNode property = null;
		for (JsonNode candidate : metadata.get("properties")) {
			if (candidate.get("name").asString().equals("management.health.cloudinary-analysis.enabled")) {
				property = candidate;
			}
		}
		assertThat(property).as("management.health.cloudinary-analysis.enabled in the metadata").isNotNull();
		assertThat(property.get("type").asString()).isEqualTo("java.lang.Boolean");
		assertThat(property.get("defaultValue").asBoolean()).isTrue();
		assertThat(property.get("description").asString()).contains("health");
	}

}
