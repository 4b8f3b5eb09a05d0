package io.github.cloudinaryanalysis.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.github.cloudinaryanalysis.AccessTokenProvider;
import io.github.cloudinaryanalysis.http.AnalysisRestClient;
import io.github.cloudinaryanalysis.http.BodyDeadlineRequestFactory;
import io.github.cloudinaryanalysis.http.BoundedJdkClientHttpRequestFactory;
import io.github.cloudinaryanalysis.http.CloudinaryAuthentication;
import io.github.cloudinaryanalysis.http.PerCallReadTimeoutRequestFactory;
import io.github.cloudinaryanalysis.http.SecretRedactor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient} of the Analysis API client.
 * <p>
 * The order follows Spring Boot's own {@code RestClientBuilderConfigurer}: first the request factory, then every
 * {@link RestClientCustomizer} of the application (observation, {@code MockRestServiceServer} binding and the
 * application's own). The request factory comes from Boot's {@link ClientHttpRequestFactoryBuilder} and
 * {@link HttpClientSettings} (so {@code spring.http.clients.*} and SSL bundles apply) with this client's own
 * timeouts and redirects switched off, since a redirect must never carry the credentials elsewhere. Base URL,
 * authentication and headers come next and stay private to this client; {@link CloudinaryAnalysisRestClientCustomizer}s
 * run last.
 * <p>
 * Which request factory: when the application chose one explicitly ({@code spring.http.clients.imperative.factory},
 * its own {@link ClientHttpRequestFactoryBuilder} bean or a builder customizer, see {@link RequestFactoryChoice}),
 * that choice is used. Otherwise this client uses its own {@link BoundedJdkClientHttpRequestFactory}: the JDK
 * {@code HttpClient} built by Boot's {@link JdkHttpClientBuilder} from the same settings (SSL bundle, connect
 * timeout, no redirects), sending with the blocking {@code send} and receiving the small, bounded body in one piece.
 * Spring's {@code JdkClientHttpRequestFactory} (Boot's pick with only {@code spring-web}) loses about two thirds of
 * the throughput to a hand-off through {@code ForkJoinPool.commonPool()} (see {@code benchmarks/README.md}). Only this
 * client's factory changes; every other client of the application keeps Boot's.
 */
final class AnalysisRestClientFactory {

	private static final String PREFIX = CloudinaryAnalysisProperties.CONFIG_PREFIX;

	/** Cloud names are made of letters, digits, '-' and '_'; anything else would change the request path. */
	private static final Pattern CLOUD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

	private final CloudinaryAnalysisProperties properties;

	private final CloudinaryAnalysisConnectionDetails connectionDetails;

	private final ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder;

	private final HttpClientSettings httpClientSettings;

	private final @Nullable AccessTokenProvider accessTokenProvider;

	private final boolean requestFactoryChosenByApplication;

	/**
	 * Create a factory that always uses the given request factory builder (as if the application chose it).
	 */
	AnalysisRestClientFactory(CloudinaryAnalysisProperties properties,
			CloudinaryAnalysisConnectionDetails connectionDetails,
			ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, HttpClientSettings httpClientSettings,
			@Nullable AccessTokenProvider accessTokenProvider) {
		this(properties, connectionDetails, requestFactoryBuilder, httpClientSettings, accessTokenProvider, true);
	}

