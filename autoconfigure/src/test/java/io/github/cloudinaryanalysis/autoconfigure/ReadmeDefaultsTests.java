package io.github.cloudinaryanalysis.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults the README documents (its property tables) are the defaults an
 * unconfigured application runs with, and the defaults IDEs show from the configuration
 * metadata, for every property in the metadata.
 */
class ReadmeDefaultsTests {

	private static final String PREFIX = "cloudinary.analysis.";

	/** A table row: {@code | `property` | `default` | meaning |}. */
	private static final Pattern ROW = Pattern.compile("^\\| `(cloudinary\\.analysis\\.[a-z.-]+)` \\| `([^`]+)` \\|",
			Pattern.MULTILINE);

	private final ConversionService conversion = ApplicationConversionService.getSharedInstance();

	@Test
	void everyDefaultInTheMetadataIsDocumentedAndIsWhatAnUnconfiguredApplicationUses() throws Exception {
		Map<String, String> documented = readmeDefaults();
		Map<String, JsonNode> metadata = ConfigurationMetadataTests.properties();
		assertThat(documented).as("defaults documented in the README").isNotEmpty();
		// Only what a context cannot start without: the credentials (which have no
		// default).
		AnalysisContexts.runner()
			.withPropertyValues("cloudinary.analysis.cloud-name=demo", "cloudinary.analysis.api-key=k",
					"cloudinary.analysis.api-secret=s")
			.run((context) -> {
				BeanWrapper bound = new BeanWrapperImpl(context.getBean(CloudinaryAnalysisProperties.class));
				metadata.forEach((name, property) -> {
					String path = beanPath(name);
					Object value = bound.getPropertyValue(path);
					JsonNode metadataDefault = property.path("defaultValue");
					if (metadataDefault.isMissingNode()) {
						if (!documented.containsKey(name)) {
							assertThat(name).as("properties without a default")
								.isIn(PREFIX + "url", PREFIX + "cloud-name", PREFIX + "api-key", PREFIX + "api-secret",
										PREFIX + "webhook.signing-secret", PREFIX + "webhook.notification-url");
						}
						return;
					}
					Class<?> type = bound.getPropertyType(path);
					assertThat(documented).as("README documents the default of %s", name).containsKey(name);
					Object readme = this.conversion.convert(documented.get(name), type);
					Object ide = this.conversion.convert(
							metadataDefault.isString() ? metadataDefault.asString() : metadataDefault.toString(), type);
					assertThat(value).as("default of %s in an unconfigured application", name).isEqualTo(readme);
					assertThat(ide).as("default of %s in the configuration metadata", name).isEqualTo(readme);
				});
			});
		assertThat(metadata.keySet()).as("every documented property exists").containsAll(documented.keySet());
	}

	private static Map<String, String> readmeDefaults() throws Exception {
		Path readme = Path.of("..", "README.md");
		assertThat(readme).as("the project's README, read from the module directory").exists();
		Matcher rows = ROW.matcher(Files.readString(readme, StandardCharsets.UTF_8));
		Map<String, String> defaults = new LinkedHashMap<>();
		while (rows.find()) {
			String previous = defaults.put(rows.group(1), rows.group(2));
			assertThat(previous).as("%s documented twice with different defaults", rows.group(1))
				.isIn(null, rows.group(2));
		}
		return defaults;
	}

	/** {@code cloudinary.analysis.retry.max-retries} to {@code retry.maxRetries}. */
	private static String beanPath(String name) {
		return Arrays.stream(name.substring(PREFIX.length()).split("\\."))
			.map(ReadmeDefaultsTests::camelCase)
			.collect(Collectors.joining("."));
	}

	private static String camelCase(String kebab) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : kebab.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
