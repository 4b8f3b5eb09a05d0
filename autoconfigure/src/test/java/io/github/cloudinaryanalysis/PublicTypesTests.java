package io.github.cloudinaryanalysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public types of the main code are exactly those of the checked-in
 * {@code public-types.txt}, so that a new public type is a deliberate choice: add it to
 * the list with the change that makes it public.
 */
class PublicTypesTests {

	@Test
	void publicTypesAreTheListedOnes() throws IOException {
		List<String> actual = new ClassFileImporter().importPath(Path.of("target", "classes"))
			.stream()
			.filter(PublicTypesTests::isPublicApi)
			.map(JavaClass::getName)
			.sorted()
			.toList();
		assertThat(actual).as("public types of the main code (update src/test/resources/public-types.txt)")
			.isNotEmpty()
			.containsExactlyElementsOf(listed());
	}

	private static boolean isPublicApi(JavaClass type) {
		if (type.isAnonymousClass() || type.isLocalClass() || type.getSimpleName().equals("package-info")) {
			return false;
		}
		for (JavaClass current = type; current != null; current = current.getEnclosingClass().orElse(null)) {
			if (!current.getModifiers().contains(JavaModifier.PUBLIC)) {
				return false;
			}
		}
		return true;
	}

	private static List<String> listed() throws IOException {
		try (InputStream in = Objects.requireNonNull(PublicTypesTests.class.getResourceAsStream("/public-types.txt"),
				"public-types.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
	}

}
