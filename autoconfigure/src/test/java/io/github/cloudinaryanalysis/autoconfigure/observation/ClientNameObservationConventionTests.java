package io.github.cloudinaryanalysis.autoconfigure.observation;

import java.io.IOException;
import java.net.URI;

import io.github.cloudinaryanalysis.autoconfigure.observation.CloudinaryAnalysisObservationAutoConfiguration.ClientNameObservationConvention;
import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's {@code http.client.requests} convention gives Spring's default key values,
 * but for {@code client.name}, on every call, although it makes those that depend only on
 * the template, method or status once (issue 15).
 */
class ClientNameObservationConventionTests {

	private final ClientNameObservationConvention convention = new ClientNameObservationConvention(
			"http.client.requests");

	private final DefaultClientRequestObservationConvention spring = new DefaultClientRequestObservationConvention();

	@Test
	void givesSpringsKeyValuesButTheClientNameOnEveryCall() throws IOException {
		for (int call = 0; call < 3; call++) {
			assertSameAsSpring(
					context(HttpMethod.GET, "https://api.cloudinary.com/v2/analysis/{cloudName}/tasks/{taskId}",
							"https://api.cloudinary.com/v2/analysis/demo/tasks/t" + call, HttpStatus.OK));
			assertSameAsSpring(context(HttpMethod.POST,
					"https://api.cloudinary.com/v2/analysis/{cloudName}/analyze/captioning",
					"https://api.cloudinary.com/v2/analysis/demo/analyze/captioning", HttpStatus.TOO_MANY_REQUESTS));
			assertSameAsSpring(context(HttpMethod.GET, null, "https://api.cloudinary.com/v2/analysis/demo/x", null));
		}
	}

	private void assertSameAsSpring(ClientRequestObservationContext context) {
		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.containsExactlyElementsOf(this.spring.getLowCardinalityKeyValues(context)
				.and(KeyValue.of("client.name", ClientNameObservationConvention.CLIENT_NAME)));
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.containsExactlyElementsOf(this.spring.getHighCardinalityKeyValues(context));
		assertThat(this.convention.getContextualName(context)).isEqualTo(this.spring.getContextualName(context));
		assertThat(this.convention.getName()).isEqualTo(this.spring.getName());
	}

	private static ClientRequestObservationContext context(HttpMethod method, String template, String uri,
			HttpStatus status) throws IOException {
		ClientRequestObservationContext context = new ClientRequestObservationContext(
				new MockClientHttpRequest(method, URI.create(uri)));
		context.setUriTemplate(template);
		if (status != null) {
			context.setResponse(new MockClientHttpResponse(new byte[0], status));
		}
		return context;
	}

}
