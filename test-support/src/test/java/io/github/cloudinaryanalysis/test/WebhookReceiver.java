package io.github.cloudinaryanalysis.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback: records every POST it gets and answers with a settable
 * status.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	private final Queue<Received> received = new ConcurrentLinkedQueue<>();

	private final AtomicInteger answer = new AtomicInteger(200);

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.setExecutor(this.pool);
		this.server.createContext("/hooks", (exchange) -> {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				byte[] body = in.readAllBytes();
				this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
						exchange.getRequestHeaders(), body));
				exchange.sendResponseHeaders(this.answer.get(), -1);
			}
		});
		this.server.start();
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/" + path);
	}

	void answer(int status) {
		this.answer.set(status);
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.pool.shutdownNow();
	}

	record Received(String method, String path, Headers headers, byte[] body) {

		String header(String name) {
			return this.headers.getFirst(name);
		}

		String text() {
			return new String(this.body, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
