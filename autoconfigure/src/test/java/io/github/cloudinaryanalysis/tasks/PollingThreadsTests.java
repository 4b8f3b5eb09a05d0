package io.github.cloudinaryanalysis.tasks;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisConfigurationException;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The threads that make the polls' calls: owned by the client, bounded by
 * {@code cloudinary.analysis.polling.max-concurrent-polls}, virtual when Boot's virtual
 * threads are on, started on the first wait only.
 */
class PollingThreadsTests {

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension api = new FakeCloudinaryAnalysisExtension().resetBeforeEachTest();

	private final List<Thread> pollThreads = new CopyOnWriteArrayList<>();

	@Test
	void pollsRunOnTheClientsOwnPlatformThreadsStartedByTheFirstWait() {
		FakeCloudinaryAnalysisApi fake = api.api();
		String taskId = fake.createTask(TaskLife.completesAfterPolls(2));
		runner(fake).run((context) -> {
			TasksClient client = context.getBean(TasksClient.class);
			assertThat(starterThreads()).as("threads before the first wait").isEmpty();
			client.getStatus(taskId, RequestOptions.defaults());
			assertThat(starterThreads()).as("threads after a plain call").isEmpty();
			client.awaitCompletion(taskId, Duration.ofSeconds(10));
			assertThat(this.pollThreads).hasSize(1).allSatisfy((thread) -> {
				assertThat(thread.getName()).startsWith("cloudinary-analysis-poll-");
				assertThat(thread.isDaemon()).isTrue();
			});
		});
	}

	@Test
	void maxConcurrentPollsBoundsThePollThreads() {
		FakeCloudinaryAnalysisApi fake = api.api();
		List<String> taskIds = java.util.stream.IntStream.range(0, 200)
			.mapToObj((i) -> fake.createTask(TaskLife.completesAfterPolls(2)))
			.toList();
		runner(fake).withPropertyValues("cloudinary.analysis.polling.max-concurrent-polls=3").run((context) -> {
			TasksClient client = context.getBean(TasksClient.class);
			List<java.util.concurrent.CompletableFuture<TaskStatusResponse>> futures = taskIds.stream()
				.map((id) -> client.awaitCompletionAsync(id, Duration.ofSeconds(30)))
				.toList();
			futures.forEach(java.util.concurrent.CompletableFuture::join);
			assertThat(this.pollThreads.stream().map(Thread::getName).distinct()).hasSizeBetween(1, 3);
		});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void pollsRunOnVirtualThreadsWhenBootsVirtualThreadsAreOn() throws Exception {
		FakeCloudinaryAnalysisApi fake = api.api();
		String taskId = fake.createTask(TaskLife.completesAfterPolls(2));
		runner(fake).withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			context.getBean(TasksClient.class).awaitCompletion(taskId, Duration.ofSeconds(10));
			assertThat(this.pollThreads).hasSize(2).allSatisfy((thread) -> {
				assertThat(thread.getName()).startsWith("cloudinary-analysis-poll-");
				assertThat(Thread.class.getMethod("isVirtual").invoke(thread)).isEqualTo(true);
			});
		});
	}

	@Test
	void aMaxConcurrentPollsBelowOneFailsStartupNamingTheProperty() {
		AnalysisContexts.against("https://api.cloudinary.com/v2/analysis")
			.withPropertyValues("cloudinary.analysis.polling.max-concurrent-polls=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(CloudinaryAnalysisConfigurationException.class)
				.hasMessageContaining("cloudinary.analysis.polling.max-concurrent-polls"));
	}

	@Test
	void theNewPropertyHasMetadataWithItsDefault() throws Exception {
		JsonNode property = null;
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			assertThat(in).isNotNull();
			for (JsonNode candidate : JsonMapper.builder().build().readTree(in).path("properties")) {
				if (candidate.path("name").asString().equals("cloudinary.analysis.polling.max-concurrent-polls")) {
					property = candidate;
				}
			}
		}
		assertThat(property).isNotNull();
		assertThat(property.path("defaultValue").asInt()).isEqualTo(16);
		assertThat(property.path("type").asString()).isEqualTo("java.lang.Integer");
		assertThat(property.path("description").asString()).contains("polls");
	}

	private List<String> starterThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("cloudinary-analysis-"))
			.toList();
	}

	private ApplicationContextRunner runner(FakeCloudinaryAnalysisApi fake) {
		return AnalysisContexts.runner()
			.withPropertyValues(fake.springPropertyValues())
			.withPropertyValues("cloudinary.analysis.polling.initial-interval=20ms")
			.withBean("pollWitness", TasksClientListener.class, () -> new TasksClientListener() {
				@Override
				public void onStatusCall(@Nullable TaskStatusResponse response, @Nullable RuntimeException failure) {
					Thread current = Thread.currentThread();
					if (current.getName().startsWith("cloudinary-analysis-")) {
						PollingThreadsTests.this.pollThreads.add(current);
					}
				}
			});
	}

}
