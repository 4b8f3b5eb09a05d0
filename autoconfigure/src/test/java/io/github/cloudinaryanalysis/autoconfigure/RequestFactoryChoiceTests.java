package io.github.cloudinaryanalysis.autoconfigure;

import java.util.concurrent.atomic.AtomicReference;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.http.BoundedJdkClientHttpRequestFactory;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Which request factory the Analysis API client uses: its own fast JDK-based one unless
 * the application chose one, and never a change to the application's other clients. The
 * factory is told by the class of the response it creates, seen by an interceptor of the
 * client's own {@link CloudinaryAnalysisRestClientCustomizer}: no look into private
 * fields.
 */
class RequestFactoryChoiceTests {

	private static final String SPRING_JDK_RESPONSE = "org.springframework.http.client.JdkClientHttpResponse";

	private static final String SPRING_SIMPLE_RESPONSE = "org.springframework.http.client.SimpleClientHttpResponse";

	/**
	 * A factory the application chose is wrapped so that the whole answer obeys the read
	 * timeout.
	 */
	private static final String BOUNDED = "DeadlineResponse[%s]";

	@StartStop
	final MockWebServer server = new MockWebServer();

	@Test
	void byDefaultTheClientUsesItsBoundedJdkFactoryAndTheApplicationKeepsBoots() {
		runner().run((context) -> {
			assertThat(responseClassOf(context.getBean(TasksClient.class), context.getBean(ResponseClass.class)))
				// The factory's response type, a class of its own since the
				// factory/request/response split.
				.isEqualTo(BoundedJdkClientHttpRequestFactory.class.getPackageName() + ".BoundedJdkClientHttpResponse");
			assertThat(context.getBean(ClientHttpRequestFactory.class)).isInstanceOf(JdkClientHttpRequestFactory.class);
		});
	}

	@Test
	void theDefaultFactoryBoundsTheBodyByMaxResponseSize() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body("{\"data\":{\"task_id\":\"t1\",\"status\":\"pending\"},\"x\":\"" + "y".repeat(3000) + "\"}")
			.build());
		runner().withPropertyValues("cloudinary.analysis.max-response-size=2KB").run((context) -> {
			CloudinaryAnalysisException ex = catchThrowableOfType(CloudinaryAnalysisException.class,
					() -> context.getBean(TasksClient.class).getStatus("t1"));
			assertThat(ex).isNotNull().hasMessageContaining("larger than 2048 bytes");
		});
		// Read timeouts and unfollowed redirects of the default factory are proven in
		// FaultInjectionTests and
		// FaultsOnBootsFactoriesTests.
	}

	@Test
	void theFactoryPropertyIsHonoured() {
		runner().withPropertyValues("spring.http.clients.imperative.factory=simple")
			.run((context) -> assertThat(
					responseClassOf(context.getBean(TasksClient.class), context.getBean(ResponseClass.class)))
				.isEqualTo(BOUNDED.formatted(SPRING_SIMPLE_RESPONSE)));
		runner().withPropertyValues("spring.http.clients.imperative.factory=jdk")
			.run((context) -> assertThat(
					responseClassOf(context.getBean(TasksClient.class), context.getBean(ResponseClass.class)))
				.isEqualTo(BOUNDED.formatted(SPRING_JDK_RESPONSE)));
	}

	@Test
	void anApplicationBuilderBeanIsHonoured() {
		runner().withUserConfiguration(UserBuilder.class)
			.run((context) -> assertThat(
					responseClassOf(context.getBean(TasksClient.class), context.getBean(ResponseClass.class)))
				.isEqualTo(BOUNDED.formatted(SPRING_SIMPLE_RESPONSE)));
	}

	@Test
	void anApplicationBuilderCustomizerIsHonoured() {
		runner().withUserConfiguration(UserCustomizer.class)
			.run((context) -> assertThat(
					responseClassOf(context.getBean(TasksClient.class), context.getBean(ResponseClass.class)))
				.isEqualTo(BOUNDED.formatted(SPRING_JDK_RESPONSE)));
	}

	private ApplicationContextRunner runner() {
		ResponseClass seen = new ResponseClass();
		// Apache HttpClient, Jetty and Reactor Netty are on this module's test class path
		// for other tests; hidden
		// here, so that Boot detects the JDK client as in an application with spring-web
		// alone.
		return AnalysisContexts.against(this.server)
			.withClassLoader(
					new FilteredClassLoader("org.apache.hc.client5", "org.eclipse.jetty.client", "reactor.netty.http"))
			.withBean(ResponseClass.class, () -> seen)
			.withBean(CloudinaryAnalysisRestClientCustomizer.class,
					() -> (builder) -> builder.requestInterceptor((request, body, execution) -> {
						ClientHttpResponse response = execution.execute(request, body);
						seen.set(describe(response));
						return response;
					}));
	}

	private static String describe(ClientHttpResponse response) {
		String name = response.getClass().getName();
		return name.contains("BodyDeadlineRequestFactory") ? response.toString() : name;
	}

	/**
	 * Make one call (a 404) and return the class of the response the factory created for
	 * it.
	 */
	private String responseClassOf(TasksClient client, ResponseClass seen) {
		this.server.enqueue(new MockResponse.Builder().code(404)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":{\"category\":\"user_error\",\"code\":\"MA_404\",\"message\":\"no task\"}}")
			.build());
		assertThat(catchThrowableOfType(CloudinaryAnalysisException.NotFound.class, () -> client.getStatus("t1")))
			.isNotNull();
		assertThat(seen.get()).as("response seen by the interceptor").isNotNull();
		return seen.get();
	}

	/**
	 * The class of the last response the client's factory created (and of the one it
	 * wraps, if any).
	 */
	static final class ResponseClass extends AtomicReference<String> {

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
