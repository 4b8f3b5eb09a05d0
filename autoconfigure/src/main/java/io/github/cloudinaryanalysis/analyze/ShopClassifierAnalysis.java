package io.github.cloudinaryanalysis.analyze;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The analysis of {@code shop_classifier} (Shop Classifier content-aware detection:
 * whether the image is a studio product image or a natural one).
 * <p>
 * The contract describes {@code tags} only as an object, so it is given as read: a map of
 * plain Java values (maps, lists, strings, numbers, booleans).
 *
 * @param tags the detected tags ({@code tags}), unmodifiable
 * @param modelVersion the model's version ({@code model_version}), if reported
 */
public record ShopClassifierAnalysis(Map<String, Object> tags, @Nullable Integer modelVersion) {

}
