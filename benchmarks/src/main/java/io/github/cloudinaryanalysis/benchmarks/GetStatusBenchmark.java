package io.github.cloudinaryanalysis.benchmarks;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cloudinaryanalysis.benchmarks.support.Baselines;
import io.github.cloudinaryanalysis.benchmarks.support.StarterContext;
import io.github.cloudinaryanalysis.http.BoundedJdkClientHttpRequestFactory;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;
import io.micrometer.core.instrument.MeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * Per-call cost of {@code getStatus} over loopback HTTP/1.1 against the fake API, all in
 * one JVM and one run:
 * <ul>
 * <li>{@code rawJdk}: JDK {@code HttpClient.send} + {@code ofByteArray()} + Jackson (the
 * floor);</li>
 * <li>{@code handWrittenBootJdk}: a hand-written RestClient on Boot's JDK factory, what
 * users write today with only spring-web;</li>
 * <li>{@code handWrittenSameFactory}: the same hand-written RestClient on the factory the
 * starter uses, so the ratio {@code tasksClient / handWrittenSameFactory} is the
 * starter's own overhead;</li>
 * <li>{@code handWrittenSimple}: on {@code SimpleClientHttpRequestFactory};</li>
 * <li>{@code generatedNative}: the OpenAPI Generator {@code java}/{@code native} client
 * generated from the official contract, what a user would generate;</li>
 * <li>{@code tasksClient}: the auto-configured client, with {@link #features}.</li>
 * </ul>
 * Run with {@code -t N} for N concurrent callers and {@code -prof gc} for allocation per
 * call.
 */
@BenchmarkMode({ Mode.AverageTime, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Dsun.net.httpserver.nodelay=true", "-Xmx1g" })
@State(Scope.Benchmark)
public class GetStatusBenchmark {

	/**
	 * The starter's features: {@code none} (retries off, no observation registry),
	 * {@code retry} (retries on, never triggered), {@code metrics} (observation +
	 * SimpleMeterRegistry), {@code all}, {@code actuator} (out of the box in an
	 * application with Actuator: Boot's registries and {@code http.client.requests}
	 * observation, the starter's defaults).
	 */
	@Param({ "none" })
	public String features;

	private FakeCloudinaryAnalysisApi fake;

	private ConfigurableApplicationContext context;

	private TasksClient tasksClient;

	private Baselines.RawJdk rawJdk;

	private Baselines.HandWritten handWrittenBootJdk;

	private Baselines.HandWritten handWrittenSameFactory;

	private Baselines.HandWritten handWrittenSimple;

	private Baselines.Generated generatedNative;

	private String cloud;

	private String taskId;

	@Setup(Level.Trial)
	public void setUp() {
		this.fake = FakeCloudinaryAnalysisApi.builder().start();
		this.cloud = this.fake.cloudName();
		this.taskId = this.fake.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		String auth = Baselines.basicAuth(this.fake.apiKey(), this.fake.apiSecret());
		boolean retry = this.features.equals("retry") || this.features.equals("all");
		boolean metrics = this.features.equals("metrics") || this.features.equals("all");
		Map<String, String> properties = new LinkedHashMap<>(this.fake.springProperties());
		properties.put("cloudinary.analysis.retry.enabled", Boolean.toString(retry));
		properties.put("cloudinary.analysis.metrics.enabled", Boolean.toString(metrics));
		if (this.features.equals("actuator")) {
			properties.remove("cloudinary.analysis.retry.enabled");
			properties.remove("cloudinary.analysis.metrics.enabled");
			this.context = StarterContext.startWithActuator(properties);
		}
		else {
			this.context = StarterContext.start(properties, metrics);
		}
		this.tasksClient = this.context.getBean(TasksClient.class);
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30))
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		this.rawJdk = new Baselines.RawJdk(Baselines.RawJdk.defaultClient(HttpClient.Version.HTTP_1_1),
				this.fake.baseUrl(), auth);
		this.handWrittenBootJdk = new Baselines.HandWritten(ClientHttpRequestFactoryBuilder.jdk().build(settings),
				this.fake.baseUrl(), auth);
		this.handWrittenSameFactory = new Baselines.HandWritten(
				new BoundedJdkClientHttpRequestFactory(new JdkHttpClientBuilder().build(settings.withReadTimeout(null)),
						Duration.ofSeconds(30), 1024 * 1024 + 1),
				this.fake.baseUrl(), auth);
		SimpleClientHttpRequestFactory simple = new SimpleClientHttpRequestFactory();
		simple.setReadTimeout(Duration.ofSeconds(30));
		this.handWrittenSimple = new Baselines.HandWritten(simple, this.fake.baseUrl(), auth);
		this.generatedNative = new Baselines.Generated(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER), this.fake.baseUrl(), this.cloud, auth);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		if (this.context != null) {
			this.context.getBeanProvider(MeterRegistry.class)
				.ifAvailable((registry) -> registry.getMeters()
					.forEach((meter) -> System.out.println("# meter " + meter.getId() + " " + meter.measure())));
			this.context.close();
		}
		this.fake.close();
	}

	/** Keeps the fake's request journal from growing without bound during long runs. */
	@TearDown(Level.Iteration)
	public void forgetRequests() {
		this.fake.reset();
		this.fake.createTask(this.taskId, TaskLife.fixed(TaskLife.PROCESSING));
	}

	@Benchmark
	public TaskStatusResponse rawJdk() throws Exception {
		return this.rawJdk.getStatus(this.cloud, this.taskId);
	}

	@Benchmark
	public TaskStatusResponse handWrittenBootJdk() {
		return this.handWrittenBootJdk.getStatus(this.cloud, this.taskId);
	}

	@Benchmark
	public TaskStatusResponse handWrittenSameFactory() {
		return this.handWrittenSameFactory.getStatus(this.cloud, this.taskId);
	}

	@Benchmark
	public TaskStatusResponse handWrittenSimple() {
		return this.handWrittenSimple.getStatus(this.cloud, this.taskId);
	}

	@Benchmark
	public TaskStatusResponse generatedNative() throws Exception {
		return this.generatedNative.getStatus(this.taskId);
	}

	@Benchmark
	public TaskStatusResponse tasksClient() {
		return this.tasksClient.getStatus(this.taskId);
	}

}
