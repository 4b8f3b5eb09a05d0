package io.github.cloudinaryanalysis.webhook;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The webhook support builds on the clients, never the other way round: the waits of
 * {@code tasks} and {@code AnalyzeClient.analyzeAsync} learn of notifications through the
 * seams {@code TaskNotifications} and {@code AnalysisNotifications}, which
 * {@link NotificationHub} implements, so there is no package cycle.
 */
class NotificationSeamArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.cloudinaryanalysis.http", "io.github.cloudinaryanalysis.tasks",
				"io.github.cloudinaryanalysis.analyze");

	@Test
	void theClientsDoNotDependOnTheWebhookSupport() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAnyPackage("io.github.cloudinaryanalysis.http", "io.github.cloudinaryanalysis.tasks",
					"io.github.cloudinaryanalysis.analyze")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.cloudinaryanalysis.webhook..")
			.check(CLASSES);
	}

}
