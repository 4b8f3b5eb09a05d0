package io.github.cloudinaryanalysis.tasks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.ReceivedRequest;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a status request carries on the wire, whichever way the client's
 * {@code RestClient} is set up: since issue 15 the client builds the path itself and,
 * when it has no interceptor, sets HTTP Basic when the request is made rather than in an
 * interceptor. Against the project's fake over loopback HTTP.
 */
class StatusRequestTests {

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension fake = new FakeCloudinaryAnalysisExtension().resetBeforeEachTest();

	@Test
	void withoutInterceptorsTheRequestCarriesTheCredentialsOnceAndThePathOfTheTemplate() {
		FakeCloudinaryAnalysisApi api = fake.api();
		String taskId = api.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		try (RestClientTasksClient client = builderFor(api).build()) {
			assertThat(client.getStatus(taskId).taskId()).isEqualTo(taskId);
		}
		ReceivedRequest request = api.requests().get(0);
		assertThat(request.path()).isEqualTo("/v2/analysis/" + api.cloudName() + "/tasks/" + taskId);
		assertThat(request.headers().get("Authorization")).singleElement().asString().startsWith("Basic ");
		assertThat(request.headers().get("Accept")).containsExactly("application/json");
	}

	@Test
	void anInterceptorOfTheApplicationNeverSeesTheCredentials() {
		FakeCloudinaryAnalysisApi api = fake.api();
		String taskId = api.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		List<String> seen = new CopyOnWriteArrayList<>();
		RestClient.Builder application = RestClient.builder().requestInterceptor((request, body, execution) -> {
			seen.add(String.valueOf(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION)));
			return execution.execute(request, body);
		});
		try (RestClientTasksClient client = builderFor(api).restClientBuilder(application).build()) {
			client.getStatus(taskId);
		}
		assertThat(seen).as("what the application's interceptor saw").containsExactly("null");
		assertThat(api.requests().get(0).headers().get("Authorization")).singleElement()
			.asString()
			.startsWith("Basic ");
	}

	@Test
	void aDefaultAuthorizationOfTheApplicationsBuilderIsNeverSent() {
		assertOnlyTheClientsCredentialsAreSent(
				RestClient.builder().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer token-of-another-api"));
	}

	@Test
	void aDefaultAuthorizationOfTheApplicationsBuilderIsNeverSentWithInterceptorsEither() {
		assertOnlyTheClientsCredentialsAreSent(RestClient.builder()
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer token-of-another-api")
			.requestInterceptor((request, body, execution) -> execution.execute(request, body)));
	}

	private void assertOnlyTheClientsCredentialsAreSent(RestClient.Builder application) {
		FakeCloudinaryAnalysisApi api = fake.api();
		String taskId = api.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		try (RestClientTasksClient client = builderFor(api).restClientBuilder(application).build()) {
			client.getStatus(taskId);
		}
		assertThat(api.requests().get(0).headers().get("Authorization")).singleElement()
			.asString()
			.startsWith("Basic ")
			.doesNotContain("token-of-another-api");
	}

	@Test
	void theHeadersOfACallAreSentWithTheDefaultsAndOnlyOnThatCall() {
		FakeCloudinaryAnalysisApi api = fake.api();
		String taskId = api.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		try (RestClientTasksClient client = builderFor(api)
			.clientCustomizer((builder) -> builder.defaultHeader("X-Team", "analytics"))
			.build()) {
			client.getStatus(taskId,
					RequestOptions.defaults().withHeader("X-Trace", "one").withHeader("X-Trace", "two"));
			client.getStatus(taskId);
		}
		ReceivedRequest withHeaders = api.requests().get(0);
		assertThat(withHeaders.headers().get("X-Trace")).containsExactly("one", "two");
		assertThat(withHeaders.headers().get("X-Team")).containsExactly("analytics");
		assertThat(withHeaders.headers().get("Authorization")).hasSize(1);
		ReceivedRequest without = api.requests().get(1);
		assertThat(without.headers().get("X-Trace")).isNull();
		assertThat(without.headers().get("X-Team")).containsExactly("analytics");
	}

	@Test
	void aUserAgentOfACustomizerReplacesTheClientsWithOrWithoutInterceptors() {
		FakeCloudinaryAnalysisApi api = fake.api();
		String taskId = api.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		try (RestClientTasksClient plain = builderFor(api)
			.clientCustomizer((builder) -> builder.defaultHeader(HttpHeaders.USER_AGENT, "my-app/1.0"))
			.build();
				RestClientTasksClient intercepted = builderFor(api)
					.clientCustomizer((builder) -> builder.defaultHeader(HttpHeaders.USER_AGENT, "my-app/1.0")
						.requestInterceptor((request, body, execution) -> execution.execute(request, body)))
					.build()) {
			plain.getStatus(taskId);
			intercepted.getStatus(taskId);
		}
		assertThat(api.requests()).hasSize(2).allSatisfy((request) -> {
			assertThat(request.headers().get("User-Agent")).containsExactly("my-app/1.0");
			assertThat(request.headers().get("Accept")).containsExactly("application/json");
			assertThat(request.headers().get("Authorization")).singleElement().asString().startsWith("Basic ");
		});
	}

	private static RestClientTasksClient.Builder builderFor(FakeCloudinaryAnalysisApi api) {
		return TasksClient.builder()
			.baseUrl(api.baseUrl())
			.cloudName(api.cloudName())
			.credentials(api.apiKey(), api.apiSecret())
			.retry(RetrySettings.disabled());
	}

}
