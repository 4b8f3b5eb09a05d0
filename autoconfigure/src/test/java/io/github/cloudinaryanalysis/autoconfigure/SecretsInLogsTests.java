package io.github.cloudinaryanalysis.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With every logger at DEBUG, a successful call, an error and a failed startup log no
 * credential.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTests {

	@StartStop
	final MockWebServer server = new MockWebServer();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private Level previous;

	@BeforeEach
	void debugEverything() {
		this.previous = this.root.getLevel();
		this.root.setLevel(Level.DEBUG);
	}

	@AfterEach
	void restore() {
		this.root.setLevel(this.previous);
	}

	@Test
	void callsAndErrorsLogNoCredentials(CapturedOutput output) {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body("{\"data\":{\"task_id\":\"t1\",\"status\":\"pending\"},\"request_id\":\"r\"}")
			.build());
		this.server.enqueue(new MockResponse.Builder().code(401)
			.body("{\"error\":{\"category\":\"auth_error\",\"code\":\"MA_401\",\"message\":\"bad\"}}")
			.build());
		AnalysisContexts.against(this.server).run((context) -> {
			TasksClient client = context.getBean(TasksClient.class);
			client.getStatus("t1");
			assertThatExceptionOfType(CloudinaryAnalysisException.Unauthorized.class)
				.isThrownBy(() -> client.getStatus("t1"));
		});
		assertThat(output.getAll()).as("DEBUG output is produced at all").contains("Task t1 is PENDING");
		assertNoCredentials(output.getAll());
	}

	@Test
	void aFailedStartupLogsNoSecret(CapturedOutput output) {
		AnalysisContexts.runner()
			.withPropertyValues(
					"cloudinary.analysis.url=cloudinary://" + AnalysisContexts.API_KEY + ":"
							+ AnalysisContexts.API_SECRET + "@",
					"cloudinary.analysis.api-secret=" + AnalysisContexts.API_SECRET)
			.run((context) -> assertThat(context).hasFailed());
		assertThat(output.getAll()).contains("missing cloud name");
		assertNoCredentials(output.getAll());
	}

	private static void assertNoCredentials(String output) {
		String basic = Base64.getEncoder()
			.encodeToString(
					(AnalysisContexts.API_KEY + ":" + AnalysisContexts.API_SECRET).getBytes(StandardCharsets.UTF_8));
		assertThat(output).doesNotContain(AnalysisContexts.API_SECRET).doesNotContain(basic);
	}

}
