package io.github.cloudinaryanalysis.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.AbstractBufferingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.function.SingletonSupplier;

/**
 * A request factory on the JDK {@link HttpClient} for small, bounded JSON answers: the request is sent with the
 * blocking {@link HttpClient#send}, and the whole response body, up to a bound, is received before
 * {@link ClientHttpRequest#execute()} returns.
 * <p>
 * Why not Spring's {@code JdkClientHttpRequestFactory}: it sends with {@code HttpClient.sendAsync(..).get()} and reads
 * the body through {@code BodyHandlers.ofInputStream()}. The JDK completes the future that {@code sendAsync} returns
 * on {@code ForkJoinPool.commonPool()} (its {@code ASYNC_POOL}), whose parallelism is the number of cores minus one:
 * on a small machine every concurrent caller waits for one common-pool thread to hand it its response. Measured in
 * {@code benchmarks/} this costs about two thirds of the throughput. {@code send} completes the caller directly.
 * <p>
 * Safety is kept here rather than left to the caller:
 * <ul>
 * <li>The read timeout covers the whole response, headers and body: the headers through
 * {@link HttpRequest.Builder#timeout}, the body by waiting at most until the same deadline. A body that stalls fails
 * with an {@link HttpTimeoutException} and its connection is closed.</li>
 * <li>At most {@code maxBodyBytes} bytes are kept. A longer (or endless) body is cut: the subscription is cancelled,
 * which closes the connection instead of draining it, and the response body yields the bytes kept, then fails with
 * an {@link IOException} if read further.</li>
 * <li>Redirects are whatever the given {@link HttpClient} does; build it with {@link HttpClient.Redirect#NEVER} so
 * credentials never follow a redirect.</li>
 * </ul>
 * Closing a response never reads from the network. Instances are thread-safe; the {@link HttpClient} is shared by
 * {@link #withReadTimeout(Duration) copies with other read timeouts}.
 */
public final class BoundedJdkClientHttpRequestFactory implements ClientHttpRequestFactory {

	/** Headers the JDK client refuses or sets itself. */
	private static final Set<String> DISALLOWED_HEADERS = Set.of("connection", "content-length", "expect", "host",
			"upgrade");

	private final Supplier<HttpClient> httpClient;

	private final Duration readTimeout;

	private final int maxBodyBytes;

	/**
	 * Create a factory.
	 * @param httpClient the client, typically built with {@link HttpClient.Redirect#NEVER}
	 * @param readTimeout how long a response (headers and body) may take, positive
	 * @param maxBodyBytes the most body bytes kept, positive; a longer body is cut
	 */
	public BoundedJdkClientHttpRequestFactory(HttpClient httpClient, Duration readTimeout, int maxBodyBytes) {
		this(SingletonSupplier.of(Objects.requireNonNull(httpClient, "httpClient must not be null")), readTimeout,
				maxBodyBytes);
	}

	/**
	 * Create a factory whose {@link HttpClient} is built on first use. Building one is the dearest part of a cold
	 * start (its SSL context, its selector thread), so an application that never calls the API never pays for it.
	 * @param httpClient supplies the client once, typically built with {@link HttpClient.Redirect#NEVER}
	 * @param readTimeout how long a response (headers and body) may take, positive
	 * @param maxBodyBytes the most body bytes kept, positive; a longer body is cut
	 */
	public BoundedJdkClientHttpRequestFactory(Supplier<HttpClient> httpClient, Duration readTimeout,
			int maxBodyBytes) {
		this.httpClient = SingletonSupplier.of(Objects.requireNonNull(httpClient, "httpClient must not be null"));
		if (readTimeout.isNegative() || readTimeout.isZero()) {
			throw new IllegalArgumentException("readTimeout must be positive, but was " + readTimeout);
		}
		if (maxBodyBytes <= 0) {
			throw new IllegalArgumentException("maxBodyBytes must be positive, but was " + maxBodyBytes);
		}
		this.readTimeout = readTimeout;
		this.maxBodyBytes = maxBodyBytes;
	}

	/**
	 * Return a factory with the same client and bound but another read timeout.
	 * @param readTimeout the read timeout, positive
	 * @return a new factory sharing this one's {@link HttpClient}
	 */
	public BoundedJdkClientHttpRequestFactory withReadTimeout(Duration readTimeout) {
		return new BoundedJdkClientHttpRequestFactory(this.httpClient, readTimeout, this.maxBodyBytes);
	}

	/**
	 * Return the read timeout.
	 * @return the read timeout
	 */
	public Duration readTimeout() {
		return this.readTimeout;
	}

	/**
	 * Return the most body bytes kept.
	 * @return the bound
	 */
	public int maxBodyBytes() {
		return this.maxBodyBytes;
	}

	/**
	 * Return the JDK client.
	 * @return the client
	 */
	public HttpClient httpClient() {
		return this.httpClient.get();
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
		return new Request(uri, httpMethod);
	}

	private final class Request extends AbstractBufferingClientHttpRequest {

		private final URI uri;

		private final HttpMethod method;

