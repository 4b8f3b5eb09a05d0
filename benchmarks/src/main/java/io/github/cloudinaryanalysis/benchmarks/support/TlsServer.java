package io.github.cloudinaryanalysis.benchmarks.support;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.ConnectionStatistics;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty 12 server on {@code 127.0.0.1} speaking HTTPS with HTTP/2 and HTTP/1.1 (ALPN),
 * with a self-signed certificate generated at start-up by the JDK's {@code keytool} (SAN
 * {@code IP:127.0.0.1}). It answers every request with the documented task-status JSON
 * and counts the connections it accepted.
 */
public final class TlsServer implements AutoCloseable {

	/** The password of the self-signed key store, for clients that load it. */
	public static final String PASSWORD = "changeit";

	private static final byte[] BODY = ("{\"data\":{\"task_id\":\"t1\",\"status\":\"processing\"},\"status\":\"processing\","
			+ "\"request_id\":\"0123456789abcdef0123456789abcdef\"}")
		.getBytes(StandardCharsets.UTF_8);

	private final Server server;

	private final ServerConnector connector;

	private final ConnectionStatistics statistics = new ConnectionStatistics();

	private final Path trustStore;

	private final KeyStore trustKeyStore;

	public TlsServer() throws Exception {
		Path dir = Files.createTempDirectory("bench-tls");
		Path keyStore = dir.resolve("server.p12");
		this.trustStore = dir.resolve("trust.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "bench", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", keyStore.toString(),
				"-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
			.redirectErrorStream(true)
			.start();
		String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
			throw new IllegalStateException("keytool failed: " + output);
		}
		KeyStore serverStore = load(keyStore);
		Certificate certificate = serverStore.getCertificate("bench");
		this.trustKeyStore = KeyStore.getInstance("PKCS12");
		this.trustKeyStore.load(null, null);
		this.trustKeyStore.setCertificateEntry("bench", certificate);
		try (OutputStream out = new FileOutputStream(this.trustStore.toFile())) {
			this.trustKeyStore.store(out, PASSWORD.toCharArray());
		}

		QueuedThreadPool threads = new QueuedThreadPool(200, 8);
		threads.setDaemon(true);
		threads.setName("bench-jetty");
		this.server = new Server(threads);
		HttpConfiguration config = new HttpConfiguration();
		SecureRequestCustomizer secure = new SecureRequestCustomizer();
		secure.setSniHostCheck(false);
		config.addCustomizer(secure);
		config.setSendServerVersion(false);
		HttpConnectionFactory http1 = new HttpConnectionFactory(config);
		HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(config);
		ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
		alpn.setDefaultProtocol(http1.getProtocol());
		SslContextFactory.Server ssl = new SslContextFactory.Server();
		ssl.setKeyStore(serverStore);
		ssl.setKeyStorePassword(PASSWORD);
		SslConnectionFactory tls = new SslConnectionFactory(ssl, alpn.getProtocol());
		this.connector = new ServerConnector(this.server, tls, alpn, http2, http1);
		this.connector.setHost("127.0.0.1");
		this.connector.setPort(0);
		this.connector.addBean(this.statistics);
		this.server.addConnector(this.connector);
		this.server.setHandler(new Handler.Abstract.NonBlocking() {
			@Override
			public boolean handle(Request request, Response response, Callback callback) {
				response.setStatus(200);
				response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
				response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BODY.length);
				response.write(true, ByteBuffer.wrap(BODY), callback);
				return true;
			}
		});
		this.server.start();
	}

	private static KeyStore load(Path path) throws IOException, java.security.GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = new FileInputStream(path.toFile())) {
			store.load(in, PASSWORD.toCharArray());
		}
		return store;
	}

	public String baseUrl() {
		return "https://127.0.0.1:" + this.connector.getLocalPort() + "/v2/analysis";
	}

	public Path trustStore() {
		return this.trustStore;
	}

	public KeyStore trustKeyStore() {
		return this.trustKeyStore;
	}

	/**
	 * Connections accepted since start (or the last {@link #resetStatistics()}).
	 * @return the number of connections accepted
	 */
	public long connectionsOpened() {
		return this.statistics.getConnectionsTotal();
	}

	public void resetStatistics() {
		this.statistics.reset();
	}

	@Override
	public void close() {
		try {
			this.server.stop();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping the TLS server", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not stop the TLS server", ex);
		}
	}

}