	/**
	 * Create a factory.
	 * @param requestFactoryChosenByApplication whether {@code requestFactoryBuilder} is the application's explicit
	 * choice (then it is used); otherwise this client's own JDK-based factory is used
	 */
	AnalysisRestClientFactory(CloudinaryAnalysisProperties properties,
			CloudinaryAnalysisConnectionDetails connectionDetails,
			ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, HttpClientSettings httpClientSettings,
			@Nullable AccessTokenProvider accessTokenProvider, boolean requestFactoryChosenByApplication) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.requestFactoryBuilder = requestFactoryBuilder;
		this.httpClientSettings = httpClientSettings;
		this.accessTokenProvider = accessTokenProvider;
		this.requestFactoryChosenByApplication = requestFactoryChosenByApplication;
	}

	String cloudName() {
		String cloudName = this.connectionDetails.cloudName();
		if (!StringUtils.hasText(cloudName)) {
			throw new CloudinaryAnalysisConfigurationException(PREFIX + ".cloud-name",
					"no cloud name is configured (set " + PREFIX + ".cloud-name, " + PREFIX
							+ ".url or the CLOUDINARY_URL environment variable)");
		}
		if (!CLOUD_NAME.matcher(cloudName).matches()) {
			throw new CloudinaryAnalysisConfigurationException(PREFIX + ".cloud-name",
					"cloud name must contain only letters, digits, '-' and '_'");
		}
		return cloudName;
	}

	RestClient create(List<RestClientCustomizer> customizers,
			List<CloudinaryAnalysisRestClientCustomizer> clientCustomizers) {
		String cloudName = cloudName();
		CloudinaryAuthentication authentication = authentication();
		URI baseUrl = BaseUrlPolicy.check(this.connectionDetails.baseUrl(), this.properties.isAllowInsecureHttp());
		RestClient.Builder builder = RestClient.builder().requestFactory(requestFactory());
		customizers.forEach((customizer) -> customizer.customize(builder));
		AnalysisRestClient.configure(builder, baseUrl, authentication);
		clientCustomizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/** Masks the configured secret (and its Basic token) in anything the client derives from an answer. */
	SecretRedactor redactor() {
		String apiKey = this.connectionDetails.apiKey();
		String apiSecret = this.connectionDetails.apiSecret();
		return (StringUtils.hasText(apiKey) && StringUtils.hasText(apiSecret))
				? SecretRedactor.forBasicCredentials(apiKey, apiSecret) : SecretRedactor.TOKENS_ONLY;
	}

	private CloudinaryAuthentication authentication() {
		if (this.accessTokenProvider != null) {
			return CloudinaryAuthentication.bearer(this.accessTokenProvider);
		}
		String apiKey = this.connectionDetails.apiKey();
		String apiSecret = this.connectionDetails.apiSecret();
		if (!StringUtils.hasText(apiKey)) {
			throw new CloudinaryAnalysisConfigurationException(PREFIX + ".api-key",
					"no API key is configured for cloud '" + cloudName() + "'");
		}
		if (!StringUtils.hasText(apiSecret)) {
			throw new CloudinaryAnalysisConfigurationException(PREFIX + ".api-secret",
					"no API secret is configured for cloud '" + cloudName() + "'");
		}
		return CloudinaryAuthentication.basic(apiKey, apiSecret);
	}

	private PerCallReadTimeoutRequestFactory requestFactory() {
		Duration connectTimeout = positive(this.properties.getConnectTimeout(), "connect-timeout");
		Duration readTimeout = positive(this.properties.getReadTimeout(), "read-timeout");
		HttpClientSettings settings = this.httpClientSettings.withTimeouts(connectTimeout, readTimeout)
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		if (!this.requestFactoryChosenByApplication) {
			// One JDK HttpClient (one selector thread, one pool) serves every read timeout of this client. It is built
			// on the first call: its SSL context and selector thread are the dearest part of a cold start.
			HttpClientSettings clientSettings = settings.withReadTimeout(null);
			BoundedJdkClientHttpRequestFactory bounded = new BoundedJdkClientHttpRequestFactory(
					() -> new JdkHttpClientBuilder().build(clientSettings), readTimeout, bodyBound());
			return new PerCallReadTimeoutRequestFactory(bounded, bounded::withReadTimeout);
		}
		// The application's factory bounds single reads at best and drains a body it closes: bound the whole answer.
		return new PerCallReadTimeoutRequestFactory(bounded(this.requestFactoryBuilder.build(settings), readTimeout),
				(perCall) -> bounded(this.requestFactoryBuilder.build(settings.withReadTimeout(perCall)), perCall));
	}

	private static ClientHttpRequestFactory bounded(ClientHttpRequestFactory factory, Duration readTimeout) {
		return new BodyDeadlineRequestFactory(factory, readTimeout);
	}

	/** One byte more than the client reads, so that the client itself still sees (and reports) an oversized body. */
	private int bodyBound() {
		long max = this.properties.getMaxResponseSize().toBytes();
		return (int) Math.min(Math.max(max, 0) + 1, Integer.MAX_VALUE - 8);
	}

	private static Duration positive(Duration duration, String property) {
		if (duration.isNegative() || duration.isZero()) {
			throw new CloudinaryAnalysisConfigurationException(PREFIX + "." + property,
					property + " must be positive, but was " + duration);
		}
		return duration;
	}

}
