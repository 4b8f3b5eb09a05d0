package io.github.cloudinaryanalysis.analyze;

import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static io.github.cloudinaryanalysis.analyze.AnalysisJson.integer;
import static io.github.cloudinaryanalysis.analyze.AnalysisJson.list;
import static io.github.cloudinaryanalysis.analyze.AnalysisJson.number;
import static io.github.cloudinaryanalysis.analyze.AnalysisJson.path;
import static io.github.cloudinaryanalysis.analyze.AnalysisJson.requiredFreeObject;
import static io.github.cloudinaryanalysis.analyze.AnalysisJson.requiredNumber;
import static io.github.cloudinaryanalysis.analyze.AnalysisJson.requiredObject;
import static io.github.cloudinaryanalysis.analyze.AnalysisJson.requiredText;
import static io.github.cloudinaryanalysis.analyze.AnalysisJson.text;

/**
 * Reads each operation's {@code analysis} object (the contract's {@code *AnalysisData} schemas) into its record.
 * Only what the contract requires is required; the contract's {@code required: [tags]} of
 * {@code ImageQualityAnalysisData} and {@code WatermarkDetectionAnalysisData}, which name no property of theirs, is
 * not enforced.
 */
final class AnalysisReaders {

	private static final String MODEL_VERSION = "model_version";

	private AnalysisReaders() {
	}

	static AiVisionGeneralAnalysis aiVisionGeneral(JsonNode analysis, String path) {
		return new AiVisionGeneralAnalysis(list(analysis, "responses", path, true,
				(item, itemPath) -> new AiVisionGeneralAnalysis.Response(text(item, "value"))),
				integer(analysis, MODEL_VERSION));
	}

	static AiVisionModerationAnalysis aiVisionModeration(JsonNode analysis, String path) {
		return new AiVisionModerationAnalysis(list(analysis, "responses", path, true,
				(item, itemPath) -> new AiVisionModerationAnalysis.Response(text(item, "prompt"),
						moderationValue(text(item, "value")))),
				integer(analysis, MODEL_VERSION));
	}

	private static AiVisionModerationAnalysis.@Nullable Value moderationValue(@Nullable String value) {
		return (value != null) ? AiVisionModerationAnalysis.Value.fromApiValue(value) : null;
	}

	static AiVisionTaggingAnalysis aiVisionTagging(JsonNode analysis, String path) {
		return new AiVisionTaggingAnalysis(list(analysis, "tags", path, true,
				(item, itemPath) -> new AiVisionTaggingAnalysis.Tag(text(item, "name"))),
				integer(analysis, MODEL_VERSION));
	}

	static CaptioningAnalysis captioning(JsonNode analysis, String path) {
		JsonNode data = requiredObject(analysis, "data", path);
		return new CaptioningAnalysis(new CaptioningAnalysis.Data(requiredText(data, "caption", path(path, "data"))),
				integer(analysis, MODEL_VERSION));
	}

	/** The seven content-aware detection models share one shape: a free-form {@code tags} object. */
	static <A> A tags(JsonNode analysis, String path, BiFunction<Map<String, Object>, @Nullable Integer, A> factory) {
		return factory.apply(requiredFreeObject(analysis, "tags", path), integer(analysis, MODEL_VERSION));
	}

	static GoogleLogoDetectionAnalysis googleLogoDetection(JsonNode analysis, String path) {
		return new GoogleLogoDetectionAnalysis(list(analysis, "logo_annotations", path, true,
				AnalysisReaders::logoAnnotation));
	}

	private static GoogleLogoDetectionAnalysis.LogoAnnotation logoAnnotation(JsonNode item, String path) {
		JsonNode poly = requiredObject(item, "bounding_poly", path);
		String polyPath = path(path, "bounding_poly");
		return new GoogleLogoDetectionAnalysis.LogoAnnotation(text(item, "mid"),
				requiredText(item, "description", path), requiredNumber(item, "score", path),
				new GoogleLogoDetectionAnalysis.BoundingPoly(list(poly, "vertices", polyPath, false,
						(vertex, vertexPath) -> new GoogleLogoDetectionAnalysis.Vertex(integer(vertex, "x"),
								integer(vertex, "y")))));
	}

	static GoogleTaggingAnalysis googleTagging(JsonNode analysis, String path) {
		JsonNode annotations = requiredObject(analysis, "label_annotations", path);
		return new GoogleTaggingAnalysis(new GoogleTaggingAnalysis.LabelAnnotations(list(annotations, "labels",
				path(path, "label_annotations"), false, (item, itemPath) -> new GoogleTaggingAnalysis.Label(
						requiredText(item, "label", itemPath), requiredNumber(item, "score", itemPath)))));
	}

	static ImageQualityAnalysis imageQuality(JsonNode analysis, String path) {
		return new ImageQualityAnalysis(text(analysis, "quality"), number(analysis, "score"),
				number(analysis, "confidence"), integer(analysis, MODEL_VERSION));
	}

	static WatermarkDetectionAnalysis watermarkDetection(JsonNode analysis, String path) {
		return new WatermarkDetectionAnalysis(list(analysis, "detections", path, false,
				(item, itemPath) -> new WatermarkDetectionAnalysis.Detection(requiredText(item, "name", itemPath),
						requiredNumber(item, "confidence", itemPath))),
				integer(analysis, MODEL_VERSION));
	}

}
