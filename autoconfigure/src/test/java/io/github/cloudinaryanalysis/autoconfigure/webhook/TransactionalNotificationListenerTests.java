package io.github.cloudinaryanalysis.autoconfigure.webhook;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisProperties;
import io.github.cloudinaryanalysis.webhook.AnalysisNotification;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README says of {@code @TransactionalEventListener}: the endpoint publishes
 * outside any transaction, so such a listener is skipped unless it sets
 * {@code fallbackExecution = true}, and then it runs.
 */
class TransactionalNotificationListenerTests {

	private static final String SECRET = "Transactional-Test-Secret";

	@Test
	void onlyAFallbackExecutionListenerRunsWithoutATransaction() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--spring.jmx.enabled=false", "--cloudinary.analysis.enabled=false",
					"--cloudinary.analysis.webhook.enabled=true",
					"--cloudinary.analysis.webhook.signing-secret=" + SECRET)) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			WebhookPoster poster = new WebhookPoster(
					URI.create("http://127.0.0.1:" + port + CloudinaryAnalysisProperties.Webhook.DEFAULT_PATH));
			assertThat(poster.postSigned("{\"task_id\":\"t-tx\",\"http_status\":200}", SECRET).statusCode())
				.isEqualTo(200);
			App listeners = app.getBean(App.class);
			assertThat(listeners.calls).containsExactly("fallback t-tx");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableTransactionManagement
	static class App {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@TransactionalEventListener
		void afterCommit(AnalysisNotification notification) {
			this.calls.add("after-commit " + notification.taskId());
		}

		@TransactionalEventListener(fallbackExecution = true)
		void fallback(AnalysisNotification notification) {
			this.calls.add("fallback " + notification.taskId());
		}

	}

}
