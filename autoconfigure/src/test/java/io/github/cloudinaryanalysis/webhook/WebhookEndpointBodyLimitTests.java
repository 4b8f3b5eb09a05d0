package io.github.cloudinaryanalysis.webhook;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much of a body the endpoint reads: a chunked body (no {@code Content-Length}) is
 * read to the maximum plus one byte and no further, a declared oversized one not at all,
 * and a body of exactly the maximum is accepted. Over HTTP a client may have sent more
 * into the socket's buffers, so the bytes taken from the stream are counted here.
 */
class WebhookEndpointBodyLimitTests {

	private static final String SECRET = "Body-Limit-Secret";

	private static final int MAX = 256;

	private final List<NotificationOutcome> outcomes = new ArrayList<>();

	private final List<Object> published = new ArrayList<>();

	private final WebhookEndpoint endpoint = new WebhookEndpoint(
			new WebhookSignatureVerifier(SECRET, SignatureAlgorithm.SHA1, Duration.ofHours(2), Clock.systemUTC()),
			DataSize.ofBytes(MAX), List.of(), this.published::add, new WebhookEndpointListener() {

				@Override
				public void onNotification(NotificationOutcome outcome) {
					WebhookEndpointBodyLimitTests.this.outcomes.add(outcome);
				}

			});

	@Test
	void aChunkedBodyIsReadToTheMaximumPlusOneByteAndNoFurther() throws Exception {
		AtomicLong read = new AtomicLong();
		ServerResponse answer = handle(new byte[10 * MAX], -1, read);
		assertThat(answer.statusCode().value()).isEqualTo(413);
		assertThat(read.get()).isEqualTo(MAX + 1);
		assertThat(this.outcomes).containsExactly(NotificationOutcome.TOO_LARGE);
	}

	@Test
	void aDeclaredOversizedBodyIsNotReadAtAll() throws Exception {
		AtomicLong read = new AtomicLong();
		ServerResponse answer = handle(new byte[MAX + 1], MAX + 1, read);
		assertThat(answer.statusCode().value()).isEqualTo(413);
		assertThat(answer.headers().getFirst("Connection")).isEqualTo("close");
		assertThat(read.get()).isZero();
	}

	@Test
	void aBodyOfExactlyTheMaximumIsAccepted() throws Exception {
		String start = "{\"task_id\":\"t-max\",\"http_status\":200,\"pad\":\"";
		String body = start + "x".repeat(MAX - start.length() - 2) + "\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		assertThat(bytes).hasSize(MAX);
		AtomicLong read = new AtomicLong();
		ServerResponse answer = handle(bytes, -1, read);
		assertThat(answer.statusCode().value()).isEqualTo(200);
		assertThat(this.outcomes).containsExactly(NotificationOutcome.ACCEPTED);
		assertThat(this.published).singleElement()
			.isInstanceOfSatisfying(AnalysisNotification.class,
					(notification) -> assertThat(notification.taskId()).isEqualTo("t-max"));
	}

	private ServerResponse handle(byte[] body, int contentLength, AtomicLong read) throws Exception {
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		MockHttpServletRequest request = new CountingRequest(body, read);
		request.setMethod("POST");
		request.setRequestURI("/cloudinary/analysis/notifications");
		request.setContentType("application/json");
		if (contentLength >= 0) {
			request.addHeader("Content-Length", contentLength);
		}
		request.addHeader("X-Cld-Timestamp", timestamp);
		request.addHeader("X-Cld-Signature", Signatures.sign("SHA-1", body, timestamp, SECRET));
		return this.endpoint.handle(ServerRequest.create(request, List.of(new StringHttpMessageConverter())));
	}

	/** A request whose body stream counts the bytes taken from it. */
	private static final class CountingRequest extends MockHttpServletRequest {

		private final byte[] body;

		private final AtomicLong read;

		CountingRequest(byte[] body, AtomicLong read) {
			this.body = body;
			this.read = read;
		}

		/** As a container does: the declared length, -1 for a chunked body. */
		@Override
		public long getContentLengthLong() {
			String declared = getHeader("Content-Length");
			return (declared != null) ? Long.parseLong(declared) : -1;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream counting = new FilterInputStream(new ByteArrayInputStream(this.body)) {

				@Override
				public int read() throws IOException {
					int b = super.read();
					if (b >= 0) {
						CountingRequest.this.read.incrementAndGet();
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = super.read(buffer, offset, length);
					if (n > 0) {
						CountingRequest.this.read.addAndGet(n);
					}
					return n;
				}

			};
			return new DelegatingServletInputStream(counting);
		}

	}

}
