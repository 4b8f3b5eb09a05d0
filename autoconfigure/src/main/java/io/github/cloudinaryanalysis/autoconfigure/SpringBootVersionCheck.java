package io.github.cloudinaryanalysis.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Stops an application on Spring Boot 3 (or older) before any bean is defined, with one
 * message naming the Spring Boot version found. Without it, a Boot 3 application that
 * adds the starter fails later with errors that say nothing about versions (a
 * {@code jsonComponentModule} bean that cannot be registered, then
 * {@code NoSuchMethodError}).
 * <p>
 * Registered in {@code META-INF/spring.factories} as an
 * {@link ApplicationContextInitializer}, so {@code SpringApplication} runs it before it
 * loads any configuration class. It uses only types that Spring Boot 3 and 4 both have:
 * {@link SpringBootVersion} and Spring Framework's initializer contract.
 */
class SpringBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * A class that exists since Spring Boot 4.0 (it moved there from
	 * {@code org.springframework.boot.env}).
	 */
	static final String BOOT_4_MARKER = "org.springframework.boot.EnvironmentPostProcessor";

	@Override
	public void initialize(ConfigurableApplicationContext applicationContext) {
		ClassLoader classLoader = (applicationContext.getClassLoader() != null) ? applicationContext.getClassLoader()
				: SpringBootVersionCheck.class.getClassLoader();
		check(ClassUtils.isPresent(BOOT_4_MARKER, classLoader), SpringBootVersion.getVersion());
	}

	/**
	 * Fail unless Spring Boot 4 is present.
	 * @param boot4Present whether a class that only Spring Boot 4 has is on the class
	 * path
	 * @param versionFound the version Spring Boot reports, {@code null} when its jar has
	 * no manifest
	 */
	static void check(boolean boot4Present, @Nullable String versionFound) {
		if (!boot4Present) {
			throw new IllegalStateException("The Cloudinary Analysis Spring Boot starter needs Spring Boot 4.0 or "
					+ "later, but this application runs on Spring Boot "
					+ ((versionFound != null) ? versionFound : "3 or older (version unknown)")
					+ ". Upgrade the application to Spring Boot 4, or remove the starter.");
		}
	}

}
