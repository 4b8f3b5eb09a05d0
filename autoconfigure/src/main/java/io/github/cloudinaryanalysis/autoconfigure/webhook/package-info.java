/**
 * Auto-configuration of the endpoint that receives Cloudinary's webhook notifications.
 */
@NullMarked
package io.github.cloudinaryanalysis.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
