package io.github.cloudinaryanalysis.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when no Cloudinary credentials are configured: neither {@code CLOUDINARY_URL}
 * (environment variable or system property) nor any of {@code cloudinary.analysis.url},
 * {@code cloud-name}, {@code api-key} and {@code api-secret}. Blank values count as
 * absent.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(MissingCloudinaryCredentialsCondition.class)
@interface ConditionalOnMissingCloudinaryCredentials {

}
