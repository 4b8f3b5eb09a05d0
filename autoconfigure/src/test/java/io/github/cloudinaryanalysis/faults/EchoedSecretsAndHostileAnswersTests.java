package io.github.cloudinaryanalysis.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.CloudinaryAnalysisUnavailableException;
import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import io.github.cloudinaryanalysis.tasks.InvalidTaskIdException;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a hostile upstream or proxy sends back never carries a credential or a control
 * character into what the client stores, and every transport failure names its cause
 * (issue 11, points 2, 4, 6 and 7).
 */
class EchoedSecretsAndHostileAnswersTests {

	private static final String TASK = "task_1";

	private static final String BASIC_TOKEN = Base64.getEncoder()
		.encodeToString(
				(AnalysisContexts.API_KEY + ":" + AnalysisContexts.API_SECRET).getBytes(StandardCharsets.UTF_8));

	private FaultServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = new FaultServer();
	}

	@AfterEach
	void stop() throws IOException {
		this.server.close();
	}

	@Test
	void anEchoedAuthorizationHeaderIsMaskedInTheMessageTheApiErrorAndTheBody() {
		String echo = "{\"error\":{\"code\":\"E\",\"message\":\"you sent Authorization: Basic " + BASIC_TOKEN
				+ " and secret " + AnalysisContexts.API_SECRET + "\",\"details\":{\"auth\":\"Basic " + BASIC_TOKEN
				+ "\",\"bearer\":\"Bearer eyJhbGciOi.J9.abc123\"},\"request_id\":\"Bearer eyJ0eXAi.Oi.x1\"}}";
		this.server.otherwise(FaultServer.respond(400, "application/json", echo));
		run((client) -> {
			CloudinaryAnalysisException ex = catchThrowableOfType(CloudinaryAnalysisException.class,
					() -> client.getStatus(TASK));
			String everything = ex.getMessage() + ex.getApiError() + ex.getRequestId() + ex.getResponseBodyAsString();
			assertThat(everything).doesNotContain(BASIC_TOKEN)
				.doesNotContain(AnalysisContexts.API_SECRET)
				.doesNotContain("eyJhbGciOi.J9.abc123")
				.doesNotContain("eyJ0eXAi.Oi.x1")
				.contains("Basic ******")
				.contains("Bearer ******");
			assertThat(ex.getApiError().details().toString()).contains("******").doesNotContain(BASIC_TOKEN);
		});
	}

	@Test
	void anEchoNotInTheApisJsonIsMaskedInTheExcerpt() {
		String echo = "{\"headers\":{\"Authorization\":\"Basic " + BASIC_TOKEN + "\"},\"url\":\"https://"
				+ AnalysisContexts.API_KEY + ":" + AnalysisContexts.API_SECRET + "@example.com/\"}";
		this.server.otherwise(FaultServer.respond(502, "application/json", echo));
		run((client) -> {
			CloudinaryAnalysisException ex = catchThrowableOfType(CloudinaryAnalysisException.class,
					() -> client.getStatus(TASK));
			assertThat(ex.getMessage()).contains("Authorization")
				.contains("Basic ******")
				.doesNotContain(BASIC_TOKEN)
				.doesNotContain(AnalysisContexts.API_SECRET);
			assertThat(ex.getResponseBodyAsString()).doesNotContain(BASIC_TOKEN)
				.doesNotContain(AnalysisContexts.API_SECRET);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "task\\r\\nX-Injected: 1", "task\\u0000nul", "../../etc" })
	void anAnswerTaskIdWithControlOrPathCharactersIsRefused(String hostileId) {
		this.server.otherwise(FaultServer.respond(200, "application/json",
				"{\"data\":{\"task_id\":\"" + hostileId + "\",\"status\":\"completed\"},\"request_id\":\"r\"}"));
		run((client) -> assertThatExceptionOfType(CloudinaryAnalysisException.class)
			.isThrownBy(() -> client.getStatus(TASK))
			.withMessageContaining("not a valid task id")
			.satisfies((
					ex) -> assertThat(ex.getMessage()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\0")));
	}

	@Test
	void anAnswerRequestIdLosesItsControlCharacters() {
		this.server.otherwise(FaultServer.respond(200, "application/json",
				"{\"data\":{\"task_id\":\"task_1\",\"status\":\"completed\"},\"request_id\":\"req\\r\\nSet-Cookie: x\\u0000\"}"));
		run((client) -> {
			TaskStatusResponse response = client.getStatus(TASK);
			assertThat(response.requestId()).isEqualTo("reqSet-Cookie: x");
		});
	}

	@Test
	void anErrorRequestIdFromHeaderOrBodyLosesItsControlCharacters() {
		this.server.otherwise(FaultServer.respond(500, "application/json",
				"{\"error\":{\"message\":\"m\",\"request_id\":\"a\\r\\nb\\u0000c\"}}"));
		run((client) -> {
			CloudinaryAnalysisException ex = catchThrowableOfType(CloudinaryAnalysisException.class,
					() -> client.getStatus(TASK));
			assertThat(ex.getRequestId()).isEqualTo("abc");
			assertThat(ex.getApiError().requestId()).isEqualTo("abc");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "Sun Nov  6 08:49:37 2094", "Sunday, 06-Nov-44 08:49:37 GMT", "99999999999999999999",
			"Sun, 06 Nov 2094 08:49:37 GMT" })
	void aFarRetryAfterInAnyFormFailsFastWithoutRetrying(String retryAfter) {
		this.server.otherwise(FaultServer.respond(429, "application/json", "{\"error\":{\"message\":\"slow down\"}}",
				"Retry-After: " + retryAfter + "\r\n"));
		run((client) -> {
			CloudinaryAnalysisException.TooManyRequests ex = catchThrowableOfType(
					CloudinaryAnalysisException.TooManyRequests.class, () -> client.getStatus(TASK));
			assertThat(ex.getRetryAfter()).as("a parsed hint").isPresent();
		}, "cloudinary.analysis.retry.enabled=true", "cloudinary.analysis.retry.initial-interval=10ms");
		assertThat(this.server.requestCount()).as("requests for Retry-After '%s'", retryAfter).isEqualTo(1);
	}

	@Test
	void aRefusedConnectionIsUnavailableNamingTheCauseAndHostNotNull() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		AnalysisContexts.against("http://127.0.0.1:" + closedPort + "/v2/analysis")
			.withPropertyValues("cloudinary.analysis.retry.enabled=false")
			.run((context) -> {
				CloudinaryAnalysisUnavailableException ex = catchThrowableOfType(
						CloudinaryAnalysisUnavailableException.class,
						() -> context.getBean(TasksClient.class).getStatus(TASK));
				assertThat(ex).isInstanceOf(ResourceAccessException.class);
				assertThat(ex.isTimeout()).isFalse();
				assertThat(ex.getMessage()).contains("connection refused to api 127.0.0.1:" + closedPort)
					.doesNotContain("null")
					.doesNotContain(TASK);
			});
	}

	@Test
	void aStalledAnswerIsAnUnavailableTimeout() {
		this.server.then(FaultServer.stallBody("{\"data\":", java.time.Duration.ofSeconds(20)));
		run((client) -> {
			CloudinaryAnalysisUnavailableException ex = catchThrowableOfType(
					CloudinaryAnalysisUnavailableException.class, () -> client.getStatus(TASK));
			assertThat(ex.isTimeout()).isTrue();
			assertThat(ex.getMessage()).contains("read timeout").contains("127.0.0.1");
		}, "cloudinary.analysis.read-timeout=500ms");
	}

	@Test
	void anInvalidTaskIdIsAnInvalidTaskIdExceptionAndNothingIsSent() {
		run((client) -> assertThatExceptionOfType(InvalidTaskIdException.class)
			.isThrownBy(() -> client.getStatus("../x"))
			.isInstanceOf(IllegalArgumentException.class));
		assertThat(this.server.requestCount()).isZero();
	}

	private void run(Consumer<TasksClient> test, String... properties) {
		AnalysisContexts.against(this.server.baseUrl())
			.withPropertyValues("cloudinary.analysis.retry.enabled=false")
			.withPropertyValues(properties)
			.run((context) -> test.accept(context.getBean(TasksClient.class)));
	}

}
