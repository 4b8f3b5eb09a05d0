package io.github.cloudinaryanalysis.tasks;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import io.github.cloudinaryanalysis.CloudinaryAnalysisUnavailableException;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.Fault;
import io.github.cloudinaryanalysis.test.ReceivedRequest;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link TasksClient#builder()} without a Spring context, against the project's fake over
 * loopback HTTP, as Spring AI tests its API builders.
 */
class TasksClientBuilderTests {

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension fake = new FakeCloudinaryAnalysisExtension().resetBeforeEachTest();

	/**
	 * A delay far beyond the per-call read timeout and far below the client's own 30 s
	 * default.
	 */
	private static final Duration SLOW_ANSWER = Duration.ofSeconds(3);

	private static final Duration PER_CALL_READ_TIMEOUT = Duration.ofMillis(300);

	@Test
	void getStatusSendsTheCredentialsAndReadsTheAnswer() {
		FakeCloudinaryAnalysisApi api = fake.api();
		String taskId = api.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		try (RestClientTasksClient client = builderFor(api).build()) {
			TaskStatusResponse response = client.getStatus(taskId);
			assertThat(response.taskId()).isEqualTo(taskId);
			assertThat(response.status()).isEqualTo(TaskStatus.PROCESSING);
		}
		ReceivedRequest request = api.requests().get(0);
		assertThat(request.path()).isEqualTo("/v2/analysis/" + api.cloudName() + "/tasks/" + taskId);
		assertThat(request.headers().get("User-Agent")).singleElement()
			.asString()
			.startsWith("cloudinary-analysis-spring-boot-starter/");
		assertThat(request.headers().get("Authorization")).singleElement().asString().startsWith("Basic ");
	}

