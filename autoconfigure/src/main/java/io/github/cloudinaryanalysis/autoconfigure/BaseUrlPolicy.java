package io.github.cloudinaryanalysis.autoconfigure;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks the configured base URL: an absolute {@code https} URL, or {@code http} to a
 * loopback address (a local fake), since credentials would otherwise travel in clear
 * text.
 */
final class BaseUrlPolicy {

	private static final String PROPERTY = CloudinaryAnalysisProperties.CONFIG_PREFIX + ".base-url";

	private BaseUrlPolicy() {
	}

	static URI check(String baseUrl, boolean allowInsecureHttp) {
		URI uri;
		try {
			uri = new URI(baseUrl.trim());
		}
		catch (URISyntaxException ex) {
			throw new CloudinaryAnalysisConfigurationException(PROPERTY,
					"base URL '" + baseUrl + "' is not a valid URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new CloudinaryAnalysisConfigurationException(PROPERTY,
					"base URL '" + baseUrl + "' must start with https:// (or http:// for a local server)");
		}
		if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
			throw new CloudinaryAnalysisConfigurationException(PROPERTY, "base URL '" + uri.getScheme() + "://"
					+ uri.getHost() + "...' must have a host and no user info, query or fragment");
		}
		if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
			throw new CloudinaryAnalysisConfigurationException(PROPERTY,
					"base URL '" + baseUrl
							+ "' uses plain http to a host other than loopback, so the API credentials would travel in "
							+ "clear text. Use https, or set " + CloudinaryAnalysisProperties.CONFIG_PREFIX
							+ ".allow-insecure-http=true if this network is trusted");
		}
		return uri;
	}

	static boolean isLoopback(String host) {
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
			// A name other than localhost: never resolved here, never trusted.
			return false;
		}
		try {
			return InetAddress.getByName(bare).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
