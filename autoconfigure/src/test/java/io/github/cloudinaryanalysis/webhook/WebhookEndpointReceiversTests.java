package io.github.cloudinaryanalysis.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal receivers of an accepted notification (the seam the waits of the clients
 * hook into) run before the event is published; one that throws stops neither the others
 * nor the event, and the answer stays 200. A real application with its own
 * {@link WebhookEndpoint} bean, which replaces the auto-configured one.
 */
class WebhookEndpointReceiversTests {

	private static final String SECRET = "Receivers-Test-Secret";

	@Test
	void receiversRunInOrderBeforeTheEventAndAFailingOneChangesNothing() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--spring.jmx.enabled=false", "--cloudinary.analysis.enabled=false",
					"--cloudinary.analysis.webhook.enabled=true",
					"--cloudinary.analysis.webhook.signing-secret=" + SECRET)) {
			App config = app.getBean(App.class);
			assertThat(app.getBean(WebhookEndpoint.class)).isSameAs(config.endpoint);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			String body = "{\"task_id\":\"t-receivers\",\"http_status\":200}";
			String timestamp = Long.toString(Instant.now().getEpochSecond());
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/cloudinary/analysis/notifications"))
					.header("Content-Type", "application/json")
					.header("X-Cld-Timestamp", timestamp)
					.header("X-Cld-Signature",
							Signatures.sign("SHA-1", body.getBytes(StandardCharsets.UTF_8), timestamp, SECRET))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(config.calls).containsExactly("first t-receivers", "third t-receivers", "event t-receivers");
			assertThat(config.failures).containsExactly("Receiver-Failure");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		final List<String> calls = new CopyOnWriteArrayList<>();

		final List<String> failures = new CopyOnWriteArrayList<>();

		WebhookEndpoint endpoint;

		@Bean
		WebhookEndpoint ownEndpoint(ApplicationEventPublisher publisher) {
			List<Consumer<AnalysisNotification>> receivers = List
				.of((notification) -> this.calls.add("first " + notification.taskId()), (notification) -> {
					throw new IllegalStateException("Receiver-Failure");
				}, (notification) -> this.calls.add("third " + notification.taskId()));
			this.endpoint = new WebhookEndpoint(
					new WebhookSignatureVerifier(SECRET, SignatureAlgorithm.SHA1, Duration.ofHours(2),
							Clock.systemUTC()),
					DataSize.ofKilobytes(64), receivers, publisher, new WebhookEndpointListener() {

						@Override
						public void onListenerFailure(AnalysisNotification notification, RuntimeException failure) {
							App.this.failures.add(failure.getMessage());
						}

					});
			return this.endpoint;
		}

		@EventListener
		void onNotification(AnalysisNotification notification) {
			this.calls.add("event " + notification.taskId());
		}

	}

}
