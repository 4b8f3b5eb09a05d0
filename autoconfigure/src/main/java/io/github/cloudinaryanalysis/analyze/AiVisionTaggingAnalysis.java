package io.github.cloudinaryanalysis.analyze;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The analysis of {@code ai_vision_tagging}: the tag definitions that apply to the image.
 *
 * @param tags the tags that apply ({@code tags})
 * @param modelVersion the model's version ({@code model_version}), if reported
 */
public record AiVisionTaggingAnalysis(List<Tag> tags, @Nullable Integer modelVersion) {

	public AiVisionTaggingAnalysis {
		tags = List.copyOf(tags);
	}

	/**
	 * A tag that applies.
	 *
	 * @param name the tag's name ({@code name}), as in the request's tag definition, if
	 * reported
	 */
	public record Tag(@Nullable String name) {

	}

}
