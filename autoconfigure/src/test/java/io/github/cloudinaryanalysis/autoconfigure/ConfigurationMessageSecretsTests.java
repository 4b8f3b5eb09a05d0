package io.github.cloudinaryanalysis.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A base URL that holds credentials is never repeated in full in a start-up failure
 * (issue 11, point 3).
 */
class ConfigurationMessageSecretsTests {

	@ParameterizedTest
	@ValueSource(strings = { "htps://key:Typo-Secret-123@api.cloudinary.com/v2/analysis",
			"https://key:Typo-Secret-123@api.cloudinary.com/v2/analysis", "http://key:Typo-Secret-123@example.com/v2",
			"https://key:Typo-Secret-123@api.cloudinary.com/v2?x=1", "https://key:Typo-Secret-123@[bad/v2" })
	void theUserInfoOfABaseUrlIsMaskedInTheStartupFailure(String baseUrl) {
		AnalysisContexts.against(baseUrl).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			StringBuilder messages = new StringBuilder();
			String property = null;
			for (Throwable t = failure; t != null; t = t.getCause()) {
				messages.append(t.getMessage()).append('\n');
				if (t instanceof CloudinaryAnalysisConfigurationException configuration) {
					property = configuration.getProperty();
				}
			}
			assertThat(property).isEqualTo("cloudinary.analysis.base-url");
			assertThat(messages.toString()).contains("base URL")
				.doesNotContain("Typo-Secret-123")
				.doesNotContain("key:");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "base URL 'htps://k:s3cr3t@host/x' is bad", "see ftp://user:pass@h and //a:b@c" })
	void everyUrlInAMessageLosesItsUserInfo(String message) {
		String masked = new CloudinaryAnalysisConfigurationException("p", message).getMessage();
		assertThat(masked).doesNotContain("s3cr3t").doesNotContain("pass").doesNotContain("a:b").contains("******@");
	}

}
