package io.github.cloudinaryanalysis.sample;

import java.net.URI;
import java.time.Duration;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisConnectionDetails;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisProperties;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without Cloudinary credentials, runs the app against an embedded fake Analysis API on
 * {@code 127.0.0.1}: no account, no network. The
 * {@link CloudinaryAnalysisConnectionDetails} bean defined here makes the starter's
 * auto-configuration back off its own, properties-based one. With credentials, none of
 * this exists and the starter talks to the real API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingCloudinaryCredentials
@EnableConfigurationProperties(EmbeddedFakeConfiguration.EmbeddedFakeProperties.class)
class EmbeddedFakeConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedFakeConfiguration.class);

	@Bean(destroyMethod = "close")
	FakeCloudinaryAnalysisApi embeddedCloudinaryAnalysisApi(EmbeddedFakeProperties properties) {
		return FakeCloudinaryAnalysisApi.builder()
			.port(properties.port())
			.defaultTaskLife(TaskLife.completesAfter(properties.taskDuration()))
			.start();
	}

	@Bean
	CloudinaryAnalysisConnectionDetails embeddedCloudinaryAnalysisConnectionDetails(FakeCloudinaryAnalysisApi fake) {
		return new FakeConnectionDetails(fake);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> embeddedCloudinaryAnalysisNotice(FakeCloudinaryAnalysisApi fake) {
		return (event) -> logger.info(
				"Running against the embedded fake Cloudinary Analysis API at {} "
						+ "(no Cloudinary account needed). To use a real account instead, set "
						+ "CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name> and restart.",
				fake.baseUrl());
	}

	/**
	 * The fake posts the webhook notification of every task that ends to this
	 * application's own endpoint ({@code cloudinary.analysis.webhook.*}), as Cloudinary
	 * does to the notification URL set in its console.
	 * @param fake the fake
	 * @param properties the starter's properties
	 * @return the listener
	 */
	@Bean
	ApplicationListener<WebServerInitializedEvent> embeddedCloudinaryAnalysisNotificationUrl(
			FakeCloudinaryAnalysisApi fake, ObjectProvider<CloudinaryAnalysisProperties> properties) {
		return (event) -> properties.ifAvailable((starter) -> {
			// The management server, when it has a port of its own, has a namespace.
			if (starter.getWebhook().isEnabled() && event.getApplicationContext().getServerNamespace() == null) {
				fake.setNotificationUrl(URI
					.create("http://127.0.0.1:" + event.getWebServer().getPort() + starter.getWebhook().getPath()));
			}
		});
	}

	/**
	 * Settings of the embedded fake.
	 *
	 * @param taskDuration how long a demo task takes: {@code pending} on its first poll,
	 * {@code processing} on later ones, {@code completed} once this time has passed
	 * @param port the fake's port on {@code 127.0.0.1}; 0 picks a free one
	 */
	@ConfigurationProperties("sample.embedded-fake")
	record EmbeddedFakeProperties(@DefaultValue("6s") Duration taskDuration, @DefaultValue("0") int port) {

	}

	/** Points the starter at the fake. */
	static final class FakeConnectionDetails implements CloudinaryAnalysisConnectionDetails {

		private final FakeCloudinaryAnalysisApi fake;

		FakeConnectionDetails(FakeCloudinaryAnalysisApi fake) {
			this.fake = fake;
		}

		@Override
		public String baseUrl() {
			return this.fake.baseUrl();
		}

		@Override
		public String cloudName() {
			return this.fake.cloudName();
		}

		@Override
		public String apiKey() {
			return this.fake.apiKey();
		}

		@Override
		public String apiSecret() {
			return this.fake.apiSecret();
		}

		@Override
		public String toString() {
			return "FakeConnectionDetails[baseUrl=" + baseUrl() + ", cloudName=" + cloudName()
					+ ", credentials hidden]";
		}

	}

}
