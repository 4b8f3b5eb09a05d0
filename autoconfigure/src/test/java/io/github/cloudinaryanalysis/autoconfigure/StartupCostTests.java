package io.github.cloudinaryanalysis.autoconfigure;

import java.util.Set;
import java.util.stream.Collectors;

import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up builds nothing dear that the application may never use: the JDK
 * {@code HttpClient} (its SSL context and selector thread) is built on the first call.
 */
class StartupCostTests {

	@Test
	void theHttpClientIsBuiltOnTheFirstCallNotAtStartUp() {
		try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder().start()) {
			String taskId = fake.createTask(TaskLife.fixed(TaskLife.COMPLETED));
			Set<String> before = threadNames();
			AnalysisContexts.runner().withPropertyValues(fake.springPropertyValues()).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(newSelectorThreads(before)).as("selector threads after start-up").isEmpty();
				context.getBean(TasksClient.class).getStatus(taskId);
				assertThat(newSelectorThreads(before)).as("selector threads after the first call").hasSize(1);
			});
		}
	}

	private static Set<String> newSelectorThreads(Set<String> before) {
		return threadNames().stream()
			.filter((name) -> name.matches("HttpClient-\\d+-SelectorManager") && !before.contains(name))
			.collect(Collectors.toSet());
	}

	private static Set<String> threadNames() {
		return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
	}

}
