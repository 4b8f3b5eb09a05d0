package io.github.cloudinaryanalysis.analyze;

import java.util.List;

/**
 * The analysis of {@code google_tagging}.
 *
 * @param labelAnnotations the labels ({@code label_annotations})
 */
public record GoogleTaggingAnalysis(LabelAnnotations labelAnnotations) {

	/**
	 * The labels Google found.
	 *
	 * @param labels the labels ({@code labels}), empty when none were reported
	 */
	public record LabelAnnotations(List<Label> labels) {

		public LabelAnnotations {
			labels = List.copyOf(labels);
		}

	}

	/**
	 * One label.
	 *
	 * @param label the label ({@code label})
	 * @param score the confidence ({@code score})
	 */
	public record Label(String label, double score) {

	}

}
