package io.github.cloudinaryanalysis.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code POST /analyze/{type}} without {@code "async": true}: a 200 with the type's
 * default or scripted analysis, and request bodies validated against the contract's
 * request schemas.
 */
class SyncAnalyzeEndpointTests {

	private static final String URI = "https://res.cloudinary.com/demo/image/upload/sample.jpg";

	private static FakeCloudinaryAnalysisApi fake;

	private static HttpTestClient http;

	@BeforeAll
	static void start() {
		fake = FakeCloudinaryAnalysisApi.builder().start();
		http = new HttpTestClient(fake);
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	@BeforeEach
	void reset() {
		fake.reset();
	}

	/**
	 * A body the contract accepts for a type: its source, and the list the AI Vision
	 * operations need.
	 */
	static String validBody(String type, boolean async) {
		return validBody(type, async, "{\"uri\":\"" + URI + "\"}");
	}

	/** Like {@link #validBody(String, boolean)} with the given {@code source} object. */
	static String validBody(String type, boolean async, String source) {
		String extra = switch (type) {
			case "ai_vision_general" -> ",\"prompts\":[\"Describe this image in detail\"]";
			case "ai_vision_moderation" -> ",\"rejection_questions\":[\"Is there any violence?\"]";
			case "ai_vision_tagging" -> ",\"tag_definitions\":[{\"name\":\"cat\",\"description\":\"Is there a cat?\"}]";
			default -> "";
		};
		return "{\"source\":" + source + extra + (async ? ",\"async\":true" : "") + "}";
	}

	@Test
	void everyTypeAnswersSynchronouslyWithItsDefaultAnalysis() {
		for (String type : AnalysisTypes.ALL) {
			HttpResponse<String> response = http.analyze(type, validBody(type, false));
			assertThat(response.statusCode()).as(type + ": " + response.body()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
			JsonNode body = HttpTestClient.json(response);
			assertThat(body.path("data").path("entity").asString()).isEqualTo(URI);
			assertThat(body.path("data").path("analysis"))
				.isEqualTo(HttpTestClient.JSON.readTree(fake.defaultAnalysis(type)));
			assertThat(body.path("request_id").asString()).matches("[0-9a-f]{32}");
			assertThat(body.path("limits").path("items").path(0).path("type").asString())
				.isEqualTo(AnalysisTypes.feature(type));
		}
	}

	@Test
	void anAssetIdSourceIsTheEntityAndAsyncFalseIsSynchronous() {
		HttpResponse<String> response = http.analyze("coco",
				"{\"source\":{\"asset_id\":\"e12345b5c456c8901bbb0efc00c0fcf\"},\"async\":false}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(HttpTestClient.json(response).path("data").path("entity").asString())
			.isEqualTo("e12345b5c456c8901bbb0efc00c0fcf");
	}

	@Test
	void theLimitsCountTheUseOfEachFeature() {
		assertThat(remaining(http.analyze("ai_vision_general", validBody("ai_vision_general", false)))).isEqualTo(9999);
		assertThat(remaining(http.analyze("ai_vision_tagging", validBody("ai_vision_tagging", false)))).isEqualTo(9998);
		assertThat(remaining(http.analyze("coco", validBody("coco", false)))).isEqualTo(9999);
		JsonNode item = HttpTestClient.json(http.analyze("google_tagging", validBody("google_tagging", false)))
			.path("limits")
			.path("items")
			.path(0);
		assertThat(item.path("type").asString()).isEqualTo("google_tagging");
		assertThat(item.path("limit").asLong()).isEqualTo(10000);
		assertThat(item.path("used_by_request").asLong()).isEqualTo(1);
		assertThat(item.path("reset_time").asString()).endsWith(":00:00Z");
		fake.reset();
		assertThat(remaining(http.analyze("coco", validBody("coco", false)))).isEqualTo(9999);
	}

	@Test
	void aScriptedAnalysisIsAnsweredForItsTypeOnlyUntilReset() {
		fake.scriptAnalysis("captioning", "{\"data\":{\"caption\":\"A dog\"},\"model_version\":2,\"extra\":true}");
		JsonNode analysis = analysis(http.analyze("captioning", validBody("captioning", false)));
		assertThat(analysis.path("data").path("caption").asString()).isEqualTo("A dog");
		assertThat(analysis.path("model_version").asInt()).isEqualTo(2);
		assertThat(analysis(http.analyze("coco", validBody("coco", false))))
			.isEqualTo(HttpTestClient.JSON.readTree(fake.defaultAnalysis("coco")));
		fake.reset();
		assertThat(analysis(http.analyze("captioning", validBody("captioning", false))))
			.isEqualTo(HttpTestClient.JSON.readTree(fake.defaultAnalysis("captioning")));
	}

	@Test
	void scriptingRefusesWhatTheFakeMustNotSend() {
		assertThatIllegalArgumentException().isThrownBy(() -> fake.scriptAnalysis("mind_reading", "{}"))
			.withMessageContaining("Not an analysis type of the contract: mind_reading");
		assertThatIllegalArgumentException().isThrownBy(() -> fake.scriptAnalysis("captioning", "{not json"))
			.withMessageContaining("not valid JSON");
		assertThatIllegalArgumentException().isThrownBy(() -> fake.scriptAnalysis("captioning", "[]"))
			.withMessageContaining("must be a JSON object");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fake.scriptAnalysis("ai_vision_moderation",
					"{\"responses\":[{\"prompt\":\"Q\",\"value\":\"maybe\"}]}"))
			.withMessageContaining("would not conform to the contract");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fake.scriptAnalysis("captioning", "{\"data\":{\"text\":\"no caption\"}}"))
			.withMessageContaining("caption");
		assertThatIllegalArgumentException().isThrownBy(() -> fake.defaultAnalysis("nope"))
			.withMessageContaining("Not an analysis type");
	}

	@Test
	void requestBodiesAreValidatedAgainstTheContractsRequestSchema() {
		String source = "\"source\":{\"uri\":\"" + URI + "\"}";
		assertRejected("ai_vision_general", "{" + source + ",\"prompts\":[]}", "prompts");
		assertRejected("ai_vision_general", "{" + source + ",\"prompts\":[1]}", "prompts");
		assertRejected("ai_vision_moderation", "{" + source + ",\"rejection_questions\":[\"1\",\"2\",\"3\",\"4\","
				+ "\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}", "rejection_questions");
		assertRejected("ai_vision_tagging", "{" + source + "}", "tag_definitions");
		assertRejected("ai_vision_tagging", "{" + source + ",\"tag_definitions\":[{\"name\":\"cat\"}]}", "description");
		assertRejected("captioning", "{\"async\":true}", "source");
		assertRejected("captioning", "{\"source\":{\"uri\":\"" + URI + "\",\"asset_id\":\"a\"}}",
				"AnalyzeCaptioningRequest");
		assertRejected("captioning", "{" + source + ",\"async\":\"true\"}", "async");
		assertRejected("captioning", "{" + source + ",\"notification_url\":7}", "notification_url");
		assertThat(fake.requestCount()).isEqualTo(9);
	}

	@Test
	void aBlankSourceIsRejectedAlthoughTheSchemaAllowsIt() {
		assertRejected("captioning", "{\"source\":{\"uri\":\" \"}}", "source");
		assertRejected("captioning", "{\"source\":{\"asset_id\":\"\"}}", "source");
	}

	private static void assertRejected(String type, String body, String named) {
		HttpResponse<String> response = http.analyze(type, body);
		assertThat(response.statusCode()).as(body).isEqualTo(400);
		JsonNode error = HttpTestClient.json(response).path("error");
		assertThat(error.path("category").asString()).isEqualTo("user_error");
		assertThat(error.path("code").asString()).isEqualTo(ErrorCodes.BAD_REQUEST);
		assertThat(error.path("message").asString()).as(body).contains(named);
	}

	private static long remaining(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return HttpTestClient.json(response).path("limits").path("items").path(0).path("remaining").asLong();
	}

	private static JsonNode analysis(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return HttpTestClient.json(response).path("data").path("analysis");
	}

}
