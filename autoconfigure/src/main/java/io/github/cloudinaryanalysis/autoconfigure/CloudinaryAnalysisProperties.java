package io.github.cloudinaryanalysis.autoconfigure;

import java.time.Duration;

import io.github.cloudinaryanalysis.http.AnalysisRestClient;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for the Cloudinary Analysis API client.
 */
@ConfigurationProperties(CloudinaryAnalysisProperties.CONFIG_PREFIX)
public class CloudinaryAnalysisProperties {

	/** Prefix of every property of this starter. */
	public static final String CONFIG_PREFIX = "cloudinary.analysis";

	/** Default base URL of the Analysis API. */
	public static final String DEFAULT_BASE_URL = AnalysisRestClient.DEFAULT_BASE_URL;

	/** Default connect timeout. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** Default read timeout. */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Whether to auto-configure the Analysis API client.
	 */
	private boolean enabled = true;

	/**
	 * Cloudinary URL, 'cloudinary://<api_key>:<api_secret>@<cloud_name>'. When unset, the CLOUDINARY_URL
	 * environment variable or system property is used, as in every Cloudinary SDK.
	 */
	private @Nullable String url;

	/**
	 * Cloud name. Overrides the cloud name of the Cloudinary URL.
	 */
	private @Nullable String cloudName;

	/**
	 * API key. Overrides the API key of the Cloudinary URL.
	 */
	private @Nullable String apiKey;

	/**
	 * API secret. Overrides the API secret of the Cloudinary URL.
	 */
	private @Nullable String apiSecret;

	/**
	 * Base URL of the Analysis API, without the cloud name. Plain 'http' is only accepted for loopback addresses
	 * unless 'allow-insecure-http' is set.
	 */
	private String baseUrl = DEFAULT_BASE_URL;

	/**
	 * Whether a plain 'http' base URL may point at a host other than loopback. Credentials then travel in clear
	 * text: only for trusted networks.
	 */
	private boolean allowInsecureHttp = false;

	/**
	 * Connect timeout of the client's HTTP requests.
	 */
	private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

	/**
	 * Read timeout of the client's HTTP requests. Can be overridden per call with RequestOptions.
	 */
	private Duration readTimeout = DEFAULT_READ_TIMEOUT;

	/**
	 * Largest response body the client reads. Larger answers fail with a clear error instead of filling memory.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(1);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getCloudName() {
		return this.cloudName;
	}

	public void setCloudName(@Nullable String cloudName) {
		this.cloudName = cloudName;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getApiSecret() {
		return this.apiSecret;
	}

	public void setApiSecret(@Nullable String apiSecret) {
		this.apiSecret = apiSecret;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

}
