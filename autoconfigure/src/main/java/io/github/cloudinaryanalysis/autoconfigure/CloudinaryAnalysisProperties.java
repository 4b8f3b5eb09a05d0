package io.github.cloudinaryanalysis.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.github.cloudinaryanalysis.http.AnalysisConnection;
import io.github.cloudinaryanalysis.webhook.SignatureAlgorithm;
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
	public static final String DEFAULT_BASE_URL = AnalysisConnection.DEFAULT_BASE_URL;

	/** Default connect timeout. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** Default read timeout. */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Whether to auto-configure the Analysis API client.
	 */
	private boolean enabled = true;

	/**
	 * Cloudinary URL, 'cloudinary://<api_key>:<api_secret>@<cloud_name>'. When unset, the
	 * CLOUDINARY_URL environment variable or system property is used, as in every
	 * Cloudinary SDK.
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
	 * Base URL of the Analysis API, without the cloud name. Plain 'http' is only accepted
	 * for loopback addresses unless 'allow-insecure-http' is set.
	 */
	private String baseUrl = DEFAULT_BASE_URL;

	/**
	 * Whether a plain 'http' base URL may point at a host other than loopback.
	 * Credentials then travel in clear text: only for trusted networks.
	 */
	private boolean allowInsecureHttp = false;

	/**
	 * Connect timeout of the client's HTTP requests.
	 */
	private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

	/**
	 * Read timeout of the client's HTTP requests. Can be overridden per call with
	 * RequestOptions.
	 */
	private Duration readTimeout = DEFAULT_READ_TIMEOUT;

	/**
	 * Largest response body the client reads. Larger answers fail with a clear error
	 * instead of filling memory.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(1);

	private final Retry retry = new Retry();

	private final Polling polling = new Polling();

	private final Metrics metrics = new Metrics();

	private final Health health = new Health();

	private final ProblemDetails problemDetails = new ProblemDetails();

	private final Webhook webhook = new Webhook();

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

	public Retry getRetry() {
		return this.retry;
	}

	public Polling getPolling() {
		return this.polling;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Health getHealth() {
		return this.health;
	}

	public ProblemDetails getProblemDetails() {
		return this.problemDetails;
	}

	public Webhook getWebhook() {
		return this.webhook;
	}

	/**
	 * Metrics and observations of the client (with Micrometer on the class path).
	 */
	public static class Metrics {

		/**
		 * Whether to observe calls and record the client's own meters (call timer,
		 * retries, rate-limit quota, waits).
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Actuator health indicator of the client (switched off with
	 * management.health.cloudinary-analysis.enabled).
	 */
	public static class Health {

		/**
		 * How long a health result stands before the API is probed again. A successful
		 * call of the application within this time counts as a probe.
		 */
		private Duration cacheTtl = Duration.ofSeconds(30);

		/**
		 * Longest time a probe may take; a slower API is reported DOWN rather than
		 * stalling the health endpoint.
		 */
		private Duration timeout = Duration.ofSeconds(3);

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * RFC 9457 problem details for client errors that escape a Spring MVC controller.
	 */
	public static class ProblemDetails {

		/**
		 * Whether to answer a CloudinaryAnalysisException that escapes a controller with
		 * a problem detail (404 for an unknown task, 503 with Retry-After when
		 * rate-limited, 502 otherwise). Handlers of the application win.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Retries of failed calls (429, 500, 502, 503, 504, connection failures, timeouts).
	 */
	public static class Retry {

		/**
		 * Whether to retry failed calls. Status calls are idempotent, so this is on by
		 * default.
		 */
		private boolean enabled = true;

		/**
		 * Most retries after the first attempt.
		 */
		private int maxRetries = 3;

		/**
		 * Wait before the first retry. Each wait gets plus or minus 25% jitter.
		 */
		private Duration initialInterval = Duration.ofMillis(500);

		/**
		 * Growth of each wait over the previous one.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest wait between attempts. Also the longest rate-limit wait accepted: a 429
		 * that asks for more fails at once, carrying the wait in
		 * TooManyRequests.getRetryAfter().
		 */
		private Duration maxInterval = Duration.ofSeconds(30);

		/**
		 * Overall deadline of a call with its retries: no retry starts a wait that would
		 * end after it.
		 */
		private Duration maxElapsedTime = Duration.ofMinutes(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public Duration getMaxElapsedTime() {
			return this.maxElapsedTime;
		}

		public void setMaxElapsedTime(Duration maxElapsedTime) {
			this.maxElapsedTime = maxElapsedTime;
		}

	}

	/**
	 * Polling while waiting for a task with awaitCompletion.
	 */
	public static class Polling {

		/**
		 * Interval before the second poll; also the shortest interval ever used.
		 */
		private Duration initialInterval = Duration.ofSeconds(1);

		/**
		 * Growth of the interval with each poll, so older tasks are polled less often.
		 */
		private double multiplier = 1.5;

		/**
		 * Longest interval between polls.
		 */
		private Duration maxInterval = Duration.ofSeconds(15);

		/**
		 * How long awaitCompletion waits when no timeout is given.
		 */
		private Duration timeout = Duration.ofMinutes(5);

		/**
		 * Timer threads that schedule the polls and deadlines of every waiting task. They
		 * only time; the polls' calls run on the client's poll threads.
		 */
		private int threads = 1;

		/**
		 * Most polls whose HTTP calls run at once, on threads owned by the client
		 * (virtual threads when spring.threads.virtual.enabled is true on Java 21+).
		 * Excess polls queue and still end at their wait's deadline.
		 */
		private int maxConcurrentPolls = 16;

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.threads = threads;
		}

		public int getMaxConcurrentPolls() {
			return this.maxConcurrentPolls;
		}

		public void setMaxConcurrentPolls(int maxConcurrentPolls) {
			this.maxConcurrentPolls = maxConcurrentPolls;
		}

	}

	/**
	 * The endpoint that receives Cloudinary's signed webhook notifications (servlet web
	 * applications).
	 */
	public static class Webhook {

		/** Default path of the endpoint. */
		public static final String DEFAULT_PATH = "/cloudinary/analysis/notifications";

		/**
		 * Whether to expose the notification endpoint (POST at 'path') and publish each
		 * verified notification as an AnalysisNotification event.
		 */
		private boolean enabled = false;

		/**
		 * Path of the notification endpoint, below the DispatcherServlet's path.
		 */
		private String path = DEFAULT_PATH;

		/**
		 * Secret that notifications are signed with. When unset, the API secret is used,
		 * as Cloudinary signs with it.
		 */
		private @Nullable String signingSecret;

		/**
		 * Digest of the X-Cld-Signature header: 'sha1', or 'sha256' for accounts
		 * configured for it.
		 */
		private SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.SHA1;

		/**
		 * How old a notification's X-Cld-Timestamp may be. Timestamps more than 5 minutes
		 * in the future are rejected too.
		 */
		private Duration tolerance = Duration.ofHours(2);

		/**
		 * Largest notification body read; larger ones are answered 413 without being read
		 * further.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(1);

		/**
		 * Public URL of this endpoint that asynchronous analyses are started with
		 * (Cloudinary's notification_url). When unset, notifications go only to the URLs
		 * set in the Cloudinary Console.
		 */
		private @Nullable URI notificationUrl;

		/**
		 * Interval that waits fall back to polling at while webhooks are on, as a safety
		 * net for a lost notification.
		 */
		private Duration fallbackPollInterval = Duration.ofMinutes(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public @Nullable String getSigningSecret() {
			return this.signingSecret;
		}

		public void setSigningSecret(@Nullable String signingSecret) {
			this.signingSecret = signingSecret;
		}

		public SignatureAlgorithm getSignatureAlgorithm() {
			return this.signatureAlgorithm;
		}

		public void setSignatureAlgorithm(SignatureAlgorithm signatureAlgorithm) {
			this.signatureAlgorithm = signatureAlgorithm;
		}

		public Duration getTolerance() {
			return this.tolerance;
		}

		public void setTolerance(Duration tolerance) {
			this.tolerance = tolerance;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		public @Nullable URI getNotificationUrl() {
			return this.notificationUrl;
		}

		public void setNotificationUrl(@Nullable URI notificationUrl) {
			this.notificationUrl = notificationUrl;
		}

		public Duration getFallbackPollInterval() {
			return this.fallbackPollInterval;
		}

		public void setFallbackPollInterval(Duration fallbackPollInterval) {
			this.fallbackPollInterval = fallbackPollInterval;
		}

		/** Describes the settings without the signing secret. */
		@Override
		public String toString() {
			return "Webhook[enabled=" + this.enabled + ", path=" + this.path + ", signatureAlgorithm="
					+ this.signatureAlgorithm + ", tolerance=" + this.tolerance + ", maxBodySize=" + this.maxBodySize
					+ ", notificationUrl=" + this.notificationUrl + ", fallbackPollInterval="
					+ this.fallbackPollInterval + ", signingSecret="
					+ ((this.signingSecret != null) ? "[REDACTED]" : null) + "]";
		}

	}

}
