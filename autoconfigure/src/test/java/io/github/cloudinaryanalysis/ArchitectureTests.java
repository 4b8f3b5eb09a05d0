package io.github.cloudinaryanalysis;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the client free of Spring Boot, so it could become a library of its own.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.cloudinaryanalysis");

	@Test
	void clientPackagesDoNotDependOnTheAutoConfiguration() {
		noClasses().that()
			.resideInAPackage("io.github.cloudinaryanalysis..")
			.and()
			.resideOutsideOfPackage("io.github.cloudinaryanalysis.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.cloudinaryanalysis.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void clientPackagesDoNotDependOnSpringBoot() {
		noClasses().that()
			.resideInAPackage("io.github.cloudinaryanalysis..")
			.and()
			.resideOutsideOfPackage("io.github.cloudinaryanalysis.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(CLASSES);
	}

}
