package io.github.cloudinaryanalysis.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link CloudinaryAnalysisConfigurationException} into a startup report that
 * names the property at fault and the ways to fix it.
 */
class CloudinaryAnalysisConfigurationFailureAnalyzer
		extends AbstractFailureAnalyzer<CloudinaryAnalysisConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CloudinaryAnalysisConfigurationException cause) {
		String description = "The Cloudinary Analysis client could not be configured: " + cause.getMessage()
				+ "\n\nProperty at fault: " + cause.getProperty();
		if (cause.getProperty().startsWith(CloudinaryAnalysisProperties.CONFIG_PREFIX + ".webhook.")) {
			return new FailureAnalysis(description, """
					Set the property at fault as the description says, or set
					cloudinary.analysis.webhook.enabled=false if this application does not receive Cloudinary's
					webhook notifications.""", cause);
		}
		String action = """
				Do one of the following:
				  1. Set the CLOUDINARY_URL environment variable to cloudinary://<api_key>:<api_secret>@<cloud_name>
				     (as shown on the Dashboard page of the Cloudinary Console), or
				  2. set cloudinary.analysis.cloud-name, cloudinary.analysis.api-key and cloudinary.analysis.api-secret
				     (or cloudinary.analysis.url) in your application configuration, or
				  3. set cloudinary.analysis.enabled=false if this application does not call the Analysis API.""";
		return new FailureAnalysis(description, action, cause);
	}

}
