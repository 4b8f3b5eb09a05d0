package io.github.cloudinaryanalysis.autoconfigure;

import java.time.Duration;
import java.util.regex.Pattern;

import io.github.cloudinaryanalysis.AccessTokenProvider;
import io.github.cloudinaryanalysis.analyze.RestClientAnalyzeClient;
import io.github.cloudinaryanalysis.http.AnalysisConnection;
import io.github.cloudinaryanalysis.tasks.RestClientTasksClient;
import io.github.cloudinaryanalysis.tasks.TaskStatusObservationConvention;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import io.github.cloudinaryanalysis.webhook.NotificationHub;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Hands Spring Boot's pieces to {@link TasksClient#builder()}, the one way a client is
 * built: the properties and connection details, the request factory, the application's
 * {@link RestClientCustomizer}s, the listeners and the observation registry. Every bean
 * is looked up when the client is built, not before.
 * <p>
 * The order follows Spring Boot's own {@code RestClientBuilderConfigurer}: first the
 * request factory, then every {@link RestClientCustomizer} of the application
 * (observation, {@code MockRestServiceServer} binding and the application's own). The
 * request factory comes from Boot's {@link ClientHttpRequestFactoryBuilder} and
 * {@link HttpClientSettings} (so {@code spring.http.clients.*} and SSL bundles apply)
 * with this client's own timeouts and redirects switched off, since a redirect must never
 * carry the credentials elsewhere. Base URL, authentication and headers come next and
 * stay private to this client; {@link CloudinaryAnalysisRestClientCustomizer}s run last.
 * <p>
 * Which request factory: when the application chose one explicitly
 * ({@code spring.http.clients.imperative.factory}, its own
 * {@link ClientHttpRequestFactoryBuilder} bean or a builder customizer, see
 * {@link RequestFactoryChoice}), that choice is used. Otherwise this client uses its own
 * bounded JDK-based factory on the JDK {@code HttpClient} built by Boot's
 * {@link JdkHttpClientBuilder} from the same settings (SSL bundle, connect timeout, no
 * redirects). Spring's {@code JdkClientHttpRequestFactory} (Boot's pick with only
 * {@code spring-web}) loses about two thirds of the throughput to a hand-off through
 * {@code ForkJoinPool.commonPool()} (see {@code benchmarks/README.md}). Only this
 * client's factory changes; every other client of the application keeps Boot's.
 * <p>
 * The settings are checked here first, so that a bad value fails the start-up naming its
 * property; the builder checks them again, in Java names, for programmatic use.
 */
final class TasksClientBuilderConfigurer {

	private static final String PREFIX = CloudinaryAnalysisProperties.CONFIG_PREFIX;

	/**
	 * Cloud names are made of letters, digits, '-' and '_'; anything else would change
	 * the request path.
	 */
	private static final Pattern CLOUD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

	private final CloudinaryAnalysisProperties properties;

	private final CloudinaryAnalysisConnectionDetails connectionDetails;

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	TasksClientBuilderConfigurer(CloudinaryAnalysisProperties properties,
			CloudinaryAnalysisConnectionDetails connectionDetails, ConfigurableListableBeanFactory beanFactory,
			Environment environment) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	/**
	 * Apply the application's settings and beans to a builder.
	 * @param builder a builder from {@link TasksClient#builder()}
	 * @return the same builder
	 */
	RestClientTasksClient.Builder configure(RestClientTasksClient.Builder builder) {
		return configure(builder, configure(AnalysisConnection.builder()).build());
	}

	/**
	 * Configure the analyze client's builder on a connection shared with the tasks
	 * client: the same retry settings (which the client narrows for POSTs), listeners and
	 * observation registry.
	 * @param builder the builder
	 * @param connection the shared connection
	 * @return the builder
	 */
	RestClientAnalyzeClient.Builder configure(RestClientAnalyzeClient.Builder builder, AnalysisConnection connection) {
		NotificationHub hub = beans(NotificationHub.class).getIfAvailable();
		if (hub != null) {
			// analyzeAsync: starts carry this URL and wait on the tasks client's threads
			// for the notification the webhook endpoint hands to the hub.
			builder.notificationHub(hub)
				.notificationUrl(this.properties.getWebhook().getNotificationUrl())
				.tasksClient(beans(TasksClient.class).getObject());
		}
		return builder.connection(connection)
			.retry(SettingsMapper.retry(this.properties.getRetry()))
			.listener(CompositeTasksClientListener.of(beans(TasksClientListener.class).orderedStream().toList()))
			.observationRegistry(observationRegistry());
	}

