package io.github.cloudinaryanalysis.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.core.type.MethodMetadata;

/**
 * Tells whether the application chose its HTTP request factory explicitly, in which case
 * the Analysis API client uses that choice rather than its own faster default.
 * <p>
 * Explicit means any of: the property {@value #FACTORY_PROPERTY} is set; the application
 * defines a {@link ClientHttpRequestFactoryBuilder} bean of its own (not the one of
 * Boot's {@code ImperativeHttpClientAutoConfiguration}); or it defines a
 * {@link ClientHttpRequestFactoryBuilderCustomizer}. A factory that Boot merely detected
 * on the class path is not a choice.
 */
final class RequestFactoryChoice {

	/** Boot's property that picks the imperative request factory. */
	static final String FACTORY_PROPERTY = "spring.http.clients.imperative.factory";

	private static final String BOOT_CONFIGURATION = "org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration";

	private RequestFactoryChoice() {
	}

	static boolean madeByApplication(Environment environment, ConfigurableListableBeanFactory beanFactory) {
		if (environment.containsProperty(FACTORY_PROPERTY)) {
			return true;
		}
		if (beanFactory.getBeanNamesForType(ClientHttpRequestFactoryBuilderCustomizer.class, true, false).length > 0) {
			return true;
		}
		for (String name : beanFactory.getBeanNamesForType(ClientHttpRequestFactoryBuilder.class, true, false)) {
			if (!definedByBoot(beanFactory, name)) {
				return true;
			}
		}
		return false;
	}

	private static boolean definedByBoot(ConfigurableListableBeanFactory beanFactory, String name) {
		if (!beanFactory.containsBeanDefinition(name)) {
			BeanFactory parent = beanFactory.getParentBeanFactory();
			return (parent instanceof ConfigurableListableBeanFactory listable) && definedByBoot(listable, name);
		}
		BeanDefinition definition = beanFactory.getBeanDefinition(name);
		if (BOOT_CONFIGURATION.equals(definition.getFactoryBeanName())) {
			return true;
		}
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			return factoryMethod != null && BOOT_CONFIGURATION.equals(factoryMethod.getDeclaringClassName());
		}
		return false;
	}

}
