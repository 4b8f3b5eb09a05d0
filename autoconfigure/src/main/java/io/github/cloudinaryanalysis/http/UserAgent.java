package io.github.cloudinaryanalysis.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The {@code User-Agent} the client sends: this starter's name and version, and the Java
 * version.
 */
final class UserAgent {

	/** The product name in the header. */
	static final String PRODUCT = "cloudinary-analysis-spring-boot-starter";

	private static final String VALUE = PRODUCT + "/" + version() + " Java/" + System.getProperty("java.version");

	private UserAgent() {
	}

	/**
	 * Return the header value, e.g.
	 * {@code cloudinary-analysis-spring-boot-starter/0.1.0 Java/17.0.15}.
	 * @return the value
	 */
	static String value() {
		return VALUE;
	}

	/**
	 * Return this starter's version, from the build.
	 * @return the version, or {@code unknown} when the build information is missing
	 */
	static String version() {
		try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
			if (in == null) {
				return "unknown";
			}
			Properties properties = new Properties();
			properties.load(in);
			String version = properties.getProperty("version", "unknown");
			return version.startsWith("${") ? "unknown" : version;
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
