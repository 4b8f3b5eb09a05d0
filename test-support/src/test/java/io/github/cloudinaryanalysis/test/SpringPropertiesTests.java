package io.github.cloudinaryanalysis.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The starter properties the fake hands to Spring: as a map and via a dynamic registry.
 * (That the key=value pairs configure a real client is proven wherever the starter's own
 * tests use {@code springPropertyValues()}.)
 */
class SpringPropertiesTests {

	private static FakeCloudinaryAnalysisApi fake;

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension extension = FakeCloudinaryAnalysisExtension
		.using(() -> FakeCloudinaryAnalysisApi.builder().cloudName("props").apiKey("k1").apiSecret("s1"));

	@BeforeAll
	static void start(FakeCloudinaryAnalysisApi api) {
		fake = api;
	}

	@Test
	void springPropertiesAreExactlyTheStartersFour() {
		assertThat(fake.springProperties()).containsExactly(
				entry("cloudinary.analysis.base-url", "http://127.0.0.1:" + fake.port() + "/v2/analysis"),
				entry("cloudinary.analysis.cloud-name", "props"), entry("cloudinary.analysis.api-key", "k1"),
				entry("cloudinary.analysis.api-secret", "s1"));
	}

	@Test
	void registerAddsTheFourProperties() {
		Map<String, Supplier<Object>> registered = new LinkedHashMap<>();
		FakeCloudinaryAnalysisProperties.register(registered::put, fake);
		assertThat(registered).containsOnlyKeys(fake.springProperties().keySet());
		fake.springProperties().forEach((key, value) -> assertThat(registered.get(key).get()).isEqualTo(value));
	}

	@Test
	void theLazyVariantReadsTheFakeOnlyWhenResolved() {
		Map<String, Supplier<Object>> registered = new LinkedHashMap<>();
		FakeCloudinaryAnalysisApi[] holder = new FakeCloudinaryAnalysisApi[1];
		FakeCloudinaryAnalysisProperties.register(registered::put, () -> holder[0]);
		holder[0] = fake;
		assertThat(registered.get(FakeCloudinaryAnalysisProperties.BASE_URL).get()).isEqualTo(fake.baseUrl());
		assertThat(registered.get(FakeCloudinaryAnalysisProperties.API_SECRET).get()).isEqualTo("s1");
	}

}