	@Test
	void awaitCompletionPollsUntilTheTaskEnds() {
		FakeCloudinaryAnalysisApi api = fake.api();
		String taskId = api.createTask(TaskLife.completesAfterPolls(3));
		try (RestClientTasksClient client = builderFor(api)
			.polling(new PollingSettings(Duration.ofMillis(20), 1.0, Duration.ofMillis(20), Duration.ofSeconds(30)))
			.build()) {
			assertThat(client.awaitCompletion(taskId).status()).isEqualTo(TaskStatus.COMPLETED);
			assertThat(client.awaitCompletionAsync(taskId, Duration.ofSeconds(30)).join().status())
				.isEqualTo(TaskStatus.COMPLETED);
		}
		assertThat(api.pollCount(taskId)).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aPerCallReadTimeoutAppliesOnTheClientsOwnFactory() {
		assertPerCallReadTimeoutApplies(UnaryOperator.identity());
	}

	@Test
	void aPerCallReadTimeoutAppliesWithTheApplicationsRestClientBuilder() {
		assertPerCallReadTimeoutApplies((builder) -> builder.restClientBuilder(RestClient.builder()));
	}

	@Test
	void aPerCallReadTimeoutAppliesWithTheApplicationsRequestFactory() {
		assertPerCallReadTimeoutApplies((builder) -> builder.requestFactory((readTimeout) -> {
			SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
			factory.setReadTimeout(readTimeout);
			return factory;
		}));
	}

	private void assertPerCallReadTimeoutApplies(UnaryOperator<RestClientTasksClient.Builder> customization) {
		FakeCloudinaryAnalysisApi api = fake.api();
		String taskId = api.createTask(TaskLife.fixed(TaskLife.PENDING));
		try (RestClientTasksClient client = customization.apply(builderFor(api).retry(RetrySettings.disabled()))
			.build()) {
			api.failNext(1, Fault.delay(SLOW_ANSWER));
			CloudinaryAnalysisUnavailableException failure = catchThrowableOfType(
					CloudinaryAnalysisUnavailableException.class,
					() -> client.getStatus(taskId, RequestOptions.defaults().withReadTimeout(PER_CALL_READ_TIMEOUT)));
			assertThat(failure).as("a call slower than its own read timeout").isNotNull();
			assertThat(failure.isTimeout()).isTrue();
			// The client's own read timeout (30 s) still applies to the next call.
			api.failNext(1, Fault.delay(Duration.ofMillis(500)));
			assertThat(client.getStatus(taskId).status()).isEqualTo(TaskStatus.PENDING);
		}
	}

	@Test
	void theClientsCustomizersRunAfterTheApiSettings() {
		FakeCloudinaryAnalysisApi api = fake.api();
		String taskId = api.createTask(TaskLife.fixed(TaskLife.PENDING));
		try (RestClientTasksClient client = builderFor(api)
			.clientCustomizer((builder) -> builder.defaultHeader("X-Custom", "yes"))
			.build()) {
			client.getStatus(taskId);
		}
		assertThat(api.requests().get(0).headers().get("X-Custom")).containsExactly("yes");
	}

	@Test
	void aBearerTokenProviderReplacesTheCredentials() {
		FakeCloudinaryAnalysisApi api = FakeCloudinaryAnalysisApi.builder().bearerToken("token-123456").start();
		try (api) {
			String taskId = api.createTask(TaskLife.fixed(TaskLife.PENDING));
			try (RestClientTasksClient client = TasksClient.builder()
				.baseUrl(api.baseUrl())
				.cloudName(api.cloudName())
				.accessTokenProvider(() -> "token-123456")
				.build()) {
				assertThat(client.getStatus(taskId).status()).isEqualTo(TaskStatus.PENDING);
			}
			assertThat(api.requests().get(0).headers().get("Authorization")).containsExactly("Bearer token-123456");
		}
	}

	@Test
	void aMissingCloudNameIsNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TasksClient.builder().credentials("key", "secret-1234").build())
			.withMessageContaining("cloudName");
	}

	@Test
	void missingCredentialsAreNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> TasksClient.builder().cloudName("demo").build())
			.withMessageContaining("credentials")
			.withMessageContaining("accessTokenProvider");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TasksClient.builder().cloudName("demo").credentials("key", " ").build())
			.withMessageContaining("apiSecret");
	}

	@Test
	void anInvalidCloudNameIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TasksClient.builder().cloudName("demo/../x").credentials("key", "secret-1234").build())
			.withMessageContaining("cloudName must contain only");
	}

	@Test
	void plainHttpToAnotherHostIsRefusedUnlessAllowed() {
		RestClientTasksClient.Builder builder = TasksClient.builder()
			.baseUrl("http://api.example.com/v2/analysis")
			.cloudName("demo")
			.credentials("key", "TopSecret99");
		assertThatIllegalArgumentException().isThrownBy(builder::build)
			.withMessageContaining("clear text")
			.withMessageContaining("allowInsecureHttp")
			.withMessageNotContaining("TopSecret99");
		try (RestClientTasksClient client = builder.allowInsecureHttp(true).build()) {
			assertThat(client).hasToString("RestClientTasksClient[cloudName=demo]");
		}
	}

	@Test
	void badValuesAreNamed() {
		for (var invalid : List.<UnaryOperator<RestClientTasksClient.Builder>>of(
				(builder) -> builder.baseUrl("ftp://example.com"),
				(builder) -> builder.baseUrl("https://u:p@example.com"),
				(builder) -> builder.readTimeout(Duration.ZERO),
				(builder) -> builder.connectTimeout(Duration.ofSeconds(-1)),
				(builder) -> builder.maxResponseBytes(0))) {
			assertThatIllegalArgumentException()
				.isThrownBy(
						() -> invalid.apply(TasksClient.builder().cloudName("demo").credentials("key", "secret-1234"))
							.build())
				.withMessageMatching("(baseUrl|readTimeout|connectTimeout|maxResponseBytes) .*");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> TasksClient.builder().timerThreads(0))
			.withMessageContaining("timerThreads");
		assertThatIllegalArgumentException().isThrownBy(() -> TasksClient.builder().maxConcurrentPolls(0))
			.withMessageContaining("maxConcurrentPolls");
	}

	private static RestClientTasksClient.Builder builderFor(FakeCloudinaryAnalysisApi api) {
		return TasksClient.builder()
			.baseUrl(api.baseUrl())
			.cloudName(api.cloudName())
			.credentials(api.apiKey(), api.apiSecret());
	}

}
