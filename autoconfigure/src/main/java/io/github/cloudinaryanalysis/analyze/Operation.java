package io.github.cloudinaryanalysis.analyze;

import java.util.List;
import java.util.function.BiFunction;

import tools.jackson.databind.JsonNode;

/**
 * One {@code POST /analyze/{type}} operation of the contract: its path segment and how
 * its {@code analysis} object is read. The fifteen instances are the constants below;
 * {@link #ALL} lists them (e.g. for bounded metric tags).
 *
 * @param <A> the operation's analysis type
 */
final class Operation<A> {

	static final Operation<AiVisionGeneralAnalysis> AI_VISION_GENERAL = new Operation<>("ai_vision_general",
			AnalysisReaders::aiVisionGeneral);

	static final Operation<AiVisionModerationAnalysis> AI_VISION_MODERATION = new Operation<>("ai_vision_moderation",
			AnalysisReaders::aiVisionModeration);

	static final Operation<AiVisionTaggingAnalysis> AI_VISION_TAGGING = new Operation<>("ai_vision_tagging",
			AnalysisReaders::aiVisionTagging);

	static final Operation<CaptioningAnalysis> CAPTIONING = new Operation<>("captioning", AnalysisReaders::captioning);

	static final Operation<CldFashionAnalysis> CLD_FASHION = new Operation<>("cld_fashion",
			(node, path) -> AnalysisReaders.tags(node, path, CldFashionAnalysis::new));

	static final Operation<CldTextAnalysis> CLD_TEXT = new Operation<>("cld_text",
			(node, path) -> AnalysisReaders.tags(node, path, CldTextAnalysis::new));

	static final Operation<CocoAnalysis> COCO = new Operation<>("coco",
			(node, path) -> AnalysisReaders.tags(node, path, CocoAnalysis::new));

	static final Operation<GoogleLogoDetectionAnalysis> GOOGLE_LOGO_DETECTION = new Operation<>("google_logo_detection",
			AnalysisReaders::googleLogoDetection);

	static final Operation<GoogleTaggingAnalysis> GOOGLE_TAGGING = new Operation<>("google_tagging",
			AnalysisReaders::googleTagging);

	static final Operation<HumanAnatomyAnalysis> HUMAN_ANATOMY = new Operation<>("human_anatomy",
			(node, path) -> AnalysisReaders.tags(node, path, HumanAnatomyAnalysis::new));

	static final Operation<ImageQualityAnalysis> IMAGE_QUALITY = new Operation<>("image_quality",
			AnalysisReaders::imageQuality);

	static final Operation<LvisAnalysis> LVIS = new Operation<>("lvis",
			(node, path) -> AnalysisReaders.tags(node, path, LvisAnalysis::new));

	static final Operation<ShopClassifierAnalysis> SHOP_CLASSIFIER = new Operation<>("shop_classifier",
			(node, path) -> AnalysisReaders.tags(node, path, ShopClassifierAnalysis::new));

	static final Operation<UnidetAnalysis> UNIDET = new Operation<>("unidet",
			(node, path) -> AnalysisReaders.tags(node, path, UnidetAnalysis::new));

	static final Operation<WatermarkDetectionAnalysis> WATERMARK_DETECTION = new Operation<>("watermark_detection",
			AnalysisReaders::watermarkDetection);

	static final List<Operation<?>> ALL = List.of(AI_VISION_GENERAL, AI_VISION_MODERATION, AI_VISION_TAGGING,
			CAPTIONING, CLD_FASHION, CLD_TEXT, COCO, GOOGLE_LOGO_DETECTION, GOOGLE_TAGGING, HUMAN_ANATOMY,
			IMAGE_QUALITY, LVIS, SHOP_CLASSIFIER, UNIDET, WATERMARK_DETECTION);

	private final String type;

	private final BiFunction<JsonNode, String, A> reader;

	private Operation(String type, BiFunction<JsonNode, String, A> reader) {
		this.type = type;
		this.reader = reader;
	}

	/**
	 * The path segment, e.g. {@code captioning}.
	 * @return the path segment, e.g
	 */
	String type() {
		return this.type;
	}

	/**
	 * Read the operation's {@code analysis} object.
	 * @param analysis the object
	 * @param path its JSON path, for error messages (e.g. {@code data.analysis})
	 * @return the operation's analysis
	 * @throws MalformedAnswerException when a field the contract requires is missing
	 */
	A read(JsonNode analysis, String path) {
		return this.reader.apply(analysis, path);
	}

	@Override
	public String toString() {
		return this.type;
	}

}
