/**
 * The Tasks part of the Analysis API:
 * {@link io.github.cloudinaryanalysis.tasks.TasksClient} and its types.
 */
@NullMarked
package io.github.cloudinaryanalysis.tasks;

import org.jspecify.annotations.NullMarked;
