package io.github.cloudinaryanalysis.test;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The {@code analysis} object the fake answers for each type unless a test scripts
 * another: plausible values in the shape of the contract's {@code *AnalysisData} schema
 * (mostly its own examples).
 *
 * <p>
 * Contract quirk: {@code ImageQualityAnalysisData} and
 * {@code WatermarkDetectionAnalysisData} say {@code required: [tags]} without declaring a
 * {@code tags} property, so their bodies carry an empty {@code tags} object to conform.
 */
final class DefaultAnalyses {

	private static final String CONTENT_AWARE_TAGS = "{\"tags\":{\"cat\":[{\"confidence\":0.93,"
			+ "\"bounding-box\":[120,80,340,290],\"categories\":[\"animal\"]}]},\"model_version\":1}";

	private static final Map<String, String> ANALYSES = Map.ofEntries(
			Map.entry("ai_vision_general",
					"{\"responses\":[{\"value\":\"The image contains one cat.\"},"
							+ "{\"value\":\"The cat is on top of the table.\"}],\"model_version\":1}"),
			Map.entry("ai_vision_moderation",
					"{\"responses\":[{\"prompt\":\"Does the image contain any violent"
							+ " activity?\",\"value\":\"no\"}],\"model_version\":1}"),
			Map.entry("ai_vision_tagging", "{\"tags\":[{\"name\":\"cat\"},{\"name\":\"table\"}],\"model_version\":1}"),
			Map.entry("captioning", "{\"data\":{\"caption\":\"A cat sitting on a table\"},\"model_version\":1}"),
			Map.entry("cld_fashion", CONTENT_AWARE_TAGS), Map.entry("cld_text", CONTENT_AWARE_TAGS),
			Map.entry("coco", CONTENT_AWARE_TAGS),
			Map.entry("google_logo_detection",
					"{\"logo_annotations\":[{\"mid\":\"/m/045c7b\",\"description\":"
							+ "\"google\",\"score\":0.980325,\"bounding_poly\":{\"vertices\":[{\"x\":12,\"y\":42},"
							+ "{\"x\":439,\"y\":42},{\"x\":439,\"y\":285},{\"x\":12,\"y\":285}]}}]}"),
			Map.entry("google_tagging",
					"{\"label_annotations\":{\"labels\":[{\"label\":\"cat\",\"score\":0.9},"
							+ "{\"label\":\"table\",\"score\":0.8}]}}"),
			Map.entry("human_anatomy", CONTENT_AWARE_TAGS),
			Map.entry("image_quality",
					"{\"quality\":\"medium\",\"score\":0.45218,\"confidence\":0.8,"
							+ "\"model_version\":1,\"tags\":{}}"),
			Map.entry("lvis", CONTENT_AWARE_TAGS), Map.entry("shop_classifier", CONTENT_AWARE_TAGS),
			Map.entry("unidet", CONTENT_AWARE_TAGS),
			Map.entry("watermark_detection", "{\"detections\":[{\"name\":\"banner\",\"confidence\":0.99}],"
					+ "\"model_version\":1,\"tags\":{}}"));

	private DefaultAnalyses() {
	}

	/**
	 * The default analysis JSON of a type.
	 * @param type the type
	 * @return the default analysis JSON of a type
	 */
	static String json(String type) {
		AnalysisTypes.schemaName(type); // fails clearly for an unknown type
		String json = ANALYSES.get(type);
		if (json == null) {
			throw new IllegalStateException("No default analysis for the contract's type " + type);
		}
		return json;
	}

	static JsonNode node(String type) {
		return JsonBodies.MAPPER.readTree(json(type));
	}

}
