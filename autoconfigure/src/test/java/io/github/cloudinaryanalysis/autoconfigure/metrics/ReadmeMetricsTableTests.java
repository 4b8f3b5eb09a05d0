package io.github.cloudinaryanalysis.autoconfigure.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration;
import io.github.cloudinaryanalysis.autoconfigure.observation.CloudinaryAnalysisObservationAutoConfiguration;
import io.github.cloudinaryanalysis.metrics.CloudinaryAnalysisMetrics;
import io.github.cloudinaryanalysis.tasks.DefaultTaskStatusObservationConvention;
import io.github.cloudinaryanalysis.tasks.RequestOptions;
import io.github.cloudinaryanalysis.tasks.TaskStatusObservationContext;
import io.github.cloudinaryanalysis.tasks.TaskStatusObservationConvention;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.Fault;
import io.github.cloudinaryanalysis.test.TaskLife;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The README's metrics table ("Metrics and traces"), meter by meter and tag value by tag
 * value, after real calls to the fake API: every {@code outcome} and {@code status} of
 * {@code cloudinary.analysis.tasks.status}, every {@code outcome} of
 * {@code cloudinary.analysis.tasks.await} (and its polls), the cap of 16 features on the
 * quota gauge, and a replaced observation convention. Retry reasons are in
 * {@code ReadmeErrorTableTests}.
 */
class ReadmeMetricsTableTests {

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension api = new FakeCloudinaryAnalysisExtension().resetBeforeEachTest();

	private FakeCloudinaryAnalysisApi fake;

	@BeforeEach
	void useFake() {
		this.fake = api.api();
	}

	@Test
	void everyOutcomeOfTheStatusTimer() {
		String taskId = this.fake.createTask(TaskLife.fixed(TaskLife.PENDING));
		runner().run((context) -> {
			TasksClient client = context.getBean(TasksClient.class);
			client.getStatus(taskId);
			catchThrowable(() -> client.getStatus("no_such_task"));
			this.fake.failNext(1, Fault.serverError(503));
			catchThrowable(() -> client.getStatus(taskId));
			this.fake.failNext(1, Fault.rateLimited(Duration.ofHours(1)));
			catchThrowable(() -> client.getStatus(taskId));
			this.fake.failNext(1, Fault.delay(Duration.ofSeconds(3)));
			catchThrowable(
					() -> client.getStatus(taskId, RequestOptions.defaults().withReadTimeout(Duration.ofMillis(200))));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(statusCount(registry, "success", "pending")).isEqualTo(1);
			assertThat(statusCount(registry, "client_error", "none")).isEqualTo(1);
			assertThat(statusCount(registry, "server_error", "none")).isEqualTo(1);
			assertThat(statusCount(registry, "rate_limited", "none")).isEqualTo(1);
			assertThat(statusCount(registry, "io_error", "none")).isEqualTo(1);
			assertThat(registry.find(DefaultTaskStatusObservationConvention.NAME).timers()).hasSize(5);
		});
	}

	@Test
	void everyStatusTagOfTheStatusTimer() {
		String pending = this.fake.createTask(TaskLife.fixed(TaskLife.PENDING));
		String processing = this.fake.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		String completed = this.fake.createTask(TaskLife.fixed(TaskLife.COMPLETED));
		String failed = this.fake.createTask(TaskLife.fixed(TaskLife.FAILED));
		runner().run((context) -> {
			TasksClient client = context.getBean(TasksClient.class);
			for (String taskId : new String[] { pending, processing, completed, failed }) {
				client.getStatus(taskId);
			}
			this.fake.failNext(1, Fault.status(200, "application/json",
					"{\"data\":{\"task_id\":\"" + pending + "\",\"status\":\"archived\"},\"request_id\":\"r\"}"));
			client.getStatus(pending);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			for (String status : new String[] { "pending", "processing", "completed", "failed", "unknown" }) {
				assertThat(statusCount(registry, "success", status)).as("status %s", status).isEqualTo(1);
			}
		});
	}

