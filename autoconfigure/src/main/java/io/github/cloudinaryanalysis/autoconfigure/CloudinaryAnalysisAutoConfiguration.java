package io.github.cloudinaryanalysis.autoconfigure;

import java.time.Clock;

import io.github.cloudinaryanalysis.AccessTokenProvider;
import io.github.cloudinaryanalysis.tasks.PollingSettings;
import io.github.cloudinaryanalysis.tasks.RestClientTasksClient;
import io.github.cloudinaryanalysis.tasks.RetrySettings;
import io.github.cloudinaryanalysis.tasks.TaskStatusObservationConvention;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import io.github.cloudinaryanalysis.health.ClientActivity;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the Cloudinary Analysis API client: a {@link TasksClient} built from
 * {@code cloudinary.analysis.*} (or {@code CLOUDINARY_URL}) on Spring Boot's HTTP client support.
 */
// No ordering against Boot's HTTP client auto-configurations: their beans are looked up lazily through
// ObjectProvider, and an 'after' on them would pull them ahead of the observation auto-configuration they rely on.
@AutoConfiguration
@ConditionalOnClass({ RestClient.class, ClientHttpRequestFactoryBuilder.class, RestClientCustomizer.class })
@ConditionalOnBooleanProperty(name = CloudinaryAnalysisProperties.CONFIG_PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(CloudinaryAnalysisProperties.class)
public final class CloudinaryAnalysisAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(CloudinaryAnalysisConnectionDetails.class)
	PropertiesCloudinaryAnalysisConnectionDetails cloudinaryAnalysisConnectionDetails(
			CloudinaryAnalysisProperties properties, Environment environment) {
		return new PropertiesCloudinaryAnalysisConnectionDetails(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	ClientActivity cloudinaryAnalysisClientActivity() {
		return new ClientActivity();
	}

	@Bean
	TasksClientCloser cloudinaryAnalysisTasksClientCloser() {
		return new TasksClientCloser();
	}

	@Bean
	@ConditionalOnMissingBean(TasksClient.class)
	RestClientTasksClient tasksClient(CloudinaryAnalysisProperties properties,
			CloudinaryAnalysisConnectionDetails connectionDetails,
			TasksClientCloser closer,
			ObjectProvider<TasksClientListener> listeners, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<TaskStatusObservationConvention> observationConvention,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<RestClientCustomizer> customizers,
			ObjectProvider<CloudinaryAnalysisRestClientCustomizer> clientCustomizers,
			ObjectProvider<AccessTokenProvider> accessTokenProvider, Environment environment,
			ConfigurableListableBeanFactory beanFactory) {
		AnalysisRestClientFactory factory = new AnalysisRestClientFactory(properties, connectionDetails,
				requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), accessTokenProvider.getIfAvailable(),
				RequestFactoryChoice.madeByApplication(environment, beanFactory));
		RestClient restClient = factory.create(customizers.orderedStream().toList(),
				clientCustomizers.orderedStream().toList());
		CloudinaryAnalysisProperties.Polling polling = properties.getPolling();
		RestClientTasksClient client = RestClientTasksClient.builder(restClient, factory.cloudName())
			.maxResponseBytes(Math.toIntExact(properties.getMaxResponseSize().toBytes()))
			.clock(Clock.systemUTC())
			.redactor(factory.redactor())
			.retry(SettingsMapper.retry(properties.getRetry()))
			.polling(SettingsMapper.polling(properties.getPolling()))
			.timerThreads(SettingsMapper.atLeastOne("polling.threads", polling.getThreads()))
			.maxConcurrentPolls(SettingsMapper.atLeastOne("polling.max-concurrent-polls", polling.getMaxConcurrentPolls()))
			.virtualThreads(Threading.VIRTUAL.isActive(environment))
			.listener(CompositeTasksClientListener.of(listeners.orderedStream().toList()))
			.observationRegistry(properties.getMetrics().isEnabled()
					? observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP)
			.observationConvention(observationConvention.getIfAvailable())
			.build();
		// Pending waits end when the context starts closing, before a graceful shutdown waits for the requests
		// that are blocked in them; the client's destroy method (close) covers a client created later.
		closer.add(client);
		return client;
	}

}
