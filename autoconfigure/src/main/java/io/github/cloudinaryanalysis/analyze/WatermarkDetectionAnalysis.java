package io.github.cloudinaryanalysis.analyze;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The analysis of {@code watermark_detection}.
 *
 * @param detections the watermarks found ({@code detections}), empty when none were
 * reported
 * @param modelVersion the model's version ({@code model_version}), if reported
 */
public record WatermarkDetectionAnalysis(List<Detection> detections, @Nullable Integer modelVersion) {

	public WatermarkDetectionAnalysis {
		detections = List.copyOf(detections);
	}

	/**
	 * One watermark.
	 *
	 * @param name its kind ({@code name}), such as {@code banner}
	 * @param confidence the confidence ({@code confidence})
	 */
	public record Detection(String name, double confidence) {

	}

}
