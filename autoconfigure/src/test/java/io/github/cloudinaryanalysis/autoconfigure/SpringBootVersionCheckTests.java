package io.github.cloudinaryanalysis.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The Spring Boot 3 stop, seen from Spring Boot 4. The real Boot 3.5 application that it
 * stops is in the {@code boot3-check} module.
 */
class SpringBootVersionCheckTests {

	@Test
	void boot3IsStoppedWithOneMessageNamingTheVersionFound() {
		assertThatIllegalStateException().isThrownBy(() -> SpringBootVersionCheck.check(false, "3.5.7"))
			.withMessage("The Cloudinary Analysis Spring Boot starter needs Spring Boot 4.0 or later, but this "
					+ "application runs on Spring Boot 3.5.7. Upgrade the application to Spring Boot 4, or remove "
					+ "the starter.");
	}

	@Test
	void anUnknownVersionIsSaidToBeUnknown() {
		assertThatIllegalStateException().isThrownBy(() -> SpringBootVersionCheck.check(false, null))
			.withMessageContaining("runs on Spring Boot 3 or older (version unknown)");
	}

	@Test
	void boot4PassesTheCheck() {
		assertThat(ClassUtils.isPresent(SpringBootVersionCheck.BOOT_4_MARKER, null)).isTrue();
		assertThat(SpringBootVersion.getVersion()).startsWith("4.");
		GenericApplicationContext context = new GenericApplicationContext();
		assertThatNoException().isThrownBy(() -> new SpringBootVersionCheck().initialize(context));
	}

	@Test
	@SuppressWarnings("rawtypes")
	void isRegisteredForEverySpringApplication() {
		List<ApplicationContextInitializer> initializers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ApplicationContextInitializer.class);
		assertThat(initializers).hasAtLeastOneElementOfType(SpringBootVersionCheck.class);
	}

}
