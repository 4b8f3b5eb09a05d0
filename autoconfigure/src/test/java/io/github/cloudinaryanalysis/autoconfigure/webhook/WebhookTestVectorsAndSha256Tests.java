package io.github.cloudinaryanalysis.autoconfigure.webhook;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalyzeClient;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisProperties;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;
import io.github.cloudinaryanalysis.test.Webhook;
import io.github.cloudinaryanalysis.test.WebhookAlgorithm;
import io.github.cloudinaryanalysis.webhook.AnalysisNotification;
import io.github.cloudinaryanalysis.webhook.WebhookSignatureVerifier;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The facts file's two test vectors end to end over HTTP (secret {@code someApiSecret},
 * body {@code {}}, timestamp {@code 0}), through the property-configured algorithm, and a
 * SHA-256 set-up receiving the fake's real notifications.
 */
class WebhookTestVectorsAndSha256Tests {

	private static final String VECTOR_SECRET = "someApiSecret";

	private static final String SHA1_VECTOR = "f9aa4471d2a88ff244424cca2444edf7d7ac3596";

	private static final String SHA256_VECTOR = "d5497e1a206ad0ba29ad09a7c0c5f22e939682d15009c15ab3199f62fefbd14b";

	private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

	@Test
	void theSha1VectorVerifiesAndTheSha256OneDoesNot() throws Exception {
		try (ConfigurableApplicationContext app = startAtTheEpoch("sha1")) {
			WebhookPoster poster = new WebhookPoster(endpoint(app));
			// Verified, then refused as not the payload ({} has no task_id): 400, not 401
			assertThat(poster.post(EMPTY_OBJECT, "application/json", "0", SHA1_VECTOR, false).statusCode())
				.isEqualTo(400);
			assertThat(
					poster.post(EMPTY_OBJECT, "application/json", "0", SHA1_VECTOR.toUpperCase(), false).statusCode())
				.as("upper-case hex, same signature: a replay")
				.isEqualTo(200);
			assertUnauthorized(poster.post(EMPTY_OBJECT, "application/json", "0", SHA256_VECTOR, false));
			assertUnauthorized(
					poster.post("{ }".getBytes(StandardCharsets.UTF_8), "application/json", "0", SHA1_VECTOR, false));
			assertUnauthorized(poster.post(EMPTY_OBJECT, "application/json", "1", SHA1_VECTOR, false));
		}
	}

	@Test
	void theSha256VectorVerifiesWithSignatureAlgorithmSha256() throws Exception {
		try (ConfigurableApplicationContext app = startAtTheEpoch("sha256")) {
			WebhookPoster poster = new WebhookPoster(endpoint(app));
			assertThat(poster.post(EMPTY_OBJECT, "application/json", "0", SHA256_VECTOR, false).statusCode())
				.isEqualTo(400);
			assertUnauthorized(poster.post(EMPTY_OBJECT, "application/json", "0", SHA1_VECTOR, false));
		}
	}

	@Test
	void aSha256AccountWithItsOwnSigningSecretReceivesTheFakesNotifications() throws Exception {
		try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder()
			.webhookAlgorithm(WebhookAlgorithm.SHA256)
			.webhookSigningSecret("Sha256-Signing-Secret-12")
			.defaultTaskLife(TaskLife.completesAfter(Duration.ZERO))
			.start()) {
			String[] args = fake.springProperties()
				.entrySet()
				.stream()
				.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new);
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Sha256App.class)
				.web(WebApplicationType.SERVLET)
				.properties("server.port=0", "spring.jmx.enabled=false", "cloudinary.analysis.webhook.enabled=true",
						"cloudinary.analysis.webhook.signature-algorithm=sha256",
						"cloudinary.analysis.webhook.signing-secret=Sha256-Signing-Secret-12")
				.run(args)) {
				URI endpoint = endpoint(app);
				String taskId = app.getBean(AnalyzeClient.class)
					.start(AnalysisRequest.captioning(Source.uri("https://example.com/cat.jpg"))
						.withNotificationUrl(endpoint))
					.taskId();
				Queue<AnalysisNotification> received = app.getBean(Sha256App.class).received;
				await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 1);
				assertThat(received.peek().taskId()).isEqualTo(taskId);
				assertThat(fake.webhookDeliveries()).singleElement()
					.satisfies((delivery) -> assertThat(delivery.status()).isEqualTo(200));
				// The same notification signed with SHA-1 or the API secret is refused.
				fake.setNotificationUrl(endpoint);
				String other = fake.createTask(TaskLife.completesAfterPolls(100));
				assertThat(fake.sendNotification(other, Webhook.signedWith(fake.apiSecret()))).singleElement()
					.satisfies((delivery) -> assertThat(delivery.status()).isEqualTo(401));
			}
		}
	}

	private static void assertUnauthorized(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).isEmpty();
	}

	private static ConfigurableApplicationContext startAtTheEpoch(String algorithm) {
		return new SpringApplicationBuilder(EpochApp.class).web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--spring.jmx.enabled=false", "--cloudinary.analysis.enabled=false",
					"--cloudinary.analysis.webhook.enabled=true",
					"--cloudinary.analysis.webhook.signature-algorithm=" + algorithm);
	}

	private static URI endpoint(ConfigurableApplicationContext app) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + CloudinaryAnalysisProperties.Webhook.DEFAULT_PATH);
	}

	/**
	 * An application whose verifier's clock stands at the vectors' timestamp 0; the
	 * secret is the vectors', the algorithm the bound property's.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class EpochApp {

		@Bean
		WebhookSignatureVerifier verifierAtTheEpoch(CloudinaryAnalysisProperties properties) {
			return new WebhookSignatureVerifier(VECTOR_SECRET, properties.getWebhook().getSignatureAlgorithm(),
					properties.getWebhook().getTolerance(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Sha256App {

		final Queue<AnalysisNotification> received = new ConcurrentLinkedQueue<>();

		@EventListener
		void onNotification(AnalysisNotification notification) {
			this.received.add(notification);
		}

	}

}
