package io.github.cloudinaryanalysis.autoconfigure.web;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisProperties;
import io.github.cloudinaryanalysis.web.CloudinaryAnalysisExceptionHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Problem details for Analysis API errors in servlet web applications, on by default and
 * switched off with {@code cloudinary.analysis.problem-details.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ProblemDetail.class })
@ConditionalOnBooleanProperty(name = CloudinaryAnalysisProperties.CONFIG_PREFIX + ".problem-details.enabled",
		matchIfMissing = true)
public final class CloudinaryAnalysisProblemDetailsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CloudinaryAnalysisExceptionHandler cloudinaryAnalysisExceptionHandler() {
		return new CloudinaryAnalysisExceptionHandler();
	}

}
