package io.github.cloudinaryanalysis.sample;

import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app started from its ahead-of-time processed context, as a native image
 * starts it. The build's {@code process-aot} step (see the pom) generated the context's
 * bean definitions; this starts them with {@code spring.aot.enabled=true} and calls the
 * app over HTTP.
 */
class AotProcessedContextTests {

	private static final String AOT_INITIALIZER = SampleApplication.class.getName() + "__ApplicationContextInitializer";

	@Test
	void theAotProcessedAppServesTasksAndKeepsTheConditionsOfTheBuild() {
		assertThat(ClassUtils.isPresent(AOT_INITIALIZER, getClass().getClassLoader()))
			.as("process-aot output on the test class path")
			.isTrue();
		// As main() would: Boot finds the generated initializer from the main class (here
		// it would be surefire's).
		SpringApplication application = new SpringApplication(SampleApplication.class);
		application.setMainApplicationClass(SampleApplication.class);
		System.setProperty(AotDetector.AOT_ENABLED, "true");
		try (ConfigurableApplicationContext context = application.run("--server.port=0", "--CLOUDINARY_URL=",
				"--sample.embedded-fake.task-duration=100ms",
				// Switches that drive conditions were fixed when the context was
				// processed: this one is ignored.
				"--cloudinary.analysis.enabled=false")) {
			assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
			assertThat(context.getBeansOfType(TasksClient.class)).hasSize(1);

			FakeCloudinaryAnalysisApi fake = context.getBean(FakeCloudinaryAnalysisApi.class);
			String taskId = fake.createTask(TaskLife.completesAfterPolls(1));
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			ResponseEntity<String> response = new Http(port).get("/tasks/" + taskId);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			JsonNode body = Http.json(response);
			assertThat(body.get("taskId").asString()).isEqualTo(taskId);
			assertThat(body.get("status").asString()).isEqualTo("COMPLETED");
		}
		finally {
			System.clearProperty(AotDetector.AOT_ENABLED);
		}
	}

}
