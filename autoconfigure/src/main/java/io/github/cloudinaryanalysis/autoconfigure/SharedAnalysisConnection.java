package io.github.cloudinaryanalysis.autoconfigure;

import java.util.function.Supplier;

import io.github.cloudinaryanalysis.http.AnalysisConnection;

import org.springframework.util.function.SingletonSupplier;

/**
 * The one {@link AnalysisConnection} (one {@code RestClient}, customized once) that the
 * auto-configured clients share, so that the application's {@code RestClientCustomizer}s
 * run once and a {@code MockRestServiceServer} bound by {@code @RestClientTest} serves
 * every client. Built on first use, so that a configuration error surfaces when the first
 * client is created, as it did before the clients shared it. A type of the starter's own,
 * so that it is never mistaken for, or injected as, a general-purpose bean.
 */
final class SharedAnalysisConnection {

	private final Supplier<AnalysisConnection> connection;

	SharedAnalysisConnection(Supplier<AnalysisConnection> connection) {
		this.connection = SingletonSupplier.of(connection);
	}

	AnalysisConnection get() {
		return this.connection.get();
	}

	@Override
	public String toString() {
		return "SharedAnalysisConnection";
	}

}
