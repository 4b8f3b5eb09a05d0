package io.github.cloudinaryanalysis.analyze;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.cloudinaryanalysis.RateLimit;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reads a contract-valid example answer of each operation into its typed record (each
 * example is validated against the operation's 200 schema first), plus the 202 answer,
 * unknown fields and values, and malformed answers.
 */
class AnalysisAnswersTests {

	private static final String LIMITS = ",\"limits\":{\"items\":[{\"type\":\"ai_vision\",\"used_by_request\":1,"
			+ "\"remaining\":499,\"limit\":500,\"reset_time\":\"2024-01-20T12:34:56Z\"}]},\"request_id\":\"r-1\"}";

	private static final String ENTITY = "https://res.cloudinary.com/demo/image/upload/sample.jpg";

	@Test
	void aiVisionGeneral() {
		AnalysisResult<AiVisionGeneralAnalysis> result = read(Operation.AI_VISION_GENERAL,
				"{\"responses\":[{\"value\":\"The image contains one cat.\"},{\"value\":\"It is on a table.\"}],"
						+ "\"model_version\":1}");
		assertThat(result.analysis()).isEqualTo(
				new AiVisionGeneralAnalysis(List.of(new AiVisionGeneralAnalysis.Response("The image contains one cat."),
						new AiVisionGeneralAnalysis.Response("It is on a table.")), 1));
	}

	@Test
	void aiVisionModeration() {
		AnalysisResult<AiVisionModerationAnalysis> result = read(Operation.AI_VISION_MODERATION,
				"{\"responses\":[{\"prompt\":\"Violence?\",\"value\":\"no\"},{\"prompt\":\"Nudity?\",\"value\":\"yes\"},"
						+ "{\"prompt\":\"Smoking?\",\"value\":\"unknown\"}],\"model_version\":2}");
		assertThat(result.analysis().responses()).extracting(AiVisionModerationAnalysis.Response::value)
			.containsExactly(AiVisionModerationAnalysis.Value.NO, AiVisionModerationAnalysis.Value.YES,
					AiVisionModerationAnalysis.Value.UNKNOWN);
		assertThat(result.analysis().responses().get(1).prompt()).isEqualTo("Nudity?");
		assertThat(result.analysis().modelVersion()).isEqualTo(2);
	}

	@Test
	void aModerationValueTheContractDoesNotListIsUnrecognizedNeverAFailure() {
		JsonNode root = root("{\"responses\":[{\"prompt\":\"Q\",\"value\":\"maybe\"},{\"prompt\":\"R\"}]}");
		AnalysisResult<AiVisionModerationAnalysis> result = AnalysisAnswers.result(Operation.AI_VISION_MODERATION,
				root);
		assertThat(result.analysis().responses()).containsExactly(
				new AiVisionModerationAnalysis.Response("Q", AiVisionModerationAnalysis.Value.UNRECOGNIZED),
				new AiVisionModerationAnalysis.Response("R", null));
		assertThat(AiVisionModerationAnalysis.Value.fromApiValue("YES"))
			.isEqualTo(AiVisionModerationAnalysis.Value.UNRECOGNIZED);
	}

	@Test
	void aiVisionTagging() {
		AnalysisResult<AiVisionTaggingAnalysis> result = read(Operation.AI_VISION_TAGGING,
				"{\"tags\":[{\"name\":\"cat\"},{\"name\":\"table\"}],\"model_version\":1}");
		assertThat(result.analysis()).isEqualTo(new AiVisionTaggingAnalysis(
				List.of(new AiVisionTaggingAnalysis.Tag("cat"), new AiVisionTaggingAnalysis.Tag("table")), 1));
	}

	@Test
	void captioning() {
		AnalysisResult<CaptioningAnalysis> result = read(Operation.CAPTIONING,
				"{\"data\":{\"caption\":\"A cat sitting on a table\"},\"model_version\":1}");
		assertThat(result.analysis())
			.isEqualTo(new CaptioningAnalysis(new CaptioningAnalysis.Data("A cat sitting on a table"), 1));
		assertThat(result.entity()).isEqualTo(ENTITY);
		assertThat(result.requestId()).isEqualTo("r-1");
		assertThat(result.limits())
			.containsExactly(new RateLimit("ai_vision", 1L, 499L, 500L, Instant.parse("2024-01-20T12:34:56Z")));
	}

	private static final String TAGS = "{\"tags\":{\"shirt\":[{\"confidence\":0.93,\"bounding-box\":[10,20,30.5,40],"
			+ "\"attributes\":{\"pockets\":true,\"material\":null}}]},\"model_version\":3}";

	@Test
	void theSevenContentAwareModelsReadTheirFreeFormTags() {
		Map<String, Object> expected = Map.of("shirt", List.of(Map.of("confidence", 0.93, "bounding-box",
				List.of(10L, 20L, 30.5, 40L), "attributes", mapWithNull("pockets", true, "material"))));
		assertThat(read(Operation.CLD_FASHION, TAGS).analysis()).isEqualTo(new CldFashionAnalysis(expected, 3));
		assertThat(read(Operation.CLD_TEXT, TAGS).analysis()).isEqualTo(new CldTextAnalysis(expected, 3));
		assertThat(read(Operation.COCO, TAGS).analysis()).isEqualTo(new CocoAnalysis(expected, 3));
		assertThat(read(Operation.HUMAN_ANATOMY, TAGS).analysis()).isEqualTo(new HumanAnatomyAnalysis(expected, 3));
		assertThat(read(Operation.LVIS, TAGS).analysis()).isEqualTo(new LvisAnalysis(expected, 3));
		assertThat(read(Operation.SHOP_CLASSIFIER, TAGS).analysis()).isEqualTo(new ShopClassifierAnalysis(expected, 3));
		assertThat(read(Operation.UNIDET, TAGS).analysis()).isEqualTo(new UnidetAnalysis(expected, 3));
		Map<String, Object> tags = read(Operation.COCO, TAGS).analysis().tags();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> tags.put("x", 1));
	}

	@Test
	void googleLogoDetection() {
		AnalysisResult<GoogleLogoDetectionAnalysis> result = read(Operation.GOOGLE_LOGO_DETECTION,
				"{\"logo_annotations\":[{\"mid\":\"/m/045c7b\",\"description\":\"google\",\"score\":0.980325,"
						+ "\"bounding_poly\":{\"vertices\":[{\"x\":12,\"y\":42},{\"x\":439,\"y\":42},{\"y\":285},"
						+ "{\"x\":12,\"y\":285}]}}]}");
		assertThat(result.analysis()).isEqualTo(new GoogleLogoDetectionAnalysis(List
			.of(new GoogleLogoDetectionAnalysis.LogoAnnotation("/m/045c7b", "google", 0.980325,
					new GoogleLogoDetectionAnalysis.BoundingPoly(List.of(new GoogleLogoDetectionAnalysis.Vertex(12, 42),
							new GoogleLogoDetectionAnalysis.Vertex(439, 42),
							new GoogleLogoDetectionAnalysis.Vertex(null, 285),
							new GoogleLogoDetectionAnalysis.Vertex(12, 285)))))));
	}

	@Test
	void googleTagging() {
		AnalysisResult<GoogleTaggingAnalysis> result = read(Operation.GOOGLE_TAGGING,
				"{\"label_annotations\":{\"labels\":[{\"label\":\"cat\",\"score\":0.9},{\"label\":\"table\","
						+ "\"score\":0.8}]}}");
		assertThat(result.analysis()).isEqualTo(new GoogleTaggingAnalysis(new GoogleTaggingAnalysis.LabelAnnotations(
				List.of(new GoogleTaggingAnalysis.Label("cat", 0.9), new GoogleTaggingAnalysis.Label("table", 0.8)))));
	}

	@Test
	void imageQuality() {
		// The contract's ImageQualityAnalysisData says required: [tags] without a tags
		// property: a valid answer
		// carries one; the record has no use for it.
		AnalysisResult<ImageQualityAnalysis> result = read(Operation.IMAGE_QUALITY,
				"{\"quality\":\"medium\",\"score\":0.45218,\"confidence\":0.8,\"model_version\":1,\"tags\":{}}");
		assertThat(result.analysis()).isEqualTo(new ImageQualityAnalysis("medium", 0.45218, 0.8, 1));
		assertThat(AnalysisAnswers.result(Operation.IMAGE_QUALITY, root("{}")).analysis())
			.isEqualTo(new ImageQualityAnalysis(null, null, null, null));
	}

	@Test
	void watermarkDetection() {
		// Same quirk as image_quality: required: [tags] names no property of the schema.
		AnalysisResult<WatermarkDetectionAnalysis> result = read(Operation.WATERMARK_DETECTION,
				"{\"detections\":[{\"name\":\"banner\",\"confidence\":0.99}],\"model_version\":1,\"tags\":{}}");
		assertThat(result.analysis()).isEqualTo(
				new WatermarkDetectionAnalysis(List.of(new WatermarkDetectionAnalysis.Detection("banner", 0.99)), 1));
	}

	@Test
	void everyOperationHasAnExampleHere() {
		assertThat(Operation.ALL).hasSize(15);
		assertThat(AnalyzeContract.get().operations()).hasSize(15);
	}

	@Test
	void unknownFieldsAreIgnored() {
		JsonNode root = root(
				"{\"data\":{\"caption\":\"A cat\",\"language\":\"en\"},\"model_version\":1," + "\"new_field\":[1,2]}");
		((tools.jackson.databind.node.ObjectNode) root).put("new_top_level", true);
		((tools.jackson.databind.node.ObjectNode) root.path("data")).put("new_data_field", "x");
		assertThat(AnalysisAnswers.result(Operation.CAPTIONING, root).analysis().data().caption()).isEqualTo("A cat");
	}

	@Test
	void anAnswerWithoutLimitsOrRequestIdHasEmptyLimitsAndNoRequestId() {
		JsonNode root = AnalyzeContract.JSON.readTree("{\"data\":{\"analysis\":{\"data\":{\"caption\":\"c\"}}}}");
		AnalysisResult<CaptioningAnalysis> result = AnalysisAnswers.result(Operation.CAPTIONING, root);
		assertThat(result.limits()).isEmpty();
		assertThat(result.requestId()).isNull();
		assertThat(result.entity()).isNull();
		JsonNode nullLimits = AnalyzeContract.JSON
			.readTree("{\"data\":{\"analysis\":{\"data\":{\"caption\":\"c\"}}},\"limits\":null}");
		assertThat(AnalysisAnswers.result(Operation.CAPTIONING, nullLimits).limits()).isEmpty();
	}

	@Test
	void aMissingRequiredFieldIsMalformedAndNamesItsPath() {
		assertMalformed(Operation.CAPTIONING, "{\"error\":{}}", "without data (an object)");
		assertMalformed(Operation.CAPTIONING, "{\"data\":{\"entity\":\"e\"}}", "without data.analysis (an object)");
		assertMalformed(Operation.CAPTIONING, "{\"data\":{\"analysis\":{\"data\":{}}}}",
				"without data.analysis.data.caption (a string)");
		assertMalformed(Operation.AI_VISION_GENERAL, "{\"data\":{\"analysis\":{\"responses\":{}}}}",
				"without data.analysis.responses (an array)");
		assertMalformed(Operation.COCO, "{\"data\":{\"analysis\":{\"tags\":[]}}}",
				"without data.analysis.tags (an object)");
		assertMalformed(Operation.GOOGLE_LOGO_DETECTION,
				"{\"data\":{\"analysis\":{\"logo_annotations\":[{\"description\":"
						+ "\"g\",\"score\":1,\"bounding_poly\":{}},{\"description\":\"g\",\"bounding_poly\":{}}]}}}",
				"without data.analysis.logo_annotations[1].score (a number)");
		assertMalformed(Operation.GOOGLE_TAGGING,
				"{\"data\":{\"analysis\":{\"label_annotations\":{\"labels\":" + "[{\"score\":0.5}]}}}}",
				"without data.analysis.label_annotations.labels[0].label (a string)");
		assertMalformed(Operation.WATERMARK_DETECTION,
				"{\"data\":{\"analysis\":{\"detections\":[{\"name\":\"b\"," + "\"confidence\":\"high\"}]}}}",
				"without data.analysis.detections[0].confidence (a number)");
	}

	@Test
	void theDataObjectIsReadAloneForWebhookNotifications() {
		// cloudinary-facts.md: a notification's data is the same {"entity","analysis"}
		// object as the 200 answer's.
		JsonNode notification = AnalyzeContract.JSON.readTree("{\"notification_type\":\"analyze\",\"operation_name\":"
				+ "\"analyze\",\"operation_type\":\"single\",\"request_id\":\"r1\",\"task_id\":\"t1\",\"http_status\":200,"
				+ "\"data\":{\"entity\":\"https://x.test/cat.jpg\",\"analysis\":{\"data\":{\"caption\":\"A cat\"},"
				+ "\"model_version\":1}}}");
		assertThat(AnalyzeContract.get().validateSchema("AnalysisWebhookPayload", notification.toString())).isEmpty();
		AnalysisAnswers.Data<CaptioningAnalysis> data = AnalysisAnswers.data(Operation.CAPTIONING,
				notification.path("data"), "data");
		assertThat(data.entity()).isEqualTo("https://x.test/cat.jpg");
		assertThat(data.analysis()).isEqualTo(new CaptioningAnalysis(new CaptioningAnalysis.Data("A cat"), 1));
	}

	@Test
	void a202AnswerIsATask() {
		String body = "{\"data\":{\"task_id\":\"053f4bde4b933c8e\",\"status\":\"pending\"},\"request_id\":\"17c3\"}";
		for (String type : AnalyzeContract.get().operations().keySet()) {
			if (!type.equals("google_logo_detection")) {
				assertThat(AnalyzeContract.get().validateAnswer(type, 202, body)).isEmpty();
			}
		}
		assertThat(AnalysisAnswers.task(AnalyzeContract.JSON.readTree(body)))
			.isEqualTo(new AnalysisTask("053f4bde4b933c8e", TaskStatus.PENDING, "17c3"));
		assertThat(AnalysisAnswers
			.task(AnalyzeContract.JSON.readTree("{\"data\":{\"task_id\":\"t\",\"status\":\"queued\",\"extra\":1}}")))
			.isEqualTo(new AnalysisTask("t", TaskStatus.UNKNOWN, null));
	}

	@Test
	void a202AnswerWithoutTaskIdOrStatusIsMalformed() {
		assertThatExceptionOfType(MalformedAnswerException.class)
			.isThrownBy(
					() -> AnalysisAnswers.task(AnalyzeContract.JSON.readTree("{\"data\":{\"status\":\"pending\"}}")))
			.withMessage("without data.task_id (a string)");
		assertThatExceptionOfType(MalformedAnswerException.class)
			.isThrownBy(() -> AnalysisAnswers.task(AnalyzeContract.JSON.readTree("{\"data\":{\"task_id\":\"t\"}}")))
			.withMessage("without data.status (a string)");
		assertThatExceptionOfType(MalformedAnswerException.class)
			.isThrownBy(() -> AnalysisAnswers
				.task(AnalyzeContract.JSON.readTree("{\"data\":{\"task_id\":\" \",\"status\":\"pending\"}}")))
			.withMessage("with a blank data.task_id");
		assertThatExceptionOfType(MalformedAnswerException.class)
			.isThrownBy(() -> AnalysisAnswers.task(AnalyzeContract.JSON.readTree("{}")))
			.withMessage("without data (an object)");
	}

	private static void assertMalformed(Operation<?> operation, String body, String message) {
		assertThatExceptionOfType(MalformedAnswerException.class)
			.isThrownBy(() -> AnalysisAnswers.result(operation, AnalyzeContract.JSON.readTree(body)))
			.withMessage(message);
	}

	/**
	 * Wraps an analysis object in a full 200 answer, checks it against the contract, and
	 * reads it.
	 */
	private static <A> AnalysisResult<A> read(Operation<A> operation, String analysis) {
		String body = "{\"data\":{\"entity\":\"" + ENTITY + "\",\"analysis\":" + analysis + "}" + LIMITS;
		assertThat(AnalyzeContract.get().validateAnswer(operation.type(), 200, body)).as(body).isEmpty();
		AnalysisResult<A> result = AnalysisAnswers.result(operation, AnalyzeContract.JSON.readTree(body));
		assertThat(result.entity()).isEqualTo(ENTITY);
		assertThat(result.requestId()).isEqualTo("r-1");
		assertThat(result.limits()).hasSize(1);
		return result;
	}

	private static JsonNode root(String analysis) {
		return AnalyzeContract.JSON.readTree("{\"data\":{\"entity\":\"e\",\"analysis\":" + analysis + "}}");
	}

	private static Map<String, Object> mapWithNull(String key, Object value, String nullKey) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		map.put(key, value);
		map.put(nullKey, null);
		return map;
	}

}
