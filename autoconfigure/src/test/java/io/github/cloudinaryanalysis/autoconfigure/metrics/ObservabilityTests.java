package io.github.cloudinaryanalysis.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration;
import io.github.cloudinaryanalysis.autoconfigure.health.CloudinaryAnalysisHealthContributorAutoConfiguration;
import io.github.cloudinaryanalysis.autoconfigure.observation.CloudinaryAnalysisObservationAutoConfiguration;
import io.github.cloudinaryanalysis.metrics.CloudinaryAnalysisMetrics;
import io.github.cloudinaryanalysis.tasks.TaskStatusObservationContext;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.Fault;
import io.github.cloudinaryanalysis.test.TaskLife;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
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
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Meters and observations after real HTTP calls to the fake API, with Boot's metrics and
 * observation auto-configuration and a {@code SimpleMeterRegistry}.
 */
class ObservabilityTests {

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension api = new FakeCloudinaryAnalysisExtension().resetBeforeEachTest();

	private FakeCloudinaryAnalysisApi fake;

	@BeforeEach
	void useFake() {
		this.fake = api.api();
	}

	@Test
	void eachCallIsObservedWithBoundedTags() {
		String taskId = this.fake.createTask(TaskLife.fixed(TaskLife.COMPLETED));
		runner().run((context) -> {
			TasksClient client = context.getBean(TasksClient.class);
			client.getStatus(taskId);
			assertThatExceptionOfType(CloudinaryAnalysisException.NotFound.class)
				.isThrownBy(() -> client.getStatus("unknown_task_42"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("cloudinary.analysis.tasks.status")
				.tags("outcome", "success", "status", "completed")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("cloudinary.analysis.tasks.status")
				.tags("outcome", "client_error", "status", "none")
				.timer()
				.count()).isEqualTo(1);
			assertNoTagCarries(registry, taskId, "unknown_task_42");
		});
	}

	@Test
	void httpClientRequestsCarryTheUriTemplateAndThisClientsName() {
		String taskId = this.fake.createTask(TaskLife.fixed(TaskLife.PENDING));
		runner().run((context) -> {
			context.getBean(TasksClient.class).getStatus(taskId);
			Timer timer = context.getBean(MeterRegistry.class).get("http.client.requests").timer();
			assertThat(timer.getId().getTag("client.name")).isEqualTo("cloudinary-analysis");
			assertThat(timer.getId().getTag("uri")).isEqualTo("/v2/analysis/{cloudName}/tasks/{taskId}");
			assertNoTagCarries(context.getBean(MeterRegistry.class), taskId);
		});
	}

	@Test
	void retriesAreCountedByReason() {
		String taskId = this.fake.createTask(TaskLife.fixed(TaskLife.COMPLETED));
		this.fake.failNext(2, Fault.serverError(503));
		runner().run((context) -> {
			context.getBean(TasksClient.class).getStatus(taskId);
			assertThat(context.getBean(MeterRegistry.class)
				.get("cloudinary.analysis.retries")
				.tag("reason", "server_error")
				.counter()
				.count()).isEqualTo(2);
		});
	}

	@Test
	void theLastKnownRemainingQuotaIsAGaugePerFeature() {
		String taskId = this.fake.createTask(TaskLife.fixed(TaskLife.COMPLETED));
		this.fake.failNext(1, Fault.rateLimited(Duration.ofHours(1)));
		runner().run((context) -> {
			TasksClient client = context.getBean(TasksClient.class);
			assertThatExceptionOfType(CloudinaryAnalysisException.TooManyRequests.class)
				.isThrownBy(() -> client.getStatus(taskId));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("cloudinary.analysis.rate.limit.remaining")
				.tag("feature", "ai_vision")
				.gauge()
				.value()).isZero();
			assertThat(registry.get("cloudinary.analysis.tasks.status").tag("outcome", "rate_limited").timer().count())
				.isEqualTo(1);
		});
	}

