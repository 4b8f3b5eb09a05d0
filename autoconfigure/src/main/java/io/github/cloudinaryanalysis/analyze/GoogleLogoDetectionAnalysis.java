package io.github.cloudinaryanalysis.analyze;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The analysis of {@code google_logo_detection}: the product logos found.
 *
 * @param logoAnnotations the logos ({@code logo_annotations})
 */
public record GoogleLogoDetectionAnalysis(List<LogoAnnotation> logoAnnotations) {

	public GoogleLogoDetectionAnalysis {
		logoAnnotations = List.copyOf(logoAnnotations);
	}

	/**
	 * One logo.
	 *
	 * @param mid Google's knowledge-graph id ({@code mid}), if reported
	 * @param description the logo's name ({@code description})
	 * @param score the confidence ({@code score})
	 * @param boundingPoly where the logo is ({@code bounding_poly})
	 */
	public record LogoAnnotation(@Nullable String mid, String description, double score, BoundingPoly boundingPoly) {

	}

	/**
	 * A polygon around a logo.
	 *
	 * @param vertices its corners ({@code vertices})
	 */
	public record BoundingPoly(List<Vertex> vertices) {

		public BoundingPoly {
			vertices = List.copyOf(vertices);
		}

	}

	/**
	 * A corner, in pixels. Google leaves out a coordinate that is 0, so either may be
	 * {@code null}.
	 *
	 * @param x the horizontal position ({@code x}), if reported
	 * @param y the vertical position ({@code y}), if reported
	 */
	public record Vertex(@Nullable Integer x, @Nullable Integer y) {

	}

}
