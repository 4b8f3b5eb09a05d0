package io.github.cloudinaryanalysis.autoconfigure;

import io.github.cloudinaryanalysis.CloudinaryUrl;
import io.github.cloudinaryanalysis.InvalidCloudinaryUrlException;
import io.github.cloudinaryanalysis.analyze.AnalyzeClient;
import io.github.cloudinaryanalysis.analyze.RestClientAnalyzeClient;
import io.github.cloudinaryanalysis.health.ClientActivity;
import io.github.cloudinaryanalysis.http.AnalysisConnection;
import io.github.cloudinaryanalysis.tasks.RestClientTasksClient;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the Cloudinary Analysis API client: a {@link TasksClient} built
 * from {@code cloudinary.analysis.*} (or {@code CLOUDINARY_URL}) on Spring Boot's HTTP
 * client support.
 */
// No ordering against Boot's HTTP client auto-configurations: their beans are looked up
// lazily through
// ObjectProvider, and an 'after' on them would pull them ahead of the observation
// auto-configuration they rely on.
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
	SharedAnalysisConnection cloudinaryAnalysisSharedConnection(CloudinaryAnalysisProperties properties,
			CloudinaryAnalysisConnectionDetails connectionDetails, ConfigurableListableBeanFactory beanFactory,
			Environment environment) {
		return new SharedAnalysisConnection(
				() -> new TasksClientBuilderConfigurer(properties, connectionDetails, beanFactory, environment)
					.configure(AnalysisConnection.builder())
					.build());
	}

	@Bean
	@ConditionalOnMissingBean(TasksClient.class)
	RestClientTasksClient cloudinaryAnalysisTasksClient(CloudinaryAnalysisProperties properties,
			CloudinaryAnalysisConnectionDetails connectionDetails, TasksClientCloser closer,
			ConfigurableListableBeanFactory beanFactory, Environment environment, SharedAnalysisConnection connection) {
		RestClientTasksClient client = new TasksClientBuilderConfigurer(properties, connectionDetails, beanFactory,
				environment)
			.configure(TasksClient.builder(), connection.get())
			.build();
		// Pending waits end when the context starts closing, before a graceful shutdown
		// waits for the requests
		// that are blocked in them; the client's destroy method (close) covers a client
		// created later.
		closer.add(client);
		return client;
	}

	/**
	 * The analyze client, on the connection the tasks client uses. Lazy, so that an
	 * application that replaced the {@code TasksClient} and configured no credentials
	 * still starts as long as nothing asks for an {@code AnalyzeClient}.
	 * @param properties the properties
	 * @param connectionDetails the connection details
	 * @param beanFactory the bean factory
	 * @param environment the environment
	 * @param connection the shared connection
	 * @return the client
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean(AnalyzeClient.class)
	RestClientAnalyzeClient cloudinaryAnalysisAnalyzeClient(CloudinaryAnalysisProperties properties,
			CloudinaryAnalysisConnectionDetails connectionDetails, ConfigurableListableBeanFactory beanFactory,
			Environment environment, SharedAnalysisConnection connection) {
		return new TasksClientBuilderConfigurer(properties, connectionDetails, beanFactory, environment)
			.configure(AnalyzeClient.builder(), connection.get())
			.build();
	}

	/**
	 * {@link CloudinaryAnalysisConnectionDetails} from {@code cloudinary.analysis.*},
	 * falling back to the {@code CLOUDINARY_URL} environment variable or system property.
	 * The {@code cloud-name}, {@code api-key} and {@code api-secret} properties override
	 * the matching part of the URL.
	 */
	static final class PropertiesCloudinaryAnalysisConnectionDetails implements CloudinaryAnalysisConnectionDetails {

		/** The environment variable (or system property) every Cloudinary SDK reads. */
		static final String CLOUDINARY_URL = "CLOUDINARY_URL";

		private final CloudinaryAnalysisProperties properties;

		private final @Nullable CloudinaryUrl url;

		/**
		 * Resolve the details.
		 * @param properties the bound properties
		 * @param environment the environment, to read {@code CLOUDINARY_URL}
		 * @throws CloudinaryAnalysisConfigurationException when the URL in use is
		 * malformed
		 */
		PropertiesCloudinaryAnalysisConnectionDetails(CloudinaryAnalysisProperties properties,
				Environment environment) {
			this.properties = properties;
			this.url = parseUrl(properties, environment);
		}

		private static @Nullable CloudinaryUrl parseUrl(CloudinaryAnalysisProperties properties,
				Environment environment) {
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

}
