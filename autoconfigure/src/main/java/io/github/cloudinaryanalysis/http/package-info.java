/**
 * The HTTP plumbing of the client, shared by the clients of the API's operations through
 * one public type, {@link io.github.cloudinaryanalysis.http.AnalysisConnection} (with
 * {@link io.github.cloudinaryanalysis.http.JsonAnswer} for reading answers):
 * authentication, bounded body reading, error translation, secret redaction and per-call
 * timeouts. Everything else here is package-private.
 */
@NullMarked
package io.github.cloudinaryanalysis.http;

import org.jspecify.annotations.NullMarked;
