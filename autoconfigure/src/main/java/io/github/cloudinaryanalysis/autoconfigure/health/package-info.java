/**
 * Auto-configuration of the Actuator health of the Analysis API.
 */
@NullMarked
package io.github.cloudinaryanalysis.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
