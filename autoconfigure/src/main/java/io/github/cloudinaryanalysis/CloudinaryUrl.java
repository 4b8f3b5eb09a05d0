package io.github.cloudinaryanalysis;

import java.util.Locale;

/**
 * The parts of a {@code CLOUDINARY_URL}:
 * {@code cloudinary://<api_key>:<api_secret>@<cloud_name>}, optionally followed by query
 * parameters (which this client ignores).
 * <p>
 * {@link #toString()} masks the credentials, so an instance is safe to log.
 */
public final class CloudinaryUrl {

	/** The scheme every {@code CLOUDINARY_URL} starts with. */
	public static final String SCHEME = "cloudinary://";

	private final String cloudName;

	private final String apiKey;

	private final String apiSecret;

	private CloudinaryUrl(String cloudName, String apiKey, String apiSecret) {
		this.cloudName = cloudName;
		this.apiKey = apiKey;
		this.apiSecret = apiSecret;
	}

	/**
	 * Parse a {@code CLOUDINARY_URL}.
	 * @param url the URL, e.g. {@code cloudinary://123456:abcdef@demo}
	 * @return its parts
	 * @throws InvalidCloudinaryUrlException when the scheme is wrong or the cloud name,
	 * API key or API secret is missing; the message never repeats the URL
	 */
	public static CloudinaryUrl parse(String url) {
		String trimmed = url.trim();
		if (trimmed.isEmpty()) {
			throw new InvalidCloudinaryUrlException("Invalid CLOUDINARY_URL: it is empty");
		}
		if (!trimmed.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
			throw new InvalidCloudinaryUrlException(
					"Invalid CLOUDINARY_URL scheme. Expecting to start with '" + SCHEME + "'");
		}
		String rest = trimmed.substring(SCHEME.length());
		int query = indexOfAny(rest, '?', '#');
		if (query >= 0) {
			rest = rest.substring(0, query);
		}
		int at = rest.lastIndexOf('@');
		String cloudName = stripTrailingSlash((at >= 0) ? rest.substring(at + 1) : rest);
		if (cloudName.isEmpty()) {
			throw new InvalidCloudinaryUrlException("Invalid CLOUDINARY_URL: missing cloud name");
		}
		if (at < 0) {
			throw new InvalidCloudinaryUrlException(
					"Invalid CLOUDINARY_URL: missing credentials (expected cloudinary://<api_key>:<api_secret>@"
							+ "<cloud_name>)");
		}
		String credentials = rest.substring(0, at);
		int colon = credentials.indexOf(':');
		String apiKey = (colon >= 0) ? credentials.substring(0, colon) : credentials;
		String apiSecret = (colon >= 0) ? credentials.substring(colon + 1) : "";
		if (apiKey.isEmpty()) {
			throw new InvalidCloudinaryUrlException("Invalid CLOUDINARY_URL: missing API key");
		}
		if (apiSecret.isEmpty()) {
			throw new InvalidCloudinaryUrlException("Invalid CLOUDINARY_URL: missing API secret");
		}
		return new CloudinaryUrl(cloudName, apiKey, apiSecret);
	}

	private static int indexOfAny(String text, char first, char second) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == first || c == second) {
				return i;
			}
		}
		return -1;
	}

	private static String stripTrailingSlash(String text) {
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	/**
	 * Return the cloud name.
	 * @return the cloud name
	 */
	public String cloudName() {
		return this.cloudName;
	}

	/**
	 * Return the API key.
	 * @return the API key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * Return the API secret. Never log it.
	 * @return the API secret
	 */
	public String apiSecret() {
		return this.apiSecret;
	}

	@Override
	public String toString() {
		return SCHEME + "******:******@" + this.cloudName;
	}

}
