/**
 * What the benchmarks share: the contexts they start, the servers they talk to and the
 * baselines they compare with.
 * <p>
 * Not {@code @NullMarked}, like the rest of this unpublished module: JMH injects
 * {@code @Param} fields and initializes state in {@code @Setup} methods, which NullAway
 * cannot follow.
 */
package io.github.cloudinaryanalysis.benchmarks.support;
