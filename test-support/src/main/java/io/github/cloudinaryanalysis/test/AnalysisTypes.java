package io.github.cloudinaryanalysis.test;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fifteen {@code /analyze/{type}} operations of the contract, with their schema
 * names.
 */
final class AnalysisTypes {

	/**
	 * Type → the middle of its contract schema names, e.g.
	 * {@code AnalyzeAIVisionGeneralRequest}.
	 */
	private static final Map<String, String> SCHEMA_NAMES = new TreeMap<>(Map.ofEntries(
			Map.entry("ai_vision_general", "AIVisionGeneral"), Map.entry("ai_vision_moderation", "AIVisionModeration"),
			Map.entry("ai_vision_tagging", "AIVisionTagging"), Map.entry("captioning", "Captioning"),
			Map.entry("cld_fashion", "CldFashion"), Map.entry("cld_text", "CldText"), Map.entry("coco", "Coco"),
			Map.entry("google_logo_detection", "GoogleLogoDetection"), Map.entry("google_tagging", "GoogleTagging"),
			Map.entry("human_anatomy", "HumanAnatomy"), Map.entry("image_quality", "ImageQuality"),
			Map.entry("lvis", "Lvis"), Map.entry("shop_classifier", "ShopClassifier"), Map.entry("unidet", "Unidet"),
			Map.entry("watermark_detection", "WatermarkDetection")));

	/** All fifteen types, sorted. */
	static final Set<String> ALL = SCHEMA_NAMES.keySet();

	private AnalysisTypes() {
	}

	static boolean isKnown(String type) {
		return SCHEMA_NAMES.containsKey(type);
	}

	static String schemaName(String type) {
		String name = SCHEMA_NAMES.get(type);
		if (name == null) {
			throw new IllegalArgumentException("Not an analysis type of the contract: " + type + "; one of " + ALL);
		}
		return name;
	}

	/**
	 * The rate-limited feature ({@code limits.items[].type}) an analysis counts against.
	 * @param type the type
	 * @return the rate-limited feature ({@code limits.items[].type}) an analysis counts
	 * against
	 */
	static String feature(String type) {
		if (type.startsWith("ai_vision_")) {
			return "ai_vision";
		}
		return type.toLowerCase(Locale.ROOT).startsWith("google_") ? "google_tagging" : "object_detection";
	}

}
