package io.github.cloudinaryanalysis.autoconfigure.health;

import java.time.Clock;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisConnectionDetails;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisProperties;
import io.github.cloudinaryanalysis.health.ClientActivity;
import io.github.cloudinaryanalysis.health.CloudinaryAnalysisHealthIndicator;
import io.github.cloudinaryanalysis.tasks.TasksClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code cloudinaryAnalysis} health indicator, on by default with Actuator and
 * switched off with {@code management.health.cloudinary-analysis.enabled=false}.
 */
@AutoConfiguration(after = CloudinaryAnalysisAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({ TasksClient.class, ClientActivity.class, CloudinaryAnalysisConnectionDetails.class })
@ConditionalOnEnabledHealthIndicator("cloudinary-analysis")
public final class CloudinaryAnalysisHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "cloudinaryAnalysisHealthIndicator")
	CloudinaryAnalysisHealthIndicator cloudinaryAnalysisHealthIndicator(TasksClient client, ClientActivity activity,
			CloudinaryAnalysisConnectionDetails connectionDetails, CloudinaryAnalysisProperties properties) {
		String cloudName = connectionDetails.cloudName();
		return new CloudinaryAnalysisHealthIndicator(client, activity, (cloudName != null) ? cloudName : "unknown",
				connectionDetails.baseUrl(), properties.getHealth().getCacheTtl(), properties.getHealth().getTimeout(),
				Clock.systemUTC());
	}

}