	@Test
	void waitsAreTimedWithTheirFinalStatusAndPollCount() {
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(3));
		runner().run((context) -> {
			context.getBean(TasksClient.class).awaitCompletion(taskId, Duration.ofSeconds(10));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("cloudinary.analysis.tasks.await").tag("outcome", "completed").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("cloudinary.analysis.tasks.await.polls")
				.tag("outcome", "completed")
				.summary()
				.totalAmount()).isEqualTo(3);
		});
	}

	@Test
	void theObservationCarriesTheTaskIdOnlyAsAHighCardinalityKey() {
		String taskId = this.fake.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		List<Observation.Context> observed = new CopyOnWriteArrayList<>();
		runner().withBean("recordingHandler", ObservationHandler.class, () -> new RecordingHandler(observed))
			.run((context) -> {
				context.getBean(TasksClient.class).getStatus(taskId);
				Observation.Context call = observed.stream()
					.filter(TaskStatusObservationContext.class::isInstance)
					.findFirst()
					.orElseThrow();
				assertThat(call.getName()).isEqualTo("cloudinary.analysis.tasks.status");
				assertThat(call.getContextualName()).isEqualTo("cloudinary-analysis get-task-status");
				assertThat(call.getHighCardinalityKeyValue("task.id").getValue()).isEqualTo(taskId);
				assertThat(call.getLowCardinalityKeyValues().stream().map((keyValue) -> keyValue.getValue()))
					.containsExactlyInAnyOrder("success", "processing");
			});
	}

	@Test
	void metricsEnabledFalseSwitchesOurMetersAndObservationOff() {
		String taskId = this.fake.createTask(TaskLife.fixed(TaskLife.COMPLETED));
		runner().withPropertyValues("cloudinary.analysis.metrics.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CloudinaryAnalysisMetrics.class);
			context.getBean(TasksClient.class).getStatus(taskId);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("cloudinary.analysis.tasks.status").timer()).isNull();
			assertThat(registry.find("http.client.requests").timer()).as("Boot's own metrics stay").isNotNull();
		});
	}

	@Test
	void bootsObservationSwitchTurnsTheCallObservationOff() {
		String taskId = this.fake.createTask(TaskLife.fixed(TaskLife.COMPLETED));
		runner().withPropertyValues("management.observations.enable.cloudinary.analysis=false").run((context) -> {
			context.getBean(TasksClient.class).getStatus(taskId);
			assertThat(context.getBean(MeterRegistry.class).find("cloudinary.analysis.tasks.status").timer()).isNull();
		});
	}

	@Test
	void withoutMicrometerTheClientStillWorks() {
		String taskId = this.fake.createTask(TaskLife.fixed(TaskLife.COMPLETED));
		// Without micrometer-core, Boot's metrics auto-configurations are absent too:
		// only ours are asked to back off.
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					CloudinaryAnalysisAutoConfiguration.class, CloudinaryAnalysisMetricsAutoConfiguration.class,
					CloudinaryAnalysisObservationAutoConfiguration.class))
			.withPropertyValues(this.fake.springPropertyValues())
			.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CloudinaryAnalysisMetrics.class);
				assertThat(context.getBean(TasksClient.class).getStatus(taskId).taskId()).isEqualTo(taskId);
			});
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, RestClientObservationAutoConfiguration.class,
					CloudinaryAnalysisAutoConfiguration.class, CloudinaryAnalysisMetricsAutoConfiguration.class,
					CloudinaryAnalysisObservationAutoConfiguration.class,
					CloudinaryAnalysisHealthContributorAutoConfiguration.class))
			.withPropertyValues(this.fake.springPropertyValues())
			.withPropertyValues("cloudinary.analysis.retry.initial-interval=10ms",
					"cloudinary.analysis.polling.initial-interval=10ms");
	}

	private static void assertNoTagCarries(MeterRegistry registry, String... taskIds) {
		for (Meter meter : registry.getMeters()) {
			for (Tag tag : meter.getId().getTags()) {
				for (String taskId : taskIds) {
					assertThat(tag.getValue()).as("tag %s of %s", tag.getKey(), meter.getId().getName())
						.doesNotContain(taskId);
				}
			}
		}
	}

	private record RecordingHandler(
			List<Observation.Context> observed) implements ObservationHandler<Observation.Context> {

		@Override
		public void onStop(Observation.Context context) {
			this.observed.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
