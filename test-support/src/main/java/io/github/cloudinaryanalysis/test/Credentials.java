package io.github.cloudinaryanalysis.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Checks an {@code Authorization} header against the fake's API key and secret, or its
 * optional bearer token.
 */
final class Credentials {

	private final String apiKey;

	private final String apiSecret;

	private final @Nullable String bearerToken;

	Credentials(String apiKey, String apiSecret, @Nullable String bearerToken) {
		this.apiKey = apiKey;
		this.apiSecret = apiSecret;
		this.bearerToken = bearerToken;
	}

	/**
	 * Whether the header carries HTTP Basic {@code api_key:api_secret} or, when
	 * configured, the bearer token.
	 * @param authorization the authorization
	 * @return whether the header carries HTTP Basic {@code api_key:api_secret} or, when
	 * configured, the bearer token
	 */
	boolean accepts(@Nullable String authorization) {
		if (authorization == null) {
			return false;
		}
		int space = authorization.indexOf(' ');
		if (space < 0) {
			return false;
		}
		String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
		String value = authorization.substring(space + 1).trim();
		if (scheme.equals("basic")) {
			return acceptsBasic(value);
		}
		return scheme.equals("bearer") && this.bearerToken != null && same(value, this.bearerToken);
	}

	private boolean acceptsBasic(String encoded) {
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			return false;
		}
		// Evaluate both comparisons, so the answer time does not tell which part was
		// wrong.
		boolean key = same(decoded.substring(0, colon), this.apiKey);
		boolean secret = same(decoded.substring(colon + 1), this.apiSecret);
		return key & secret;
	}

	private static boolean same(String given, String expected) {
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
	}

}
