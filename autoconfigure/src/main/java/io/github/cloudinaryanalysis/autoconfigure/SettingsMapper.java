package io.github.cloudinaryanalysis.autoconfigure;

import java.time.Duration;

import io.github.cloudinaryanalysis.tasks.Backoff;
import io.github.cloudinaryanalysis.tasks.PollingSettings;
import io.github.cloudinaryanalysis.tasks.RetrySettings;

/**
 * Turns the bound properties into the client's settings, reporting a bad value as a
 * startup failure that names the property as a user writes it
 * ({@code cloudinary.analysis.retry.max-retries must not be negative}), with that
 * property as the one at fault. The settings records check the same rules for
 * programmatic use, in Java names.
 */
final class SettingsMapper {

	private static final String RETRY = CloudinaryAnalysisProperties.CONFIG_PREFIX + ".retry.";

	private static final String POLLING = CloudinaryAnalysisProperties.CONFIG_PREFIX + ".polling.";

	private SettingsMapper() {
	}

	static RetrySettings retry(CloudinaryAnalysisProperties.Retry retry) {
		if (retry.getMaxRetries() < 0) {
			throw invalid(RETRY + "max-retries", "must not be negative, but was " + retry.getMaxRetries());
		}
		Backoff backoff = backoff(RETRY, retry.getInitialInterval(), retry.getMultiplier(), retry.getMaxInterval());
		requirePositive(RETRY + "max-elapsed-time", retry.getMaxElapsedTime());
		return new RetrySettings(retry.isEnabled(), retry.getMaxRetries(), backoff, retry.getMaxElapsedTime());
	}

	static PollingSettings polling(CloudinaryAnalysisProperties.Polling polling) {
		requirePositive(POLLING + "initial-interval", polling.getInitialInterval());
		requireAtLeastOne(POLLING + "multiplier", polling.getMultiplier());
		if (polling.getMaxInterval().compareTo(polling.getInitialInterval()) < 0) {
			throw invalid(POLLING + "max-interval", "must not be shorter than " + POLLING + "initial-interval ("
					+ polling.getInitialInterval() + "), but was " + polling.getMaxInterval());
		}
		Backoff backoff = backoff(POLLING, polling.getInitialInterval(), polling.getMultiplier(),
				polling.getMaxInterval());
		requirePositive(POLLING + "timeout", polling.getTimeout());
		return new PollingSettings(backoff, polling.getTimeout());
	}

	/**
	 * The initial-interval / multiplier / max-interval trio that retry and polling share.
	 * @param prefix the prefix
	 * @param initialInterval the initial interval
	 * @param multiplier the multiplier
	 * @param maxInterval the max interval
	 * @return the initial-interval / multiplier / max-interval trio that retry and
	 * polling share
	 */
	private static Backoff backoff(String prefix, Duration initialInterval, double multiplier, Duration maxInterval) {
		requirePositive(prefix + "initial-interval", initialInterval);
		requireAtLeastOne(prefix + "multiplier", multiplier);
		requirePositive(prefix + "max-interval", maxInterval);
		return new Backoff(initialInterval, multiplier, maxInterval);
	}

	private static void requirePositive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw invalid(property, "must be positive, but was " + value);
		}
	}

	private static void requireAtLeastOne(String property, double value) {
		if (!(value >= 1.0) || Double.isInfinite(value)) {
			throw invalid(property, "must be at least 1, but was " + value);
		}
	}

	private static CloudinaryAnalysisConfigurationException invalid(String property, String rule) {
		return new CloudinaryAnalysisConfigurationException(property, property + " " + rule);
	}

	/**
	 * Check a count that must be at least 1.
	 * @param property the property, relative to {@code cloudinary.analysis.}
	 * @param value its value
	 * @return the value
	 */
	static int atLeastOne(String property, int value) {
		if (value < 1) {
			throw invalid(CloudinaryAnalysisProperties.CONFIG_PREFIX + "." + property,
					"must be at least 1, but was " + value);
		}
		return value;
	}

}
