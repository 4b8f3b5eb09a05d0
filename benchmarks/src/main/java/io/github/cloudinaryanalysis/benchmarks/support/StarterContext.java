package io.github.cloudinaryanalysis.benchmarks.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.observation.ObservationRestClientCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * A minimal Spring Boot application with the starter, as a user would have it:
 * auto-configuration on, no web server. The {@link Observed} variant adds a real
 * {@link SimpleMeterRegistry} behind an {@link ObservationRegistry} (Boot's
 * {@code http.client.requests} observation on every RestClient, and the starter's own
 * observation where it has one).
 * <p>
 * {@code spring-boot-starter-actuator} is on the benchmarks' class path for
 * {@link #startWithActuator(Map)}, the application as most have it. The other contexts
 * exclude the auto-configurations of Actuator, Micrometer metrics and observation and
 * health, so that they stay what they were before it was added: no meter or observation
 * registry unless {@code observed}.
 */
public final class StarterContext {

	private StarterContext() {
	}

	/**
	 * Packages of the auto-configurations that {@code spring-boot-starter-actuator}
	 * brings.
	 */
	private static final List<String> ACTUATOR_PACKAGES = List.of("org.springframework.boot.actuate.",
			"org.springframework.boot.micrometer.", "org.springframework.boot.health.");

	public static ConfigurableApplicationContext start(Map<String, String> properties, boolean observed) {
		List<Class<?>> sources = new ArrayList<>();
		sources.add(App.class);
		if (observed) {
			sources.add(Observed.class);
		}
		Map<String, String> withoutActuator = new java.util.HashMap<>(properties);
		withoutActuator.putIfAbsent("spring.autoconfigure.exclude", actuatorAutoConfigurations());
		return run(sources, withoutActuator);
	}

	/**
	 * Start the application "out of the box", as most have it: with
	 * {@code spring-boot-starter-actuator}, so with Boot's meter registry (a
	 * {@code SimpleMeterRegistry}, no exporter on the class path) and observation
	 * registry, Boot's {@code http.client.requests} observation on every
	 * {@code RestClient}, and the starter's metrics and observation on (its default).
	 * @param properties the application's properties
	 * @return the started context
	 */
	public static ConfigurableApplicationContext startWithActuator(Map<String, String> properties) {
		return run(List.of(App.class), properties);
	}

	private static String actuatorAutoConfigurations() {
		ImportCandidates candidates = ImportCandidates.load(AutoConfiguration.class,
				StarterContext.class.getClassLoader());
		return StreamSupport.stream(candidates.spliterator(), false)
			.filter((name) -> ACTUATOR_PACKAGES.stream().anyMatch(name::startsWith))
			.collect(Collectors.joining(","));
	}

	private static ConfigurableApplicationContext run(List<Class<?>> sources, Map<String, String> properties) {
		Map<String, Object> defaults = new java.util.HashMap<>(properties);
		defaults.putIfAbsent("logging.level.root", "WARN");
		defaults.putIfAbsent("spring.main.log-startup-info", "false");
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.properties(defaults)
			.run();
	}

	/** The application: nothing but auto-configuration. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class App {

	}

	/** Metrics and observation with a real registry. */
	@Configuration(proxyBeanMethods = false)
	public static class Observed {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
			return registry;
		}

		/**
		 * Boot's {@code http.client.requests} observation, as its
		 * RestClientObservationAutoConfiguration adds it.
		 * @param registry the registry
		 * @return the customizer that adds the observation
		 */
		@Bean
		RestClientCustomizer observationRestClientCustomizer(ObservationRegistry registry) {
			return new ObservationRestClientCustomizer(registry, new DefaultClientRequestObservationConvention());
		}

	}

}
