package io.github.cloudinaryanalysis.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisAutoConfiguration;
import io.github.cloudinaryanalysis.benchmarks.support.StarterContext;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the auto-configuration adds to the start-up of a minimal application context
 * (auto-configuration on, no web server): the same application with the starter's
 * auto-configuration excluded ({@code baseline}) and included ({@code withStarter}), each
 * refreshed and closed once per operation. Default settings measure a warm JVM; with
 * {@code -wi 0 -i 1 -f 10} each fork measures one cold start (class loading included).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 30)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class StartupBenchmark {

	private static final Map<String, String> PROPERTIES = Map.of("cloudinary.analysis.cloud-name", "demo",
			"cloudinary.analysis.api-key", "key", "cloudinary.analysis.api-secret", "secret");

	@Benchmark
	public Object baseline() {
		try (ConfigurableApplicationContext context = StarterContext.start(withExclusion(), false)) {
			if (context.getBeanNamesForType(TasksClient.class).length != 0) {
				throw new IllegalStateException("The starter was not excluded");
			}
			return context.getBeanDefinitionCount();
		}
	}

	@Benchmark
	public Object withStarter() {
		try (ConfigurableApplicationContext context = StarterContext.start(PROPERTIES, false)) {
			return context.getBean(TasksClient.class);
		}
	}

	private static Map<String, String> withExclusion() {
		Map<String, String> properties = new java.util.HashMap<>(PROPERTIES);
		properties.put("spring.autoconfigure.exclude", CloudinaryAnalysisAutoConfiguration.class.getName());
		return properties;
	}

}
