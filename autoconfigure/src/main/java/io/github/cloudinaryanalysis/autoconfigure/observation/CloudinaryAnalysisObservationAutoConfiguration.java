package io.github.cloudinaryanalysis.autoconfigure.observation;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisProperties;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisRestClientCustomizer;
import io.micrometer.common.KeyValue;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;
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
	 * Boot's default convention with this client's name, and the same names and values,
	 * made cheaper for a client with a handful of URI templates: the key values that only
	 * depend on the template, the method or the status are made once and reused, rather
	 * than made again on every call (the template's path by a regular expression). See
	 * {@code benchmarks/README.md}.
	 */
	static final class ClientNameObservationConvention extends DefaultClientRequestObservationConvention {

		static final String CLIENT_NAME = "cloudinary-analysis";

		/** More templates than the client has: past this, values are made per call. */
		private static final int MAX_CACHED = 64;

		private static final KeyValue CLIENT_NAME_VALUE = KeyValue.of("client.name", CLIENT_NAME);

		private final Map<String, KeyValue> uris = new ConcurrentHashMap<>();

		private final Map<HttpMethod, KeyValue> methods = new ConcurrentHashMap<>();

		private final Map<HttpMethod, String> contextualNames = new ConcurrentHashMap<>();

		private final Map<Integer, KeyValue> statuses = new ConcurrentHashMap<>();

		ClientNameObservationConvention(String name) {
			super(name);
		}

		@Override
		protected KeyValue clientName(ClientRequestObservationContext context) {
			return CLIENT_NAME_VALUE;
		}

		@Override
		protected KeyValue uri(ClientRequestObservationContext context) {
			String template = context.getUriTemplate();
			return (template != null) ? cached(this.uris, template, (key) -> super.uri(context)) : super.uri(context);
		}

		@Override
		protected KeyValue method(ClientRequestObservationContext context) {
			ClientHttpRequest request = context.getCarrier();
			return (request != null) ? cached(this.methods, request.getMethod(), (key) -> super.method(context))
					: super.method(context);
		}

		@Override
		public @Nullable String getContextualName(ClientRequestObservationContext context) {
			ClientHttpRequest request = context.getCarrier();
			return (request != null)
					? cached(this.contextualNames, request.getMethod(),
							(key) -> Objects.requireNonNull(super.getContextualName(context)))
					: super.getContextualName(context);
		}

		@Override
		protected KeyValue status(ClientRequestObservationContext context) {
			ClientHttpResponse response = context.getResponse();
			if (response == null) {
				return super.status(context);
			}
			try {
				return cached(this.statuses, response.getStatusCode().value(), (key) -> super.status(context));
			}
			catch (IOException ex) {
				return super.status(context);
			}
		}

		private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> value) {
			V known = cache.get(key);
			if (known != null) {
				return known;
			}
			V made = value.apply(key);
			if (cache.size() < MAX_CACHED) {
				cache.put(key, made);
			}
			return made;
		}

	}

}
