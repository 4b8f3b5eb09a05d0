/**
 * Spring Boot auto-configuration for the Cloudinary Analysis API client.
 */
@NullMarked
package io.github.cloudinaryanalysis.autoconfigure;

import org.jspecify.annotations.NullMarked;
