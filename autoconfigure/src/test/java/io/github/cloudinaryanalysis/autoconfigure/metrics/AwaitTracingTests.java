package io.github.cloudinaryanalysis.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration;
import io.github.cloudinaryanalysis.autoconfigure.observation.CloudinaryAnalysisObservationAutoConfiguration;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.TaskLife;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a real tracer (Brave, through Boot's tracing auto-configuration), a wait is a span
 * in the caller's trace, each poll's span is its child, and what is logged on the poll
 * threads carries the caller's trace id (MDC).
 */
class AwaitTracingTests {

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension api = new FakeCloudinaryAnalysisExtension().resetBeforeEachTest();

	private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

	private final List<String> traceIdsInPollMdc = new CopyOnWriteArrayList<>();

	@Test
	void aWaitAndItsPollsAreSpansOfTheCallersTrace() {
		FakeCloudinaryAnalysisApi fake = api.api();
		String taskId = fake.createTask(TaskLife.completesAfterPolls(2));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					MicrometerTracingAutoConfiguration.class, BraveAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, RestClientObservationAutoConfiguration.class,
					CloudinaryAnalysisAutoConfiguration.class, CloudinaryAnalysisObservationAutoConfiguration.class))
			.withBean("recordingSpanHandler", SpanHandler.class, () -> new SpanHandler() {
				@Override
				public boolean end(TraceContext context, MutableSpan span, Cause cause) {
					AwaitTracingTests.this.spans.add(span);
					return true;
				}
			})
			.withBean("mdcWitness", TasksClientListener.class, () -> new TasksClientListener() {
				@Override
				public void onStatusCall(@Nullable TaskStatusResponse response, @Nullable RuntimeException failure) {
					AwaitTracingTests.this.traceIdsInPollMdc.add(String.valueOf(MDC.get("traceId")));
				}
			})
			.withPropertyValues(fake.springPropertyValues())
			.withPropertyValues("management.tracing.sampling.probability=1.0",
					"cloudinary.analysis.polling.initial-interval=20ms")
			.run((context) -> {
				assertThat(context).hasSingleBean(Tracer.class);
				ObservationRegistry registry = context.getBean(ObservationRegistry.class);
				Observation caller = Observation.start("caller.request", registry);
				String traceId;
				try (Observation.Scope scope = caller.openScope()) {
					traceId = context.getBean(Tracer.class).currentSpan().context().traceId();
					context.getBean(TasksClient.class).awaitCompletion(taskId, Duration.ofSeconds(10));
				}
				finally {
					caller.stop();
				}
				MutableSpan callerSpan = span("caller.request");
				MutableSpan await = span("cloudinary-analysis await");
				List<MutableSpan> polls = this.spans.stream()
					.filter((span) -> "cloudinary-analysis get-task-status".equals(span.name()))
					.toList();
				assertThat(callerSpan.traceId()).isEqualTo(traceId);
				assertThat(await.traceId()).isEqualTo(traceId);
				assertThat(await.parentId()).isEqualTo(callerSpan.id());
				assertThat(polls).hasSize(2).allSatisfy((poll) -> {
					assertThat(poll.traceId()).isEqualTo(traceId);
					assertThat(poll.parentId()).isEqualTo(await.id());
				});
				assertThat(this.spans).allSatisfy((span) -> assertThat(span.traceId()).isEqualTo(traceId));
				assertThat(this.traceIdsInPollMdc).containsExactly(traceId, traceId);
			});
	}

	private MutableSpan span(String name) {
		return this.spans.stream()
			.filter((span) -> name.equals(span.name()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no span " + name + " among " + this.spans));
	}

}
