package io.github.cloudinaryanalysis.autoconfigure;

import io.github.cloudinaryanalysis.tasks.PollingSettings;
import io.github.cloudinaryanalysis.tasks.RetrySettings;

/**
 * Turns the bound properties into the client's settings, reporting a bad value as a startup failure that names
 * the property.
 */
final class SettingsMapper {

	private static final String PREFIX = CloudinaryAnalysisProperties.CONFIG_PREFIX;

	private SettingsMapper() {
	}

	static RetrySettings retry(CloudinaryAnalysisProperties.Retry retry) {
		try {
			return new RetrySettings(retry.isEnabled(), retry.getMaxRetries(), retry.getInitialInterval(),
					retry.getMultiplier(), retry.getMaxInterval(), retry.getMaxElapsedTime());
		}
		catch (IllegalArgumentException ex) {
			throw new CloudinaryAnalysisConfigurationException(PREFIX + ".retry", "invalid retry settings: "
					+ ex.getMessage(), ex);
		}
	}

	static PollingSettings polling(CloudinaryAnalysisProperties.Polling polling) {
		try {
			return new PollingSettings(polling.getInitialInterval(), polling.getMultiplier(), polling.getMaxInterval(),
					polling.getTimeout());
		}
		catch (IllegalArgumentException ex) {
			throw new CloudinaryAnalysisConfigurationException(PREFIX + ".polling", "invalid polling settings: "
					+ ex.getMessage(), ex);
		}
	}

	static int atLeastOne(String property, int value) {
		if (value < 1) {
			throw new CloudinaryAnalysisConfigurationException(PREFIX + "." + property,
					PREFIX + "." + property + " must be at least 1, but was " + value);
		}
		return value;
	}

}
