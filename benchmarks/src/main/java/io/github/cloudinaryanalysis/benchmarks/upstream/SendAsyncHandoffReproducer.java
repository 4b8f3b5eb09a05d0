package io.github.cloudinaryanalysis.benchmarks.upstream;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpServer;

/**
 * Minimal, JDK-only reproducer of the slowdown of Spring Framework's
 * {@code JdkClientHttpRequest}: it sends with
 * {@code HttpClient.sendAsync(request, ofInputStream()).get()} instead of
 * {@code send(request, ofInputStream())}.
 * <p>
 * The JDK completes the future returned by the public {@code sendAsync} through
 * {@code whenCompleteAsync(.., ASYNC_POOL)}, i.e. on {@code ForkJoinPool.commonPool()},
 * so that user code never runs on the client's threads. {@code send} does not take that
 * hop. The common pool has {@code availableProcessors() - 1} threads (one on a 2-core
 * machine; on 1 core a new thread per task), so every blocked caller waits for that
 * thread to hand it its response, and anything else using the common pool competes with
 * it.
 * <p>
 * Run:
 * {@code java -cp benchmarks.jar io.github.cloudinaryanalysis.benchmarks.upstream.SendAsyncHandoffReproducer
 * [callers] [seconds]}, then again with
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=16}: the gap closes.
 * Server: JDK HttpServer on 127.0.0.1 with {@code -Dsun.net.httpserver.nodelay=true} set
 * here.
 */
public final class SendAsyncHandoffReproducer {

	private SendAsyncHandoffReproducer() {
	}

	public static void main(String[] args) throws Exception {
		int callers = (args.length > 0) ? Integer.parseInt(args[0]) : 16;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		System.setProperty("sun.net.httpserver.nodelay", "true");
		byte[] body = "{\"data\":{\"task_id\":\"t1\",\"status\":\"processing\"},\"request_id\":\"r1\"}"
			.getBytes(StandardCharsets.UTF_8);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/", (exchange) -> {
			try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
				in.readAllBytes();
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				out.write(body);
			}
		});
		server.start();
		try {
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tasks/t1"))
				.GET()
				.build();
			System.out.printf("java %s, %d cores, common pool parallelism %d, %d callers%n",
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
					ForkJoinPool.getCommonPoolParallelism(), callers);
			Callable<Object> send = () -> {
				try (InputStream in = client.send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
					return in.readAllBytes();
				}
			};
			Callable<Object> sendAsyncGet = () -> {
				try (InputStream in = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
					.get()
					.body()) {
					return in.readAllBytes();
				}
			};
			for (int round = 0; round < 2; round++) {
				double a = run(send, callers, seconds);
				double b = run(sendAsyncGet, callers, seconds);
				if (round == 1) {
					System.out.printf("send(ofInputStream):           %8.0f req/s%n", a);
					System.out.printf("sendAsync(ofInputStream).get(): %8.0f req/s  (%.2f x send)%n", b, b / a);
				}
			}
		}
		finally {
			server.stop(0);
		}
		System.exit(0);
	}

	private static double run(Callable<Object> call, int callers, int seconds) throws Exception {
		LongAdder count = new LongAdder();
		AtomicBoolean stop = new AtomicBoolean();
		CountDownLatch done = new CountDownLatch(callers);
		for (int i = 0; i < callers; i++) {
			new Thread(() -> {
				try {
					while (!stop.get()) {
						call.call();
						count.increment();
					}
				}
				catch (Exception ex) {
					ex.printStackTrace();
				}
				finally {
					done.countDown();
				}
			}).start();
		}
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		done.await();
		return count.sum() * 1e9 / (System.nanoTime() - start);
	}

}
