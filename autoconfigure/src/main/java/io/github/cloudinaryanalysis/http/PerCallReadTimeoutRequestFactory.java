package io.github.cloudinaryanalysis.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * A request factory that lets one call use its own read timeout.
 * <p>
 * Request factories fix their timeouts when they are built, and {@code RestClient} offers
 * no per-request timeout. This factory therefore routes a request to a factory built for
 * the timeout the current call asked for (see {@link #withReadTimeout}); factories are
 * built on first use and kept, at most {@value #MAX_CACHED} of them. Requests on calls
 * without their own timeout go to the default factory.
 */
final class PerCallReadTimeoutRequestFactory implements ClientHttpRequestFactory {

	/** How many per-timeout factories are kept before the cache is cleared. */
	static final int MAX_CACHED = 16;

	/**
	 * The read timeout the call on this thread asked for. The request is created on the
	 * calling thread.
	 */
	private static final ThreadLocal<@Nullable Duration> CURRENT_READ_TIMEOUT = new ThreadLocal<>();

	private final ClientHttpRequestFactory defaultFactory;

	private final Function<Duration, ClientHttpRequestFactory> factoryForReadTimeout;

	private final Map<Duration, ClientHttpRequestFactory> cache = new ConcurrentHashMap<>();

	/**
	 * Create the factory.
	 * @param defaultFactory the factory for calls without their own read timeout
	 * @param factoryForReadTimeout builds a factory with the same settings but the given
	 * read timeout
	 */
	PerCallReadTimeoutRequestFactory(ClientHttpRequestFactory defaultFactory,
			Function<Duration, ClientHttpRequestFactory> factoryForReadTimeout) {
		this.defaultFactory = defaultFactory;
		this.factoryForReadTimeout = factoryForReadTimeout;
	}

	/**
	 * Run a call whose requests use the given read timeout.
	 * @param <T> the call's result type
	 * @param readTimeout the read timeout, or {@code null} for the default
	 * @param call the call, which must create its requests on this thread
	 * @return the call's result
	 */
	static <T> T withReadTimeout(@Nullable Duration readTimeout, Supplier<T> call) {
		if (readTimeout == null) {
			return call.get();
		}
		Duration previous = CURRENT_READ_TIMEOUT.get();
		CURRENT_READ_TIMEOUT.set(readTimeout);
		try {
			return call.get();
		}
		finally {
			if (previous == null) {
				CURRENT_READ_TIMEOUT.remove();
			}
			else {
				CURRENT_READ_TIMEOUT.set(previous);
			}
		}
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		Duration readTimeout = CURRENT_READ_TIMEOUT.get();
		return factoryFor(readTimeout).createRequest(uri, httpMethod);
	}

	private ClientHttpRequestFactory factoryFor(@Nullable Duration readTimeout) {
		if (readTimeout == null) {
			return this.defaultFactory;
		}
		if (this.cache.size() >= MAX_CACHED && !this.cache.containsKey(readTimeout)) {
			// Many distinct timeouts: rebuild rather than grow without bound.
			this.cache.clear();
		}
		return this.cache.computeIfAbsent(readTimeout, this.factoryForReadTimeout);
	}

}
