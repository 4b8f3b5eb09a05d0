package io.github.cloudinaryanalysis.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The drift-resistant comparison: on this noisy 2-core machine, figures measured minutes
 * apart differ more than the clients do, so this runs every client in short slices,
 * round-robin, for many rounds, with the same callers, and reports each client's
 * throughput and latency (mean, p50, p90, p99) as ratios to the first client, with a 95%
 * confidence interval over the per-round ratios (of throughput, mean latency and median
 * latency). Clients are those of {@link HttpPathBenchmark}.
 * <p>
 * Usage:
 * {@code java -cp benchmarks.jar io.github.cloudinaryanalysis.benchmarks.Interleaved <fake|tls> <callers>
 * <rounds> <sliceMs> <client,client,...>} (the first client is the baseline).
 */
public final class Interleaved {

	private Interleaved() {
	}

	public static void main(String[] args) throws Exception {
		String server = args[0];
		int callers = Integer.parseInt(args[1]);
		int rounds = Integer.parseInt(args[2]);
		int sliceMs = Integer.parseInt(args[3]);
		String[] clients = args[4].split(",");
		List<HttpPathBenchmark> states = new ArrayList<>();
		for (String client : clients) {
			HttpPathBenchmark state = new HttpPathBenchmark();
			state.server = server;
			state.client = client;
			state.setUp();
			states.add(state);
		}
		int n = clients.length;
		double[][] throughput = new double[n][rounds];
		List<List<long[]>> latencies = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			latencies.add(new ArrayList<>());
		}
		// warm-up: two rounds not recorded
		for (int round = -2; round < rounds; round++) {
			for (int i = 0; i < n; i++) {
				int index = (round + i + n) % n; // rotate the order every round
				Slice slice = run(states.get(index), callers, sliceMs);
				if (round >= 0) {
					throughput[index][round] = slice.throughput;
					latencies.get(index).add(slice.latencies);
				}
			}
		}
		for (HttpPathBenchmark state : states) {
			state.tearDown();
		}
		System.out.printf("server=%s callers=%d rounds=%d slice=%dms (ratios to %s; 95%% CI over rounds)%n", server,
				callers, rounds, sliceMs, clients[0]);
		System.out.printf("%-26s %10s %16s %10s %16s %9s %9s %9s %16s%n", "client", "ops/s", "thrpt ratio", "mean us",
				"mean ratio", "p50 us", "p90 us", "p99 us", "p50 ratio");
		for (int i = 0; i < n; i++) {
			double[] thrRatio = new double[rounds];
			double[] latRatio = new double[rounds];
			double[] medianRatio = new double[rounds];
			for (int r = 0; r < rounds; r++) {
				thrRatio[r] = throughput[i][r] / throughput[0][r];
				latRatio[r] = mean(latencies.get(i).get(r)) / mean(latencies.get(0).get(r));
				medianRatio[r] = median(latencies.get(i).get(r)) / median(latencies.get(0).get(r));
			}
			long[] all = latencies.get(i).stream().flatMapToLong(Arrays::stream).sorted().toArray();
			System.out.printf("%-26s %10.0f %7.2f ± %5.2f %10.0f %7.2f ± %5.2f %9.0f %9.0f %9.0f %7.2f ± %5.2f%n",
					clients[i], mean(throughput[i]), mean(thrRatio), ci(thrRatio), mean(all) / 1000.0, mean(latRatio),
					ci(latRatio), pct(all, 0.50) / 1000.0, pct(all, 0.90) / 1000.0, pct(all, 0.99) / 1000.0,
					mean(medianRatio), ci(medianRatio));
		}
		System.exit(0);
	}

	private static Slice run(HttpPathBenchmark state, int callers, int sliceMs) throws Exception {
		AtomicBoolean stop = new AtomicBoolean();
		CountDownLatch done = new CountDownLatch(callers);
		long[][] perCaller = new long[callers][];
		int[] counts = new int[callers];
		for (int c = 0; c < callers; c++) {
			int caller = c;
			perCaller[c] = new long[1024];
			Thread thread = new Thread(() -> {
				try {
					while (!stop.get()) {
						long start = System.nanoTime();
						state.getStatus();
						long took = System.nanoTime() - start;
						if (counts[caller] == perCaller[caller].length) {
							perCaller[caller] = Arrays.copyOf(perCaller[caller], counts[caller] * 2);
						}
						perCaller[caller][counts[caller]++] = took;
					}
				}
				catch (Exception ex) {
					ex.printStackTrace();
				}
				finally {
					done.countDown();
				}
			});
			thread.start();
		}
		long start = System.nanoTime();
		Thread.sleep(sliceMs);
		stop.set(true);
		done.await();
		long elapsed = System.nanoTime() - start;
		int total = Arrays.stream(counts).sum();
		long[] latencies = new long[total];
		int at = 0;
		for (int c = 0; c < callers; c++) {
			System.arraycopy(perCaller[c], 0, latencies, at, counts[c]);
			at += counts[c];
		}
		return new Slice(total * 1e9 / elapsed, latencies);
	}

	private static double mean(long[] values) {
		return Arrays.stream(values).average().orElse(Double.NaN);
	}

	/**
	 * The median of one slice's latencies.
	 * @param values the latencies, in any order (not changed)
	 * @return the median
	 */
	private static double median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return pct(sorted, 0.50);
	}

	private static double mean(double[] values) {
		return Arrays.stream(values).average().orElse(Double.NaN);
	}

	private static double ci(double[] values) {
		double mean = mean(values);
		double variance = Arrays.stream(values).map((v) -> (v - mean) * (v - mean)).sum()
				/ Math.max(1, values.length - 1);
		return 1.96 * Math.sqrt(variance / values.length);
	}

	private static double pct(long[] sorted, double p) {
		return (sorted.length == 0) ? Double.NaN
				: sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
	}

	private record Slice(double throughput, long[] latencies) {
	}

}
