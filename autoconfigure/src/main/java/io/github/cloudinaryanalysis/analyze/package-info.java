/**
 * The Analyze part of the Analysis API: typed requests
 * ({@link io.github.cloudinaryanalysis.analyze.AnalysisRequest}) for each of the fifteen
 * {@code POST /analyze/{type}} operations, and their typed answers.
 */
@NullMarked
package io.github.cloudinaryanalysis.analyze;

import org.jspecify.annotations.NullMarked;
