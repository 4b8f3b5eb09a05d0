package io.github.cloudinaryanalysis.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server that acts out scripted faults: answers cut off mid-body,
 * bodies that stall, huge bodies. It counts the requests it receives and the connections
 * the client has not closed yet, so a test can prove that no connection is left behind.
 */
final class FaultServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "fault-server");
		thread.setDaemon(true);
		return thread;
	});

	private final ConcurrentLinkedQueue<Behaviour> script = new ConcurrentLinkedQueue<>();

	private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());

	private final List<String> requestHeads = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger openConnections = new AtomicInteger();

	private volatile Behaviour fallback = respond(404, "application/json", "{}");

	FaultServer() throws IOException {
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.executor.execute(this::acceptLoop);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort() + "/v2/analysis";
	}

	FaultServer then(Behaviour behaviour) {
		this.script.add(behaviour);
		return this;
	}

	FaultServer otherwise(Behaviour behaviour) {
		this.fallback = behaviour;
		return this;
	}

	int requestCount() {
		return this.requestLines.size();
	}

	List<String> requestHeads() {
		return List.copyOf(this.requestHeads);
	}

	/**
	 * Wait until the client has closed every connection whose answer was faulty, or the
	 * timeout passes.
	 * @return the connections still open
	 */
	int openConnectionsAfter(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.openConnections.get() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return this.openConnections.get();
	}

	private void acceptLoop() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.openConnections.incrementAndGet();
				this.executor.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			boolean keepServing = true;
			while (keepServing) {
				String head = readHead(in);
				if (head == null) {
					return;
				}
				this.requestLines.add(head.lines().findFirst().orElse(""));
				this.requestHeads.add(head);
				Behaviour behaviour = this.script.poll();
				keepServing = ((behaviour != null) ? behaviour : this.fallback).act(socket, out);
			}
			// A faulty answer: wait for the client to give the connection up.
			socket.setSoTimeout(30_000);
			while (in.read() != -1) {
				// discard
			}
		}
		catch (IOException | InterruptedException ex) {
			// the client reset or closed the connection: that is what faults expect
		}
		finally {
			this.openConnections.decrementAndGet();
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int b;
		while ((b = in.read()) != -1) {
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
			if (matched == 4) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
		return null;
	}

	static Behaviour respond(int status, String contentType, String body) {
		return respond(status, contentType, body, "");
	}

	static Behaviour respond(int status, String contentType, String body, String extraHeaders) {
		return (socket, out) -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: "
					+ bytes.length + "\r\n" + extraHeaders + "\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(bytes);
			out.flush();
			return true;
		};
	}

	/** Headers promising a body, part of it, then a TCP reset. */
	static Behaviour resetMidBody(String partialBody) {
		return (socket, out) -> {
			out.write(
					("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n" + partialBody)
						.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			socket.setSoLinger(true, 0);
			socket.close();
			return false;
		};
	}

	/**
	 * Headers promising a body, part of it, then silence until the client gives up (at
	 * most the given time).
	 */
	static Behaviour stallBody(String partialBody, Duration atMost) {
		return (socket, out) -> {
			out.write(
					("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n" + partialBody)
						.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			socket.setSoTimeout((int) atMost.toMillis());
			try {
				socket.getInputStream().read();
			}
			catch (IOException timedOut) {
				// the client never gave up: the test will notice the open connection
				TimeUnit.MILLISECONDS.sleep(1);
			}
			return false;
		};
	}

	/** A 200 with a body of the given size, streamed until the client stops reading. */
	static Behaviour hugeBody(int size) {
		return (socket, out) -> {
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + size + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			byte[] chunk = new byte[64 * 1024];
			java.util.Arrays.fill(chunk, (byte) ' ');
			chunk[0] = '{';
			int written = 0;
			try {
				while (written < size) {
					int length = Math.min(chunk.length, size - written);
					out.write(chunk, 0, length);
					chunk[0] = ' ';
					written += length;
				}
				out.flush();
			}
			catch (SocketException clientStopped) {
				return false;
			}
			return false;
		};
	}

	/**
	 * A 200 whose chunked body never ends: the client must stop reading, not drain it.
	 */
	static Behaviour endlessBody() {
		return (socket, out) -> {
			out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
				.getBytes(StandardCharsets.ISO_8859_1));
			byte[] chunk = ("4000\r\n" + " ".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
			out.write("1\r\n{\r\n".getBytes(StandardCharsets.ISO_8859_1));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			try {
				while (System.nanoTime() < deadline) {
					out.write(chunk);
				}
			}
			catch (SocketException clientStopped) {
				return false;
			}
			return false;
		};
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
		this.executor.shutdownNow();
	}

	/** What the server does with one request. */
	@FunctionalInterface
	interface Behaviour {

		/**
		 * Act on a request.
		 * @param socket the connection
		 * @param out its output stream
		 * @return whether the connection may serve another request
		 */
		boolean act(Socket socket, OutputStream out) throws IOException, InterruptedException;

	}

}
