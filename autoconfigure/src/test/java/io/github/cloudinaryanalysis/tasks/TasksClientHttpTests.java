package io.github.cloudinaryanalysis.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.cloudinaryanalysis.ApiError;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.ErrorCategory;
import io.github.cloudinaryanalysis.RateLimit;
import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The auto-configured {@link TasksClient} against a real HTTP server on loopback, for
 * every answer the contract documents and the ones it does not.
 */
class TasksClientHttpTests {

	static final String TASK_ID = "053f4bde4b933c8ecef23724ecde63b667c1ea21816d56c161c7ec1df6297da4";

	@StartStop
	final MockWebServer server = new MockWebServer();

	@StartStop
	final MockWebServer otherHost = new MockWebServer();

	@ParameterizedTest
	@CsvSource({ "pending, PENDING", "processing, PROCESSING", "completed, COMPLETED", "failed, FAILED" })
	void readsEachDocumentedStatus(String wire, TaskStatus expected) {
		this.server.enqueue(json(200, statusBody(TASK_ID, wire)));
		withClient((client) -> {
			TaskStatusResponse response = client.getStatus(TASK_ID);
			assertThat(response)
				.isEqualTo(new TaskStatusResponse(TASK_ID, expected, "17c3b70c5096df0e77e838323abb7029"));
			assertThat(response.status().isTerminal())
				.isEqualTo(expected == TaskStatus.COMPLETED || expected == TaskStatus.FAILED);
		});
	}

	@Test
	void mapsAStatusAddedLaterToUnknownWithoutFailing() {
		this.server.enqueue(json(200, statusBody(TASK_ID, "archived")));
		withClient((client) -> assertThat(client.getStatus(TASK_ID).status()).isEqualTo(TaskStatus.UNKNOWN));
	}

	@Test
	void ignoresUnknownFields() {
		this.server.enqueue(json(200, """
				{"data":{"task_id":"%s","status":"completed","eta":5,"extra":{"a":1}},"request_id":"r1","v":2}"""
			.formatted(TASK_ID)));
		withClient((client) -> assertThat(client.getStatus(TASK_ID).status()).isEqualTo(TaskStatus.COMPLETED));
	}

