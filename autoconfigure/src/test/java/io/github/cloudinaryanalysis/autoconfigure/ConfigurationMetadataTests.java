package io.github.cloudinaryanalysis.autoconfigure;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs read is generated for every property, with
 * descriptions and defaults.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescriptionAndTheDocumentedDefaults() throws Exception {
		Map<String, JsonNode> properties = properties();
		assertThat(properties).containsKeys("cloudinary.analysis.enabled", "cloudinary.analysis.url",
				"cloudinary.analysis.cloud-name", "cloudinary.analysis.api-key", "cloudinary.analysis.api-secret",
				"cloudinary.analysis.base-url", "cloudinary.analysis.connect-timeout",
				"cloudinary.analysis.read-timeout", "cloudinary.analysis.allow-insecure-http",
				"cloudinary.analysis.max-response-size", "cloudinary.analysis.retry.enabled",
				"cloudinary.analysis.retry.max-retries", "cloudinary.analysis.retry.initial-interval",
				"cloudinary.analysis.retry.multiplier", "cloudinary.analysis.retry.max-interval",
				"cloudinary.analysis.retry.max-elapsed-time", "cloudinary.analysis.polling.initial-interval",
				"cloudinary.analysis.polling.multiplier", "cloudinary.analysis.polling.max-interval",
				"cloudinary.analysis.polling.timeout", "cloudinary.analysis.polling.threads",
				"cloudinary.analysis.metrics.enabled", "cloudinary.analysis.health.cache-ttl",
				"cloudinary.analysis.health.timeout", "cloudinary.analysis.problem-details.enabled");
		properties.forEach(
				(name, property) -> assertThat(property.path("description").asString()).as("description of %s", name)
					.isNotBlank());
		assertThat(properties.get("cloudinary.analysis.enabled").path("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("cloudinary.analysis.base-url").path("defaultValue").asString())
			.isEqualTo("https://api.cloudinary.com/v2/analysis");
		assertThat(properties.get("cloudinary.analysis.read-timeout").path("defaultValue").asString()).isEqualTo("30s");
		assertThat(properties.get("cloudinary.analysis.connect-timeout").path("defaultValue").asString())
			.isEqualTo("10s");
		assertThat(properties.get("cloudinary.analysis.retry.max-retries").path("defaultValue").asInt()).isEqualTo(3);
		assertThat(properties.get("cloudinary.analysis.retry.max-interval").path("defaultValue").asString())
			.isEqualTo("30s");
		assertThat(properties.get("cloudinary.analysis.polling.timeout").path("defaultValue").asString())
			.isEqualTo("5m");
		assertThat(properties.get("cloudinary.analysis.health.cache-ttl").path("defaultValue").asString())
			.isEqualTo("30s");
	}

	@Test
	void additionalMetadataIsMergedIn() throws Exception {
		JsonNode root = metadata();
		assertThat(root.path("hints").findValuesAsString("name")).contains("cloudinary.analysis.base-url");
	}

	static Map<String, JsonNode> properties() throws Exception {
		Map<String, JsonNode> properties = new HashMap<>();
		for (JsonNode property : metadata().path("properties")) {
			String name = property.path("name").asString();
			if (name.startsWith("cloudinary.analysis.")) {
				properties.put(name, property);
			}
		}
		return properties;
	}

	private static JsonNode metadata() throws Exception {
		try (InputStream in = CloudinaryAnalysisProperties.class.getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated configuration metadata").isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
