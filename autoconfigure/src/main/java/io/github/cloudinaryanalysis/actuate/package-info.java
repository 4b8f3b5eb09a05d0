/**
 * Masking of Cloudinary secrets in Actuator endpoints.
 */
@NullMarked
package io.github.cloudinaryanalysis.actuate;

import org.jspecify.annotations.NullMarked;
