package io.github.cloudinaryanalysis.autoconfigure.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.cloudinaryanalysis.ApiError;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.ErrorCategory;
import io.github.cloudinaryanalysis.web.CloudinaryAnalysisExceptionHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A {@link CloudinaryAnalysisException} that escapes a controller becomes a problem
 * detail for the application's caller, through the real Spring MVC dispatcher.
 */
class ProblemDetailsTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, CloudinaryAnalysisProblemDetailsAutoConfiguration.class))
		.withUserConfiguration(FailingController.class);

	@Test
	void anUnknownTaskIsA404WithTheApiCodeAndRequestId() {
		this.runner.run((context) -> mvc(context).perform(get("/not-found"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Analysis task not found"))
			.andExpect(jsonPath("$.detail").value("Task not found"))
			.andExpect(jsonPath("$.errorCode").value("MA_00404"))
			.andExpect(jsonPath("$.requestId").value("req-1")));
	}

	@Test
	void aRateLimitIsA503WithRetryAfter() {
		this.runner.run((context) -> mvc(context).perform(get("/rate-limited"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "91"))
			.andExpect(jsonPath("$.errorCode").value("MA_00429")));
	}

	@Test
	void anyOtherUpstreamFailureIsA502WithoutTheUpstreamBody() throws Exception {
		this.runner.run((context) -> {
			String body = mvc(context).perform(get("/bad-gateway"))
				.andExpect(status().isBadGateway())
				.andExpect(jsonPath("$.upstreamStatus").value(502))
				.andExpect(jsonPath("$.detail").value("The Cloudinary Analysis API answered HTTP 502"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain("<html>").doesNotContain("secret");
		});
	}

	@Test
	void switchedOffWithAProperty() {
		this.runner.withPropertyValues("cloudinary.analysis.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CloudinaryAnalysisExceptionHandler.class));
	}

	@Test
	void theApplicationsOwnHandlerWins() {
		this.runner.withUserConfiguration(UserAdvice.class)
			.run((context) -> mvc(context).perform(get("/not-found")).andExpect(status().isIAmATeapot()));
	}

	@Test
	void notInANonWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CloudinaryAnalysisProblemDetailsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CloudinaryAnalysisExceptionHandler.class));
	}

	private static MockMvc mvc(WebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context).build();
	}

	@RestController
	static class FailingController {

		@GetMapping("/not-found")
		String notFound() {
			throw new CloudinaryAnalysisException.NotFound("HTTP 404", HttpStatus.NOT_FOUND, new HttpHeaders(),
					new byte[0],
					new ApiError(ErrorCategory.USER_ERROR, "MA_00404", "Task not found", Map.of(), "req-1"), "req-1");
		}

		@GetMapping("/rate-limited")
		String rateLimited() {
			throw new CloudinaryAnalysisException.TooManyRequests("HTTP 429", HttpStatus.TOO_MANY_REQUESTS,
					new HttpHeaders(), new byte[0],
					new ApiError(ErrorCategory.RATE_LIMIT_ERROR, "MA_00429", "Rate limited", Map.of(), null), null,
					List.of(), Duration.ofMillis(90_500));
		}

		@GetMapping("/bad-gateway")
		String badGateway() {
			byte[] html = "<html>proxy error, secret=do-not-show</html>".getBytes(StandardCharsets.UTF_8);
			throw new CloudinaryAnalysisException.ServerError("HTTP 502 <html>proxy error</html>",
					HttpStatus.BAD_GATEWAY, new HttpHeaders(), html, null, null);
		}

	}

	@RestControllerAdvice
	static class UserAdvice {

		@ExceptionHandler
		ResponseEntity<String> handle(CloudinaryAnalysisException ex) {
			return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body("mine");
		}

	}

}
