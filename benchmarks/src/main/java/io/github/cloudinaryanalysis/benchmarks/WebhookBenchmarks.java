package io.github.cloudinaryanalysis.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Both webhook measurements in one run, each in its own JVM (so that neither sees the
 * other's threads or heap): {@link WebhookLatency} then {@link WebhookAtScale} (the
 * latter with {@code -Xmx256m}, as the await-at-scale benchmark).
 * <p>
 * Usage: {@code java -cp benchmarks.jar
 * io.github.cloudinaryanalysis.benchmarks.WebhookBenchmarks [rounds] [warmUpRounds] [waits] [starters] [lifeMs]}
 * (defaults 1000, 300, 10000, 4, 2000).
 */
public final class WebhookBenchmarks {

	private WebhookBenchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String rounds = (args.length > 0) ? args[0] : "1000";
		String warmUp = (args.length > 1) ? args[1] : "300";
		String waits = (args.length > 2) ? args[2] : "10000";
		String starters = (args.length > 3) ? args[3] : "4";
		String lifeMs = (args.length > 4) ? args[4] : "2000";
		int latency = run(List.of(), WebhookLatency.class, rounds, warmUp);
		int scale = run(List.of("-Xmx256m"), WebhookAtScale.class, waits, starters, lifeMs);
		System.exit((latency != 0) ? latency : scale);
	}

	private static int run(List<String> jvmOptions, Class<?> main, String... args) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(main.getName());
		command.addAll(List.of(args));
		System.out
			.println("== " + main.getSimpleName() + " " + String.join(" ", jvmOptions) + " " + String.join(" ", args));
		System.out.flush();
		return new ProcessBuilder(command).inheritIO().start().waitFor();
	}

}
