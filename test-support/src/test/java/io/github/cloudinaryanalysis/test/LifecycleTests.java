package io.github.cloudinaryanalysis.test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start, ports, close, accessors and {@code toString}. */
class LifecycleTests {

	@Test
	void defaultsAndAccessors() {
		try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder().build().start()) {
			assertThat(fake.cloudName()).isEqualTo("demo");
			assertThat(fake.apiKey()).isEqualTo("fake-api-key");
			assertThat(fake.apiSecret()).isEqualTo("fake-api-secret");
			assertThat(fake.bearerToken()).isNull();
			assertThat(fake.port()).isPositive();
			assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port() + "/v2/analysis");
			assertThat(fake.cloudinaryUrl()).isEqualTo("cloudinary://fake-api-key:fake-api-secret@demo");
			assertThat(fake.isRunning()).isTrue();
		}
	}

	@Test
	void customConfiguration() {
		try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder()
			.cloudName("acme")
			.apiKey("111")
			.apiSecret("shh")
			.bearerToken("tok")
			.start()) {
			assertThat(fake.cloudinaryUrl()).isEqualTo("cloudinary://111:shh@acme");
			assertThat(fake.bearerToken()).isEqualTo("tok");
		}
	}

	@Test
	void toStringNeverContainsTheSecretOrToken() {
		FakeCloudinaryAnalysisApi.Builder builder = FakeCloudinaryAnalysisApi.builder()
			.apiKey("key-123")
			.apiSecret("very-secret-value")
			.bearerToken("secret-bearer");
		FakeCloudinaryAnalysisApi notStarted = builder.build();
		assertThat(notStarted.toString()).contains("not started").doesNotContain("very-secret-value");
		try (FakeCloudinaryAnalysisApi fake = builder.start()) {
			assertThat(fake.toString()).contains(fake.baseUrl())
				.contains("key-123")
				.doesNotContain("very-secret-value")
				.doesNotContain("secret-bearer");
		}
	}

	@Test
	void portZeroGivesDistinctPorts() {
		try (FakeCloudinaryAnalysisApi first = FakeCloudinaryAnalysisApi.builder().port(0).start();
				FakeCloudinaryAnalysisApi second = FakeCloudinaryAnalysisApi.builder().start()) {
			assertThat(first.port()).isNotEqualTo(second.port());
			assertThat(new HttpTestClient(first).getTask("x").statusCode()).isEqualTo(404);
			assertThat(new HttpTestClient(second).getTask("x").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void closeFreesThePortPromptly() throws Exception {
		FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder().start();
		int port = fake.port();
		HttpTestClient http = new HttpTestClient(fake);
		assertThat(http.getTask("x").statusCode()).isEqualTo(404);
		// Generous on purpose: a close that waited for the JDK server's default grace
		// period or for idle
		// keep-alive connections would take minutes; this only has to tell that apart
		// from a prompt close.
		long start = System.nanoTime();
		fake.close();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
		assertThat(fake.isRunning()).isFalse();
		fake.close(); // idempotent

		HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/demo/tasks/x"))
			.timeout(Duration.ofSeconds(5))
			.build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
		try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
			assertThat(socket.getLocalPort()).isEqualTo(port);
		}
		try (FakeCloudinaryAnalysisApi again = FakeCloudinaryAnalysisApi.builder().port(port).start()) {
			assertThat(again.port()).isEqualTo(port);
			assertThat(new HttpTestClient(again).getTask("x").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void misuseIsRejected() throws IOException {
		FakeCloudinaryAnalysisApi notStarted = FakeCloudinaryAnalysisApi.builder().build();
		assertThatIllegalStateException().isThrownBy(notStarted::port);
		assertThatIllegalStateException().isThrownBy(notStarted::baseUrl);
		try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder().start()) {
			assertThatIllegalStateException().isThrownBy(fake::start);
		}
		FakeCloudinaryAnalysisApi closed = FakeCloudinaryAnalysisApi.builder().build();
		closed.close();
		assertThatIllegalStateException().isThrownBy(closed::start);
		assertThatIllegalArgumentException().isThrownBy(() -> FakeCloudinaryAnalysisApi.builder().cloudName("a/b"));
		assertThatIllegalArgumentException().isThrownBy(() -> FakeCloudinaryAnalysisApi.builder().apiKey("a:b"));
		assertThatIllegalArgumentException().isThrownBy(() -> FakeCloudinaryAnalysisApi.builder().apiSecret(""));
		assertThatIllegalArgumentException().isThrownBy(() -> FakeCloudinaryAnalysisApi.builder().port(70000));
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
			assertThatThrownBy(() -> FakeCloudinaryAnalysisApi.builder().port(taken.getLocalPort()).start())
				.isInstanceOf(java.io.UncheckedIOException.class);
		}
	}

}
