package io.github.cloudinaryanalysis.autoconfigure.observation;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisProperties;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisRestClientCustomizer;
import io.micrometer.common.KeyValue;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;
import org.springframework.web.client.RestClient;

/**
 * Names this client in the {@code http.client.requests} observations of its requests:
 * {@code client.name} is {@value ClientNameObservationConvention#CLIENT_NAME} instead of
 * the API's host, so its requests can be told from the application's other calls. The
 * {@code uri} tag is the URI template, never a raw task id.
 */
@AutoConfiguration
@ConditionalOnClass({ RestClient.class, ObservationProperties.class })
@ConditionalOnBooleanProperty(name = CloudinaryAnalysisProperties.CONFIG_PREFIX + ".enabled", matchIfMissing = true)
public final class CloudinaryAnalysisObservationAutoConfiguration {

	@Bean
	CloudinaryAnalysisRestClientCustomizer cloudinaryAnalysisClientNameCustomizer(
			ObjectProvider<ObservationProperties> properties) {
		String name = properties.getIfAvailable(ObservationProperties::new)
			.getHttp()
			.getClient()
			.getRequests()
			.getName();
		return (builder) -> builder.observationConvention(new ClientNameObservationConvention(name));
	}

	/**
	 * Boot's default convention with this client's name.
	 */
	static final class ClientNameObservationConvention extends DefaultClientRequestObservationConvention {

		static final String CLIENT_NAME = "cloudinary-analysis";

		ClientNameObservationConvention(String name) {
			super(name);
		}

		@Override
		protected KeyValue clientName(ClientRequestObservationContext context) {
			return KeyValue.of("client.name", CLIENT_NAME);
		}

	}

}
