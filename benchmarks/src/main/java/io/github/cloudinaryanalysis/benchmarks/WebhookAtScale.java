package io.github.cloudinaryanalysis.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalysisResult;
import io.github.cloudinaryanalysis.analyze.AnalyzeClient;
import io.github.cloudinaryanalysis.analyze.CaptioningAnalysis;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.benchmarks.support.WebhookApp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code N} concurrent {@code AnalyzeClient.analyzeAsync} waits completed by webhook
 * notifications: a real servlet application (Tomcat, loopback) with webhooks on and its
 * notification URL set to its own endpoint, against the fake API in a child JVM whose
 * tasks complete {@code lifeMs} after their start (default 2 s, before the first fallback
 * poll at the default 1 min), each then notified by the fake's webhook sender (4 threads,
 * {@code HttpURLConnection}). Reports completed waits, polls sent (GET requests at the
 * fake: 0 expected), wall time, peak threads (the starter's, Tomcat's, the JDK
 * {@code HttpClient}'s, the harness's starters, total), heap used after GC, the
 * endpoint's {@code accepted} count and the start-to-notification delay.
 * <p>
 * {@code analyzeAsync} sends its {@code start} on the caller's thread, so the waits are
 * started from {@code starters} harness threads ({@code starter-N}), each starting its
 * share one after the other.
 * <p>
 * Usage: {@code java -Xmx256m -cp benchmarks.jar
 * io.github.cloudinaryanalysis.benchmarks.WebhookAtScale [waits] [starters] [lifeMs]}
 * (defaults 10000, 4, 2000).
 */
public final class WebhookAtScale {

	private static final int WARM_UP = 200;

	private WebhookAtScale() {
	}

	public static void main(String[] args) throws Exception {
		int waits = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int starters = (args.length > 1) ? Integer.parseInt(args[1]) : 4;
		long lifeMs = (args.length > 2) ? Long.parseLong(args[2]) : 2000;
		System.out.printf("load average at start: %s%n", WebhookApp.loadAverage());
		Process fake = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dsun.net.httpserver.nodelay=true", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
				WebhookFakeMain.class.getName(), Long.toString(lifeMs))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader fakeOut = new BufferedReader(
				new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
		PrintWriter fakeIn = new PrintWriter(fake.getOutputStream(), true, StandardCharsets.UTF_8);
		try {
			int fakePort = Integer.parseInt(readLine(fakeOut, "PORT "));
			int port = WebhookApp.freePort();
			Map<String, String> properties = Map.of("cloudinary.analysis.base-url",
					"http://127.0.0.1:" + fakePort + "/v2/analysis", "cloudinary.analysis.cloud-name", "demo",
					"cloudinary.analysis.api-key", "fake-api-key", "cloudinary.analysis.api-secret", "fake-api-secret");
			try (ConfigurableApplicationContext context = WebhookApp.start(port, properties)) {
				run(context, waits, starters, lifeMs, fakeOut, fakeIn);
			}
		}
		finally {
			fakeIn.println("quit");
			if (!fake.waitFor(10, TimeUnit.SECONDS)) {
				fake.destroy();
			}
		}
		System.out.printf("load average at end: %s%n", WebhookApp.loadAverage());
		System.exit(0);
	}

