package io.github.cloudinaryanalysis.analyze;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The analysis of {@code ai_vision_general}: one answer per prompt.
 *
 * @param responses the answers ({@code responses}), in the order of the prompts
 * @param modelVersion the model's version ({@code model_version}), if reported
 */
public record AiVisionGeneralAnalysis(List<Response> responses, @Nullable Integer modelVersion) {

	public AiVisionGeneralAnalysis {
		responses = List.copyOf(responses);
	}

	/**
	 * One answer.
	 *
	 * @param value the answer's text ({@code value}), if reported
	 */
	public record Response(@Nullable String value) {

	}

}
