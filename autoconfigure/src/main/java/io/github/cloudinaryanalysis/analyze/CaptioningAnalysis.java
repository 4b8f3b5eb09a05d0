package io.github.cloudinaryanalysis.analyze;

import org.jspecify.annotations.Nullable;

/**
 * The analysis of {@code captioning}.
 *
 * @param data the caption ({@code data})
 * @param modelVersion the model's version ({@code model_version}), if reported
 */
public record CaptioningAnalysis(Data data, @Nullable Integer modelVersion) {

	/**
	 * The caption.
	 *
	 * @param caption a sentence describing the image ({@code caption})
	 */
	public record Data(String caption) {

	}

}