	private static void run(ConfigurableApplicationContext context, int waits, int starters, long lifeMs,
			BufferedReader fakeOut, PrintWriter fakeIn) throws Exception {
		AnalyzeClient client = context.getBean(AnalyzeClient.class);
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		AnalysisRequest<CaptioningAnalysis> request = AnalysisRequest
			.captioning(Source.uri("https://res.cloudinary.com/demo/image/upload/sample.jpg"));
		// Load every path (start, endpoint, hub, result) before measuring.
		List<CompletableFuture<AnalysisResult<CaptioningAnalysis>>> warmUp = new ArrayList<>();
		for (int i = 0; i < WARM_UP; i++) {
			warmUp.add(client.analyzeAsync(request, Duration.ofMinutes(5)));
		}
		CompletableFuture.allOf(warmUp.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		Thread.sleep(200);
		long[] before = count(fakeIn, fakeOut, 0);
		double acceptedBefore = outcome(meters, "accepted");
		Timer delay = meters.get("cloudinary.analysis.webhook.delay").timer();
		long delayCountBefore = delay.count();
		double delayTotalBefore = delay.totalTime(TimeUnit.MILLISECONDS);
		int threadsBefore = threads.getThreadCount();
		Map<String, Integer> categoriesBefore = categories(threads);
		long heapBefore = memory.getHeapMemoryUsage().getUsed();
		threads.resetPeakThreadCount();
		AtomicLong peakHeap = new AtomicLong(heapBefore);
		Map<String, Integer> peakCategories = new ConcurrentHashMap<>(categoriesBefore);
		Thread sampler = new Thread(() -> {
			long ticks = 0;
			while (!Thread.currentThread().isInterrupted()) {
				peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				if (ticks++ % 10 == 0) {
					categories(threads).forEach((name, n) -> peakCategories.merge(name, n, Math::max));
				}
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "sampler");
		sampler.setDaemon(true);
		sampler.start();
		AtomicReferenceArray<CompletableFuture<AnalysisResult<CaptioningAnalysis>>> futures = new AtomicReferenceArray<>(
				waits);
		long[] startedAt = new long[waits];
		long[] endedAt = new long[waits];
		CountDownLatch submitted = new CountDownLatch(starters);
		long start = System.nanoTime();
		for (int s = 0; s < starters; s++) {
			int first = s;
			Thread starter = new Thread(() -> {
				for (int i = first; i < waits; i += starters) {
					int index = i;
					startedAt[index] = System.nanoTime();
					CompletableFuture<AnalysisResult<CaptioningAnalysis>> future = client.analyzeAsync(request,
							Duration.ofMinutes(5));
					// The stage after the time is recorded: allOf below waits for it.
					futures.set(index, future.whenComplete((result, failure) -> endedAt[index] = System.nanoTime()));
				}
				submitted.countDown();
			}, "starter-" + s);
			starter.start();
		}
		submitted.await();
		long submitTime = System.nanoTime() - start;
		List<CompletableFuture<AnalysisResult<CaptioningAnalysis>>> all = new ArrayList<>(waits);
		for (int i = 0; i < waits; i++) {
			all.add(futures.get(i));
		}
		CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
			.exceptionally((ex) -> null)
			.get(10, TimeUnit.MINUTES);
		long wallTime = System.nanoTime() - start;
		sampler.interrupt();
		sampler.join();
		Map<String, Integer> failures = new TreeMap<>();
		long completed = 0;
		for (CompletableFuture<AnalysisResult<CaptioningAnalysis>> future : all) {
			try {
				AnalysisResult<CaptioningAnalysis> result = future.join();
				if (result.analysis() != null) {
					completed++;
				}
			}
			catch (RuntimeException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				failures.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
			}
		}
		int peakJvmThreads = threads.getPeakThreadCount();
		System.gc();
		Thread.sleep(200);
		long heapAfterGc = memory.getHeapMemoryUsage().getUsed();
		all.clear();
		for (int i = 0; i < waits; i++) {
			futures.set(i, null);
		}
		System.gc();
		Thread.sleep(200);
		long heapReleased = memory.getHeapMemoryUsage().getUsed();
		// Late polls would show here: counted after everything completed.
		long[] after = count(fakeIn, fakeOut, (int) before[3]);
		long polls = after[1] - before[1];
		long posts = after[2] - before[2];
		long deliveries = after[3] - before[3];
		long delivered200 = after[4];
		double accepted = outcome(meters, "accepted") - acceptedBefore;
		long delays = delay.count() - delayCountBefore;
		double meanDelay = (delay.totalTime(TimeUnit.MILLISECONDS) - delayTotalBefore) / Math.max(1, delays);
		System.out.printf("waits=%d starters=%d taskLife=%d ms fallbackPollInterval=%s heapMax=%d MB%n", waits,
				starters, lifeMs,
				context.getEnvironment()
					.getProperty("cloudinary.analysis.webhook.fallback-poll-interval", "1m (default)"),
				memory.getHeapMemoryUsage().getMax() / (1024 * 1024));
		System.out.printf("completed: %d of %d; failed: %s%n", completed, waits, failures);
		System.out.printf("requests at the fake: %d POST /analyze (starts), %d GET /tasks (polls)%n", posts, polls);
		System.out.printf(
				"notifications: %d sent by the fake, %d answered 200; endpoint outcome accepted +%.0f,"
						+ " replayed +%.0f, bad_signature +%.0f, stale +%.0f, malformed +%.0f%n",
				deliveries, delivered200, accepted, outcome(meters, "replayed"), outcome(meters, "bad_signature"),
				outcome(meters, "stale"), outcome(meters, "malformed"));
		double sendSpanMs = (after[6] - after[5]);
		System.out.printf("fake's webhook sender (4 threads): deliveries sent over %.0f ms = %.0f/s%n", sendSpanMs,
				deliveries / Math.max(1, sendSpanMs) * 1000);
		System.out.printf("submit time: %.0f ms (%.0f starts/s); wall time to all completed: %.0f ms%n",
				submitTime / 1e6, waits / (submitTime / 1e9), wallTime / 1e6);
		System.out.printf(
				"start -> notification delay (cloudinary.analysis.webhook.delay): %d recorded, mean %.0f ms,"
						+ " max %.0f ms (task life %d ms; the max is over the meter's recent window)%n",
				delays, meanDelay, delay.max(TimeUnit.MILLISECONDS), lifeMs);
		long[] beyondLife = new long[waits];
		for (int i = 0; i < waits; i++) {
			beyondLife[i] = endedAt[i] - startedAt[i] - TimeUnit.MILLISECONDS.toNanos(lifeMs);
		}
		java.util.Arrays.sort(beyondLife);
		System.out.printf(
				"each wait, analyzeAsync called -> completed, minus the task life (start POST + webhook"
						+ " queue + delivery), ms: p50 %.0f, p90 %.0f, p99 %.0f, max %.0f%n",
				beyondLife[waits / 2] / 1e6, beyondLife[(int) (waits * 0.9)] / 1e6,
				beyondLife[(int) (waits * 0.99)] / 1e6, beyondLife[waits - 1] / 1e6);
		System.out.printf("threads: before %d, peak %d (JVM peak), added %d%n", threadsBefore, peakJvmThreads,
				peakJvmThreads - threadsBefore);
		System.out.printf("threads by kind, before -> peak (sampled every 100 ms): %s%n",
				describe(categoriesBefore, peakCategories));
		System.out.printf(
				"heap used: before %.1f MB, peak %.1f MB; after GC with the %d results held %.1f MB,"
						+ " after GC released %.1f MB%n",
				heapBefore / 1048576.0, peakHeap.get() / 1048576.0, waits, heapAfterGc / 1048576.0,
				heapReleased / 1048576.0);
		System.out.printf("target polls sent = 0: %s%n", (polls == 0) ? "met" : "NOT met (" + polls + ")");
	}

	private static String describe(Map<String, Integer> before, Map<String, Integer> peak) {
		StringBuilder text = new StringBuilder();
		for (String kind : new TreeMap<>(peak).keySet()) {
			text.append((text.length() > 0) ? ", " : "")
				.append(kind)
				.append(' ')
				.append(before.getOrDefault(kind, 0))
				.append(" -> ")
				.append(peak.get(kind));
		}
		return text.toString();
	}

	private static Map<String, Integer> categories(ThreadMXBean threads) {
		Map<String, Integer> counts = new TreeMap<>();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
			if (info != null) {
				counts.merge(kind(info.getThreadName()), 1, Integer::sum);
			}
		}
		return counts;
	}

	private static String kind(String name) {
		if (name.startsWith("cloudinary-analysis")) {
			return "starter(cloudinary-analysis-*)";
		}
		if (name.startsWith("http-nio") || name.startsWith("Catalina") || name.startsWith("container")) {
			return "tomcat";
		}
		if (name.startsWith("HttpClient")) {
			return "jdk-httpclient";
		}
		if (name.startsWith("starter-")) {
			return "harness-starters";
		}
		return "other";
	}

	private static double outcome(MeterRegistry meters, String outcome) {
		Counter counter = meters.find("cloudinary.analysis.webhook.notifications").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static long[] count(PrintWriter fakeIn, BufferedReader fakeOut, int skipDeliveries) throws Exception {
		fakeIn.println("count " + skipDeliveries);
		String[] fields = readLine(fakeOut, "COUNT ").split(" ");
		long[] values = new long[fields.length];
		for (int i = 0; i < fields.length; i++) {
			values[i] = Long.parseLong(fields[i]);
		}
		return values;
	}

	private static String readLine(BufferedReader reader, String prefix) throws Exception {
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.startsWith(prefix)) {
				return line.substring(prefix.length()).trim();
			}
		}
		throw new IllegalStateException("The fake ended before printing " + prefix);
	}

}