	@Test
	void sendsExactlyTheDocumentedRequest() throws Exception {
		this.server.enqueue(json(200, statusBody(TASK_ID, "pending")));
		withClient((client) -> client.getStatus(TASK_ID));
		RecordedRequest request = this.server.takeRequest(1, TimeUnit.SECONDS);
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/analysis/demo/tasks/" + TASK_ID);
		String basic = Base64.getEncoder()
			.encodeToString(
					(AnalysisContexts.API_KEY + ":" + AnalysisContexts.API_SECRET).getBytes(StandardCharsets.UTF_8));
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic " + basic);
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("User-Agent"))
			.matches("cloudinary-analysis-spring-boot-starter/\\S+ Java/\\S+")
			.doesNotContain("unknown");
	}

	@Test
	void addsPerCallHeaders() throws Exception {
		this.server.enqueue(json(200, statusBody(TASK_ID, "pending")));
		withClient((client) -> client.getStatus(TASK_ID,
				RequestOptions.defaults()
					.withHeader("X-Correlation-Id", "corr-1")
					.withHeader("X-Correlation-Id", "corr-2")));
		RecordedRequest request = this.server.takeRequest(1, TimeUnit.SECONDS);
		assertThat(request.getHeaders().values("X-Correlation-Id")).containsExactly("corr-1", "corr-2");
	}

	@Test
	void perCallReadTimeoutCutsASlowAnswerShort() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body(statusBody(TASK_ID, "pending"))
			.headersDelay(2, TimeUnit.SECONDS)
			.build());
		this.server.enqueue(json(200, statusBody(TASK_ID, "completed")));
		withClient((client) -> {
			assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(
					() -> client.getStatus(TASK_ID, RequestOptions.defaults().withReadTimeout(Duration.ofMillis(300))));
			assertThat(client.getStatus(TASK_ID).status()).isEqualTo(TaskStatus.COMPLETED);
		});
	}

	@ParameterizedTest
	@CsvSource({ "400, user_error, BadRequest", "401, auth_error, Unauthorized", "403, auth_error, Forbidden",
			"404, user_error, NotFound", "500, server_error, ServerError" })
	void translatesEachDocumentedErrorToItsSubclass(int status, String category, String subclass) {
		this.server.enqueue(json(status, errorBody(category, "MA_00" + status, "Something about " + status)));
		withClient((client) -> {
			CloudinaryAnalysisException ex = catchApiError(client);
			assertThat(ex.getClass().getSimpleName()).isEqualTo(subclass);
			assertThat(ex.getStatusCode().value()).isEqualTo(status);
			ApiError error = ex.getApiError();
			assertThat(error).isNotNull();
			assertThat(error.category()).isEqualTo(ErrorCategory.fromApiValue(category))
				.isNotEqualTo(ErrorCategory.UNKNOWN);
			assertThat(error.code()).isEqualTo("MA_00" + status);
			assertThat(error.message()).isEqualTo("Something about " + status);
			assertThat(error.details()).containsKey("parameters");
			assertThat(ex.getRequestId()).isEqualTo("17c3b70c5096df0e77e838323abb7029");
			assertThat(ex.getMessage()).contains(String.valueOf(status), "MA_00" + status, "Something about " + status,
					"17c3b70c5096df0e77e838323abb7029");
			assertThat(ex).isInstanceOf(RestClientException.class);
		});
	}

	@Test
	void aCategoryAddedLaterIsUnknown() {
		this.server.enqueue(json(400, errorBody("quota_error", "MA_1", "new")));
		withClient((client) -> assertThat(catchApiError(client).getApiError().category())
			.isEqualTo(ErrorCategory.UNKNOWN));
	}

	@Test
	void rateLimitedAnswerCarriesLimitsAndTheEarliestReset() {
		Instant soon = Instant.now().plusSeconds(90);
		Instant later = Instant.now().plusSeconds(3600);
		this.server.enqueue(json(429,
				"""
						{"error":{"category":"rate_limit_error","code":"MA_00429","message":"Rate limit exceeded","request_id":"rq"},
						 "limits":{"items":[
						   {"type":"ai_vision","used_by_request":1,"remaining":0,"limit":10000,"reset_time":"%s"},
						   {"type":"google_tagging","used_by_request":null,"remaining":5,"limit":null,"reset_time":"%s"}]}}"""
					.formatted(later, soon)));
		withClient((client) -> {
			CloudinaryAnalysisException ex = catchApiError(client);
			assertThat(ex).isInstanceOf(CloudinaryAnalysisException.TooManyRequests.class);
			CloudinaryAnalysisException.TooManyRequests limited = (CloudinaryAnalysisException.TooManyRequests) ex;
			assertThat(limited.getLimits()).hasSize(2);
			RateLimit first = limited.getLimits().get(0);
			assertThat(first.type()).isEqualTo("ai_vision");
			assertThat(first.remaining()).isZero();
			assertThat(first.limit()).isEqualTo(10000);
			assertThat(first.resetTime()).isEqualTo(later);
			assertThat(limited.getLimits().get(1).usedByRequest()).isNull();
			assertThat(limited.getRetryAfter())
				.hasValueSatisfying((wait) -> assertThat(wait.toSeconds()).isCloseTo(90, within(5L)));
		});
	}

	@Test
	void retryAfterHeaderInSecondsWinsOverResetTime() {
		this.server.enqueue(new MockResponse.Builder().code(429)
			.addHeader("Content-Type", "application/json")
			.addHeader("Retry-After", "7")
			.body(errorBody("rate_limit_error", "MA_00429", "slow down"))
			.build());
		withClient((client) -> assertThat(
				((CloudinaryAnalysisException.TooManyRequests) catchApiError(client)).getRetryAfter())
			.contains(Duration.ofSeconds(7)));
	}

	@Test
	void retryAfterHeaderAsHttpDate() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(Instant.now().plusSeconds(120).atOffset(ZoneOffset.UTC));
		this.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", date).body("").build());
		withClient((client) -> {
			CloudinaryAnalysisException.TooManyRequests ex = (CloudinaryAnalysisException.TooManyRequests) catchApiError(
					client);
			assertThat(ex.getRetryAfter())
				.hasValueSatisfying((wait) -> assertThat(wait.toSeconds()).isBetween(100L, 121L));
			assertThat(ex.getLimits()).isEmpty();
			assertThat(ex.getApiError()).isNull();
		});
	}

	@ParameterizedTest
	@ValueSource(ints = { 405, 409, 418, 422 })
	void otherClientErrorsRaiseTheBaseClass(int status) {
		this.server.enqueue(json(status, errorBody("user_error", "MA_X", "other")));
		withClient((client) -> {
			CloudinaryAnalysisException ex = catchApiError(client);
			assertThat(ex.getClass()).isEqualTo(CloudinaryAnalysisException.class);
			assertThat(ex.getStatusCode().value()).isEqualTo(status);
			assertThat(ex.getApiError().code()).isEqualTo("MA_X");
		});
	}

	@ParameterizedTest
	@ValueSource(ints = { 502, 503, 504, 599 })
	void every5xxIsAServerError(int status) {
		this.server.enqueue(new MockResponse.Builder().code(status).build());
		withClient((client) -> assertThat(catchApiError(client))
			.isInstanceOf(CloudinaryAnalysisException.ServerError.class)
			.hasMessageContaining(String.valueOf(status))
			.hasMessageContaining("empty body"));
	}

	@Test
	void aProxysHtmlPageIsQuotedTruncated() {
		String html = "<html><head><title>502 Bad Gateway</title></head><body>" + "x".repeat(5000) + "</body></html>";
		this.server
			.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body(html).build());
		withClient((client) -> {
			CloudinaryAnalysisException ex = catchApiError(client);
			assertThat(ex).isInstanceOf(CloudinaryAnalysisException.ServerError.class);
			assertThat(ex.getApiError()).isNull();
			assertThat(ex.getMessage()).contains("502 Bad Gateway", "<html><head><title>502", "[truncated]");
			assertThat(ex.getMessage().length()).isLessThan(400);
		});
	}

	@Test
	void aRedirectToAnotherHostIsNotFollowedAndCarriesNoCredentials() {
		this.server.enqueue(new MockResponse.Builder().code(302)
			.addHeader("Location", this.otherHost.url("/v2/analysis/demo/tasks/" + TASK_ID))
			.build());
		this.otherHost.enqueue(json(200, statusBody(TASK_ID, "completed")));
		withClient((client) -> {
			CloudinaryAnalysisException ex = catchApiError(client);
			assertThat(ex.getClass()).isEqualTo(CloudinaryAnalysisException.class);
			assertThat(ex.getStatusCode().value()).isEqualTo(302);
		});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(this.otherHost.getRequestCount()).isZero();
	}

	@Test
	void aSuccessWithoutStatusIsAnErrorNotANull() {
		this.server.enqueue(json(200, "{\"data\":{\"task_id\":\"" + TASK_ID + "\"},\"request_id\":\"r9\"}"));
		withClient((client) -> assertThat(catchApiError(client)).hasMessageContaining("data.status")
			.hasMessageContaining("r9")
			.extracting((ex) -> ex.getStatusCode().value())
			.isEqualTo(200));
	}

	@Test
	void aSuccessWithMalformedJsonIsAnError() {
		this.server.enqueue(json(200, "{\"data\":{\"status\":"));
		withClient((client) -> assertThat(catchApiError(client)).hasMessageContaining("not JSON"));
	}

	@Test
	void aSuccessWithAnEmptyBodyIsAnError() {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		withClient((client) -> assertThat(catchApiError(client)).hasMessageContaining("empty body"));
	}

	@Test
	void aHugeBodyFailsClearlyAfterReadingOnlyTheLimit() {
		String huge = "{\"data\":{\"status\":\"completed\",\"pad\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}}";
		this.server.enqueue(json(200, huge));
		withClient((client) -> assertThat(catchApiError(client)).hasMessageContaining("larger than 1048576 bytes")
			.satisfies((ex) -> assertThat(ex.getResponseBodyAsByteArray()).hasSize(1024 * 1024)));
	}

	@Test
	void aWrongContentTypeWithTheDocumentedBodyIsStillRead() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/plain")
			.body(statusBody(TASK_ID, "processing"))
			.build());
		withClient((client) -> assertThat(client.getStatus(TASK_ID).status()).isEqualTo(TaskStatus.PROCESSING));
	}

	@Test
	void aRefusedConnectionStaysAResourceAccessException() throws Exception {
		String deadUrl = this.otherHost.url("/v2/analysis").toString();
		this.otherHost.close();
		AnalysisContexts.runner()
			.withPropertyValues("cloudinary.analysis.base-url=" + deadUrl, "cloudinary.analysis.cloud-name=demo",
					"cloudinary.analysis.api-key=k", "cloudinary.analysis.api-secret=s")
			.run((context) -> assertThatExceptionOfType(ResourceAccessException.class)
				.isThrownBy(() -> context.getBean(TasksClient.class).getStatus(TASK_ID)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "../../admin", "a%2F..", "x?y", "x#y" })
	void invalidTaskIdsSendNoRequest(String taskId) {
		withClient((client) -> assertThatIllegalArgumentException().isThrownBy(() -> client.getStatus(taskId)));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void aNullTaskIdSendsNoRequest() {
		withClient((client) -> assertThatIllegalArgumentException().isThrownBy(() -> client.getStatus(null)));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void errorMessagesNeverCarryTheSecret() {
		// A hostile server echoes the Authorization header back in its error message.
		String basic = Base64.getEncoder()
			.encodeToString(
					(AnalysisContexts.API_KEY + ":" + AnalysisContexts.API_SECRET).getBytes(StandardCharsets.UTF_8));
		this.server.enqueue(json(401, errorBody("auth_error", "MA_401", "bad credentials")));
		withClient((client) -> {
			CloudinaryAnalysisException ex = catchApiError(client);
			assertThat(ex.getMessage()).doesNotContain(AnalysisContexts.API_SECRET).doesNotContain(basic);
			assertThat(ex.toString()).doesNotContain(AnalysisContexts.API_SECRET);
			assertThat(client.toString()).doesNotContain(AnalysisContexts.API_SECRET)
				.doesNotContain(AnalysisContexts.API_KEY);
		});
	}

	private void withClient(Consumer<TasksClient> test) {
		AnalysisContexts.against(this.server).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context.getBean(TasksClient.class));
		});
	}

	private static CloudinaryAnalysisException catchApiError(TasksClient client) {
		try {
			client.getStatus(TASK_ID);
		}
		catch (CloudinaryAnalysisException ex) {
			return ex;
		}
		throw new AssertionError("Expected a CloudinaryAnalysisException");
	}

	static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
	}

	static String statusBody(String taskId, String status) {
		return "{\"data\":{\"task_id\":\"" + taskId + "\",\"status\":\"" + status
				+ "\"},\"request_id\":\"17c3b70c5096df0e77e838323abb7029\"}";
	}

	static String errorBody(String category, String code, String message) {
		return "{\"error\":{\"category\":\"" + category + "\",\"code\":\"" + code + "\",\"message\":\"" + message
				+ "\",\"details\":{\"parameters\":[\"uri\"]},\"request_id\":\"17c3b70c5096df0e77e838323abb7029\"}}";
	}

}
