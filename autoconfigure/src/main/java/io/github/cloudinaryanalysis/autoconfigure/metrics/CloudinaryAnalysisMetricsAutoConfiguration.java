package io.github.cloudinaryanalysis.autoconfigure.metrics;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisProperties;
import io.github.cloudinaryanalysis.health.ClientActivity;
import io.github.cloudinaryanalysis.metrics.CloudinaryAnalysisMeterDescriptions;
import io.github.cloudinaryanalysis.metrics.CloudinaryAnalysisMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers the client's own meters ({@link CloudinaryAnalysisMetrics}) when Micrometer
 * is present, and the descriptions of the observation's meters
 * ({@link CloudinaryAnalysisMeterDescriptions}).
 * {@code cloudinary.analysis.metrics.enabled=false} switches them off, together with the
 * call observation.
 */
@AutoConfiguration(after = CloudinaryAnalysisAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, ClientActivity.class })
@ConditionalOnBooleanProperty(name = CloudinaryAnalysisProperties.CONFIG_PREFIX + ".metrics.enabled",
		matchIfMissing = true)
public final class CloudinaryAnalysisMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CloudinaryAnalysisMetrics cloudinaryAnalysisMetrics(ClientActivity activity,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		// With an observation registry, the client's wait observation makes the await
		// timer. Boot's
		// MeterRegistryPostProcessor binds the metrics (a MeterBinder) to the
		// application's registry.
		return new CloudinaryAnalysisMetrics(activity, observationRegistry.getIfAvailable() == null);
	}

	@Bean
	@ConditionalOnMissingBean
	CloudinaryAnalysisMeterDescriptions cloudinaryAnalysisMeterDescriptions() {
		return new CloudinaryAnalysisMeterDescriptions();
	}

}
