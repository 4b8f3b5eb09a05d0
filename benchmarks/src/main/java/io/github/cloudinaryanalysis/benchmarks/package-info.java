/**
 * JMH benchmarks and stand-alone probes of the starter's HTTP path, start-up and awaits
 * (see {@code benchmarks/README.md}).
 * <p>
 * Not {@code @NullMarked}, like the rest of this unpublished module: JMH injects
 * {@code @Param} fields and initializes state in {@code @Setup} methods, which NullAway
 * cannot follow.
 */
package io.github.cloudinaryanalysis.benchmarks;
