package io.github.cloudinaryanalysis.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * A request factory on the JDK {@link HttpClient} for small, bounded JSON answers: the
 * request is sent with the blocking {@link HttpClient#send}, and the whole response body,
 * up to a bound, is received before {@link ClientHttpRequest#execute()} returns.
 * <p>
 * Why not Spring's {@code JdkClientHttpRequestFactory}: it sends with
 * {@code HttpClient.sendAsync(..).get()} and reads the body through
 * {@code BodyHandlers.ofInputStream()}. The JDK completes the future that
 * {@code sendAsync} returns on {@code ForkJoinPool.commonPool()} (its
 * {@code ASYNC_POOL}), whose parallelism is the number of cores minus one: on a small
 * machine every concurrent caller waits for one common-pool thread to hand it its
 * response (what that costs is measured in {@code benchmarks/README.md}). {@code send}
 * completes the caller directly.
 * <p>
 * Safety is kept here rather than left to the caller:
 * <ul>
 * <li>The read timeout covers the whole response, headers and body: the headers through
 * {@link HttpRequest.Builder#timeout}, the body by waiting at most until the same
 * deadline. A body that stalls fails with an {@link HttpTimeoutException} and its
 * connection is closed.</li>
 * <li>At most {@code maxBodyBytes} bytes are kept. A longer (or endless) body is cut: the
 * subscription is cancelled, which closes the connection instead of draining it, and the
 * response body yields the bytes kept, then fails with an {@link IOException} if read
 * further.</li>
 * <li>Redirects are whatever the given {@link HttpClient} does; build it with
 * {@link HttpClient.Redirect#NEVER} so credentials never follow a redirect.</li>
 * </ul>
 * Closing a response never reads from the network. Instances are thread-safe; the
 * {@link HttpClient} is shared by {@link #withReadTimeout(Duration) copies with other
 * read timeouts}. As Spring's own factories, this one makes
 * {@link BoundedJdkClientHttpRequest requests} that make
 * {@link BoundedJdkClientHttpResponse responses}; the body is received by a
 * {@link BoundedBodySubscriber}.
 */
public final class BoundedJdkClientHttpRequestFactory implements ClientHttpRequestFactory {

	private final Supplier<HttpClient> httpClient;

	private final Duration readTimeout;

	private final int maxBodyBytes;

	/**
	 * Create a factory.
	 * @param httpClient the client, typically built with
	 * {@link HttpClient.Redirect#NEVER}
	 * @param readTimeout how long a response (headers and body) may take, positive
	 * @param maxBodyBytes the most body bytes kept, positive; a longer body is cut
	 */
	public BoundedJdkClientHttpRequestFactory(HttpClient httpClient, Duration readTimeout, int maxBodyBytes) {
		this(SingletonSupplier.of(Objects.requireNonNull(httpClient, "httpClient must not be null")), readTimeout,
				maxBodyBytes);
	}

	/**
	 * Create a factory whose {@link HttpClient} is built on first use. Building one is
	 * the dearest part of a cold start (its SSL context, its selector thread), so an
	 * application that never calls the API never pays for it.
	 * @param httpClient supplies the client once, typically built with
	 * {@link HttpClient.Redirect#NEVER}
	 * @param readTimeout how long a response (headers and body) may take, positive
	 * @param maxBodyBytes the most body bytes kept, positive; a longer body is cut
	 */
	public BoundedJdkClientHttpRequestFactory(Supplier<HttpClient> httpClient, Duration readTimeout, int maxBodyBytes) {
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
		return new BoundedJdkClientHttpRequest(this.httpClient.get(), this.readTimeout, this.maxBodyBytes, uri,
				httpMethod);
	}

}
