package io.github.cloudinaryanalysis.analyze;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The analysis of {@code cld_text} (Cld-Text content-aware detection: blocks of text and
 * where they are).
 * <p>
 * The contract describes {@code tags} only as an object, so it is given as read: a map of
 * plain Java values (maps, lists, strings, numbers, booleans).
 *
 * @param tags the detected tags ({@code tags}), unmodifiable
 * @param modelVersion the model's version ({@code model_version}), if reported
 */
public record CldTextAnalysis(Map<String, Object> tags, @Nullable Integer modelVersion) {

}
