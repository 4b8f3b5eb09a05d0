package io.github.cloudinaryanalysis.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Bounds the body of an answer by the read timeout, whichever request factory sends it,
 * and gives up an answer that is not read to its end by aborting its connection rather
 * than draining it.
 * <p>
 * Request factories bound a single read at most ({@code simple}, {@code http-components})
 * or only the wait for the headers ({@code jdk}), and closing a response drains the rest
 * of its body first, which for an endless body never ends. Here the read timeout runs
 * again from the moment the headers arrive; when it passes, a watchdog aborts the body (a
 * blocked read then fails, as a {@link SocketTimeoutException}), and a body that is
 * closed before its end is aborted the same way, by the underlying client's own abort
 * (see {@link ConnectionAborts}). The watchdog is one daemon thread shared by all
 * clients, started on the first answer and ended after a second without work, so no
 * thread outlives the calls.
 */
final class BodyDeadlineRequestFactory implements ClientHttpRequestFactory {

	private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

	private final ClientHttpRequestFactory delegate;

	private final Duration readTimeout;

	/**
	 * Wrap a request factory.
	 * @param delegate the factory that sends the requests
	 * @param readTimeout the longest a body may take, from the headers to its end
	 */
	BodyDeadlineRequestFactory(ClientHttpRequestFactory delegate, Duration readTimeout) {
		this.delegate = delegate;
		this.readTimeout = readTimeout;
	}

	private static ScheduledThreadPoolExecutor watchdog() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "cloudinary-analysis-body-deadline");
			thread.setDaemon(true);
			return thread;
		});
		executor.setKeepAliveTime(1, TimeUnit.SECONDS);
		executor.allowCoreThreadTimeOut(true);
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return new DeadlineRequest(this.delegate.createRequest(uri, httpMethod));
	}

	private final class DeadlineRequest implements ClientHttpRequest {

		private final ClientHttpRequest request;

		DeadlineRequest(ClientHttpRequest request) {
			this.request = request;
		}

		@Override
		public ClientHttpResponse execute() throws IOException {
			ClientHttpResponse response = this.request.execute();
			// The factory's own read timeout bounds the wait for the headers; from them
			// on, this deadline bounds the body.
			long deadline = System.nanoTime() + BodyDeadlineRequestFactory.this.readTimeout.toNanos();
			return new DeadlineResponse(this.request, response, deadline);
		}

		@Override
		public OutputStream getBody() throws IOException {
			return this.request.getBody();
		}

		@Override
		public HttpMethod getMethod() {
			return this.request.getMethod();
		}

		@Override
		public URI getURI() {
			return this.request.getURI();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.request.getHeaders();
		}

		@Override
		public java.util.Map<String, Object> getAttributes() {
			return this.request.getAttributes();
		}

	}

	private final class DeadlineResponse implements ClientHttpResponse {

		private final ClientHttpRequest request;

		private final ClientHttpResponse response;

		private final long deadline;

		private final AtomicBoolean aborted = new AtomicBoolean();

		private volatile boolean timedOut;

		private volatile boolean ended;

		private @Nullable ScheduledFuture<?> watchdog;

		private @Nullable InputStream body;

		DeadlineResponse(ClientHttpRequest request, ClientHttpResponse response, long deadline) {
			this.request = request;
			this.response = response;
			this.deadline = deadline;
			long remaining = deadline - System.nanoTime();
			this.watchdog = WATCHDOG.schedule(this::timeOut, Math.max(0, remaining), TimeUnit.NANOSECONDS);
		}

		/**
		 * Names the response it bounds, so that a test or a debugger can tell which
		 * factory made it.
		 */
		@Override
		public String toString() {
			return "DeadlineResponse[" + this.response.getClass().getName() + "]";
		}

		private void timeOut() {
			if (!this.ended) {
				this.timedOut = true;
				abort();
			}
		}

		private void abort() {
			cancelWatchdog();
			if (this.aborted.compareAndSet(false, true)) {
				ConnectionAborts.abort(this.request, this.response);
			}
		}

		private void cancelWatchdog() {
			ScheduledFuture<?> watchdog = this.watchdog;
			if (watchdog != null) {
				watchdog.cancel(false);
			}
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.response.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.response.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.response.getHeaders();
		}

		@Override
		public synchronized InputStream getBody() throws IOException {
			if (this.body == null) {
				this.body = new DeadlineInputStream(this.response.getBody());
			}
			return this.body;
		}

		@Override
		public void close() {
			if (this.ended) {
				cancelWatchdog();
				this.response.close();
			}
			else {
				abort();
			}
		}

		private IOException timeout() {
			return new SocketTimeoutException(
					"answer not complete within the read timeout of " + BodyDeadlineRequestFactory.this.readTimeout);
		}

		private final class DeadlineInputStream extends InputStream {

			private final InputStream in;

			DeadlineInputStream(InputStream in) {
				this.in = in;
			}

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				int read = read(one, 0, 1);
				return (read == -1) ? -1 : one[0] & 0xff;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				check();
				int read;
				try {
					read = this.in.read(buffer, offset, length);
				}
				catch (IOException | RuntimeException ex) {
					if (DeadlineResponse.this.timedOut) {
						throw timeout();
					}
					throw ex;
				}
				if (read == -1 && (DeadlineResponse.this.timedOut || DeadlineResponse.this.aborted.get())) {
					// Some clients (Reactor Netty) end an aborted body as if it were
					// complete.
					throw DeadlineResponse.this.timedOut ? timeout() : new IOException("answer given up");
				}
				if (read == -1) {
					DeadlineResponse.this.ended = true;
					cancelWatchdog();
				}
				else {
					check();
				}
				return read;
			}

			private void check() throws IOException {
				if (DeadlineResponse.this.timedOut || System.nanoTime() - DeadlineResponse.this.deadline > 0) {
					DeadlineResponse.this.timedOut = true;
					abort();
					throw timeout();
				}
			}

			@Override
			public int available() throws IOException {
				return DeadlineResponse.this.aborted.get() ? 0 : this.in.available();
			}

			@Override
			public void close() throws IOException {
				if (DeadlineResponse.this.ended) {
					this.in.close();
				}
				else {
					abort();
				}
			}

		}

	}

}
