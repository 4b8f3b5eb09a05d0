package io.github.cloudinaryanalysis.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cloudinaryanalysis.benchmarks.support.StarterContext;
import io.github.cloudinaryanalysis.tasks.RequestOptions;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Waiting at scale: {@code N} concurrent {@code awaitCompletionAsync} calls on the
 * auto-configured client against the fake API running in a child JVM, each task
 * completing on its 3rd poll. Reports peak threads, peak heap, requests sent versus the
 * minimum the poll schedule implies, and wall time versus the schedule's minimum.
 * <p>
 * Usage:
 * {@code java -Xmx256m -cp benchmarks.jar io.github.cloudinaryanalysis.benchmarks.AwaitAtScale [waits]
 * [timerThreads] [initialIntervalMs] [maxConcurrentPolls]}. The second argument sets
 * {@code cloudinary.analysis.polling.threads}: before the polls moved to their own
 * bounded executor it was the number of threads that made the calls; now it is the timer
 * threads, and the calls run on up to {@code maxConcurrentPolls} (default 16) threads.
 */
public final class AwaitAtScale {

	private static final int POLLS = 3;

	private AwaitAtScale() {
	}

	public static void main(String[] args) throws Exception {
		int waits = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int pollingThreads = (args.length > 1) ? Integer.parseInt(args[1]) : 2;
		long initialMs = (args.length > 2) ? Long.parseLong(args[2]) : 200;
		int maxConcurrentPolls = (args.length > 3) ? Integer.parseInt(args[3]) : 16;
		double multiplier = 1.5;
		Process fake = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dsun.net.httpserver.nodelay=true", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
				FakeServerMain.class.getName(), Integer.toString(waits), Integer.toString(POLLS))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader fakeOut = new BufferedReader(
				new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
		PrintWriter fakeIn = new PrintWriter(fake.getOutputStream(), true, StandardCharsets.UTF_8);
		try {
			int port = Integer.parseInt(readLine(fakeOut, "PORT "));
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("cloudinary.analysis.base-url", "http://127.0.0.1:" + port + "/v2/analysis");
			properties.put("cloudinary.analysis.cloud-name", "demo");
			properties.put("cloudinary.analysis.api-key", "fake-api-key");
			properties.put("cloudinary.analysis.api-secret", "fake-api-secret");
			properties.put("cloudinary.analysis.polling.initial-interval", initialMs + "ms");
			properties.put("cloudinary.analysis.polling.multiplier", Double.toString(multiplier));
			properties.put("cloudinary.analysis.polling.max-interval", "5s");
			properties.put("cloudinary.analysis.polling.timeout", "10m");
			properties.put("cloudinary.analysis.polling.threads", Integer.toString(pollingThreads));
			properties.put("cloudinary.analysis.polling.max-concurrent-polls", Integer.toString(maxConcurrentPolls));
			System.out.printf("maxConcurrentPolls=%d%n", maxConcurrentPolls);
			try (ConfigurableApplicationContext context = StarterContext.start(properties, false)) {
				TasksClient client = context.getBean(TasksClient.class);
				try {
					// Load the HTTP path before measuring: an unknown task answers 404.
					client.getStatus("warm-up", RequestOptions.defaults().withoutRetries());
				}
				catch (RuntimeException expected) {
					// 404
				}
				run(client, waits, pollingThreads, initialMs, multiplier, fakeOut, fakeIn);
			}
		}
		finally {
			fakeIn.println("quit");
			if (!fake.waitFor(10, TimeUnit.SECONDS)) {
				fake.destroy();
			}
		}
		System.exit(0);
	}

	private static void run(TasksClient client, int waits, int pollingThreads, long initialMs, double multiplier,
			BufferedReader fakeOut, PrintWriter fakeIn) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		Thread.sleep(200);
		fakeIn.println("count");
		int requestsBefore = Integer.parseInt(readLine(fakeOut, "COUNT "));
		int threadsBefore = threads.getThreadCount();
		long heapBefore = memory.getHeapMemoryUsage().getUsed();
		threads.resetPeakThreadCount();
		AtomicLong peakHeap = new AtomicLong(heapBefore);
		AtomicLong peakThreads = new AtomicLong(threadsBefore);
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				peakThreads.accumulateAndGet(threads.getThreadCount(), Math::max);
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "sampler");
		sampler.setDaemon(true);
		sampler.start();
		long start = System.nanoTime();
		List<CompletableFuture<TaskStatusResponse>> futures = new ArrayList<>(waits);
		for (int i = 0; i < waits; i++) {
			futures.add(client.awaitCompletionAsync(FakeServerMain.taskId(i), Duration.ofMinutes(10)));
		}
		long submitted = System.nanoTime();
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
		long elapsed = System.nanoTime() - start;
		sampler.interrupt();
		sampler.join();
		long completed = futures.stream().filter((f) -> f.join().status() == TaskStatus.COMPLETED).count();
		fakeIn.println("count");
		int requests = Integer.parseInt(readLine(fakeOut, "COUNT ")) - requestsBefore;
		long minRequests = (long) waits * POLLS;
		double scheduleMs = 0;
		for (int poll = 1; poll < POLLS; poll++) {
			scheduleMs += initialMs * Math.pow(multiplier, poll - 1);
		}
		int peakJvmThreads = threads.getPeakThreadCount();
		System.out.printf("waits=%d completed=%d pollingThreads=%d initialInterval=%dms%n", waits, completed,
				pollingThreads, initialMs);
		System.out.printf("submit time: %.1f ms%n", (submitted - start) / 1e6);
		System.out.printf("wall time: %.0f ms; schedule minimum %.0f ms; ratio %.1f%n", elapsed / 1e6, scheduleMs,
				elapsed / 1e6 / scheduleMs);
		System.out.printf("requests: %d; minimum %d; ratio %.3f%n", requests, minRequests,
				(double) requests / minRequests);
		System.out.printf("threads: before %d, peak %d (sampled %d), added %d; max heap %d MB%n", threadsBefore,
				peakJvmThreads, peakThreads.get(), peakJvmThreads - threadsBefore,
				memory.getHeapMemoryUsage().getMax() / (1024 * 1024));
		System.out.printf("heap used: before %.1f MB, peak %.1f MB, added %.1f MB%n", heapBefore / 1048576.0,
				peakHeap.get() / 1048576.0, (peakHeap.get() - heapBefore) / 1048576.0);
		System.out.println("thread names at end: " + Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map((t) -> t.getName().replaceAll("[-#]?\\d+$", ""))
			.distinct()
			.sorted()
			.toList());
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
