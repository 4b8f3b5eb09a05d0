package io.github.cloudinaryanalysis.autoconfigure;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.restclient.test.MockServerRestClientCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * Users who test with {@code MockRestServiceServer} (as {@code @RestClientTest} sets it
 * up, through {@link MockServerRestClientCustomizer}) keep doing so: the client's own
 * request factory does not replace the mock.
 */
class MockRestServiceServerTests {

	@Test
	void theMockServerSeesTheClientsRequests() {
		MockServerRestClientCustomizer customizer = new MockServerRestClientCustomizer();
		AnalysisContexts.runner()
			.withPropertyValues("cloudinary.analysis.cloud-name=demo", "cloudinary.analysis.api-key=k",
					"cloudinary.analysis.api-secret=s")
			.withBean(MockServerRestClientCustomizer.class, () -> customizer)
			.run((context) -> {
				TasksClient client = context.getBean(TasksClient.class);
				MockRestServiceServer server = customizer.getServer();
				server.expect(requestTo("https://api.cloudinary.com/v2/analysis/demo/tasks/t1"))
					.andExpect(method(HttpMethod.GET))
					.andExpect(header("Authorization", "Basic azpz"))
					.andRespond(withSuccess("{\"data\":{\"task_id\":\"t1\",\"status\":\"processing\"}}",
							MediaType.APPLICATION_JSON));
				server.expect(requestTo("https://api.cloudinary.com/v2/analysis/demo/tasks/t2"))
					.andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
						.body("{\"error\":{\"category\":\"user_error\",\"code\":\"MA_404\",\"message\":\"no such task\"}}"));
				assertThat(client.getStatus("t1").status()).isEqualTo(TaskStatus.PROCESSING);
				assertThatExceptionOfType(CloudinaryAnalysisException.NotFound.class)
					.isThrownBy(() -> client.getStatus("t2"))
					.withMessageContaining("no such task");
				server.verify();
			});
	}

}
