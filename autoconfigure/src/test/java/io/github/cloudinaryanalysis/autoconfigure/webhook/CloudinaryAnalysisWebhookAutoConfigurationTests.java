package io.github.cloudinaryanalysis.autoconfigure.webhook;

import java.time.Clock;
import java.time.Duration;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisConfigurationException;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisProperties;
import io.github.cloudinaryanalysis.metrics.CloudinaryAnalysisWebhookMetrics;
import io.github.cloudinaryanalysis.webhook.SignatureAlgorithm;
import io.github.cloudinaryanalysis.webhook.WebhookEndpoint;
import io.github.cloudinaryanalysis.webhook.WebhookSignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * When the webhook endpoint is registered, what may replace it, and each start-up failure
 * of its configuration, without a secret in any message.
 */
@ExtendWith(OutputCaptureExtension.class)
class CloudinaryAnalysisWebhookAutoConfigurationTests {

	private static final String API_SECRET = "Api-Secret-Never-Shown-31";

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(HttpClientAutoConfiguration.class,
			ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
			CloudinaryAnalysisAutoConfiguration.class, CloudinaryAnalysisWebhookAutoConfiguration.class,
			MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("cloudinary.analysis.cloud-name=demo", "cloudinary.analysis.api-key=k",
				"cloudinary.analysis.api-secret=" + API_SECRET);

	private final WebApplicationContextRunner enabled = this.servlet
		.withPropertyValues("cloudinary.analysis.webhook.enabled=true");

	@Test
	void offByDefault() {
		this.servlet.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(WebhookEndpoint.class)
			.doesNotHaveBean(WebhookSignatureVerifier.class)
			.doesNotHaveBean(WebhookSettings.ROUTE_BEAN)
			.doesNotHaveBean(CloudinaryAnalysisWebhookMetrics.class));
		this.servlet.withPropertyValues("cloudinary.analysis.webhook.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WebhookEndpoint.class));
	}

	@Test
	void enabledInAServletApplicationRegistersTheRouteTheEndpointAndItsMeters() {
		this.enabled.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(WebhookEndpoint.class)
				.hasSingleBean(WebhookSignatureVerifier.class)
				.hasSingleBean(CloudinaryAnalysisWebhookMetrics.class)
				.hasBean(WebhookSettings.ROUTE_BEAN);
			assertThat(context.getBean(WebhookSettings.ROUTE_BEAN)).isInstanceOf(RouterFunction.class);
			assertThat(context.getBean(WebhookSettings.ROUTE_BEAN).toString()).contains("POST")
				.contains(CloudinaryAnalysisProperties.Webhook.DEFAULT_PATH);
			assertThat(context.getBean(WebhookEndpoint.class).toString()).doesNotContain(API_SECRET);
		});
	}

	@Test
	void thePathIsConfigurable() {
		this.enabled.withPropertyValues("cloudinary.analysis.webhook.path=/hooks/cloudinary")
			.run((context) -> assertThat(context.getBean(WebhookSettings.ROUTE_BEAN).toString())
				.contains("/hooks/cloudinary"));
	}

	@Test
	void withMetricsOffThereAreNoWebhookMeters() {
		this.enabled.withPropertyValues("cloudinary.analysis.metrics.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(WebhookEndpoint.class)
				.doesNotHaveBean(CloudinaryAnalysisWebhookMetrics.class));
	}

	@Test
	void anApplicationsOwnVerifierAndRouteWin() {
		this.enabled.withUserConfiguration(OwnBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(WebhookSignatureVerifier.class);
			assertThat(context.getBean(WebhookSignatureVerifier.class)).isSameAs(OwnBeans.VERIFIER);
			assertThat(context.getBean(WebhookSettings.ROUTE_BEAN)).isSameAs(OwnBeans.ROUTE);
		});
	}

	@Test
	void theSigningSecretFallsBackToTheApiSecret() {
		// Without signing-secret, but with an API secret: starts.
		this.enabled.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(WebhookEndpoint.class));
		assertThat(WebhookSettings.signingSecret(webhook("  Own-Signing-Secret  "), null))
			.isEqualTo("Own-Signing-Secret");
	}

	@Test
	void withoutAnySecretTheStartFailsNamingTheProperty() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("cloudinary.analysis.webhook.enabled=true", "cloudinary.analysis.enabled=false")
			.run(failsOn("cloudinary.analysis.webhook.signing-secret", "no secret to verify notifications with"));
	}

	@Test
	void withoutAnySecretARealApplicationPrintsTheReport(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(MinimalWebApplication.class).web(WebApplicationType.SERVLET)
				.run("--server.port=0", "--spring.jmx.enabled=false", "--cloudinary.analysis.enabled=false",
						"--cloudinary.analysis.webhook.enabled=true")
				.close());
		assertThat(output).contains("APPLICATION FAILED TO START",
				"Property at fault: cloudinary.analysis.webhook.signing-secret",
				"cloudinary.analysis.webhook.enabled=false");
	}

	@Test
	void unusableValuesFailTheStartNamingTheProperty() {
		this.enabled.withPropertyValues("cloudinary.analysis.webhook.path=notifications")
			.run(failsOn("cloudinary.analysis.webhook.path", "must start with '/'"));
		this.enabled.withPropertyValues("cloudinary.analysis.webhook.path=/notifications/{id}")
			.run(failsOn("cloudinary.analysis.webhook.path", "must start with '/'"));
		this.enabled.withPropertyValues("cloudinary.analysis.webhook.tolerance=0s")
			.run(failsOn("cloudinary.analysis.webhook.tolerance", "must be positive"));
		this.enabled.withPropertyValues("cloudinary.analysis.webhook.max-body-size=0B")
			.run(failsOn("cloudinary.analysis.webhook.max-body-size", "must be 1B to 2GB"));
		this.enabled.withPropertyValues("cloudinary.analysis.webhook.max-body-size=3GB")
			.run(failsOn("cloudinary.analysis.webhook.max-body-size", "must be 1B to 2GB"));
		this.enabled.withPropertyValues("cloudinary.analysis.webhook.fallback-poll-interval=-1s")
			.run(failsOn("cloudinary.analysis.webhook.fallback-poll-interval", "must be positive"));
		this.enabled.withPropertyValues("cloudinary.analysis.webhook.notification-url=/relative")
			.run(failsOn("cloudinary.analysis.webhook.notification-url", "absolute http or https URL"));
		this.enabled.withPropertyValues("cloudinary.analysis.webhook.notification-url=ftp://example.com/hook")
			.run(failsOn("cloudinary.analysis.webhook.notification-url", "absolute http or https URL"));
		this.enabled
			.withPropertyValues("cloudinary.analysis.webhook.notification-url=https://user:Url-Secret-5@example.com/h")
			.run(failsOn("cloudinary.analysis.webhook.notification-url", "without user info"));
		this.enabled.withPropertyValues("cloudinary.analysis.webhook.signature-algorithm=md5")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void theWebhookPropertiesBind() {
		this.enabled.withPropertyValues("cloudinary.analysis.webhook.signature-algorithm=sha256",
				"cloudinary.analysis.webhook.tolerance=10m", "cloudinary.analysis.webhook.max-body-size=64KB",
				"cloudinary.analysis.webhook.notification-url=https://example.com/cloudinary/analysis/notifications",
				"cloudinary.analysis.webhook.fallback-poll-interval=30s",
				"cloudinary.analysis.webhook.signing-secret=Signing-Secret-Not-In-ToString")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CloudinaryAnalysisProperties.Webhook webhook = context.getBean(CloudinaryAnalysisProperties.class)
					.getWebhook();
				assertThat(webhook.getSignatureAlgorithm()).isEqualTo(SignatureAlgorithm.SHA256);
				assertThat(webhook.getTolerance()).isEqualTo(Duration.ofMinutes(10));
				assertThat(webhook.getMaxBodySize().toKilobytes()).isEqualTo(64);
				assertThat(webhook.getNotificationUrl())
					.hasToString("https://example.com/cloudinary/analysis/notifications");
				assertThat(webhook.getFallbackPollInterval()).isEqualTo(Duration.ofSeconds(30));
				assertThat(webhook.toString()).doesNotContain("Signing-Secret-Not-In-ToString").contains("[REDACTED]");
				assertThat(context.getBean(WebhookSignatureVerifier.class).toString()).contains("SHA256");
				assertThat(context.getBean(WebhookEndpoint.class).toString()).contains("maxBodySize=65536B");
			});
	}

	@Test
	void aReactiveApplicationFailsToStartWithAClearMessage() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("cloudinary.analysis.cloud-name=demo", "cloudinary.analysis.api-key=k",
					"cloudinary.analysis.api-secret=" + API_SECRET, "cloudinary.analysis.webhook.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(CloudinaryAnalysisConfigurationException.class)
					.hasMessageContaining("needs a servlet web application (Spring MVC)")
					.hasMessageContaining("reactive (WebFlux)");
			});
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("cloudinary.analysis.cloud-name=demo", "cloudinary.analysis.api-key=k",
					"cloudinary.analysis.api-secret=" + API_SECRET)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void anApplicationWithoutAWebServerGetsNoEndpoint() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("cloudinary.analysis.cloud-name=demo", "cloudinary.analysis.api-key=k",
					"cloudinary.analysis.api-secret=" + API_SECRET, "cloudinary.analysis.webhook.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WebhookEndpoint.class));
	}

	private static CloudinaryAnalysisProperties.Webhook webhook(String signingSecret) {
		CloudinaryAnalysisProperties.Webhook webhook = new CloudinaryAnalysisProperties.Webhook();
		webhook.setSigningSecret(signingSecret);
		return webhook;
	}

	private static <C extends ApplicationContextAssertProvider<?>> ContextConsumer<C> failsOn(String property,
			String message) {
		return (context) -> {
			assertThat(context.getStartupFailure()).as("start-up failure").isNotNull();
			assertFailure(context.getStartupFailure(), property, message);
		};
	}

	private static void assertFailure(Throwable failure, String property, String message) {
		assertThat(failure).rootCause()
			.isInstanceOf(CloudinaryAnalysisConfigurationException.class)
			.hasMessageContaining(message)
			.hasMessageNotContaining(API_SECRET)
			.hasMessageNotContaining("Url-Secret-5");
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		assertThat(((CloudinaryAnalysisConfigurationException) root).getProperty()).isEqualTo(property);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		static final WebhookSignatureVerifier VERIFIER = new WebhookSignatureVerifier("own", SignatureAlgorithm.SHA1,
				Duration.ofMinutes(5), Clock.systemUTC());

		static final RouterFunction<ServerResponse> ROUTE = RouterFunctions.route()
			.GET("/own", (request) -> ServerResponse.ok().build())
			.build();

		@Bean
		WebhookSignatureVerifier ownVerifier() {
			return VERIFIER;
		}

		@Bean(WebhookSettings.ROUTE_BEAN)
		RouterFunction<ServerResponse> ownRoute() {
			return ROUTE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			RestClientAutoConfiguration.class, CloudinaryAnalysisAutoConfiguration.class,
			CloudinaryAnalysisWebhookAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class })
	static class MinimalWebApplication {

	}

}
