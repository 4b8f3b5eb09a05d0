package io.github.cloudinaryanalysis.autoconfigure;

import io.github.cloudinaryanalysis.http.BodyDeadlineRequestFactory;
import io.github.cloudinaryanalysis.http.BoundedJdkClientHttpRequestFactory;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which request factory the Analysis API client uses: its own fast JDK-based one unless the application chose one,
 * and never a change to the application's other clients.
 */
class RequestFactoryChoiceTests {

	// Apache HttpClient, Jetty and Reactor Netty are on this module's test class path for other tests; hidden here, so
	// that Boot detects the JDK client as in an application with spring-web alone.
	private final ApplicationContextRunner runner = AnalysisContexts.against("http://127.0.0.1:9/v2/analysis")
		.withClassLoader(new FilteredClassLoader("org.apache.hc.client5", "org.eclipse.jetty.client", "reactor.netty.http"));

	@Test
	void byDefaultTheClientUsesItsBoundedJdkFactoryAndTheApplicationKeepsBoots() {
		this.runner.run((context) -> {
			assertThat(factoryOf(context.getBean(TasksClient.class))).isInstanceOf(BoundedJdkClientHttpRequestFactory.class);
			assertThat(context.getBean(ClientHttpRequestFactory.class)).isInstanceOf(JdkClientHttpRequestFactory.class);
		});
	}

	@Test
	void theDefaultFactoryKeepsTheConfiguredReadTimeoutAndBoundsTheBody() {
		this.runner.withPropertyValues("cloudinary.analysis.read-timeout=7s", "cloudinary.analysis.max-response-size=2KB")
			.run((context) -> {
				BoundedJdkClientHttpRequestFactory factory = (BoundedJdkClientHttpRequestFactory) factoryOf(
						context.getBean(TasksClient.class));
				assertThat(factory.readTimeout()).hasSeconds(7);
				assertThat(factory.maxBodyBytes()).isEqualTo(2049);
				assertThat(factory.httpClient().followRedirects()).isEqualTo(java.net.http.HttpClient.Redirect.NEVER);
			});
	}

	@Test
	void theFactoryPropertyIsHonoured() {
		this.runner.withPropertyValues("spring.http.clients.imperative.factory=simple")
			.run((context) -> assertThat(factoryOf(context.getBean(TasksClient.class)))
				.isInstanceOf(SimpleClientHttpRequestFactory.class));
		this.runner.withPropertyValues("spring.http.clients.imperative.factory=jdk")
			.run((context) -> assertThat(factoryOf(context.getBean(TasksClient.class)))
				.isInstanceOf(JdkClientHttpRequestFactory.class));
	}

	@Test
	void anApplicationBuilderBeanIsHonoured() {
		this.runner.withUserConfiguration(UserBuilder.class)
			.run((context) -> assertThat(factoryOf(context.getBean(TasksClient.class)))
				.isInstanceOf(SimpleClientHttpRequestFactory.class));
	}

	@Test
	void anApplicationBuilderCustomizerIsHonoured() {
		this.runner.withUserConfiguration(UserCustomizer.class)
			.run((context) -> assertThat(factoryOf(context.getBean(TasksClient.class)))
				.isInstanceOf(JdkClientHttpRequestFactory.class));
	}

	static ClientHttpRequestFactory factoryOf(TasksClient client) {
		Object restClient = ReflectionTestUtils.getField(client, "restClient");
		Object perCall = ReflectionTestUtils.getField(restClient, "clientRequestFactory");
		Object factory = ReflectionTestUtils.getField(perCall, "defaultFactory");
		// A factory the application chose is wrapped to bound the whole answer (BodyDeadlineRequestFactory).
		return (ClientHttpRequestFactory) ((factory instanceof BodyDeadlineRequestFactory)
				? ReflectionTestUtils.getField(factory, "delegate") : factory);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBuilder {

		@Bean
		ClientHttpRequestFactoryBuilder<?> myBuilder() {
			return ClientHttpRequestFactoryBuilder.simple();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCustomizer {

		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> myCustomizer() {
			return (builder) -> builder.withHttpClientCustomizer((httpClient) -> {
			});
		}

	}

}
