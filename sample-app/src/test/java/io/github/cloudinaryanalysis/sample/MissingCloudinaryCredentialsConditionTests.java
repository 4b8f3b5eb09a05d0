package io.github.cloudinaryanalysis.sample;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisConnectionDetails;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which settings count as "credentials configured", i.e. switch the embedded fake off.
 */
class MissingCloudinaryCredentialsConditionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedFakeConfiguration.class)
		.withInitializer((context) -> fakeEnvironmentVariables(context.getEnvironment(), Map.of()));

	@Test
	void noCredentialsDefinesAStartedFakeAndConnectionDetailsForIt() {
		AtomicReference<FakeCloudinaryAnalysisApi> fake = new AtomicReference<>();
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(FakeCloudinaryAnalysisApi.class);
			fake.set(context.getBean(FakeCloudinaryAnalysisApi.class));
			assertThat(fake.get().isRunning()).isTrue();
			CloudinaryAnalysisConnectionDetails details = context.getBean(CloudinaryAnalysisConnectionDetails.class);
			assertThat(details.baseUrl()).isEqualTo(fake.get().baseUrl());
			assertThat(details.apiSecret()).isEqualTo(fake.get().apiSecret());
			assertThat(details.toString()).doesNotContain(fake.get().apiSecret());
		});
		assertThat(fake.get().isRunning()).as("closed with the context").isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "CLOUDINARY_URL=cloudinary://k:s@c", "cloudinary.analysis.url=cloudinary://k:s@c",
			"cloudinary.analysis.cloud-name=c", "cloudinary.analysis.api-key=k", "cloudinary.analysis.api-secret=s",
			"cloudinary.analysis.apiKey=k" })
	void anyCredentialPropertySwitchesTheFakeOff(String property) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).doesNotHaveBean(FakeCloudinaryAnalysisApi.class);
			assertThat(context).doesNotHaveBean(CloudinaryAnalysisConnectionDetails.class);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "CLOUDINARY_URL", "CLOUDINARY_ANALYSIS_APIKEY", "CLOUDINARY_ANALYSIS_CLOUDNAME" })
	void credentialEnvironmentVariablesSwitchTheFakeOff(String variable) {
		this.runner.withInitializer(
				(context) -> fakeEnvironmentVariables(context.getEnvironment(), Map.of(variable, "cloudinary://k:s@c")))
			.run((context) -> assertThat(context).doesNotHaveBean(FakeCloudinaryAnalysisApi.class));
	}

	@Test
	void cloudinaryUrlSystemPropertySwitchesTheFakeOff() {
		this.runner.withSystemProperties("CLOUDINARY_URL=cloudinary://k:s@c")
			.run((context) -> assertThat(context).doesNotHaveBean(FakeCloudinaryAnalysisApi.class));
	}

	@Test
	void blankValuesAndABaseUrlAloneAreNotCredentials() {
		this.runner
			.withPropertyValues("CLOUDINARY_URL= ", "cloudinary.analysis.api-key=", "cloudinary.analysis.api-secret= ",
					"cloudinary.analysis.base-url=https://api.example.com/v2/analysis")
			.run((context) -> assertThat(context).hasSingleBean(FakeCloudinaryAnalysisApi.class));
	}

	/**
	 * Replaces the real environment variables, so a CLOUDINARY_URL on the build machine
	 * cannot leak in.
	 */
	private static void fakeEnvironmentVariables(org.springframework.core.env.ConfigurableEnvironment environment,
			Map<String, Object> variables) {
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
	}

}
