package io.github.cloudinaryanalysis.benchmarks;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalyzeClient;
import io.github.cloudinaryanalysis.analyze.CaptioningAnalysis;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.benchmarks.support.AnalyzeBaseline;
import io.github.cloudinaryanalysis.benchmarks.support.Baselines;
import io.github.cloudinaryanalysis.benchmarks.support.StarterContext;
import io.github.cloudinaryanalysis.benchmarks.support.TlsServer;
import io.github.cloudinaryanalysis.http.BoundedJdkClientHttpRequestFactory;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;
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
import org.openjdk.jmh.infra.BenchmarkParams;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * {@code getStatus} over each HTTP path: the raw JDK client (the baseline), the starter's
 * {@code TasksClient} out of the box, and a hand-written RestClient on each request
 * factory Boot supports. {@code server=fake} is the fake API (JDK HttpServer, cleartext
 * HTTP/1.1); {@code server=tls} is Jetty 12 on HTTPS with ALPN (HTTP/2 and HTTP/1.1). Run
 * with {@code -t 1}, {@code -t 16}, {@code -t 64}; on {@code tls} the number of
 * connections the server accepted per trial is printed as {@code # connections}.
 */
@BenchmarkMode({ Mode.Throughput, Mode.AverageTime })
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Dsun.net.httpserver.nodelay=true", "-Xmx1g" })
@State(Scope.Benchmark)
public class HttpPathBenchmark {

	/** The server the client talks to: the fake over plain HTTP, or a TLS server. */
	@Param({ "fake", "tls" })
	public String server;

	/**
	 * {@code rawJdkH1}/{@code rawJdkH2}: JDK HttpClient pinned to HTTP/1.1 / preferring
	 * HTTP/2; {@code generatedNative}: the OpenAPI Generator {@code java}/{@code native}
	 * client (HTTP/1.1 on {@code fake}, HTTP/2 preferred on {@code tls}, as the raw
	 * baselines); {@code tasksClientActuator}: the auto-configured client out of the box
	 * in an application with Actuator (its meter and observation registries, Boot's
	 * {@code http.client.requests} observation, the starter's metrics and retries at
	 * their defaults: on); {@code tasksClient}: the auto-configured client without
	 * Actuator (retries and metrics off; {@code tasksClientRetry},
	 * {@code tasksClientMetrics}, {@code tasksClientAll} switch them on, metrics with a
	 * real SimpleMeterRegistry); {@code restClient*}: a hand-written RestClient on that
	 * factory ({@code Jdk} is Boot's JDK factory, HTTP/2 preferred; {@code JdkH1} the
	 * same pinned to HTTP/1.1; {@code Bounded} the starter's). Not run by default, for
	 * {@link Interleaved} only: {@code analyzeClient}
	 * ({@code AnalyzeClient.analyze(captioning)}, metrics off) and {@code restClientPost}
	 * (the same POST hand-written on the starter's factory), compared with each other,
	 * not with the others.
	 */
	@Param({ "rawJdkH1", "rawJdkH2", "generatedNative", "tasksClientActuator", "tasksClient", "restClientJdk",
			"restClientJdkH1", "restClientBounded", "restClientSimple", "restClientHttpComponents", "restClientJetty",
			"restClientReactor" })
	public String client;

	private FakeCloudinaryAnalysisApi fake;

	private TlsServer tls;

	private ConfigurableApplicationContext context;

	private Call call;

	private String taskId;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		String baseUrl;
		String auth = Baselines.basicAuth("fake-api-key", "fake-api-secret");
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30))
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		Map<String, String> properties = new LinkedHashMap<>();
		if (this.server.equals("fake")) {
			this.fake = FakeCloudinaryAnalysisApi.builder().start();
			this.taskId = this.fake.createTask(TaskLife.fixed(TaskLife.PROCESSING));
			baseUrl = this.fake.baseUrl();
			properties.putAll(this.fake.springProperties());
		}
		else {
			this.tls = new TlsServer();
			this.taskId = "t1";
			baseUrl = this.tls.baseUrl();
			settings = settings.withSslBundle(SslBundle.of(SslStoreBundle.of(null, null, this.tls.trustKeyStore())));
			properties.put("cloudinary.analysis.base-url", baseUrl);
			properties.put("cloudinary.analysis.cloud-name", "demo");
			properties.put("cloudinary.analysis.api-key", "fake-api-key");
			properties.put("cloudinary.analysis.api-secret", "fake-api-secret");
			properties.put("spring.ssl.bundle.jks.bench.truststore.location", "file:" + this.tls.trustStore());
			properties.put("spring.ssl.bundle.jks.bench.truststore.password", TlsServer.PASSWORD);
			properties.put("spring.ssl.bundle.jks.bench.truststore.type", "PKCS12");
			properties.put("spring.http.clients.ssl.bundle", "bench");
		}
		properties.put("cloudinary.analysis.retry.enabled", "false");
		properties.put("cloudinary.analysis.metrics.enabled", "false");
		HttpClientSettings noReadTimeout = settings.withReadTimeout(null);
		this.call = switch (this.client) {
			case "rawJdkH1", "rawJdkH2" -> {
				HttpClient.Version version = this.client.equals("rawJdkH1") ? HttpClient.Version.HTTP_1_1
						: HttpClient.Version.HTTP_2;
				HttpClient httpClient = new JdkHttpClientBuilder().withCustomizer((builder) -> builder.version(version))
					.build(noReadTimeout);
				Baselines.RawJdk raw = new Baselines.RawJdk(httpClient, baseUrl, auth);
				yield (id) -> raw.getStatus("demo", id);
			}
			case "generatedNative" -> {
				HttpClient.Builder builder = HttpClient.newBuilder()
					.connectTimeout(Duration.ofSeconds(10))
					.followRedirects(HttpClient.Redirect.NEVER)
					.version(this.server.equals("fake") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2);
				if (settings.sslBundle() != null) {
					builder.sslContext(settings.sslBundle().createSslContext());
				}
				Baselines.Generated generated = new Baselines.Generated(builder, baseUrl, "demo", auth);
				yield generated::getStatus;
			}
			case "tasksClientActuator" -> {
				properties.remove("cloudinary.analysis.retry.enabled");
				properties.remove("cloudinary.analysis.metrics.enabled");
				this.context = StarterContext.startWithActuator(properties);
				TasksClient tasks = this.context.getBean(TasksClient.class);
				yield tasks::getStatus;
			}
			case "tasksClient", "tasksClientRetry", "tasksClientMetrics", "tasksClientAll" -> {
				boolean retry = this.client.equals("tasksClientRetry") || this.client.equals("tasksClientAll");
				boolean metrics = this.client.equals("tasksClientMetrics") || this.client.equals("tasksClientAll");
				properties.put("cloudinary.analysis.retry.enabled", Boolean.toString(retry));
				properties.put("cloudinary.analysis.metrics.enabled", Boolean.toString(metrics));
				this.context = StarterContext.start(properties, metrics);
				TasksClient tasks = this.context.getBean(TasksClient.class);
				yield tasks::getStatus;
			}
			case "analyzeClient", "restClientPost" -> {
				// Issue 13: analyze(captioning) against a hand-written POST on the
				// starter's
				// factory; the task id is not used.
				properties.put("cloudinary.analysis.retry.enabled", "true");
				if (this.client.equals("analyzeClient")) {
					this.context = StarterContext.start(properties, false);
					AnalyzeClient analyzer = this.context.getBean(AnalyzeClient.class);
					AnalysisRequest<CaptioningAnalysis> request = AnalysisRequest
						.captioning(Source.uri(AnalyzeBaseline.IMAGE));
					yield (id) -> analyzer.analyze(request);
				}
				AnalyzeBaseline post = new AnalyzeBaseline(boundedFactory(settings), baseUrl, auth);
				yield (id) -> post.captioning("demo");
			}
			default -> {
				Baselines.HandWritten handWritten = new Baselines.HandWritten(factory(settings), baseUrl, auth);
				yield (id) -> handWritten.getStatus("demo", id);
			}
		};
		this.call.get(this.taskId);
		if (this.tls != null) {
			this.tls.resetStatistics();
		}
	}

	private ClientHttpRequestFactory factory(HttpClientSettings settings) {
		return switch (this.client) {
			case "restClientJdk" -> ClientHttpRequestFactoryBuilder.jdk().build(settings);
			case "restClientJdkH1" -> ClientHttpRequestFactoryBuilder.jdk()
				.withHttpClientCustomizer((builder) -> builder.version(HttpClient.Version.HTTP_1_1))
				.build(settings);
			case "restClientBounded" -> boundedFactory(settings);
			case "restClientSimple" -> ClientHttpRequestFactoryBuilder.simple().build(settings);
			case "restClientHttpComponents" -> ClientHttpRequestFactoryBuilder.httpComponents().build(settings);
			case "restClientJetty" -> ClientHttpRequestFactoryBuilder.jetty().build(settings);
			case "restClientReactor" -> ClientHttpRequestFactoryBuilder.reactor().build(settings);
			default -> throw new IllegalArgumentException(this.client);
		};
	}

	/**
	 * The starter's own factory, as it builds it out of the box.
	 * @param settings the settings
	 * @return the factory
	 */
	private static ClientHttpRequestFactory boundedFactory(HttpClientSettings settings) {
		return new BoundedJdkClientHttpRequestFactory(new JdkHttpClientBuilder().build(settings.withReadTimeout(null)),
				settings.readTimeout(), 1024 * 1024 + 1);
	}

	@TearDown(Level.Iteration)
	public void iterationEnded(BenchmarkParams params) {
		if (this.tls != null) {
			System.out.println("# connections opened this iteration: " + this.tls.connectionsOpened() + " (client="
					+ this.client + ", threads=" + params.getThreads() + ")");
			this.tls.resetStatistics();
		}
		if (this.fake != null) {
			this.fake.reset();
			this.fake.createTask(this.taskId, TaskLife.fixed(TaskLife.PROCESSING));
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		if (this.context != null) {
			this.context.close();
		}
		if (this.fake != null) {
			this.fake.close();
		}
		if (this.tls != null) {
			this.tls.close();
		}
	}

	@Benchmark
	public Object getStatus() throws Exception {
		return this.call.get(this.taskId);
	}

	@FunctionalInterface
	interface Call {

		Object get(String taskId) throws Exception;

	}

}
