package io.github.cloudinaryanalysis.autoconfigure;

import io.github.cloudinaryanalysis.tasks.RestClientTasksClient;
import io.github.cloudinaryanalysis.tasks.TasksClient;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.restclient.RestClientCustomizer;
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
	RestClientTasksClient cloudinaryAnalysisTasksClient(CloudinaryAnalysisProperties properties,
			CloudinaryAnalysisConnectionDetails connectionDetails, TasksClientCloser closer,
			ConfigurableListableBeanFactory beanFactory, Environment environment) {
		RestClientTasksClient client = new TasksClientBuilderConfigurer(properties, connectionDetails, beanFactory,
				environment)
			.configure(TasksClient.builder())
			.build();
		// Pending waits end when the context starts closing, before a graceful shutdown waits for the requests
		// that are blocked in them; the client's destroy method (close) covers a client created later.
		closer.add(client);
		return client;
	}

}
