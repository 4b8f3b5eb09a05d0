package io.github.cloudinaryanalysis.analyze;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request bodies this package writes and the answers it reads, over real HTTP against
 * the project's fake (which validates every request body against the contract): all
 * fifteen operations, sync and async. The {@code AnalyzeClient} that will carry them is
 * not built yet; a plain JDK client stands in for it here.
 */
class AnalyzeAgainstTheFakeTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static FakeCloudinaryAnalysisApi fake;

	@BeforeAll
	static void start() {
		fake = FakeCloudinaryAnalysisApi.builder().defaultTaskLife(TaskLife.completesAfterPolls(2)).start();
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	@Test
	void everyOperationsSyncBodyIsAcceptedAndItsAnswerReadTyped() throws Exception {
		Source source = Source.uri("https://res.cloudinary.com/demo/image/upload/sample.jpg");
		for (Function<Source, AnalysisRequest<?>> factory : AnalysisRequestTests.factories()) {
			AnalysisRequest<?> request = factory.apply(source).withNotificationUrl(URI.create("https://app.test/hook"));
			HttpResponse<String> response = post(request.type(), AnalysisRequestBody.sync(request));
			assertThat(response.statusCode()).as(request.type() + ": " + response.body()).isEqualTo(200);
			AnalysisResult<?> result = AnalysisAnswers.result(request.operation(), json(response));
			assertThat(result.entity()).isEqualTo(source.uri());
			assertThat(result.analysis()).isNotNull();
			assertThat(result.limits()).hasSize(1);
			assertThat(result.requestId()).isNotBlank();
		}
	}

	@Test
	void theFakesDefaultAnalysesReadAsExpected() throws Exception {
		Source source = Source.assetId("e12345b5c456c8901bbb0efc00c0fcf");
		AnalysisResult<CaptioningAnalysis> caption = sync(AnalysisRequest.captioning(source));
		assertThat(caption.analysis().data().caption()).isEqualTo("A cat sitting on a table");
		assertThat(caption.entity()).isEqualTo("e12345b5c456c8901bbb0efc00c0fcf");
		assertThat(sync(AnalysisRequest.watermarkDetection(source)).analysis().detections())
			.containsExactly(new WatermarkDetectionAnalysis.Detection("banner", 0.99));
		assertThat(sync(AnalysisRequest.coco(source)).analysis().tags()).containsOnlyKeys("cat");
		assertThat(sync(AnalysisRequest.googleLogoDetection(source)).analysis()
			.logoAnnotations()
			.get(0)
			.boundingPoly()
			.vertices()).hasSize(4);
		fake.scriptAnalysis("ai_vision_moderation",
				"{\"responses\":[{\"prompt\":\"Violence?\",\"value\":\"unknown\"}],\"model_version\":4}");
		AnalysisResult<AiVisionModerationAnalysis> moderation = sync(
				AnalysisRequest.aiVisionModeration(source, java.util.List.of("Violence?")));
		assertThat(moderation.analysis()).isEqualTo(new AiVisionModerationAnalysis(
				java.util.List
					.of(new AiVisionModerationAnalysis.Response("Violence?", AiVisionModerationAnalysis.Value.UNKNOWN)),
				4));
	}

	@Test
	void everyAsyncOperationStartsATaskWhoseIdTheTaskEndpointFollows() throws Exception {
		Source source = Source.uri("https://res.cloudinary.com/demo/image/upload/sample.jpg");
		for (Function<Source, AnalysisRequest<?>> factory : AnalysisRequestTests.factories()) {
			AnalysisRequest<?> request = factory.apply(source);
			HttpResponse<String> response = post(request.type(), AnalysisRequestBody.async(request));
			if (request.type().equals("google_logo_detection")) {
				// The contract declares no 202 for it; the fake refuses asynchronous
				// requests of it.
				assertThat(response.statusCode()).isEqualTo(400);
				continue;
			}
			assertThat(response.statusCode()).as(request.type() + ": " + response.body()).isEqualTo(202);
			AnalysisTask task = AnalysisAnswers.task(json(response));
			assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
			assertThat(task.taskId()).matches("[0-9a-f]{160}");
			assertThat(getTaskStatus(task.taskId())).isEqualTo("pending");
			assertThat(getTaskStatus(task.taskId())).isEqualTo("completed");
		}
	}

	private static <A> AnalysisResult<A> sync(AnalysisRequest<A> request) throws Exception {
		HttpResponse<String> response = post(request.type(), AnalysisRequestBody.sync(request));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return AnalysisAnswers.result(request.operation(), json(response));
	}

	private static HttpResponse<String> post(String type, byte[] body) throws Exception {
		return HTTP
			.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/" + fake.cloudName() + "/analyze/" + type))
				.timeout(Duration.ofSeconds(10))
				.header("Authorization", authorization())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String getTaskStatus(String taskId) throws Exception {
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/" + fake.cloudName() + "/tasks/" + taskId))
				.timeout(Duration.ofSeconds(10))
				.header("Authorization", authorization())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response).path("data").path("status").asString();
	}

	private static String authorization() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((fake.apiKey() + ":" + fake.apiSecret()).getBytes(StandardCharsets.UTF_8));
	}

	private static JsonNode json(HttpResponse<String> response) {
		return AnalyzeContract.JSON.readTree(response.body());
	}

}
