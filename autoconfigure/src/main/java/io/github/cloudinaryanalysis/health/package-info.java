/**
 * Actuator health of the Analysis API, and the record of what the application's own calls
 * have shown.
 */
@NullMarked
package io.github.cloudinaryanalysis.health;

import org.jspecify.annotations.NullMarked;
