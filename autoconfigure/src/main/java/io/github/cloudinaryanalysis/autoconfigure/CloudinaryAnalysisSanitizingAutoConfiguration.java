package io.github.cloudinaryanalysis.autoconfigure;

import io.github.cloudinaryanalysis.actuate.CloudinarySecretsSanitizingFunction;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks Cloudinary secrets in Actuator's {@code env} and {@code configprops} endpoints
 * (see {@link CloudinarySecretsSanitizingFunction}) whenever Actuator is on the class
 * path, whether or not the client itself is enabled: the secret is in the environment
 * either way.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class CloudinaryAnalysisSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(CloudinarySecretsSanitizingFunction.class)
	CloudinarySecretsSanitizingFunction cloudinarySecretsSanitizingFunction() {
		return new CloudinarySecretsSanitizingFunction();
	}

}
