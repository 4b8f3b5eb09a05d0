package io.github.cloudinaryanalysis.analyze;

import org.jspecify.annotations.Nullable;

/**
 * One tag of an AI Vision tagging request (the contract's {@code tag_definitions[]}).
 *
 * @param name the tag to apply; any text, it does not affect the decision
 * @param description what the AI checks to decide whether the tag applies
 */
public record TagDefinition(String name, String description) {

	/**
	 * Check the contract's {@code required: [name, description]}.
	 * @throws IllegalArgumentException if either is {@code null}
	 */
	public TagDefinition {
		require(name, "name");
		require(description, "description");
	}

	private static void require(@Nullable String value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("tag_definitions[]." + field + " is required");
		}
	}

}
