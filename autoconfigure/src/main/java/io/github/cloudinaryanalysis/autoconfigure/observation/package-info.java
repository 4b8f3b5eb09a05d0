/**
 * Observation settings of the Analysis API client's HTTP requests.
 */
@NullMarked
package io.github.cloudinaryanalysis.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
