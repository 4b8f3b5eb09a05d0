/**
 * Auto-configuration of the Analysis API client's Micrometer meters.
 */
@NullMarked
package io.github.cloudinaryanalysis.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
