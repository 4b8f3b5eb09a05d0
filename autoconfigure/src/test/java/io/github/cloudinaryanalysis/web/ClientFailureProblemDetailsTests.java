package io.github.cloudinaryanalysis.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;

import io.github.cloudinaryanalysis.ApiError;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.CloudinaryAnalysisUnavailableException;
import io.github.cloudinaryanalysis.ErrorCategory;
import io.github.cloudinaryanalysis.autoconfigure.web.CloudinaryAnalysisProblemDetailsAutoConfiguration;
import io.github.cloudinaryanalysis.tasks.RetrySettings;
import io.github.cloudinaryanalysis.tasks.TaskAwaitTimeoutException;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Everything the client throws reaches the application's caller as a clear problem
 * detail, not Boot's bare 500 (issue 11, point 7).
 */
class ClientFailureProblemDetailsTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, CloudinaryAnalysisProblemDetailsAutoConfiguration.class))
		.withUserConfiguration(ClientController.class, RefusingClient.class);

	@Test
	void anInvalidTaskIdIsA400() {
		this.runner.run((context) -> mvc(context).perform(get("/invalid"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Invalid analysis task id")));
	}

	@Test
	void aRefusedConnectionIsA503WithoutHostPortOrStack() {
		this.runner.run((context) -> {
			String body = mvc(context).perform(get("/refused"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value("The Cloudinary Analysis API could not be reached"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			int port = context.getBean(RefusingClient.class).port;
			assertThat(body).doesNotContain("127.0.0.1").doesNotContain(String.valueOf(port)).doesNotContain("at io.");
		});
	}

	@Test
	void aTimeoutIsA504WithoutHostOrPort() {
		this.runner.run((context) -> {
			String body = mvc(context).perform(get("/timeout"))
				.andExpect(status().isGatewayTimeout())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain("api.example.com").doesNotContain("8443");
		});
	}

	@Test
	void anAwaitTimeoutIsA504WithTheLastStatus() {
		this.runner.run((context) -> mvc(context).perform(get("/await"))
			.andExpect(status().isGatewayTimeout())
			.andExpect(jsonPath("$.lastStatus").value("PROCESSING")));
	}

	@Test
	void theApisOwnMessageIsCappedInTheProblemBody() {
		this.runner.run((context) -> {
			String detail = com.jayway.jsonpath.JsonPath.read(mvc(context).perform(get("/long-message"))
				.andExpect(status().isBadGateway())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.detail");
			assertThat(detail).startsWith("xxxx")
				.hasSizeLessThanOrEqualTo(CloudinaryAnalysisExceptionHandler.MAX_DETAIL + 20);
		});
	}

	private static MockMvc mvc(WebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context).build();
	}

	/** A real client whose API port is closed: every call is refused. */
	@Configuration(proxyBeanMethods = false)
	static class RefusingClient {

		final int port;

		RefusingClient() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				this.port = socket.getLocalPort();
			}
		}

		@Bean
		TasksClient tasksClient() {
			return TasksClient.builder()
				.baseUrl("http://127.0.0.1:" + this.port + "/v2/analysis")
				.cloudName("demo")
				.credentials("key", "secret")
				.retry(RetrySettings.disabled())
				.build();
		}

	}

	@RestController
	static class ClientController {

		private final TasksClient client;

		ClientController(TasksClient client) {
			this.client = client;
		}

		@GetMapping("/invalid")
		Object invalid() {
			return this.client.getStatus("../not-a-task");
		}

		@GetMapping("/refused")
		Object refused() {
			return this.client.getStatus("task_1");
		}

		@GetMapping("/timeout")
		Object timeout() {
			throw new CloudinaryAnalysisUnavailableException(
					"Cloudinary Analysis API unavailable: no complete answer within the read timeout from api "
							+ "api.example.com:8443",
					new SocketTimeoutException("Read timed out"), true);
		}

		@GetMapping("/await")
		Object await() {
			throw new TaskAwaitTimeoutException("task_1", new TaskStatusResponse("task_1", TaskStatus.PROCESSING, "r"),
					Duration.ofSeconds(5));
		}

		@GetMapping("/long-message")
		Object longMessage() {
			throw new CloudinaryAnalysisException.ServerError("HTTP 500", HttpStatus.INTERNAL_SERVER_ERROR,
					new HttpHeaders(), new byte[0],
					new ApiError(ErrorCategory.UNKNOWN, "E", "x".repeat(5000), Map.of(), null), null);
		}

	}

}
