package io.github.cloudinaryanalysis.sample;

import java.time.Duration;

import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisProperties;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's example of testing a user's service against the fake Analysis API, kept
 * compiling and passing here.
 */
@SpringBootTest(properties = "cloudinary.analysis.polling.initial-interval=50ms")
class ReadmeExampleTests {

	// --- README example starts here
	@RegisterExtension
	static FakeCloudinaryAnalysisExtension cloudinary = new FakeCloudinaryAnalysisExtension();

	@DynamicPropertySource
	static void cloudinaryProperties(DynamicPropertyRegistry registry) {
		FakeCloudinaryAnalysisProperties.register(registry, cloudinary::api);
	}

	@Autowired
	ModerationService service;

	@Test
	void finishesACompletedTask() {
		String taskId = cloudinary.api().createTask(TaskLife.completesAfterPolls(2));
		assertThat(this.service.finish(taskId)).isEqualTo(TaskStatus.COMPLETED);
		assertThat(cloudinary.api().pollCount(taskId)).isEqualTo(2);
	}
	// --- README example ends here

	/** The user's service of the README. */
	static class ModerationService {

		private final TasksClient tasks;

		ModerationService(TasksClient tasks) {
			this.tasks = tasks;
		}

		TaskStatus finish(String taskId) {
			return this.tasks.awaitCompletion(taskId, Duration.ofMinutes(2)).status();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ServiceConfiguration {

		@Bean
		ModerationService moderationService(TasksClient tasks) {
			return new ModerationService(tasks);
		}

	}

}
