/**
 * The HTTP plumbing of the client: authentication, bounded body reading, error translation and per-call timeouts.
 */
@NullMarked
package io.github.cloudinaryanalysis.http;

import org.jspecify.annotations.NullMarked;
