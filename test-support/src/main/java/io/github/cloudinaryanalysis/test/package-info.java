/**
 * Test support for clients of Cloudinary's Analysis API:
 * {@link io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi}, a programmable
 * fake of the API served over real HTTP on the loopback interface, whose answers are
 * checked against the official OpenAPI contract, plus a JUnit 5 extension and Spring test
 * property helpers.
 */
@NullMarked
package io.github.cloudinaryanalysis.test;

import org.jspecify.annotations.NullMarked;