	RestClientTasksClient.Builder configure(RestClientTasksClient.Builder builder, AnalysisConnection connection) {
		CloudinaryAnalysisProperties.Polling polling = this.properties.getPolling();
		return builder.connection(connection)
			.retry(SettingsMapper.retry(this.properties.getRetry()))
			.polling(SettingsMapper.polling(polling))
			.timerThreads(SettingsMapper.atLeastOne("polling.threads", polling.getThreads()))
			.maxConcurrentPolls(
					SettingsMapper.atLeastOne("polling.max-concurrent-polls", polling.getMaxConcurrentPolls()))
			.virtualThreads(Threading.VIRTUAL.isActive(this.environment))
			.listener(CompositeTasksClientListener.of(beans(TasksClientListener.class).orderedStream().toList()))
			.observationRegistry(observationRegistry())
			.observationConvention(beans(TaskStatusObservationConvention.class).getIfAvailable())
			.notificationHub(beans(NotificationHub.class).getIfAvailable());
	}

	private ObservationRegistry observationRegistry() {
		return this.properties.getMetrics().isEnabled()
				? beans(ObservationRegistry.class).getIfAvailable(() -> ObservationRegistry.NOOP)
				: ObservationRegistry.NOOP;
	}

	/**
	 * Apply the connection settings and HTTP beans to a connection builder: what every
	 * client of the API (the tasks and analyze clients) shares.
	 * @param builder a builder from {@link AnalysisConnection#builder()}
	 * @return the same builder
	 */
	AnalysisConnection.Builder configure(AnalysisConnection.Builder builder) {
		builder.cloudName(cloudName());
		authentication(builder);
		builder
			.baseUrl(BaseUrlPolicy.check(this.connectionDetails.baseUrl(), this.properties.isAllowInsecureHttp())
				.toString())
			.allowInsecureHttp(this.properties.isAllowInsecureHttp());
		requestFactory(builder);
		builder.maxResponseBytes(Math.toIntExact(this.properties.getMaxResponseSize().toBytes()));
		beans(RestClientCustomizer.class).orderedStream()
			.forEach((customizer) -> builder.restClientCustomizer(customizer::customize));
		beans(CloudinaryAnalysisRestClientCustomizer.class).orderedStream()
			.forEach((customizer) -> builder.clientCustomizer(customizer::customize));
		return builder;
	}

	private String cloudName() {
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

	private void authentication(AnalysisConnection.Builder builder) {
		AccessTokenProvider accessTokenProvider = beans(AccessTokenProvider.class).getIfAvailable();
		if (accessTokenProvider != null) {
			builder.accessTokenProvider(accessTokenProvider);
			return;
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
		builder.credentials(apiKey, apiSecret);
	}

	private void requestFactory(AnalysisConnection.Builder builder) {
		Duration connectTimeout = positive(this.properties.getConnectTimeout(), "connect-timeout");
		Duration readTimeout = positive(this.properties.getReadTimeout(), "read-timeout");
		builder.connectTimeout(connectTimeout).readTimeout(readTimeout);
		HttpClientSettings settings = beans(HttpClientSettings.class).getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(connectTimeout, readTimeout)
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		if (RequestFactoryChoice.madeByApplication(this.environment, this.beanFactory)) {
			ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder = requestFactoryBuilder();
			builder.requestFactory((perCall) -> requestFactoryBuilder.build(settings.withReadTimeout(perCall)));
		}
		else {
			HttpClientSettings clientSettings = settings.withReadTimeout(null);
			builder.httpClient(() -> new JdkHttpClientBuilder().build(clientSettings));
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder() {
		ObjectProvider<ClientHttpRequestFactoryBuilder<?>> provider = (ObjectProvider) beans(
				ClientHttpRequestFactoryBuilder.class);
		return provider.getIfAvailable(ClientHttpRequestFactoryBuilder::detect);
	}

	private <T> ObjectProvider<T> beans(Class<T> type) {
		return this.beanFactory.getBeanProvider(type);
	}

	private static Duration positive(Duration duration, String property) {
		if (duration.isNegative() || duration.isZero()) {
			throw new CloudinaryAnalysisConfigurationException(PREFIX + "." + property,
					property + " must be positive, but was " + duration);
		}
		return duration;
	}

}
