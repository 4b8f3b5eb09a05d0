package io.github.cloudinaryanalysis.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.analyze.TagDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The analyses the app offers, by the path segment of {@code POST /analyses/{type}} (the
 * API's own, {@link AnalysisRequest#type()}), each mapped to the starter's factory of its
 * request. A field the operation does not take is refused rather than ignored, so that
 * nothing a caller sends is silently dropped.
 */
final class AnalysisTypes {

	private static final Map<String, BiFunction<Source, AnalysisBody, AnalysisRequest<?>>> FACTORIES = factories();

	private AnalysisTypes() {
	}

	/**
	 * The known types, in the contract's order.
	 * @return the path segments
	 */
	static List<String> names() {
		return List.copyOf(FACTORIES.keySet());
	}

	/**
	 * The starter's request for a type and a body.
	 * @param type the path segment, e.g. {@code captioning}
	 * @param body the caller's body
	 * @return the request
	 * @throws UnknownAnalysisTypeException for a type the API does not offer
	 * @throws IllegalArgumentException for a body the operation cannot take
	 */
	static AnalysisRequest<?> request(String type, AnalysisBody body) {
		BiFunction<Source, AnalysisBody, AnalysisRequest<?>> factory = FACTORIES.get(type);
		if (factory == null) {
			throw new UnknownAnalysisTypeException(type, names());
		}
		refuseUnused(type, "prompts", body.prompts(), "ai_vision_general");
		refuseUnused(type, "rejectionQuestions", body.rejectionQuestions(), "ai_vision_moderation");
		refuseUnused(type, "tagDefinitions", body.tagDefinitions(), "ai_vision_tagging");
		return factory.apply(body.source(), body);
	}

	private static void refuseUnused(String type, String field, @Nullable List<?> value, String onlyType) {
		if (value != null && !type.equals(onlyType)) {
			throw new IllegalArgumentException(field + " applies only to " + onlyType + ", not to " + type);
		}
	}

	private static <T> List<T> required(@Nullable List<T> value, String field, String type) {
		if (value == null) {
			throw new IllegalArgumentException(field + " is required for " + type);
		}
		// The starter checks the contract's item counts and null items.
		return new ArrayList<>(value);
	}

	private static List<TagDefinition> tagDefinitions(List<AnalysisBody.@Nullable Tag> tags) {
		List<TagDefinition> definitions = new ArrayList<>(tags.size());
		for (int i = 0; i < tags.size(); i++) {
			AnalysisBody.Tag tag = tags.get(i);
			if (tag == null || tag.name() == null || tag.description() == null) {
				throw new IllegalArgumentException("tagDefinitions[" + i
						+ "] needs a name and a description, e.g. {\"name\":\"cat\"," + "\"description\":\"A cat\"}");
			}
			definitions.add(new TagDefinition(tag.name(), tag.description()));
		}
		return definitions;
	}

	private static Map<String, BiFunction<Source, AnalysisBody, AnalysisRequest<?>>> factories() {
		Map<String, BiFunction<Source, AnalysisBody, AnalysisRequest<?>>> factories = new LinkedHashMap<>();
		factories.put("ai_vision_general", (source, body) -> AnalysisRequest.aiVisionGeneral(source,
				required(body.prompts(), "prompts", "ai_vision_general")));
		factories.put("ai_vision_moderation", (source, body) -> AnalysisRequest.aiVisionModeration(source,
				required(body.rejectionQuestions(), "rejectionQuestions", "ai_vision_moderation")));
		factories.put("ai_vision_tagging", (source, body) -> AnalysisRequest.aiVisionTagging(source,
				tagDefinitions(required(body.tagDefinitions(), "tagDefinitions", "ai_vision_tagging"))));
		factories.put("captioning", (source, body) -> AnalysisRequest.captioning(source));
		factories.put("cld_fashion", (source, body) -> AnalysisRequest.cldFashion(source));
		factories.put("cld_text", (source, body) -> AnalysisRequest.cldText(source));
		factories.put("coco", (source, body) -> AnalysisRequest.coco(source));
		factories.put("google_logo_detection", (source, body) -> AnalysisRequest.googleLogoDetection(source));
		factories.put("google_tagging", (source, body) -> AnalysisRequest.googleTagging(source));
		factories.put("human_anatomy", (source, body) -> AnalysisRequest.humanAnatomy(source));
		factories.put("image_quality", (source, body) -> AnalysisRequest.imageQuality(source));
		factories.put("lvis", (source, body) -> AnalysisRequest.lvis(source));
		factories.put("shop_classifier", (source, body) -> AnalysisRequest.shopClassifier(source));
		factories.put("unidet", (source, body) -> AnalysisRequest.unidet(source));
		factories.put("watermark_detection", (source, body) -> AnalysisRequest.watermarkDetection(source));
		return Map.copyOf(factories);
	}

}
