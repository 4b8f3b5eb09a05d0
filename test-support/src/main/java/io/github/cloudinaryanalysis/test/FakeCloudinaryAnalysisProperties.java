package io.github.cloudinaryanalysis.test;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Registers the starter's connection properties for a {@link FakeCloudinaryAnalysisApi}
 * in a Spring {@code @DynamicPropertySource} registry. Needs {@code spring-test} (an
 * optional dependency of this module).
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final FakeCloudinaryAnalysisExtension fake = new FakeCloudinaryAnalysisExtension();
 *
 * &#64;DynamicPropertySource
 * static void cloudinary(DynamicPropertyRegistry registry) {
 *     FakeCloudinaryAnalysisProperties.register(registry, fake::api);
 * }
 * </pre>
 */
public final class FakeCloudinaryAnalysisProperties {

	/** The starter's base URL property. */
	public static final String BASE_URL = "cloudinary.analysis.base-url";

	/** The starter's cloud name property. */
	public static final String CLOUD_NAME = "cloudinary.analysis.cloud-name";

	/** The starter's API key property. */
	public static final String API_KEY = "cloudinary.analysis.api-key";

	/** The starter's API secret property. */
	public static final String API_SECRET = "cloudinary.analysis.api-secret";

	private FakeCloudinaryAnalysisProperties() {
	}

	/**
	 * Registers the four properties of a started fake.
	 * @param registry the registry
	 * @param fake a started fake
	 */
	public static void register(DynamicPropertyRegistry registry, FakeCloudinaryAnalysisApi fake) {
		Objects.requireNonNull(fake, "fake");
		register(registry, () -> fake);
	}

	/**
	 * Registers the four properties, read from the fake only when Spring resolves them,
	 * so the fake may be started after this call (e.g. by
	 * {@link FakeCloudinaryAnalysisExtension} before the test's application context
	 * loads).
	 * @param registry the registry
	 * @param fake supplies the started fake
	 */
	public static void register(DynamicPropertyRegistry registry, Supplier<FakeCloudinaryAnalysisApi> fake) {
		Objects.requireNonNull(registry, "registry");
		Objects.requireNonNull(fake, "fake");
		registry.add(BASE_URL, () -> fake.get().baseUrl());
		registry.add(CLOUD_NAME, () -> fake.get().cloudName());
		registry.add(API_KEY, () -> fake.get().apiKey());
		registry.add(API_SECRET, () -> fake.get().apiSecret());
	}

}
