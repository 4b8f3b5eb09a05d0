package io.github.cloudinaryanalysis.autoconfigure;

import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * What a native image must keep for the starter, registered in
 * {@code META-INF/spring/aot.factories} so it applies whether or not the client is
 * switched on at build time:
 * <ul>
 * <li>the {@value #VERSION_RESOURCE} resource that the {@code User-Agent} header reads
 * the starter's version from;</li>
 * <li>the class that {@link SpringBootVersionCheck} looks up by name to tell Spring Boot
 * 4 from 3;</li>
 * <li>Jackson binding of {@link TaskStatusResponse}, which applications return from their
 * own endpoints.</li>
 * </ul>
 * The client reads the API's JSON as a tree, so nothing else is bound reflectively.
 */
class CloudinaryAnalysisRuntimeHints implements RuntimeHintsRegistrar {

	/** The build's version file, read by {@code UserAgent}. */
	static final String VERSION_RESOURCE = "io/github/cloudinaryanalysis/http/version.properties";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(VERSION_RESOURCE);
		hints.reflection().registerType(TypeReference.of(SpringBootVersionCheck.BOOT_4_MARKER));
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), TaskStatusResponse.class);
	}

}
