package io.github.cloudinaryanalysis.analyze;

import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads each operation's {@code analysis} object (the contract's {@code *AnalysisData}
 * schemas) into its record. Only what the contract requires is required; the contract's
 * {@code required: [tags]} of {@code ImageQualityAnalysisData} and
 * {@code WatermarkDetectionAnalysisData}, which name no property of theirs, is not
 * enforced.
 */
final class AnalysisReaders {

	private static final String MODEL_VERSION = "model_version";

	private AnalysisReaders() {
	}

	static AiVisionGeneralAnalysis aiVisionGeneral(JsonNode analysis, String path) {
		return new AiVisionGeneralAnalysis(
				AnalysisJson.list(analysis, "responses", path, true,
						(item, itemPath) -> new AiVisionGeneralAnalysis.Response(AnalysisJson.text(item, "value"))),
				AnalysisJson.integer(analysis, MODEL_VERSION));
	}

	static AiVisionModerationAnalysis aiVisionModeration(JsonNode analysis, String path) {
		return new AiVisionModerationAnalysis(
				AnalysisJson.list(analysis, "responses", path, true,
						(item, itemPath) -> new AiVisionModerationAnalysis.Response(AnalysisJson.text(item, "prompt"),
								moderationValue(AnalysisJson.text(item, "value")))),
				AnalysisJson.integer(analysis, MODEL_VERSION));
	}

	private static AiVisionModerationAnalysis.@Nullable Value moderationValue(@Nullable String value) {
		return (value != null) ? AiVisionModerationAnalysis.Value.fromApiValue(value) : null;
	}

	static AiVisionTaggingAnalysis aiVisionTagging(JsonNode analysis, String path) {
		return new AiVisionTaggingAnalysis(
				AnalysisJson.list(analysis, "tags", path, true,
						(item, itemPath) -> new AiVisionTaggingAnalysis.Tag(AnalysisJson.text(item, "name"))),
				AnalysisJson.integer(analysis, MODEL_VERSION));
	}

	static CaptioningAnalysis captioning(JsonNode analysis, String path) {
		JsonNode data = AnalysisJson.requiredObject(analysis, "data", path);
		return new CaptioningAnalysis(
				new CaptioningAnalysis.Data(
						AnalysisJson.requiredText(data, "caption", AnalysisJson.path(path, "data"))),
				AnalysisJson.integer(analysis, MODEL_VERSION));
	}

	/**
	 * The seven content-aware detection models share one shape: a free-form {@code tags}
	 * object.
	 * @param <A> the operation's analysis type
	 * @param analysis the analysis
	 * @param path the path
	 * @param factory the factory
	 * @return the seven content-aware detection models share one shape
	 */
	static <A> A tags(JsonNode analysis, String path, BiFunction<Map<String, Object>, @Nullable Integer, A> factory) {
		return factory.apply(AnalysisJson.requiredFreeObject(analysis, "tags", path),
				AnalysisJson.integer(analysis, MODEL_VERSION));
	}

	static GoogleLogoDetectionAnalysis googleLogoDetection(JsonNode analysis, String path) {
		return new GoogleLogoDetectionAnalysis(
				AnalysisJson.list(analysis, "logo_annotations", path, true, AnalysisReaders::logoAnnotation));
	}

	private static GoogleLogoDetectionAnalysis.LogoAnnotation logoAnnotation(JsonNode item, String path) {
		JsonNode poly = AnalysisJson.requiredObject(item, "bounding_poly", path);
		String polyPath = AnalysisJson.path(path, "bounding_poly");
		return new GoogleLogoDetectionAnalysis.LogoAnnotation(AnalysisJson.text(item, "mid"),
				AnalysisJson.requiredText(item, "description", path), AnalysisJson.requiredNumber(item, "score", path),
				new GoogleLogoDetectionAnalysis.BoundingPoly(AnalysisJson.list(poly, "vertices", polyPath, false,
						(vertex, vertexPath) -> new GoogleLogoDetectionAnalysis.Vertex(
								AnalysisJson.integer(vertex, "x"), AnalysisJson.integer(vertex, "y")))));
	}

	static GoogleTaggingAnalysis googleTagging(JsonNode analysis, String path) {
		JsonNode annotations = AnalysisJson.requiredObject(analysis, "label_annotations", path);
		return new GoogleTaggingAnalysis(new GoogleTaggingAnalysis.LabelAnnotations(
				AnalysisJson.list(annotations, "labels", AnalysisJson.path(path, "label_annotations"), false,
						(item, itemPath) -> new GoogleTaggingAnalysis.Label(
								AnalysisJson.requiredText(item, "label", itemPath),
								AnalysisJson.requiredNumber(item, "score", itemPath)))));
	}

	static ImageQualityAnalysis imageQuality(JsonNode analysis, String path) {
		return new ImageQualityAnalysis(AnalysisJson.text(analysis, "quality"), AnalysisJson.number(analysis, "score"),
				AnalysisJson.number(analysis, "confidence"), AnalysisJson.integer(analysis, MODEL_VERSION));
	}

	static WatermarkDetectionAnalysis watermarkDetection(JsonNode analysis, String path) {
		return new WatermarkDetectionAnalysis(
				AnalysisJson.list(analysis, "detections", path, false,
						(item, itemPath) -> new WatermarkDetectionAnalysis.Detection(
								AnalysisJson.requiredText(item, "name", itemPath),
								AnalysisJson.requiredNumber(item, "confidence", itemPath))),
				AnalysisJson.integer(analysis, MODEL_VERSION));
	}

}
