/**
 * The receiving half of the asynchronous analysis workflow: verifying Cloudinary's signed
 * webhook notifications
 * ({@link io.github.cloudinaryanalysis.webhook.WebhookSignatureVerifier}) and reading
 * them into typed {@link io.github.cloudinaryanalysis.webhook.AnalysisNotification}s.
 */
@NullMarked
package io.github.cloudinaryanalysis.webhook;

import org.jspecify.annotations.NullMarked;
