package io.github.cloudinaryanalysis.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad retry or polling value stops start-up with a message that names the property as
 * the user wrote it, and reports that property as the one at fault; never the Java field
 * ({@code maxRetries}).
 */
class PropertyValidationMessageTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					cloudinary.analysis.retry.max-retries=-1           | cloudinary.analysis.retry.max-retries | cloudinary.analysis.retry.max-retries must not be negative, but was -1
					cloudinary.analysis.retry.initial-interval=0s      | cloudinary.analysis.retry.initial-interval | cloudinary.analysis.retry.initial-interval must be positive, but was PT0S
					cloudinary.analysis.retry.multiplier=0.5           | cloudinary.analysis.retry.multiplier | cloudinary.analysis.retry.multiplier must be at least 1, but was 0.5
					cloudinary.analysis.retry.max-interval=-1s         | cloudinary.analysis.retry.max-interval | cloudinary.analysis.retry.max-interval must be positive, but was PT-1S
					cloudinary.analysis.retry.max-elapsed-time=0ms     | cloudinary.analysis.retry.max-elapsed-time | cloudinary.analysis.retry.max-elapsed-time must be positive, but was PT0S
					cloudinary.analysis.polling.initial-interval=0s    | cloudinary.analysis.polling.initial-interval | cloudinary.analysis.polling.initial-interval must be positive, but was PT0S
					cloudinary.analysis.polling.multiplier=0.9         | cloudinary.analysis.polling.multiplier | cloudinary.analysis.polling.multiplier must be at least 1, but was 0.9
					cloudinary.analysis.polling.max-interval=100ms     | cloudinary.analysis.polling.max-interval | cloudinary.analysis.polling.max-interval must not be shorter than cloudinary.analysis.polling.initial-interval (PT1S), but was PT0.1S
					cloudinary.analysis.polling.timeout=0s             | cloudinary.analysis.polling.timeout | cloudinary.analysis.polling.timeout must be positive, but was PT0S
					""")
	void theMessageAndThePropertyAtFaultAreThePropertyAsWritten(String setting, String property, String message) {
		AnalysisContexts.against("https://api.cloudinary.com/v2/analysis")
			.withPropertyValues(setting)
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				CloudinaryAnalysisConfigurationException cause = findCause(failure);
				assertThat(cause.getProperty()).isEqualTo(property);
				assertThat(cause.getMessage()).isEqualTo(message);
				FailureAnalysis analysis = new CloudinaryAnalysisConfigurationFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).contains(message)
					.endsWith("Property at fault: " + property)
					.doesNotContain("maxRetries", "initialInterval", "maxInterval", "maxElapsedTime");
			});
	}

	private static CloudinaryAnalysisConfigurationException findCause(Throwable failure) {
		Throwable candidate = failure;
		while (candidate != null) {
			if (candidate instanceof CloudinaryAnalysisConfigurationException found) {
				return found;
			}
			candidate = candidate.getCause();
		}
		throw new AssertionError("No CloudinaryAnalysisConfigurationException in " + failure);
	}

}
