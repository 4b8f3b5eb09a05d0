package io.github.cloudinaryanalysis.autoconfigure.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisConfigurationException;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisConnectionDetails;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks the {@code cloudinary.analysis.webhook.*} properties, reporting a bad value as a
 * start-up failure that names the property as a user writes it and never contains a
 * secret.
 */
final class WebhookSettings {

	static final String PREFIX = CloudinaryAnalysisProperties.CONFIG_PREFIX + ".webhook.";

	/** The name of the route bean, which an application may replace. */
	static final String ROUTE_BEAN = "cloudinaryAnalysisWebhookRoute";

	private WebhookSettings() {
	}

	/**
	 * The secret to verify with: the signing secret, else the API secret.
	 * @param webhook the webhook properties
	 * @param connectionDetails the client's connection details, if the client is on
	 * @return the secret
	 */
	static String signingSecret(CloudinaryAnalysisProperties.Webhook webhook,
			@Nullable CloudinaryAnalysisConnectionDetails connectionDetails) {
		if (StringUtils.hasText(webhook.getSigningSecret())) {
			return webhook.getSigningSecret().trim();
		}
		String apiSecret = (connectionDetails != null) ? connectionDetails.apiSecret() : null;
		if (StringUtils.hasText(apiSecret)) {
			return apiSecret;
		}
		throw new CloudinaryAnalysisConfigurationException(PREFIX + "signing-secret",
				"Webhooks are enabled (" + PREFIX + "enabled=true), but there is no secret to verify"
						+ " notifications with: set " + PREFIX + "signing-secret to the API secret Cloudinary"
						+ " signs them with (an OAuth-only set-up has no API secret), or set " + PREFIX
						+ "enabled=false");
	}

	static void checkNotificationSettings(CloudinaryAnalysisProperties.Webhook webhook) {
		requirePositive("fallback-poll-interval", webhook.getFallbackPollInterval());
		URI url = webhook.getNotificationUrl();
		if (url != null) {
			String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))
					|| !StringUtils.hasText(url.getHost()) || url.getRawUserInfo() != null) {
				throw invalid("notification-url",
						"must be an absolute http or https URL with a host and without user info,"
								+ " such as https://example.com/cloudinary/analysis/notifications");
			}
		}
	}

	static String path(String path) {
		if (!StringUtils.hasText(path) || !path.startsWith("/") || path.chars()
			.anyMatch((c) -> Character.isWhitespace(c) || c == '{' || c == '}' || c == '*' || c == '?' || c == '#')) {
			throw invalid("path",
					"must start with '/' and contain no whitespace, '{', '}', '*', '?' or '#', but was '" + path + "'");
		}
		return path;
	}

	static void requirePositive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw invalid(property, "must be positive, but was " + value);
		}
	}

	static CloudinaryAnalysisConfigurationException invalid(String property, String rule) {
		return new CloudinaryAnalysisConfigurationException(PREFIX + property, PREFIX + property + " " + rule);
	}

}
