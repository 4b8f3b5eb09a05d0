package io.github.cloudinaryanalysis.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.cloudinaryanalysis.http.BoundedJdkClientHttpRequestFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link BoundedJdkClientHttpRequestFactory} against hostile and broken servers on
 * loopback: bodies are bounded, stalls time out, redirects are not followed, and no
 * faulty connection is left open.
 */
class BoundedJdkRequestFactoryFaultTests {

	private static final String OK_BODY = "{\"data\":{\"task_id\":\"t1\",\"status\":\"completed\"},\"request_id\":\"r1\"}";

	private final HttpClient httpClient = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private FaultServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = new FaultServer();
	}

	@AfterEach
	void stop() throws Exception {
		this.server.close();
	}

	private BoundedJdkClientHttpRequestFactory factory(Duration readTimeout, int maxBodyBytes) {
		return new BoundedJdkClientHttpRequestFactory(this.httpClient, readTimeout, maxBodyBytes);
	}

	private ClientHttpResponse get(BoundedJdkClientHttpRequestFactory factory) throws IOException {
		ClientHttpRequest request = factory.createRequest(URI.create(this.server.baseUrl() + "/demo/tasks/t1"),
				HttpMethod.GET);
		request.getHeaders().add("Authorization", "Basic c2VjcmV0");
		request.getHeaders().add("Connection", "close");
		return request.execute();
	}

	@Test
	void aSmallBodyIsReceivedWholeWithStatusAndHeaders() throws Exception {
		this.server.otherwise(FaultServer.respond(200, "application/json", OK_BODY, "X-Request-Id: r1\r\n"));
		BoundedJdkClientHttpRequestFactory factory = factory(Duration.ofSeconds(5), 1024);
		for (int i = 0; i < 3; i++) {
			try (ClientHttpResponse response = get(factory)) {
				assertThat(response.getStatusCode().value()).isEqualTo(200);
				assertThat(response.getHeaders().getFirst("x-request-id")).isEqualTo("r1");
				assertThat(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(OK_BODY);
			}
		}
		assertThat(this.server.requestCount()).isEqualTo(3);
		assertThat(this.server.requestHeads().get(0)).contains("Authorization: Basic c2VjcmV0")
			.doesNotContainIgnoringCase("connection: close");
	}

	@Test
	void aBodyLongerThanTheBoundIsCutAndItsConnectionClosed() throws Exception {
		this.server.then(FaultServer.hugeBody(10 * 1024 * 1024));
		try (ClientHttpResponse response = get(factory(Duration.ofSeconds(5), 1000))) {
			InputStream body = response.getBody();
			assertThat(body.readNBytes(1000)).hasSize(1000);
			assertThatExceptionOfType(IOException.class).isThrownBy(body::read)
				.withMessageContaining("larger than 1000");
		}
		assertThat(this.server.openConnectionsAfter(Duration.ofSeconds(5))).as("cut connection closed").isZero();
	}

	@Test
	void anEndlessBodyIsCutAtTheBoundInsteadOfBeingDrained() throws Exception {
		this.server.then(FaultServer.endlessBody());
		try (ClientHttpResponse response = get(factory(Duration.ofSeconds(5), 4096))) {
			assertThat(response.getBody().readNBytes(4096)).hasSize(4096);
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> response.getBody().read());
		}
		assertThat(this.server.openConnectionsAfter(Duration.ofSeconds(5))).as("cut connection closed").isZero();
	}

	@Test
	void aBodyThatStallsFailsWithAnHttpTimeoutAndItsConnectionIsClosed() throws Exception {
		this.server.then(FaultServer.stallBody("{\"data\":", Duration.ofSeconds(20)));
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> get(factory(Duration.ofMillis(300), 1024)));
		assertThat(this.server.openConnectionsAfter(Duration.ofSeconds(5))).as("stalled connection closed").isZero();
	}

	@Test
	void aPerCallReadTimeoutCopySharesTheClient() {
		BoundedJdkClientHttpRequestFactory factory = factory(Duration.ofSeconds(5), 1024);
		BoundedJdkClientHttpRequestFactory copy = factory.withReadTimeout(Duration.ofMillis(250));
		assertThat(copy.httpClient()).isSameAs(factory.httpClient());
		assertThat(copy.readTimeout()).isEqualTo(Duration.ofMillis(250));
		assertThat(copy.maxBodyBytes()).isEqualTo(1024);
		assertThat(factory.readTimeout()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void aRedirectIsReturnedNotFollowed() throws Exception {
		try (FaultServer otherHost = new FaultServer()) {
			otherHost.otherwise(FaultServer.respond(200, "application/json", OK_BODY));
			this.server.then(FaultServer.respond(302, "text/plain", "",
					"Location: " + otherHost.baseUrl() + "/demo/tasks/t1\r\n"));
			try (ClientHttpResponse response = get(factory(Duration.ofSeconds(5), 1024))) {
				assertThat(response.getStatusCode().value()).isEqualTo(302);
			}
			assertThat(otherHost.requestCount()).isZero();
		}
	}

	@Test
	void invalidSettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> factory(Duration.ZERO, 1024));
		assertThatIllegalArgumentException().isThrownBy(() -> factory(Duration.ofSeconds(1), 0));
	}

}
