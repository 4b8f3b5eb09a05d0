package io.github.cloudinaryanalysis.faults;

import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.CloudinaryAnalysisUnavailableException;
import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * With every request factory Boot offers
 * ({@code spring.http.clients.imperative.factory}), an endless, oversized or trickling
 * body ends the call within the read timeout plus one second and closes its connection,
 * rather than draining the body (issue 11, point 5).
 */
class EveryRequestFactoryBoundsTests {

	/** The read timeout of the trickling cases, which only the read deadline ends. */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * The read timeout of the endless and oversized cases, which the size bound ends long
	 * before: generous, so that a loaded machine reading slowly does not time out first
	 * and turn the size error into a timeout.
	 */
	private static final Duration SIZE_CASES_READ_TIMEOUT = Duration.ofSeconds(10);

	private static final String OK_BODY = "{\"data\":{\"task_id\":\"task_1\",\"status\":\"completed\"},\"request_id\":\"r\"}";

	private FaultServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = new FaultServer();
	}

	@AfterEach
	void stop() throws IOException {
		this.server.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "http-components", "jetty", "reactor", "simple" })
	void anEndlessBodyEndsTheCallAndItsConnection(String factory) throws Exception {
		assertBounded(factory, FaultServer.endlessBody(), CloudinaryAnalysisException.class, SIZE_CASES_READ_TIMEOUT,
				true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "http-components", "jetty", "reactor", "simple" })
	void anOversizedBodyEndsTheCallAndItsConnection(String factory) throws Exception {
		assertBounded(factory, FaultServer.hugeBody(64 * 1024 * 1024), CloudinaryAnalysisException.class,
				SIZE_CASES_READ_TIMEOUT, true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "http-components", "jetty", "reactor", "simple" })
	void aTricklingBodyEndsTheCallAndItsConnection(String factory) throws Exception {
		// With "simple", HttpURLConnection hands a closed body of known length (at most
		// http.KeepAlive.remainingData,
		// 512 KB by default) to the JDK's own keep-alive cleaner thread, which reads the
		// rest before it closes the
		// connection: the call ends in time, the connection is not ours to close any more
		// (README "Timeouts").
		assertBounded(factory, trickle(), CloudinaryAnalysisUnavailableException.class, READ_TIMEOUT,
				!factory.equals("simple"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "http-components", "jetty", "reactor", "simple" })
	void aTricklingChunkedBodyEndsTheCallAndItsConnection(String factory) throws Exception {
		assertBounded(factory, chunkedTrickle(), CloudinaryAnalysisUnavailableException.class, READ_TIMEOUT, true);
	}

	/**
	 * Assert that the faulty answer ends the call within the read timeout plus one second
	 * (the bound) and, unless the JDK took the connection over, closes it.
	 * @param factory the request factory
	 * @param fault the faulty answer
	 * @param expected what the call throws
	 * @param readTimeout the client's read timeout
	 * @param connectionClosedByClient whether the client closes the connection itself
	 * @throws Exception when the server fails
	 */
	private void assertBounded(String factory, FaultServer.Behaviour fault, Class<? extends Throwable> expected,
			Duration readTimeout, boolean connectionClosedByClient) throws Exception {
		// The healthy answer closes its connection, so that only the faulty answer's
		// connection is counted.
		this.server.then(FaultServer.respond(200, "application/json", OK_BODY, "Connection: close\r\n")).then(fault);
		runner(factory, readTimeout).run((context) -> {
			TasksClient client = context.getBean(TasksClient.class);
			// A first, healthy call warms the factory up, so that only the faulty answer
			// is timed.
			assertThat(client.getStatus("task_1").status()).isEqualTo(TaskStatus.COMPLETED);
			// Wait for the healthy connection to close, so that only the faulty answer's
			// connection is counted
			// (Jetty, asked again at once, sometimes kept the healthy one open).
			assertThat(this.server.openConnectionsAfter(Duration.ofSeconds(10))).as("%s: healthy connection", factory)
				.isZero();
			long start = System.nanoTime();
			Throwable failure = catchThrowable(() -> client.getStatus("task_1"));
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(failure).as(factory).isInstanceOf(expected);
			assertThat(elapsed).as("%s: time to end the call", factory).isLessThan(readTimeout.plusSeconds(1));
		});
		if (connectionClosedByClient) {
			assertThat(this.server.openConnectionsAfter(Duration.ofSeconds(10)))
				.as("%s: connections left open", factory)
				.isZero();
		}
	}

	private ApplicationContextRunner runner(String factory, Duration readTimeout) {
		return AnalysisContexts.against(this.server.baseUrl())
			.withPropertyValues("spring.http.clients.imperative.factory=" + factory,
					"cloudinary.analysis.read-timeout=" + readTimeout.toMillis() + "ms",
					"cloudinary.analysis.retry.enabled=false");
	}

	/** A chunked body of one-byte chunks, one every 200 ms. */
	private static FaultServer.Behaviour chunkedTrickle() {
		return (socket, out) -> {
			out.write(
					"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n"
						.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			try {
				for (int i = 0; i < 150; i++) {
					TimeUnit.MILLISECONDS.sleep(200);
					out.write("1\r\n \r\n".getBytes(StandardCharsets.ISO_8859_1));
					out.flush();
				}
			}
			catch (SocketException clientStopped) {
				return false;
			}
			return false;
		};
	}

	/**
	 * A body of 4096 bytes sent one byte every 200 ms: no single read ever waits for the
	 * read timeout.
	 */
	private static FaultServer.Behaviour trickle() {
		return (socket, out) -> {
			out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{"
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			try {
				for (int i = 0; i < 150; i++) {
					TimeUnit.MILLISECONDS.sleep(200);
					out.write(' ');
					out.flush();
				}
			}
			catch (SocketException clientStopped) {
				return false;
			}
			return false;
		};
	}

}
