package io.github.cloudinaryanalysis.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration;
import io.github.cloudinaryanalysis.autoconfigure.observation.CloudinaryAnalysisObservationAutoConfiguration;
import io.github.cloudinaryanalysis.tasks.TaskAwaitTimeoutException;
import io.github.cloudinaryanalysis.tasks.TaskStatusObservationContext;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.TaskLife;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A wait stays inside the caller's trace: it is an observation
 * {@code cloudinary.analysis.tasks.await} whose parent is the caller's current
 * observation, each poll's {@code cloudinary.analysis.tasks.status} observation is its
 * child, and the caller's context (here a thread local registered with Micrometer's
 * context-propagation, as log correlation is) reaches the threads that poll.
 */
class AwaitObservationTests {

	private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension api = new FakeCloudinaryAnalysisExtension().resetBeforeEachTest();

	private FakeCloudinaryAnalysisApi fake;

	private final List<Observation.Context> started = new CopyOnWriteArrayList<>();

	private final List<String> requestIdsSeenByPolls = new CopyOnWriteArrayList<>();

	private final List<String> threadsOfPolls = new CopyOnWriteArrayList<>();

	@BeforeEach
	void setUp() {
		this.fake = api.api();
		ContextRegistry.getInstance().registerThreadLocalAccessor(new RequestIdAccessor());
	}

	@AfterEach
	void tearDown() {
		ContextRegistry.getInstance().removeThreadLocalAccessor(RequestIdAccessor.KEY);
	}

	@Test
	void aWaitIsAChildOfTheCallersObservationAndItsPollsAreItsChildren() {
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(3));
		runner().run((context) -> {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			Observation caller = Observation.start("caller.request", registry);
			REQUEST_ID.set("request-42");
			try (Observation.Scope scope = caller.openScope()) {
				TaskStatusResponse response = context.getBean(TasksClient.class)
					.awaitCompletion(taskId, Duration.ofSeconds(10));
				assertThat(response.taskId()).isEqualTo(taskId);
			}
			finally {
				REQUEST_ID.remove();
				caller.stop();
			}
			assertFamily(caller.getContext(), 3);
			assertThat(this.requestIdsSeenByPolls).containsExactly("request-42", "request-42", "request-42");
			assertThat(this.threadsOfPolls)
				.allSatisfy((name) -> assertThat(name).startsWith("cloudinary-analysis-poll-"));
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("cloudinary.analysis.tasks.await").tag("outcome", "completed").timer().count())
				.isEqualTo(1);
		});
	}

	@Test
	void anAsyncWaitStaysInTheTraceOfTheCallerThatStartedIt() throws Exception {
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(2));
		runner().run((context) -> {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			Observation caller = Observation.start("caller.request", registry);
			REQUEST_ID.set("request-7");
			var future = caller
				.scoped(() -> context.getBean(TasksClient.class).awaitCompletionAsync(taskId, Duration.ofSeconds(10)));
			REQUEST_ID.remove();
			// The caller's thread moves on; the wait goes on elsewhere, still in its
			// trace.
			assertThat(future.get(10, TimeUnit.SECONDS).taskId()).isEqualTo(taskId);
			caller.stop();
			assertFamily(caller.getContext(), 2);
			assertThat(this.requestIdsSeenByPolls).containsExactly("request-7", "request-7");
		});
	}

	@Test
	void aTimedOutWaitIsObservedWithItsOutcome() {
		String taskId = this.fake.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		runner().run((context) -> {
			assertThatExceptionOfType(TaskAwaitTimeoutException.class)
				.isThrownBy(() -> context.getBean(TasksClient.class).awaitCompletion(taskId, Duration.ofMillis(300)));
			Observation.Context await = awaitContext();
			assertThat(await.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("timeout");
			assertThat(await.getParentObservation()).as("no caller observation, so a root").isNull();
			assertThat(context.getBean(MeterRegistry.class)
				.get("cloudinary.analysis.tasks.await")
				.tag("outcome", "timeout")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	private void assertFamily(Observation.Context caller, int polls) {
		Observation.Context await = awaitContext();
		assertThat(await.getContextualName()).isEqualTo("cloudinary-analysis await");
		assertThat(await.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("completed");
		assertThat(contextOf(await.getParentObservation())).as("parent of the wait").isSameAs(caller);
		List<Observation.Context> statusCalls = this.started.stream()
			.filter(TaskStatusObservationContext.class::isInstance)
			.toList();
		assertThat(statusCalls).hasSize(polls);
		assertThat(statusCalls).allSatisfy(
				(call) -> assertThat(contextOf(call.getParentObservation())).as("parent of a poll").isSameAs(await));
	}

	private Observation.Context awaitContext() {
		return this.started.stream()
			.filter((observed) -> observed.getName().equals("cloudinary.analysis.tasks.await"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no await observation among " + this.started));
	}

	private static Object contextOf(@Nullable ObservationView view) {
		return (view != null) ? view.getContextView() : null;
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, RestClientObservationAutoConfiguration.class,
					CloudinaryAnalysisAutoConfiguration.class, CloudinaryAnalysisMetricsAutoConfiguration.class,
					CloudinaryAnalysisObservationAutoConfiguration.class))
			.withBean("recordingHandler", ObservationHandler.class, () -> new Recording(this.started))
			.withBean("pollWitness", TasksClientListener.class, () -> new TasksClientListener() {
				@Override
				public void onStatusCall(@Nullable TaskStatusResponse response, @Nullable RuntimeException failure) {
					// Runs on the poll thread, inside the status call.
					this.record();
				}

				private void record() {
					AwaitObservationTests.this.requestIdsSeenByPolls.add(String.valueOf(REQUEST_ID.get()));
					AwaitObservationTests.this.threadsOfPolls.add(Thread.currentThread().getName());
				}
			})
			.withPropertyValues(this.fake.springPropertyValues())
			.withPropertyValues("cloudinary.analysis.polling.initial-interval=20ms");
	}

	private record Recording(List<Observation.Context> started) implements ObservationHandler<Observation.Context> {

		@Override
		public void onStart(Observation.Context context) {
			this.started.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	/**
	 * A request id kept in a thread local, as MDC-based log correlation keeps the trace
	 * id.
	 */
	private static final class RequestIdAccessor implements ThreadLocalAccessor<String> {

		static final String KEY = "test.request-id";

		@Override
		public Object key() {
			return KEY;
		}

		@Override
		public String getValue() {
			return REQUEST_ID.get();
		}

		@Override
		public void setValue(String value) {
			REQUEST_ID.set(value);
		}

		@Override
		public void setValue() {
			REQUEST_ID.remove();
		}

	}

}
