package io.github.cloudinaryanalysis.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that accepts connections, reads what it is sent, and never answers: the
 * hostile case for waits. Counts the requests it saw (one per connection's first bytes).
 */
final class SilentServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final Thread acceptor;

	SilentServer() throws IOException {
		this.serverSocket = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::acceptLoop, "fault-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort() + "/v2/analysis";
	}

	int requestCount() {
		return this.requests.get();
	}

	private void acceptLoop() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.sockets.add(socket);
				Thread reader = new Thread(() -> countRequests(socket), "fault-server");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void countRequests(Socket socket) {
		byte[] buffer = new byte[8192];
		try {
			int read;
			while ((read = socket.getInputStream().read(buffer)) != -1) {
				// Each request starts with "GET "; a request fits in one read on
				// loopback.
				String text = new String(buffer, 0, read, java.nio.charset.StandardCharsets.ISO_8859_1);
				int index = text.indexOf("GET ");
				while (index >= 0) {
					this.requests.incrementAndGet();
					index = text.indexOf("GET ", index + 4);
				}
			}
		}
		catch (IOException ex) {
			// closed
		}
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
