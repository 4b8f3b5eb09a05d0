package io.github.cloudinaryanalysis.analyze;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The analysis of {@code ai_vision_moderation}: a yes/no/unknown answer per rejection
 * question.
 *
 * @param responses the answers ({@code responses}), in the order of the questions
 * @param modelVersion the model's version ({@code model_version}), if reported
 */
public record AiVisionModerationAnalysis(List<Response> responses, @Nullable Integer modelVersion) {

	public AiVisionModerationAnalysis {
		responses = List.copyOf(responses);
	}

	/**
	 * One answer.
	 *
	 * @param prompt the question ({@code prompt}), if reported
	 * @param value the answer ({@code value}), if reported
	 */
	public record Response(@Nullable String prompt, @Nullable Value value) {

	}

	/** The answer to a rejection question. */
	public enum Value {

		/** {@code yes}. */
		YES,

		/** {@code no}. */
		NO,

		/** {@code unknown}: the model could not tell. */
		UNKNOWN,

		/** A value the contract does not list; never a failure. */
		UNRECOGNIZED;

		/**
		 * Map the API's wire value to a constant.
		 * @param value the value from the answer
		 * @return the matching constant, {@link #UNRECOGNIZED} for any other value
		 */
		public static Value fromApiValue(String value) {
			return switch (value) {
				case "yes" -> YES;
				case "no" -> NO;
				case "unknown" -> UNKNOWN;
				default -> UNRECOGNIZED;
			};
		}

	}

}
