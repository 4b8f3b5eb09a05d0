package io.github.cloudinaryanalysis.autoconfigure.webhook;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisConfigurationException;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisConnectionDetails;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisProperties;
import io.github.cloudinaryanalysis.metrics.CloudinaryAnalysisWebhookMetrics;
import io.github.cloudinaryanalysis.webhook.AnalysisNotification;
import io.github.cloudinaryanalysis.webhook.NotificationHub;
import io.github.cloudinaryanalysis.webhook.NotificationOutcome;
import io.github.cloudinaryanalysis.webhook.WebhookEndpoint;
import io.github.cloudinaryanalysis.webhook.WebhookEndpointListener;
import io.github.cloudinaryanalysis.webhook.WebhookSignatureVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The endpoint that receives Cloudinary's webhook notifications, with
 * {@code cloudinary.analysis.webhook.enabled=true}: in a servlet web application (Spring
 * MVC), a functional route for {@code POST cloudinary.analysis.webhook.path} to a
 * {@link WebhookEndpoint}, which publishes each verified notification as an
 * {@link AnalysisNotification} event, after handing it to the {@link NotificationHub}
 * that ends the auto-configured clients' waits for its task. A reactive web application
 * fails to start with a report saying webhooks need Spring MVC; an application without a
 * web server gets no endpoint.
 * <p>
 * Start-up fails with the usual report when there is no secret to verify notifications
 * with (neither {@code cloudinary.analysis.webhook.signing-secret} nor an API secret, as
 * in OAuth-only set-ups) or when a webhook property is unusable.
 */
@AutoConfiguration(after = CloudinaryAnalysisAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBooleanProperty(name = CloudinaryAnalysisProperties.CONFIG_PREFIX + ".webhook.enabled")
@EnableConfigurationProperties(CloudinaryAnalysisProperties.class)
public final class CloudinaryAnalysisWebhookAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ DispatcherServlet.class, RouterFunction.class, HttpServletRequest.class })
	static class ServletWebhookConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WebhookSignatureVerifier cloudinaryAnalysisWebhookSignatureVerifier(CloudinaryAnalysisProperties properties,
				ObjectProvider<CloudinaryAnalysisConnectionDetails> connectionDetails) {
			CloudinaryAnalysisProperties.Webhook webhook = properties.getWebhook();
			String secret = WebhookSettings.signingSecret(webhook, connectionDetails.getIfAvailable());
			WebhookSettings.requirePositive("tolerance", webhook.getTolerance());
			return new WebhookSignatureVerifier(secret, webhook.getSignatureAlgorithm(), webhook.getTolerance(),
					Clock.systemUTC());
		}

		/**
		 * The hub that ends the clients' waits on notifications: only where this endpoint
		 * receives them, else every wait would fall back to slow polls for nothing.
		 * @param properties the properties
		 * @return the hub
		 */
		@Bean
		@ConditionalOnMissingBean
		NotificationHub cloudinaryAnalysisNotificationHub(CloudinaryAnalysisProperties properties) {
			WebhookSettings.checkNotificationSettings(properties.getWebhook());
			return new NotificationHub(properties.getWebhook().getFallbackPollInterval());
		}

		@Bean
		@ConditionalOnMissingBean
		WebhookEndpoint cloudinaryAnalysisWebhookEndpoint(CloudinaryAnalysisProperties properties,
				WebhookSignatureVerifier verifier, ApplicationEventPublisher publisher,
				ObjectProvider<WebhookEndpointListener> listeners, NotificationHub hub) {
			WebhookSettings.checkNotificationSettings(properties.getWebhook());
			DataSize maxBodySize = properties.getWebhook().getMaxBodySize();
			if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
				throw WebhookSettings.invalid("max-body-size", "must be 1B to 2GB, but was " + maxBodySize);
			}
			List<WebhookEndpointListener> all = listeners.orderedStream().toList();
			// The internal receivers of each accepted notification, called before it is
			// published (the waits of TasksClient and AnalyzeClient end through them).
			List<Consumer<AnalysisNotification>> receivers = List.of(hub::accept);
			return new WebhookEndpoint(verifier, maxBodySize, receivers, publisher, new WebhookEndpointListener() {

				@Override
				public void onNotification(NotificationOutcome outcome) {
					all.forEach((listener) -> listener.onNotification(outcome));
				}

				@Override
				public void onListenerFailure(AnalysisNotification notification, RuntimeException failure) {
					all.forEach((listener) -> listener.onListenerFailure(notification, failure));
				}

			});
		}

		@Bean(WebhookSettings.ROUTE_BEAN)
		@ConditionalOnMissingBean(name = WebhookSettings.ROUTE_BEAN)
		RouterFunction<ServerResponse> cloudinaryAnalysisWebhookRoute(CloudinaryAnalysisProperties properties,
				WebhookEndpoint endpoint) {
			return RouterFunctions.route()
				.POST(WebhookSettings.path(properties.getWebhook().getPath()), endpoint)
				.build();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterRegistry.class)
		@ConditionalOnBean(MeterRegistry.class)
		@ConditionalOnBooleanProperty(name = CloudinaryAnalysisProperties.CONFIG_PREFIX + ".metrics.enabled",
				matchIfMissing = true)
		static class WebhookMetricsConfiguration {

			@Bean
			@ConditionalOnMissingBean
			CloudinaryAnalysisWebhookMetrics cloudinaryAnalysisWebhookMetrics() {
				return new CloudinaryAnalysisWebhookMetrics();
			}

		}

	}

	/**
	 * Fails the start of a reactive web application: the endpoint is Spring MVC only, and
	 * silently receiving nothing would leave every wait on its fallback polls.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class ReactiveWebhookConfiguration implements InitializingBean {

		@Override
		public void afterPropertiesSet() {
			throw new CloudinaryAnalysisConfigurationException(WebhookSettings.PREFIX + "enabled",
					"The webhook endpoint (" + WebhookSettings.PREFIX
							+ "enabled=true) needs a servlet web application (Spring MVC); this is a reactive"
							+ " (WebFlux) application. Receive notifications in a Spring MVC application, or set "
							+ WebhookSettings.PREFIX
							+ "enabled=false and verify them in your own handler with WebhookSignatureVerifier and"
							+ " AnalysisNotificationParser");
		}

	}

}
