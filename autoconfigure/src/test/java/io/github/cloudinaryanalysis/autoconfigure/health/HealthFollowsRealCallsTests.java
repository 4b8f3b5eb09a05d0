package io.github.cloudinaryanalysis.autoconfigure.health;

import java.io.IOException;
import java.net.ServerSocket;

import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration;
import io.github.cloudinaryanalysis.health.CloudinaryAnalysisHealthIndicator;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Health follows the application's own calls at once, within a long cache window, and
 * sends no probe for it (issue 11, point 8).
 */
class HealthFollowsRealCallsTests {

	private static final String OK = "{\"data\":{\"task_id\":\"t1\",\"status\":\"pending\"}}";

	@StartStop
	final MockWebServer server = new MockWebServer();

	@ParameterizedTest
	@ValueSource(ints = { 500, 503, 401, 403 })
	void aFailedCallTurnsHealthDownAtOnceAndASuccessfulOneBackUp(int failure) {
		runner(AnalysisContexts.against(this.server)).run((context) -> {
			this.server.enqueue(ok());
			call(context);
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);

			this.server
				.enqueue(new MockResponse.Builder().code(failure).body("{\"error\":{\"message\":\"x\"}}").build());
			call(context);
			Health down = health(context);
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("source", "recent calls");
			assertThat(String.valueOf(down.getDetails().get("error"))).contains(String.valueOf(failure));

			this.server.enqueue(ok());
			call(context);
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
		assertThat(this.server.getRequestCount()).as("the application's three calls, no probe").isEqualTo(3);
	}

	@Test
	void aNotFoundCallKeepsHealthUp() {
		runner(AnalysisContexts.against(this.server)).run((context) -> {
			this.server.enqueue(new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"x\"}}").build());
			call(context);
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void aTransportFailureTurnsHealthDownWithoutAProbe() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		runner(AnalysisContexts.against("http://127.0.0.1:" + closedPort + "/v2/analysis")
			.withPropertyValues("cloudinary.analysis.retry.enabled=false")).run((context) -> {
				call(context);
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("source", "recent calls")
					.containsEntry("error", "API unreachable");
			});
	}

	private static void call(ApplicationContext context) {
		catchThrowable(() -> context.getBean(TasksClient.class).getStatus("t1"));
	}

	private static Health health(ApplicationContext context) {
		return context.getBean(CloudinaryAnalysisHealthIndicator.class).health();
	}

	private static MockResponse ok() {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(OK).build();
	}

	private static ApplicationContextRunner runner(ApplicationContextRunner runner) {
		// A cache window far longer than the test: only the calls themselves can change
		// the answer.
		return runner.withPropertyValues("cloudinary.analysis.health.cache-ttl=1h")
			.withConfiguration(AutoConfigurations.of(CloudinaryAnalysisAutoConfiguration.class,
					CloudinaryAnalysisHealthContributorAutoConfiguration.class));
	}

}
