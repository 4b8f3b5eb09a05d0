/**
 * Stand-alone reproducers of behaviour in the JDK's HTTP client, without the starter, for
 * reports upstream.
 * <p>
 * Not {@code @NullMarked}, like the rest of this unpublished module: JMH injects
 * {@code @Param} fields and initializes state in {@code @Setup} methods, which NullAway
 * cannot follow.
 */
package io.github.cloudinaryanalysis.benchmarks.upstream;