	@Test
	void everyOutcomeOfTheAwaitTimerAndItsPolls() {
		String completes = this.fake.createTask(TaskLife.completesAfterPolls(2));
		String fails = this.fake.createTask(TaskLife.failsAfterPolls(1));
		String neverEnds = this.fake.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		String cancelled = this.fake.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		runner().run((context) -> {
			TasksClient client = context.getBean(TasksClient.class);
			client.awaitCompletion(completes, Duration.ofSeconds(30));
			client.awaitCompletion(fails, Duration.ofSeconds(30));
			catchThrowable(() -> client.awaitCompletion(neverEnds, Duration.ofMillis(300)));
			catchThrowable(() -> client.awaitCompletion("no_such_task", Duration.ofSeconds(30)));
			CompletableFuture<TaskStatusResponse> future = client.awaitCompletionAsync(cancelled,
					Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(30)).until(() -> this.fake.pollCount(cancelled) >= 1);
			future.cancel(true);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(
						registry.find(CloudinaryAnalysisMetrics.AWAIT).tag("outcome", "cancelled").timer())
					.isNotNull());
			for (String outcome : new String[] { "completed", "failed", "timeout", "error", "cancelled" }) {
				assertThat(registry.get(CloudinaryAnalysisMetrics.AWAIT).tag("outcome", outcome).timer().count())
					.as("waits ending %s", outcome)
					.isEqualTo(1);
				assertThat(
						registry.get(CloudinaryAnalysisMetrics.AWAIT_POLLS).tag("outcome", outcome).summary().count())
					.as("poll counts of waits ending %s", outcome)
					.isEqualTo(1);
			}
			assertThat(registry.get(CloudinaryAnalysisMetrics.AWAIT_POLLS)
				.tag("outcome", "completed")
				.summary()
				.totalAmount()).isEqualTo(2);
			assertThat(registry.get(CloudinaryAnalysisMetrics.AWAIT_POLLS)
				.tag("outcome", "failed")
				.summary()
				.totalAmount()).isEqualTo(1);
		});
	}

	@Test
	void theQuotaGaugeTracksAtMost16Features() {
		String taskId = this.fake.createTask(TaskLife.fixed(TaskLife.COMPLETED));
		String reset = Instant.now().plus(Duration.ofHours(1)).toString();
		String items = IntStream.range(0, 40)
			.mapToObj((i) -> "{\"type\":\"feature_" + i + "\",\"used_by_request\":1,\"remaining\":" + i
					+ ",\"limit\":1000,\"reset_time\":\"" + reset + "\"}")
			.collect(Collectors.joining(","));
		this.fake.failNext(1,
				Fault.status(429, "application/json",
						"{\"error\":{\"category\":\"rate_limit_error\",\"code\":\"MA_429\",\"message\":\"slow down\"},"
								+ "\"limits\":{\"items\":[" + items + "]}}"));
		runner().run((context) -> {
			catchThrowable(() -> context.getBean(TasksClient.class).getStatus(taskId));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(CloudinaryAnalysisMetrics.QUOTA).gauges()).as("features tracked from 40 reported")
				.hasSize(16);
			registry.find(CloudinaryAnalysisMetrics.QUOTA)
				.gauges()
				.forEach((gauge) -> assertThat(gauge.value())
					.isEqualTo(Double.parseDouble(gauge.getId().getTag("feature").substring("feature_".length()))));
		});
	}

	@Test
	void aReplacedObservationConventionChangesTheTags() {
		String taskId = this.fake.createTask(TaskLife.fixed(TaskLife.COMPLETED));
		runner().withBean(TaskStatusObservationConvention.class, TenantConvention::new).run((context) -> {
			context.getBean(TasksClient.class).getStatus(taskId);
			Timer timer = context.getBean(MeterRegistry.class)
				.get(DefaultTaskStatusObservationConvention.NAME)
				.tags("outcome", "success", "status", "completed", "tenant", "acme")
				.timer();
			assertThat(timer.count()).isEqualTo(1);
		});
	}

	private static long statusCount(MeterRegistry registry, String outcome, String status) {
		Timer timer = registry.find(DefaultTaskStatusObservationConvention.NAME)
			.tags("outcome", outcome, "status", status)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, RestClientObservationAutoConfiguration.class,
					CloudinaryAnalysisAutoConfiguration.class, CloudinaryAnalysisMetricsAutoConfiguration.class,
					CloudinaryAnalysisObservationAutoConfiguration.class))
			.withPropertyValues(this.fake.springPropertyValues())
			// One attempt per call, so that each call is one observation with the outcome
			// of that answer.
			.withPropertyValues("cloudinary.analysis.retry.enabled=false",
					"cloudinary.analysis.polling.initial-interval=10ms",
					"cloudinary.analysis.polling.max-interval=50ms");
	}

	/** A user's convention: the default tags plus one of its own. */
	static class TenantConvention extends DefaultTaskStatusObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(TaskStatusObservationContext context) {
			return super.getLowCardinalityKeyValues(context).and(KeyValue.of("tenant", "acme"));
		}

	}

}
