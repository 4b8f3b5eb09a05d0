package io.github.cloudinaryanalysis.slice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * A plain {@code @RestClientTest} of a service that uses both the {@code AnalyzeClient}
 * and the {@code TasksClient}: one {@link MockRestServiceServer} serves both, because
 * they share one {@code RestClient} (two customized builders would make Boot's mock
 * server refuse with "bound to more than one RestClient").
 */
@RestClientTest(value = CaptionService.class, properties = { "cloudinary.analysis.url=cloudinary://key:secret@my-cloud",
		"cloudinary.analysis.retry.enabled=false" })
class PlainRestClientTestBothClientsTests {

	private static final String BASE = "https://api.cloudinary.com/v2/analysis/my-cloud";

	@Autowired
	CaptionService service;

	@Autowired
	MockRestServiceServer server;

	@Test
	void oneMockServerServesTheAnalyzeAndTheTasksClient() {
		this.server.expect(requestTo(BASE + "/analyze/captioning"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(header("Authorization", "Basic a2V5OnNlY3JldA=="))
			.andExpect(content().json("{\"source\":{\"uri\":\"https://example.test/cat.jpg\"}}", true))
			.andRespond(withSuccess(
					"{\"data\":{\"entity\":\"https://example.test/cat.jpg\","
							+ "\"analysis\":{\"data\":{\"caption\":\"A cat\"}}},\"request_id\":\"r1\"}",
					MediaType.APPLICATION_JSON));
		this.server.expect(requestTo(BASE + "/analyze/captioning"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(content().json("{\"async\":true}"))
			.andRespond(withStatus(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON)
				.body("{\"data\":{\"task_id\":\"t1\",\"status\":\"pending\"},\"request_id\":\"r2\"}"));
		this.server.expect(requestTo(BASE + "/tasks/t1"))
			.andExpect(method(HttpMethod.GET))
			.andRespond(withSuccess("{\"data\":{\"task_id\":\"t1\",\"status\":\"completed\"}}",
					MediaType.APPLICATION_JSON));
		assertThat(this.service.caption("https://example.test/cat.jpg")).isEqualTo("A cat");
		assertThat(this.service.startAndCheck("https://example.test/cat.jpg")).isTrue();
		this.server.verify();
	}

}
