package io.github.cloudinaryanalysis.autoconfigure;

import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints a native image needs, checked with Spring's {@link RuntimeHintsPredicates}.
 */
class CloudinaryAnalysisRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	CloudinaryAnalysisRuntimeHintsTests() {
		new CloudinaryAnalysisRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void theVersionFileBehindTheUserAgentIsKept() {
		assertThat(RuntimeHintsPredicates.resource().forResource(CloudinaryAnalysisRuntimeHints.VERSION_RESOURCE))
			.accepts(this.hints);
		// The same file UserAgent really reads (that it names a version, not "unknown",
		// is UserAgentTests').
		assertThat(getClass().getClassLoader().getResource(CloudinaryAnalysisRuntimeHints.VERSION_RESOURCE))
			.isNotNull();
	}

	@Test
	void theBootVersionMarkerCanBeLookedUpByName() {
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(SpringBootVersionCheck.BOOT_4_MARKER)))
			.accepts(this.hints);
	}

	@Test
	void aTaskStatusResponseCanBeWrittenAsJson() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TaskStatusResponse.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(TaskStatusResponse.class, "taskId"))
			.accepts(this.hints);
	}

	@Test
	void isRegisteredForAotProcessing() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(CloudinaryAnalysisRuntimeHints.class);
	}

}
