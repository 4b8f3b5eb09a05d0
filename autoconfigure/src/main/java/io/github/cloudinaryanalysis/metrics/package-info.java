/**
 * Micrometer meters of the Analysis API client.
 */
@NullMarked
package io.github.cloudinaryanalysis.metrics;

import org.jspecify.annotations.NullMarked;
