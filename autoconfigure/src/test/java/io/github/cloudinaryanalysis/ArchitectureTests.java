package io.github.cloudinaryanalysis;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The layers: the client ({@code io.github.cloudinaryanalysis}, {@code .http},
 * {@code .tasks}) is free of Spring Boot, so it could become a library of its own; the
 * runtime pieces that integrate it with Boot ({@code .health}, {@code .metrics},
 * {@code .web}, {@code .actuate}) do not know how they are wired; and
 * {@code io.github.cloudinaryanalysis.autoconfigure} holds only the wiring
 * (auto-configurations, properties, conditions, connection details, start-up failure
 * reports), the way Spring Boot separates {@code ElasticsearchRestClientHealthIndicator}
 * from its auto-configuration.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.cloudinaryanalysis");

	private static final String[] CLIENT_PACKAGES = { "io.github.cloudinaryanalysis",
			"io.github.cloudinaryanalysis.http", "io.github.cloudinaryanalysis.tasks" };

	private static final String[] RUNTIME_PACKAGES = { "io.github.cloudinaryanalysis.health..",
			"io.github.cloudinaryanalysis.metrics..", "io.github.cloudinaryanalysis.web..",
			"io.github.cloudinaryanalysis.actuate.." };

	private static final String AUTOCONFIGURE = "io.github.cloudinaryanalysis.autoconfigure..";

	@Test
	void clientPackagesDoNotDependOnTheAutoConfiguration() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAnyPackage(CLIENT_PACKAGES)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(AUTOCONFIGURE)
			.check(CLASSES);
	}

	@Test
	void clientPackagesDoNotDependOnSpringBoot() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAnyPackage(CLIENT_PACKAGES)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(CLASSES);
	}

	@Test
	void clientPackagesDoNotDependOnTheRuntimeIntegrations() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAnyPackage(CLIENT_PACKAGES)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(RUNTIME_PACKAGES)
			.check(CLASSES);
	}

	@Test
	void runtimePackagesDoNotDependOnTheAutoConfiguration() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAnyPackage(RUNTIME_PACKAGES)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(AUTOCONFIGURE)
			.check(CLASSES);
	}

	@Test
	void autoConfigurationPackagesHoldNoHealthIndicatorsMetersOrSanitizers() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage(AUTOCONFIGURE)
			.should()
			.implement(HealthIndicator.class)
			.orShould()
			.implement(MeterBinder.class)
			.orShould()
			.implement(MeterFilter.class)
			.orShould()
			.implement(SanitizingFunction.class)
			.check(CLASSES);
	}

	@Test
	void autoConfigurationPackagesHoldNoControllerAdvice() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage(AUTOCONFIGURE)
			.should()
			.beAnnotatedWith(ControllerAdvice.class)
			.orShould()
			.beAnnotatedWith(RestControllerAdvice.class)
			.check(CLASSES);
	}

	@Test
	void autoConfigurationPackagesHoldNoListenersOtherThanTheFanOut() {
		// The composite that hands every event to the listener beans is wiring; a
		// listener that acts on events
		// (such as the activity tracker) is runtime.
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage(AUTOCONFIGURE)
			.and()
			.doNotHaveSimpleName("CompositeTasksClientListener")
			.should()
			.implement(TasksClientListener.class)
			.check(CLASSES);
	}

}
