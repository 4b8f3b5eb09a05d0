package io.github.cloudinaryanalysis.boot3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A Spring Boot 3.5 application with the starter on its class path, started the way
 * {@code main} starts it.
 */
@ExtendWith(OutputCaptureExtension.class)
class Boot3ApplicationTests {

	@Test
	void runsOnSpringBoot3() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
	}

	@Test
	void startUpStopsWithOneMessageNamingTheBootVersion(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Boot3Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatIllegalStateException().isThrownBy(() -> {
			try (ConfigurableApplicationContext context = application
				.run("--cloudinary.analysis.url=cloudinary://key:secret@demo")) {
				// not reached
			}
		})
			.withMessage("The Cloudinary Analysis Spring Boot starter needs Spring Boot 4.0 or later, but this "
					+ "application runs on Spring Boot " + SpringBootVersion.getVersion() + ". Upgrade the "
					+ "application to Spring Boot 4, or remove the starter.")
			.withNoCause();
		// Stopped before any bean definition was loaded: none of the failures the user
		// saw before this check.
		assertThat(output).doesNotContain("jsonComponentModule")
			.doesNotContain("NoSuchMethodError")
			.doesNotContain("BeanDefinitionOverrideException");
	}

	@SpringBootApplication
	static class Boot3Application {

	}

}
