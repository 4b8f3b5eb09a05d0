package io.github.cloudinaryanalysis.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Profiles one client of {@link HttpPathBenchmark} on its own: warms it up, then records
 * a JFR recording ({@code jdk.ObjectAllocationSample} and {@code jdk.ExecutionSample})
 * only while the callers run, and prints allocation per call (all threads of the JVM, the
 * server's included, and the callers' threads alone) and the summary of the recording:
 * the frames that allocate most (self, by sampled weight), the hottest frames (self) and
 * the share of CPU samples whose stack holds each frame (inclusive, what a flame graph
 * shows as a tower's width).
 * <p>
 * Usage:
 * {@code java -XX:FlightRecorderOptions:stackdepth=256 -cp benchmarks.jar io.github.cloudinaryanalysis.benchmarks.Profile
 * <fake|tls> <client> <callers> <warmupSeconds> <seconds> [out.jfr]} ({@code -} for no
 * recording: CPU per call without JFR's own cost). Allocation per call and the
 * recording's shares do not depend on how busy the CPU is; times do.
 */
public final class Profile {

	private static final int TOP = 25;

	private Profile() {
	}

	public static void main(String[] args) throws Exception {
		String server = args[0];
		String client = args[1];
		int callers = Integer.parseInt(args[2]);
		int warmupSeconds = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		Path out = Path.of((args.length > 5) ? args[5] : "profile-" + client + ".jfr");
		HttpPathBenchmark state = new HttpPathBenchmark();
		state.server = server;
		state.client = client;
		state.setUp();
		run(state, callers, warmupSeconds);
		boolean record = !out.toString().equals("-");
		Recording recording = new Recording();
		if (record) {
			recording.enable("jdk.ObjectAllocationSample").with("throttle", "5000/s");
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
			recording.start();
		}
		Measured measured = run(state, callers, seconds);
		if (record) {
			recording.stop();
			recording.dump(out);
		}
		recording.close();
		state.tearDown();
		System.out.printf("server=%s client=%s callers=%d seconds=%d calls=%d (%.0f/s)%n", server, client, callers,
				seconds, measured.calls, measured.calls / (double) seconds);
		System.out.printf(
				"allocated per call: all threads %.1f KB = callers' threads %.1f KB + JDK HttpClient threads %.1f KB"
						+ " + the rest (server, JVM) %.1f KB%n",
				measured.allBytes / 1024.0 / measured.calls, measured.callerBytes / 1024.0 / measured.calls,
				measured.httpClientBytes / 1024.0 / measured.calls,
				(measured.allBytes - measured.callerBytes - measured.httpClientBytes) / 1024.0 / measured.calls);
		System.out.printf(
				"CPU per call: process %.1f us = callers' threads %.1f us + JDK HttpClient threads %.1f us"
						+ " + the rest (server, JIT, GC, JFR) %.1f us%n",
				measured.processCpu / 1000.0 / measured.calls, measured.callerCpu / 1000.0 / measured.calls,
				measured.httpClientCpu / 1000.0 / measured.calls,
				(measured.processCpu - measured.callerCpu - measured.httpClientCpu) / 1000.0 / measured.calls);
		if (record) {
			summarize(out);
		}
		System.exit(0);
	}

	private static Measured run(HttpPathBenchmark state, int callers, int seconds) throws Exception {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		AtomicBoolean stop = new AtomicBoolean();
		CountDownLatch ready = new CountDownLatch(callers);
		CountDownLatch done = new CountDownLatch(callers);
		LongAdder calls = new LongAdder();
		LongAdder callerBytes = new LongAdder();
		LongAdder callerCpu = new LongAdder();
		for (int c = 0; c < callers; c++) {
			Thread thread = new Thread(() -> {
				ready.countDown();
				long before = threads.getCurrentThreadAllocatedBytes();
				long cpuBefore = threads.getCurrentThreadCpuTime();
				long count = 0;
				try {
					while (!stop.get()) {
						state.getStatus();
						count++;
					}
				}
				catch (Exception ex) {
					ex.printStackTrace();
				}
				finally {
					callerBytes.add(threads.getCurrentThreadAllocatedBytes() - before);
					callerCpu.add(threads.getCurrentThreadCpuTime() - cpuBefore);
					calls.add(count);
					done.countDown();
				}
			});
			thread.start();
		}
		ready.await();
		Map<Long, Long> before = allocatedByThread(threads);
		Map<Long, Long> cpuBefore = cpuByThread(threads);
		long processCpuBefore = processCpuNanos();
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		done.await();
		long processCpu = processCpuNanos() - processCpuBefore;
		Map<Long, Long> after = allocatedByThread(threads);
		Map<Long, Long> cpuAfter = cpuByThread(threads);
		long all = 0;
		long httpClient = 0;
		long httpClientCpu = 0;
		for (ThreadInfo info : threads.getThreadInfo(after.keySet().stream().mapToLong(Long::longValue).toArray())) {
			if (info == null) {
				continue;
			}
			long allocated = after.get(info.getThreadId()) - before.getOrDefault(info.getThreadId(), 0L);
			all += allocated;
			if (info.getThreadName().startsWith("HttpClient-")) {
				httpClient += allocated;
				httpClientCpu += cpuAfter.getOrDefault(info.getThreadId(), 0L)
						- cpuBefore.getOrDefault(info.getThreadId(), 0L);
			}
		}
		// The callers ended before "after": add what they allocated.
		return new Measured(calls.sum(), all + callerBytes.sum(), callerBytes.sum(), httpClient, processCpu,
				callerCpu.sum(), httpClientCpu);
	}

	private static Map<Long, Long> cpuByThread(com.sun.management.ThreadMXBean threads) {
		Map<Long, Long> result = new HashMap<>();
		for (long id : threads.getAllThreadIds()) {
			long cpu = threads.getThreadCpuTime(id);
			if (cpu >= 0) {
				result.put(id, cpu);
			}
		}
		return result;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static Map<Long, Long> allocatedByThread(com.sun.management.ThreadMXBean threads) {
		long[] ids = threads.getAllThreadIds();
		long[] allocated = threads.getThreadAllocatedBytes(ids);
		Map<Long, Long> result = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (allocated[i] >= 0) {
				result.put(ids[i], allocated[i]);
			}
		}
		return result;
	}

	static void summarize(Path file) throws Exception {
		Map<String, Double> allocationSelf = new HashMap<>();
		Map<String, Double> allocationInclusive = new HashMap<>();
		Map<String, Integer> cpuSelf = new HashMap<>();
		Map<String, Integer> cpuInclusive = new HashMap<>();
		double allocationTotal = 0;
		int cpuTotal = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty()
					|| stack.getFrames()
						.stream()
						.anyMatch((frame) -> frame.getMethod().getName().equals("main")
								&& frame.getMethod().getType().getName().equals(Profile.class.getName()))) {
				// The main thread only waits; its first sample carries all it allocated
				// before.
				continue;
			}
			List<String> frames = new ArrayList<>();
			for (RecordedFrame frame : stack.getFrames()) {
				frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
			}
			String name = event.getEventType().getName();
			if (name.equals("jdk.ObjectAllocationSample")) {
				double weight = event.getLong("weight");
				allocationTotal += weight;
				allocationSelf.merge(frames.get(0), weight, Double::sum);
				for (String frame : new HashSet<>(frames)) {
					allocationInclusive.merge(frame, weight, Double::sum);
				}
			}
			else if (name.equals("jdk.ExecutionSample")) {
				cpuTotal++;
				cpuSelf.merge(frames.get(0), 1, Integer::sum);
				Set<String> seen = new HashSet<>(frames);
				for (String frame : seen) {
					cpuInclusive.merge(frame, 1, Integer::sum);
				}
			}
		}
		System.out.printf("%nallocation samples, self (share of sampled bytes, all threads):%n");
		print(allocationSelf, allocationTotal);
		System.out.printf("%nallocation samples, inclusive (frames of this project, Spring, Micrometer, Jackson):%n");
		print(filtered(allocationInclusive), allocationTotal);
		System.out.printf("%nCPU samples, self (%d samples, all threads):%n", cpuTotal);
		print(toDouble(cpuSelf), cpuTotal);
		System.out.printf("%nCPU samples, inclusive (frames of this project, Spring, Micrometer, Jackson):%n");
		print(filtered(toDouble(cpuInclusive)), cpuTotal);
	}

	private static Map<String, Double> filtered(Map<String, Double> inclusive) {
		Map<String, Double> result = new HashMap<>();
		inclusive.forEach((frame, value) -> {
			if (frame.startsWith("io.github.cloudinaryanalysis.") && !frame.contains(".benchmarks.")
					|| frame.startsWith("org.springframework.") || frame.startsWith("io.micrometer.")
					|| frame.startsWith("tools.jackson.") || frame.startsWith("com.fasterxml.")
					|| frame.contains(".generated.")) {
				result.put(frame, value);
			}
		});
		return result;
	}

	private static Map<String, Double> toDouble(Map<String, Integer> counts) {
		Map<String, Double> result = new HashMap<>();
		counts.forEach((key, value) -> result.put(key, value.doubleValue()));
		return result;
	}

	private static void print(Map<String, Double> values, double total) {
		values.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
			.limit(TOP)
			.forEach((entry) -> System.out.printf("  %5.1f %%  %s%n", 100 * entry.getValue() / total, entry.getKey()));
	}

	private record Measured(long calls, long allBytes, long callerBytes, long httpClientBytes, long processCpu,
			long callerCpu, long httpClientCpu) {
	}

}
