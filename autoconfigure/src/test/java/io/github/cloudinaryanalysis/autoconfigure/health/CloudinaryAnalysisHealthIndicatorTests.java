package io.github.cloudinaryanalysis.autoconfigure.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration;
import io.github.cloudinaryanalysis.health.ClientActivity;
import io.github.cloudinaryanalysis.health.CloudinaryAnalysisHealthIndicator;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.test.MutableClock;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health states against a local server, one per kind of answer, and the bound on probes.
 */
class CloudinaryAnalysisHealthIndicatorTests {

	@StartStop
	final MockWebServer server = new MockWebServer();

	@ParameterizedTest
	@ValueSource(ints = { 404, 400 })
	void aProbeTheApiRejectsAsUnknownTaskIsUp(int status) {
		this.server.enqueue(error(status, "user_error"));
		Health health = health(runner());
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("cloudName", "demo")
			.containsEntry("host", this.server.getHostName())
			.containsEntry("source", "probe");
		assertThat(health.toString()).doesNotContain(AnalysisContexts.API_SECRET)
			.doesNotContain(AnalysisContexts.API_KEY);
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 403 })
	void rejectedCredentialsAreDownWithAReasonNamingThem(int status) {
		this.server.enqueue(error(status, "auth_error"));
		Health health = health(runner());
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains("credentials rejected", "CLOUDINARY_URL");
		assertThat(health.toString()).doesNotContain(AnalysisContexts.API_SECRET);
	}

	@Test
	void rateLimitedIsUpWithADetail() {
		this.server.enqueue(new MockResponse.Builder().code(429)
			.addHeader("Retry-After", "30")
			.body("{\"error\":{\"category\":\"rate_limit_error\",\"code\":\"MA_429\",\"message\":\"slow\"}}")
			.build());
		Health health = health(runner());
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("rateLimited", true).containsEntry("retryAfterSeconds", 30L);
	}

	@Test
	void aServerErrorIsDown() {
		this.server.enqueue(error(500, "server_error"));
		Health health = health(runner());
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "API answered HTTP 500");
	}

	@Test
	void anApiThatNeverAnswersIsDownAfterTheProbeTimeoutWithoutStallingTheEndpoint() throws IOException {
		// Connections are accepted by the kernel's backlog, and no byte ever comes back.
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			ApplicationContextRunner runner = healthRunner(
					AnalysisContexts.against("http://127.0.0.1:" + silent.getLocalPort() + "/v2/analysis"))
				.withPropertyValues("cloudinary.analysis.read-timeout=5m", "cloudinary.analysis.health.timeout=300ms");
			runner.run((context) -> {
				CloudinaryAnalysisHealthIndicator indicator = context.getBean(CloudinaryAnalysisHealthIndicator.class);
				// Without its own timeout the probe would wait for the 5-minute read
				// timeout; a generous 60 s
				// (200 times the probe timeout) only guards against a hang, not against a
				// slow machine.
				assertThat(CompletableFuture.supplyAsync(indicator::health)).succeedsWithin(Duration.ofSeconds(60))
					.satisfies((health) -> {
						assertThat(health.getStatus()).isEqualTo(Status.DOWN);
						assertThat(health.getDetails().get("error").toString()).contains("no answer within");
					});
			});
		}
	}

	@Test
	void anUnreachableApiIsDown() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Health health = health(
				healthRunner(AnalysisContexts.against("http://127.0.0.1:" + closedPort + "/v2/analysis")));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains("unreachable");
	}

	@Test
	void neverMoreThanOneProbePerCacheTtlHoweverOftenAsked() {
		this.server.enqueue(error(404, "user_error"));
		this.server.enqueue(error(404, "user_error"));
		runner().run((context) -> {
			HealthIndicator indicator = context.getBean(CloudinaryAnalysisHealthIndicator.class);
			for (int i = 0; i < 50; i++) {
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			}
		});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void aResultStandsForTheCacheTtlAndIsProbedAgainOnceItExpires() {
		this.server.enqueue(error(404, "user_error"));
		this.server.enqueue(error(401, "auth_error"));
		MutableClock clock = new MutableClock(Instant.parse("2026-11-28T16:20:00Z"));
		runner().run((context) -> {
			// The indicator takes a clock: time moves only when the test says so.
			CloudinaryAnalysisHealthIndicator indicator = new CloudinaryAnalysisHealthIndicator(
					context.getBean(TasksClient.class), new ClientActivity(), "demo",
					this.server.url("/v2/analysis").toString(), Duration.ofSeconds(30), Duration.ofSeconds(10), clock);
			try {
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				clock.advance(Duration.ofSeconds(29));
				assertThat(indicator.health().getStatus()).as("29 s later: still the cached result")
					.isEqualTo(Status.UP);
				assertThat(this.server.getRequestCount()).isEqualTo(1);
				clock.advance(Duration.ofSeconds(1));
				assertThat(indicator.health().getStatus()).as("30 s later: probed again").isEqualTo(Status.DOWN);
				assertThat(indicator.health().getStatus()).as("and that result cached").isEqualTo(Status.DOWN);
			}
			finally {
				indicator.destroy();
			}
		});
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void noProbeWhileTheApplicationsOwnCallsProveTheSame() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.body("{\"data\":{\"task_id\":\"t1\",\"status\":\"pending\"}}")
			.build());
		runner().run((context) -> {
			context.getBean(TasksClient.class).getStatus("t1");
			Health health = context.getBean(CloudinaryAnalysisHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("source", "recent calls").containsKey("lastSuccess");
		});
		assertThat(this.server.getRequestCount()).as("only the application's own call").isEqualTo(1);
	}

	@Test
	void switchedOffWithTheManagementProperty() {
		runner().withPropertyValues("management.health.cloudinary-analysis.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CloudinaryAnalysisHealthIndicator.class));
	}

	@Test
	void backsOffWithoutActuatorHealth() {
		runner().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(TasksClient.class)
				.doesNotHaveBean(CloudinaryAnalysisHealthIndicator.class));
	}

	@Test
	void theBeanNameGivesTheContributorNameCloudinaryAnalysis() {
		runner().run((context) -> assertThat(context).hasBean("cloudinaryAnalysisHealthIndicator"));
	}

	private ApplicationContextRunner runner() {
		return healthRunner(AnalysisContexts.against(this.server));
	}

	private static ApplicationContextRunner healthRunner(ApplicationContextRunner runner) {
		return runner.withConfiguration(AutoConfigurations.of(CloudinaryAnalysisAutoConfiguration.class,
				CloudinaryAnalysisHealthContributorAutoConfiguration.class));
	}

	private static Health health(ApplicationContextRunner runner) {
		Health[] health = new Health[1];
		runner.run((context) -> health[0] = context.getBean(CloudinaryAnalysisHealthIndicator.class).health());
		return health[0];
	}

	private static MockResponse error(int status, String category) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":{\"category\":\"" + category + "\",\"code\":\"MA_" + status + "\",\"message\":\"x\"}}")
			.build();
	}

}
