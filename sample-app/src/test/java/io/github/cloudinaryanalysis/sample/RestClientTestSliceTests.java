package io.github.cloudinaryanalysis.sample;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * Users who test with Spring Boot's {@code @RestClientTest} and its
 * {@link MockRestServiceServer} keep doing so: the starter's client is bound to the mock
 * like any {@code RestClient} built from Boot's customizers.
 */
@RestClientTest(properties = { "cloudinary.analysis.url=cloudinary://key:secret@my-cloud",
		"cloudinary.analysis.retry.enabled=false" })
@ImportAutoConfiguration(CloudinaryAnalysisAutoConfiguration.class)
class RestClientTestSliceTests {

	@Autowired
	TasksClient tasks;

	@Autowired
	MockRestServiceServer server;

	@Test
	void theMockAnswersTheClient() {
		this.server.expect(requestTo("https://api.cloudinary.com/v2/analysis/my-cloud/tasks/t1"))
			.andRespond(withSuccess("{\"data\":{\"task_id\":\"t1\",\"status\":\"completed\"}}",
					MediaType.APPLICATION_JSON));
		assertThat(this.tasks.getStatus("t1").status()).isEqualTo(TaskStatus.COMPLETED);
		this.server.verify();
	}

	@Test
	void mockedErrorsAreTranslatedToo() {
		this.server.expect(requestTo("https://api.cloudinary.com/v2/analysis/my-cloud/tasks/t2"))
			.andRespond(withStatus(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
				.body("{\"error\":{\"category\":\"auth_error\",\"code\":\"MA_403\",\"message\":\"not allowed\"}}"));
		assertThatExceptionOfType(CloudinaryAnalysisException.Forbidden.class)
			.isThrownBy(() -> this.tasks.getStatus("t2"))
			.withMessageContaining("MA_403");
	}

}
