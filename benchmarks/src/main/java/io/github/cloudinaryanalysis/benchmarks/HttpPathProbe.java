package io.github.cloudinaryanalysis.benchmarks;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.github.cloudinaryanalysis.benchmarks.support.Baselines;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * Quick closed-loop throughput probe (not JMH) used to find where the JDK request factory
 * loses time. Each variant runs for a few seconds with N callers; prints requests/s,
 * ratio to the raw JDK client, and TCP connections seen. Usage: java -cp benchmarks.jar
 * io.github.cloudinaryanalysis.benchmarks.HttpPathProbe [callers] [seconds]
 */
public final class HttpPathProbe {

	private HttpPathProbe() {
	}

	public static void main(String[] args) throws Exception {
		int callers = (args.length > 0) ? Integer.parseInt(args[0]) : 16;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 4;
		try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder().start()) {
			String taskId = fake.createTask(TaskLife.fixed(TaskLife.PROCESSING));
			String cloud = fake.cloudName();
			String auth = Baselines.basicAuth(fake.apiKey(), fake.apiSecret());
			String base = fake.baseUrl();
			HttpClientSettings settings = HttpClientSettings.defaults()
				.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30))
				.withRedirects(HttpRedirects.DONT_FOLLOW);
			Map<String, Callable<Object>> variants = new LinkedHashMap<>();
			Baselines.RawJdk raw = new Baselines.RawJdk(Baselines.RawJdk.defaultClient(HttpClient.Version.HTTP_2), base,
					auth);
			variants.put("raw JDK send ofByteArray (h2 pref)", () -> raw.getStatus(cloud, taskId));
			Baselines.RawJdk raw11 = new Baselines.RawJdk(Baselines.RawJdk.defaultClient(HttpClient.Version.HTTP_1_1),
					base, auth);
			variants.put("raw JDK send ofByteArray (HTTP_1_1)", () -> raw11.getStatus(cloud, taskId));
			HttpClient shared = Baselines.RawJdk.defaultClient(HttpClient.Version.HTTP_2);
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + cloud + "/tasks/" + taskId))
				.header("Authorization", auth)
				.GET()
				.build();
			variants.put("raw JDK send ofInputStream read+close", () -> {
				HttpResponse<InputStream> r = shared.send(request, HttpResponse.BodyHandlers.ofInputStream());
				try (InputStream in = r.body()) {
					return in.readAllBytes();
				}
			});
			variants.put("raw JDK sendAsync ofInputStream get read+close", () -> {
				HttpResponse<InputStream> r = shared.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
					.get();
				try (InputStream in = r.body()) {
					return in.readAllBytes();
				}
			});
			variants.put("raw JDK sendAsync ofByteArray get",
					() -> shared.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).get().body());
			HttpClient direct = HttpClient.newBuilder().executor(Runnable::run).build();
			variants.put("raw JDK (direct executor) sendAsync ofInputStream get", () -> {
				HttpResponse<InputStream> r = direct.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
					.get();
				try (InputStream in = r.body()) {
					return in.readAllBytes();
				}
			});
			variants.put("raw JDK sendAsync ofInputStream, close w/o reading EOF", () -> {
				HttpResponse<InputStream> r = shared.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
					.get();
				try (InputStream in = r.body()) {
					return in.read(new byte[64]);
				}
			});
			Baselines.HandWritten bootJdk = new Baselines.HandWritten(
					ClientHttpRequestFactoryBuilder.jdk().build(settings), base, auth);
			variants.put("RestClient Boot JDK factory (read timeout 30s)", () -> bootJdk.getStatus(cloud, taskId));
			Baselines.HandWritten jdkNoTimeout = new Baselines.HandWritten(
					new JdkClientHttpRequestFactory(Baselines.RawJdk.defaultClient(HttpClient.Version.HTTP_2)), base,
					auth);
			variants.put("RestClient JdkClientHttpRequestFactory no read timeout",
					() -> jdkNoTimeout.getStatus(cloud, taskId));
			JdkClientHttpRequestFactory f11 = new JdkClientHttpRequestFactory(
					Baselines.RawJdk.defaultClient(HttpClient.Version.HTTP_1_1));
			Baselines.HandWritten jdk11 = new Baselines.HandWritten(f11, base, auth);
			variants.put("RestClient JdkClientHttpRequestFactory HTTP_1_1 no timeout",
					() -> jdk11.getStatus(cloud, taskId));
			Baselines.HandWritten simple = new Baselines.HandWritten(new SimpleClientHttpRequestFactory(), base, auth);
			variants.put("RestClient Simple", () -> simple.getStatus(cloud, taskId));
			Double baseline = null;
			for (int round = 0; round < 2; round++) {
				for (Map.Entry<String, Callable<Object>> variant : variants.entrySet()) {
					fake.reset();
					fake.createTask(taskId, TaskLife.fixed(TaskLife.PROCESSING));
					int before = timeWait(fake.port());
					double rate = run(variant.getValue(), callers, seconds);
					if (baseline == null || variant.getKey().startsWith("raw JDK send ofByteArray (h2")) {
						baseline = rate;
					}
					if (round == 1) {
						System.out.printf("%-60s %9.0f req/s  ratio %.2f  new TIME_WAIT sockets %d%n", variant.getKey(),
								rate, rate / baseline, timeWait(fake.port()) - before);
					}
				}
			}
		}
		System.exit(0);
	}

	static double run(Callable<Object> call, int callers, int seconds) throws Exception {
		LongAdder count = new LongAdder();
		AtomicBoolean stop = new AtomicBoolean();
		CountDownLatch done = new CountDownLatch(callers);
		List<Thread> threads = new ArrayList<>();
		List<Exception> errors = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			Thread t = new Thread(() -> {
				try {
					while (!stop.get()) {
						call.call();
						count.increment();
					}
				}
				catch (Exception ex) {
					synchronized (errors) {
						errors.add(ex);
					}
				}
				finally {
					done.countDown();
				}
			});
			threads.add(t);
			t.start();
		}
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		done.await();
		long elapsed = System.nanoTime() - start;
		if (!errors.isEmpty()) {
			errors.get(0).printStackTrace();
		}
		return count.sum() * 1e9 / elapsed;
	}

	static int timeWait(int port) {
		try {
			Process p = new ProcessBuilder("ss", "-tan", "state", "time-wait",
					"( sport = :" + port + " or dport = :" + port + " )")
				.start();
			String out = new String(p.getInputStream().readAllBytes());
			p.waitFor();
			return (int) out.lines().skip(1).count();
		}
		catch (Exception ex) {
			return -1;
		}
	}

}
