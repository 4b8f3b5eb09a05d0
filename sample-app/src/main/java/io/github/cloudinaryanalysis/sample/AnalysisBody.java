package io.github.cloudinaryanalysis.sample;

import java.util.List;

import io.github.cloudinaryanalysis.analyze.Source;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /analyses/{type}}: the asset (exactly one of {@code uri} and
 * {@code assetId}) and, for the AI Vision operations, their own field.
 *
 * @param uri a URI the API fetches the asset from
 * @param assetId the id of an asset already in the cloud
 * @param prompts the prompts of {@code ai_vision_general}
 * @param rejectionQuestions the questions of {@code ai_vision_moderation}
 * @param tagDefinitions the tags of {@code ai_vision_tagging}
 */
record AnalysisBody(@Nullable String uri, @Nullable String assetId, @Nullable List<String> prompts,
		@Nullable List<String> rejectionQuestions, @Nullable List<@Nullable Tag> tagDefinitions) {

	/**
	 * The asset to analyse.
	 * @return the source
	 * @throws IllegalArgumentException unless exactly one of {@code uri} and
	 * {@code assetId} is given (the starter refuses a blank one)
	 */
	Source source() {
		if (this.uri != null && this.assetId != null) {
			throw new IllegalArgumentException("Give either uri or assetId, not both");
		}
		if (this.uri == null && this.assetId == null) {
			throw new IllegalArgumentException("uri or assetId is required, e.g. {\"uri\":\"https://...\"}");
		}
		return (this.uri != null) ? Source.uri(this.uri) : Source.assetId(this.assetId);
	}

	/**
	 * A tag definition as the caller sent it, checked only when the request is built (so
	 * that a missing field is the starter's readable 400, not a JSON read failure).
	 *
	 * @param name the tag's name
	 * @param description what the tag means
	 */
	record Tag(@Nullable String name, @Nullable String description) {

	}

}