		Request(URI uri, HttpMethod method) {
			this.uri = uri;
			this.method = method;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers, byte[] body) throws IOException {
			long deadline = System.nanoTime() + BoundedJdkClientHttpRequestFactory.this.readTimeout.toNanos();
			HttpRequest request = buildRequest(headers, body);
			BoundedBody bounded = new BoundedBody(BoundedJdkClientHttpRequestFactory.this.maxBodyBytes);
			HttpResponse<BoundedBody> response;
			try {
				response = BoundedJdkClientHttpRequestFactory.this.httpClient.get().send(request, (info) -> bounded);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				InterruptedIOException interrupted = new InterruptedIOException("Interrupted while waiting for "
						+ this.method + " " + this.uri);
				interrupted.initCause(ex);
				throw interrupted;
			}
			bounded.await(deadline, this.method, this.uri);
			return new Response(response, bounded);
		}

		private HttpRequest buildRequest(HttpHeaders headers, byte[] body) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri)
				.timeout(BoundedJdkClientHttpRequestFactory.this.readTimeout);
			headers.forEach((name, values) -> {
				if (!DISALLOWED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
					for (String value : values) {
						builder.header(name, value);
					}
				}
			});
			HttpRequest.BodyPublisher publisher = (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody();
			if (this.method == HttpMethod.GET && body.length == 0) {
				builder.GET();
			}
			else {
				builder.method(this.method.name(), publisher);
			}
			return builder.build();
		}

	}

	/**
	 * Receives a body up to a bound. Signals arrive one at a time (reactive streams), on the client's threads; the
	 * caller reads the result only after {@link #done} completed, which orders the accesses.
	 */
	static final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody> {

		private final int limit;

		private final CompletableFuture<Void> done = new CompletableFuture<>();

		private volatile Flow.@Nullable Subscription subscription;

		private byte[] bytes = new byte[0];

		private int length;

		private boolean truncated;

		BoundedBody(int limit) {
			this.limit = limit;
		}

		@Override
		public CompletionStage<BoundedBody> getBody() {
			// Complete at once, so send() returns with the headers; the caller then waits for the body itself,
			// with its deadline, on a future this subscriber completes directly.
			return CompletableFuture.completedFuture(this);
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			if (this.done.isDone()) {
				return;
			}
			for (ByteBuffer buffer : buffers) {
				int room = this.limit - this.length;
				int take = Math.min(room, buffer.remaining());
				if (this.length + take > this.bytes.length) {
					long capacity = Math.max(this.length + take, Math.max(this.bytes.length * 2L, 512L));
					this.bytes = Arrays.copyOf(this.bytes, (int) Math.min(capacity, this.limit));
				}
				buffer.get(this.bytes, this.length, take);
				this.length += take;
				if (buffer.hasRemaining()) {
					this.truncated = true;
					cancel();
					this.done.complete(null);
					return;
				}
			}
		}

		@Override
		public void onError(Throwable throwable) {
			this.done.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			this.done.complete(null);
		}

		void cancel() {
			Flow.Subscription current = this.subscription;
			if (current != null) {
				current.cancel();
			}
		}

		void await(long deadlineNanos, HttpMethod method, URI uri) throws IOException {
			try {
				long remaining = deadlineNanos - System.nanoTime();
				this.done.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				cancel();
				throw new HttpTimeoutException("Response body of " + method + " " + uri
						+ " not received within the read timeout");
			}
			catch (InterruptedException ex) {
				cancel();
				Thread.currentThread().interrupt();
				InterruptedIOException interrupted = new InterruptedIOException("Interrupted while reading " + method
						+ " " + uri);
				interrupted.initCause(ex);
				throw interrupted;
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof IOException io) {
					throw io;
				}
				throw new IOException("Failed to read the response body of " + method + " " + uri, cause);
			}
		}

		InputStream stream() {
			ByteArrayInputStream kept = new ByteArrayInputStream(this.bytes, 0, this.length);
			if (!this.truncated) {
				return kept;
			}
			return new InputStream() {

				@Override
				public int read() throws IOException {
					int next = kept.read();
					if (next < 0) {
						throw tooLarge();
					}
					return next;
				}

				@Override
				public int read(byte[] buffer, int offset, int count) throws IOException {
					if (count == 0) {
						return 0;
					}
					int read = kept.read(buffer, offset, count);
					if (read < 0) {
						throw tooLarge();
					}
					return read;
				}

				@Override
				public int available() {
					return kept.available();
				}

				private IOException tooLarge() {
					return new IOException("Response body larger than " + BoundedBody.this.limit
							+ " bytes: cut there and its connection closed");
				}

			};
		}

	}

	private static final class Response implements ClientHttpResponse {

		private final HttpResponse<BoundedBody> response;

		private final InputStream body;

		private @Nullable HttpHeaders headers;

		Response(HttpResponse<BoundedBody> response, BoundedBody body) {
			this.response = response;
			this.body = body.stream();
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatusCode.valueOf(this.response.statusCode());
		}

		@Override
		public String getStatusText() {
			return "";
		}

		@Override
		public HttpHeaders getHeaders() {
			HttpHeaders result = this.headers;
			if (result == null) {
				HttpHeaders adapted = new HttpHeaders();
				this.response.headers().map().forEach((name, values) -> {
					if (!name.startsWith(":")) {
						adapted.addAll(name, values);
					}
				});
				result = HttpHeaders.readOnlyHttpHeaders(adapted);
				this.headers = result;
			}
			return result;
		}

		@Override
		public InputStream getBody() {
			return this.body;
		}

		@Override
		public void close() {
			// The body was received (or cut, its connection closed) before this response was made: nothing to drain.
		}

	}

}
