package io.github.cloudinaryanalysis.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * One cold start per JVM: a minimal context with the starter excluded ({@code baseline})
 * or included ({@code starter}); prints wall time, process CPU time, classes loaded and
 * live threads added by the start.
 */
public final class ColdStart {

	private ColdStart() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> props = new HashMap<>(Map.of("cloudinary.analysis.cloud-name", "demo",
				"cloudinary.analysis.api-key", "key", "cloudinary.analysis.api-secret", "secret"));
		if (args[0].equals("baseline")) {
			props.put("spring.autoconfigure.exclude",
					"io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration");
		}
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long cpu0 = os.getProcessCpuTime();
		int classes0 = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
		long t0 = System.nanoTime();
		var context = io.github.cloudinaryanalysis.benchmarks.support.StarterContext.start(props, false);
		long wall = System.nanoTime() - t0;
		long cpu = os.getProcessCpuTime() - cpu0;
		int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() - classes0;
		context.close();
		System.out.printf("%s wall=%dms cpu=%dms classes=%d threads=%d%n", args[0], wall / 1_000_000, cpu / 1_000_000,
				classes, Thread.activeCount());
	}

}
