package io.github.cloudinaryanalysis.analyze;

import org.jspecify.annotations.Nullable;

/**
 * The analysis of {@code image_quality}. Every field is optional in the contract.
 *
 * @param quality the quality class ({@code quality}), such as {@code medium}; the
 * contract lists no values
 * @param score the quality score ({@code score}), if reported
 * @param confidence the confidence of the score ({@code confidence}), if reported
 * @param modelVersion the model's version ({@code model_version}), if reported
 */
public record ImageQualityAnalysis(@Nullable String quality, @Nullable Double score, @Nullable Double confidence,
		@Nullable Integer modelVersion) {

}
