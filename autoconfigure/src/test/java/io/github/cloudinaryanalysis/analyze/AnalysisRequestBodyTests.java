package io.github.cloudinaryanalysis.analyze;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON bodies of all fifteen operations, sync and async, checked against the
 * contract's request schemas.
 */
class AnalysisRequestBodyTests {

	private static final Source URI_SOURCE = Source.uri("https://res.cloudinary.com/demo/image/upload/sample.jpg");

	private static final Source ASSET_SOURCE = Source.assetId("e12345b5c456c8901bbb0efc00c0fcf");

	static Stream<Function<Source, AnalysisRequest<?>>> factories() {
		return AnalysisRequestTests.factories().stream();
	}

	@ParameterizedTest
	@MethodSource("factories")
	void everySyncAndAsyncBodyIsValidAgainstTheOperationsRequestSchema(Function<Source, AnalysisRequest<?>> factory) {
		for (Source source : List.of(URI_SOURCE, ASSET_SOURCE)) {
			AnalysisRequest<?> request = factory.apply(source);
			AnalysisRequest<?> notified = request.withNotificationUrl(URI.create("https://app.test/hooks/analysis"));
			for (byte[] body : List.of(AnalysisRequestBody.sync(request), AnalysisRequestBody.async(request),
					AnalysisRequestBody.sync(notified), AnalysisRequestBody.async(notified))) {
				String json = new String(body, StandardCharsets.UTF_8);
				assertThat(AnalyzeContract.get().validateRequest(request.type(), json)).as(json).isEmpty();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("factories")
	void aSyncBodySendsNeitherAsyncNorTheNotificationUrl(Function<Source, AnalysisRequest<?>> factory) {
		AnalysisRequest<?> request = factory.apply(URI_SOURCE).withNotificationUrl(URI.create("https://app.test/h"));
		JsonNode body = read(AnalysisRequestBody.sync(request));
		assertThat(body.has("async")).isFalse();
		assertThat(body.has("notification_url")).isFalse();
		assertThat(body.path("source").path("uri").asString())
			.isEqualTo("https://res.cloudinary.com/demo/image/upload/sample.jpg");
	}

	@ParameterizedTest
	@MethodSource("factories")
	void anAsyncBodySendsAsyncTrueAndTheNotificationUrlWhenSet(Function<Source, AnalysisRequest<?>> factory) {
		AnalysisRequest<?> request = factory.apply(ASSET_SOURCE);
		JsonNode plain = read(AnalysisRequestBody.async(request));
		assertThat(plain.path("async").isBoolean()).isTrue();
		assertThat(plain.path("async").booleanValue()).isTrue();
		assertThat(plain.has("notification_url")).isFalse();
		assertThat(plain.path("source").path("asset_id").asString()).isEqualTo("e12345b5c456c8901bbb0efc00c0fcf");
		assertThat(plain.path("source").has("uri")).isFalse();
		JsonNode notified = read(
				AnalysisRequestBody.async(request.withNotificationUrl(URI.create("https://app.test/h?x=1"))));
		assertThat(notified.path("notification_url").asString()).isEqualTo("https://app.test/h?x=1");
	}

	@Test
	void theOperationsOwnFieldsAreWrittenExactly() {
		assertThat(json(AnalysisRequest.aiVisionGeneral(URI_SOURCE, List.of("Describe \"this\"", "Any insect?"))))
			.isEqualTo("{\"source\":{\"uri\":\"https://res.cloudinary.com/demo/image/upload/sample.jpg\"},"
					+ "\"prompts\":[\"Describe \\\"this\\\"\",\"Any insect?\"]}");
		assertThat(json(AnalysisRequest.aiVisionModeration(ASSET_SOURCE, List.of("Violence?"))))
			.isEqualTo("{\"source\":{\"asset_id\":\"e12345b5c456c8901bbb0efc00c0fcf\"},"
					+ "\"rejection_questions\":[\"Violence?\"]}");
		assertThat(json(AnalysisRequest.aiVisionTagging(ASSET_SOURCE,
				List.of(new TagDefinition("cigarettes", "A pack of cigarettes?"), new TagDefinition("sofa", "")))))
			.isEqualTo("{\"source\":{\"asset_id\":\"e12345b5c456c8901bbb0efc00c0fcf\"},\"tag_definitions\":["
					+ "{\"name\":\"cigarettes\",\"description\":\"A pack of cigarettes?\"},"
					+ "{\"name\":\"sofa\",\"description\":\"\"}]}");
		assertThat(new String(
				AnalysisRequestBody.async(
						AnalysisRequest.captioning(URI_SOURCE).withNotificationUrl(URI.create("https://app.test/h"))),
				StandardCharsets.UTF_8))
			.isEqualTo("{\"source\":{\"uri\":\"https://res.cloudinary.com/demo/image/upload/sample.jpg\"},"
					+ "\"async\":true,\"notification_url\":\"https://app.test/h\"}");
	}

	@Test
	void theValidatorRejectsBodiesThatBreakTheContract() {
		// Proves the check above can fail: the same validator rejects what the factories
		// refuse to build.
		AnalyzeContract contract = AnalyzeContract.get();
		assertThat(contract.validateRequest("captioning", "{\"async\":true}")).isNotEmpty();
		assertThat(contract.validateRequest("captioning",
				"{\"source\":{\"uri\":\"https://x.test/a\",\"asset_id\":\"a\"}}"))
			.isNotEmpty();
		assertThat(contract.validateRequest("ai_vision_general", "{\"source\":{\"asset_id\":\"a\"},\"prompts\":[]}"))
			.isNotEmpty();
		assertThat(contract.validateRequest("ai_vision_moderation", "{\"source\":{\"asset_id\":\"a\"},"
				+ "\"rejection_questions\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}"))
			.isNotEmpty();
		assertThat(contract.validateRequest("ai_vision_tagging", "{\"source\":{\"asset_id\":\"a\"}}")).isNotEmpty();
		assertThat(contract.validateRequest("ai_vision_tagging",
				"{\"source\":{\"asset_id\":\"a\"},\"tag_definitions\":[{\"name\":\"cat\"}]}"))
			.isNotEmpty();
		assertThat(contract.validateRequest("captioning", "{\"source\":{\"asset_id\":\"a\"},\"async\":\"true\"}"))
			.isNotEmpty();
	}

	private static String json(AnalysisRequest<?> request) {
		return new String(AnalysisRequestBody.sync(request), StandardCharsets.UTF_8);
	}

	private static JsonNode read(byte[] body) {
		return AnalyzeContract.JSON.readTree(body);
	}

}
