package io.github.cloudinaryanalysis.autoconfigure.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalysisResult;
import io.github.cloudinaryanalysis.analyze.AnalyzeClient;
import io.github.cloudinaryanalysis.analyze.CaptioningAnalysis;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisProperties;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.TaskLife;
import io.github.cloudinaryanalysis.webhook.NotificationHub;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The whole asynchronous loop in a real application on a random port, wired by the
 * auto-configuration alone (issue 14): the fake API posts its signed notification to the
 * application's own webhook endpoint, whose hub ends the auto-configured clients' waits.
 * {@code analyzeAsync} completes with the typed result and {@code awaitCompletionAsync}
 * with the task's status, neither with a poll after the notification; closing the context
 * ends the waits still in flight.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "cloudinary.analysis.webhook.enabled=true",
		"cloudinary.analysis.retry.enabled=false", "spring.jmx.enabled=false" })
class WebhookWaitsEndToEndTests {

	private static final String CAT = "https://res.cloudinary.com/demo/image/upload/cat.jpg";

	private static final String PATH = "/cloudinary/analysis/notifications";

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension api = FakeCloudinaryAnalysisExtension
		.using(() -> FakeCloudinaryAnalysisApi.builder().defaultTaskLife(TaskLife.completesAfter(Duration.ZERO)))
		.resetBeforeEachTest();

	@DynamicPropertySource
	static void pointAtTheFake(DynamicPropertyRegistry registry) {
		api.api().springProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@LocalServerPort
	int port;

	@Autowired
	CloudinaryAnalysisProperties properties;

	@Autowired
	ObjectProvider<AnalyzeClient> analyzeClient;

	@Autowired
	TasksClient tasksClient;

	@Autowired
	NotificationHub hub;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void pointTheNotificationUrlAtThisApplication() {
		// The port is known only once the server runs, after the properties are bound;
		// the analyze client is lazy and reads the URL when it is first asked for.
		this.properties.getWebhook().setNotificationUrl(endpoint(this.port));
		api.api().setNotificationUrl(null);
	}

	@Test
	void analyzeAsyncCompletesWithTheTypedResultOfTheNotificationAndNoPoll() throws Exception {
		AnalysisResult<CaptioningAnalysis> result = this.analyzeClient.getObject()
			.analyzeAsync(AnalysisRequest.captioning(Source.uri(CAT)), Duration.ofSeconds(30))
			.get(30, TimeUnit.SECONDS);

		assertThat(result.analysis().data().caption()).isEqualTo("A cat sitting on a table");
		assertThat(api.api().requests()).singleElement()
			.satisfies((request) -> assertThat(request.method()).isEqualTo("POST"));
		// The wait ends while the endpoint handles the notification, before the fake has
		// its answer and records the delivery.
		await().atMost(Duration.ofSeconds(20)).until(() -> !api.api().webhookDeliveries().isEmpty());
		assertThat(api.api().webhookDeliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.status()).isEqualTo(200));
		Timer delay = this.meters.find("cloudinary.analysis.webhook.delay").tag("type", "captioning").timer();
		assertThat(delay).isNotNull();
		assertThat(delay.count()).isPositive();
		assertThat(this.hub)
			.hasToString("NotificationHub[fallbackPollInterval=PT1M, waitedTasks=0," + " keptNotifications=0]");
	}

	@Test
	void awaitCompletionEndsOnTheNotificationWithoutAnotherPoll() throws Exception {
		FakeCloudinaryAnalysisApi fake = api.api();
		fake.setNotificationUrl(endpoint(this.port));
		String taskId = fake.createTask(TaskLife.completesAfterPolls(1_000));
		CompletableFuture<TaskStatusResponse> wait = this.tasksClient.awaitCompletionAsync(taskId,
				Duration.ofSeconds(60));
		// With webhooks on, a wait polls once at once, then only every fallback interval
		// (one minute by default): the notification must end it.
		await().atMost(Duration.ofSeconds(20)).until(() -> fake.pollCount(taskId) == 1);
		assertThat(wait).isNotDone();

		fake.sendNotification(taskId);

		assertThat(wait.get(20, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(fake.pollCount(taskId)).isEqualTo(1);
	}

	@Test
	void closingTheContextEndsTheWaitsInFlight() {
		FakeCloudinaryAnalysisApi fake = api.api();
		List<String> properties = new ArrayList<>(List.of("cloudinary.analysis.webhook.enabled=true",
				"cloudinary.analysis.retry.enabled=false", "spring.jmx.enabled=false", "server.port=0",
				"cloudinary.analysis.webhook.notification-url=http://127.0.0.1:9/never-reached"));
		fake.springProperties().forEach((name, value) -> properties.add(name + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.properties(properties.toArray(String[]::new))
			.run();
		List<CompletableFuture<?>> waits = new ArrayList<>();
		NotificationHub hub = context.getBean(NotificationHub.class);
		try {
			assertThat(((WebServerApplicationContext) context).getWebServer().getPort()).isPositive();
			AnalyzeClient analyze = context.getBean(AnalyzeClient.class);
			TasksClient tasks = context.getBean(TasksClient.class);
			for (int i = 0; i < 100; i++) {
				// The notifications go nowhere: only the close can end these waits.
				waits.add(analyze.analyzeAsync(AnalysisRequest.captioning(Source.uri(CAT)), Duration.ofMinutes(5)));
				waits.add(tasks.awaitCompletionAsync(fake.createTask(TaskLife.completesAfterPolls(1_000)),
						Duration.ofMinutes(5)));
			}
			assertThat(waits).noneMatch(CompletableFuture::isDone);
		}
		finally {
			context.close();
		}
		for (CompletableFuture<?> wait : waits) {
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> wait.get(20, TimeUnit.SECONDS))
				.satisfiesAnyOf((ex) -> assertThat(ex).isInstanceOf(CancellationException.class),
						(ex) -> assertThat(ex).hasCauseInstanceOf(CancellationException.class));
		}
		assertThat(hub.toString()).contains("waitedTasks=0,");
	}

	private static URI endpoint(int port) {
		return URI.create("http://127.0.0.1:" + port + PATH);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
