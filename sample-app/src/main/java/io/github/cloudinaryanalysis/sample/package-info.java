/**
 * The sample application: a small REST API over the starter's {@code TasksClient}, with
 * an embedded fake when no credentials are configured.
 */
@NullMarked
package io.github.cloudinaryanalysis.sample;

import org.jspecify.annotations.NullMarked;
