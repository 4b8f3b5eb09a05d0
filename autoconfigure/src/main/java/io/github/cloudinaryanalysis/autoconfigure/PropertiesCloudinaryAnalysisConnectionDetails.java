package io.github.cloudinaryanalysis.autoconfigure;

import io.github.cloudinaryanalysis.CloudinaryUrl;
import io.github.cloudinaryanalysis.InvalidCloudinaryUrlException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link CloudinaryAnalysisConnectionDetails} from {@code cloudinary.analysis.*}, falling back to the
 * {@code CLOUDINARY_URL} environment variable or system property. The {@code cloud-name}, {@code api-key} and
 * {@code api-secret} properties override the matching part of the URL.
 */
public class PropertiesCloudinaryAnalysisConnectionDetails implements CloudinaryAnalysisConnectionDetails {

	/** The environment variable (or system property) every Cloudinary SDK reads. */
	public static final String CLOUDINARY_URL = "CLOUDINARY_URL";

	private final CloudinaryAnalysisProperties properties;

	private final @Nullable CloudinaryUrl url;

	/**
	 * Resolve the details.
	 * @param properties the bound properties
	 * @param environment the environment, to read {@code CLOUDINARY_URL}
	 * @throws CloudinaryAnalysisConfigurationException when the URL in use is malformed
	 */
	public PropertiesCloudinaryAnalysisConnectionDetails(CloudinaryAnalysisProperties properties,
			Environment environment) {
		this.properties = properties;
		this.url = parseUrl(properties, environment);
	}

	private static @Nullable CloudinaryUrl parseUrl(CloudinaryAnalysisProperties properties, Environment environment) {
		String fromProperty = properties.getUrl();
		String source = CloudinaryAnalysisProperties.CONFIG_PREFIX + ".url";
		String url = fromProperty;
		if (!StringUtils.hasText(url)) {
			url = environment.getProperty(CLOUDINARY_URL);
			source = CLOUDINARY_URL;
		}
		if (!StringUtils.hasText(url)) {
			return null;
		}
		try {
			return CloudinaryUrl.parse(url);
		}
		catch (InvalidCloudinaryUrlException ex) {
			throw new CloudinaryAnalysisConfigurationException(source, ex.getMessage() + " (from " + source + ")",
					ex);
		}
	}

	@Override
	public String baseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public @Nullable String cloudName() {
		return firstText(this.properties.getCloudName(), (this.url != null) ? this.url.cloudName() : null);
	}

	@Override
	public @Nullable String apiKey() {
		return firstText(this.properties.getApiKey(), (this.url != null) ? this.url.apiKey() : null);
	}

	@Override
	public @Nullable String apiSecret() {
		return firstText(this.properties.getApiSecret(), (this.url != null) ? this.url.apiSecret() : null);
	}

	private static @Nullable String firstText(@Nullable String preferred, @Nullable String fallback) {
		return StringUtils.hasText(preferred) ? preferred.trim() : fallback;
	}

	@Override
	public String toString() {
		return "PropertiesCloudinaryAnalysisConnectionDetails[baseUrl=" + baseUrl() + ", cloudName=" + cloudName()
				+ ", credentials hidden]";
	}

}
