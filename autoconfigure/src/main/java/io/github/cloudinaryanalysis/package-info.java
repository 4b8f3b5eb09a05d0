/**
 * Client for Cloudinary's Analysis API: the errors it raises and how credentials are
 * described.
 * <p>
 * Nothing in this package or its client sub-packages depends on Spring Boot's
 * auto-configuration, so the client can be used, and could be published, on its own.
 */
@NullMarked
package io.github.cloudinaryanalysis;

import org.jspecify.annotations.NullMarked;
