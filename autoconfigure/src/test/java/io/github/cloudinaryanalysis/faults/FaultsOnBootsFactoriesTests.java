package io.github.cloudinaryanalysis.faults;

import java.io.IOException;
import java.time.Duration;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The hostile answers of {@link FaultInjectionTests} (a redirect to another host, an
 * oversized body, an endless body) on the request factories an application can choose
 * with {@code spring.http.clients.imperative.factory} ({@code simple}, {@code jdk}), not
 * only on the starter's default one ({@code default} below: no property set).
 */
class FaultsOnBootsFactoriesTests {

	private static final String TASK = "task_1";

	private FaultServer server;

	private ThreadLeaks threads;

	@BeforeEach
	void start() throws IOException {
		this.threads = ThreadLeaks.snapshot();
		this.server = new FaultServer();
	}

	@AfterEach
	void stop() throws Exception {
		this.server.close();
		assertThat(this.threads.leftBehind()).as("threads left behind").isEmpty();
	}

	@ParameterizedTest(name = "factory {0}")
	@ValueSource(strings = { "default", "simple", "jdk" })
	void aRedirectToAnotherHostIsNotFollowedAndForwardsNoCredentials(String factory) throws Exception {
		try (FaultServer otherHost = new FaultServer()) {
			otherHost.otherwise(FaultServer.respond(200, "application/json",
					"{\"data\":{\"task_id\":\"task_1\",\"status\":\"completed\"}}"));
			this.server.otherwise(FaultServer.respond(302, "text/plain", "",
					"Location: " + otherHost.baseUrl() + "/demo/tasks/task_1\r\n"));
			runner(factory).run((context) -> {
				CloudinaryAnalysisException ex = catchThrowableOfType(CloudinaryAnalysisException.class,
						() -> context.getBean(TasksClient.class).getStatus(TASK));
				assertThat(ex).isNotNull();
				assertThat(ex.getStatusCode().value()).isEqualTo(302);
			});
			assertThat(this.server.requestCount()).isEqualTo(1);
			assertThat(otherHost.requestCount()).as("requests that reached the other host").isZero();
		}
	}

	@ParameterizedTest(name = "factory {0}")
	@ValueSource(strings = { "default", "simple", "jdk" })
	void anOversizedBodyIsCutAtTheLimitAndItsConnectionClosed(String factory) throws Exception {
		this.server.then(FaultServer.hugeBody(10 * 1024 * 1024));
		runner(factory).run((context) -> {
			CloudinaryAnalysisException ex = catchThrowableOfType(CloudinaryAnalysisException.class,
					() -> context.getBean(TasksClient.class).getStatus(TASK));
			assertThat(ex).isNotNull().hasMessageContaining("larger than 1048576 bytes");
		});
		assertThat(this.server.requestCount()).isEqualTo(1);
		assertThat(this.server.openConnectionsAfter(Duration.ofSeconds(10))).as("connections left open").isZero();
	}

	@ParameterizedTest(name = "factory {0}")
	@ValueSource(strings = { "default", "simple", "jdk" })
	void anEndlessBodyIsCutAtTheLimitInsteadOfBeingDrained(String factory) throws Exception {
		this.server.then(FaultServer.endlessBody());
		runner(factory).run((context) -> {
			CloudinaryAnalysisException ex = catchThrowableOfType(CloudinaryAnalysisException.class,
					() -> context.getBean(TasksClient.class).getStatus(TASK));
			assertThat(ex).isNotNull().hasMessageContaining("larger than 1048576 bytes");
		});
		assertThat(this.server.requestCount()).isEqualTo(1);
		assertThat(this.server.openConnectionsAfter(Duration.ofSeconds(10))).as("connections left open").isZero();
	}

	private ApplicationContextRunner runner(String factory) {
		ApplicationContextRunner runner = AnalysisContexts.against(this.server.baseUrl())
			.withPropertyValues("cloudinary.analysis.retry.initial-interval=10ms");
		return factory.equals("default") ? runner
				: runner.withPropertyValues("spring.http.clients.imperative.factory=" + factory);
	}

}
