package io.github.cloudinaryanalysis.slice;

import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * A plain {@code @RestClientTest(SomeService.class)}, exactly as a user writes it: no
 * {@code @ImportAutoConfiguration}. The starter registers its auto-configuration for the
 * slice (in
 * {@code META-INF/spring/org.springframework.boot.restclient.test.autoconfigure.AutoConfigureRestClient.imports}),
 * so the service gets a {@link TasksClient} bound to the slice's
 * {@link MockRestServiceServer}.
 */
@RestClientTest(value = ModerationService.class, properties = {
		"cloudinary.analysis.url=cloudinary://key:secret@my-cloud", "cloudinary.analysis.retry.enabled=false" })
class PlainRestClientTestSliceTests {

	@Autowired
	ModerationService service;

	@Autowired
	MockRestServiceServer server;

	@Test
	void theServiceGetsTheStartersClientBoundToTheMock() {
		this.server.expect(requestTo("https://api.cloudinary.com/v2/analysis/my-cloud/tasks/t1"))
			.andExpect(header("Authorization", "Basic a2V5OnNlY3JldA=="))
			.andRespond(withSuccess("{\"data\":{\"task_id\":\"t1\",\"status\":\"completed\"}}",
					MediaType.APPLICATION_JSON));
		assertThat(this.service.isDone("t1")).isTrue();
		this.server.verify();
	}

}
