package io.github.cloudinaryanalysis.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalysisTask;
import io.github.cloudinaryanalysis.analyze.AnalyzeClient;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.benchmarks.support.WebhookApp;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;
import io.github.cloudinaryanalysis.test.WebhookDelivery;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Notification-to-wait-completion latency: a real servlet application (Tomcat, loopback)
 * with webhooks on, its {@code TasksClient} waiting ({@code awaitCompletionAsync}) on a
 * task of the fake API; the harness then POSTs the task's signed notification to the
 * application's endpoint with the JDK {@link HttpClient} on a kept-alive HTTP/1.1
 * connection, and measures from the moment the request is handed to {@code send} to the
 * moment the waiting future completes (a callback registered before the POST records the
 * time; it runs on the thread that completes the future, Tomcat's). In the same round,
 * the same request goes to a trivial endpoint of the same application
 * ({@code POST /baseline}: reads the body, answers 200), so the ratio shows what
 * verification, parsing, the hub and the completion cost. The order of the two POSTs
 * alternates each round.
 * <p>
 * The body is a contract-valid captioning notification the fake sent (its {@code task_id}
 * replaced per round), signed as the fake signs: lowercase hex SHA-1 of body +
 * {@code X-Cld-Timestamp} + secret. Each wait first polls once at once (the task is
 * pending); the POST is sent only after that poll was answered, so that no poll runs
 * during the measurement.
 * <p>
 * Usage: {@code java -cp benchmarks.jar
 * io.github.cloudinaryanalysis.benchmarks.WebhookLatency [rounds] [warmUpRounds]}
 * (defaults 1000 and 300).
 */
public final class WebhookLatency {

	private static final TaskLife NEVER_ENDS = TaskLife.completesAfterPolls(Integer.MAX_VALUE);

	private WebhookLatency() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int warmUp = (args.length > 1) ? Integer.parseInt(args[1]) : 300;
		System.out.printf("load average at start: %s%n", WebhookApp.loadAverage());
		try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder().defaultTaskLife(NEVER_ENDS).start()) {
			int port = WebhookApp.freePort();
			Map<String, String> properties = new HashMap<>(fake.springProperties());
			try (ConfigurableApplicationContext context = WebhookApp.start(port, properties)) {
				run(context, fake, port, rounds, warmUp);
			}
		}
		System.out.printf("load average at end: %s%n", WebhookApp.loadAverage());
		System.exit(0);
	}

	private static void run(ConfigurableApplicationContext context, FakeCloudinaryAnalysisApi fake, int port,
			int rounds, int warmUp) throws Exception {
		TasksClient tasks = context.getBean(TasksClient.class);
		AnalyzeClient analyze = context.getBean(AnalyzeClient.class);
		URI webhook = URI.create(WebhookApp.webhookUrl(port));
		URI baseline = URI.create("http://127.0.0.1:" + port + WebhookApp.BASELINE_PATH);
		// A genuine captioning notification as the fake sends it, received by the
		// baseline endpoint: the template of every body.
		fake.setNotificationUrl(baseline);
		AnalysisTask started = analyze
			.start(AnalysisRequest.captioning(Source.uri("https://res.cloudinary.com/demo/image/upload/sample.jpg")));
		List<WebhookDelivery> deliveries = fake.sendNotification(started.taskId());
		fake.setNotificationUrl(null);
		WebhookDelivery template = deliveries.stream()
			.filter((d) -> d.url().equals(baseline))
			.findFirst()
			.orElseThrow();
		if (template.status() != 200) {
			throw new IllegalStateException("The template's delivery was answered " + template.status());
		}
		String templateBody = template.body();
		System.out.printf("body: %d bytes (captioning notification, data and limits)%n", template.bodyBytes().length);
		byte[] secret = fake.webhookSigningSecret().getBytes(StandardCharsets.UTF_8);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		double acceptedBefore = accepted(meters);
		long[] completion = new long[rounds];
		long[] webhookRoundTrip = new long[rounds];
		long[] baselineRoundTrip = new long[rounds];
		long started0 = System.nanoTime();
		for (int round = -warmUp; round < rounds; round++) {
			String taskId = String.format("latency-task-%07d", round + warmUp);
			fake.createTask(taskId, NEVER_ENDS);
			byte[] body = templateBody.replace(started.taskId(), taskId).getBytes(StandardCharsets.UTF_8);
			String timestamp = Long.toString(System.currentTimeMillis() / 1000);
			String signature = sign(body, timestamp, secret);
			HttpRequest toWebhook = post(webhook, body, timestamp, signature);
			HttpRequest toBaseline = post(baseline, body, timestamp, signature);
			CompletableFuture<TaskStatusResponse> wait = tasks.awaitCompletionAsync(taskId, Duration.ofMinutes(5));
			awaitFirstPoll(fake, taskId);
			AtomicLong completedAt = new AtomicLong();
			wait.whenComplete((result, failure) -> completedAt.set(System.nanoTime()));
			if (wait.isDone()) {
				throw new IllegalStateException("The wait of " + taskId + " ended before its notification: " + wait);
			}
			boolean baselineFirst = (round & 1) == 0;
			long baselineNanos = 0;
			if (baselineFirst) {
				baselineNanos = timedPost(http, toBaseline);
			}
			long sent = System.nanoTime();
			HttpResponse<Void> answer = http.send(toWebhook, HttpResponse.BodyHandlers.discarding());
			long answered = System.nanoTime();
			if (answer.statusCode() != 200) {
				throw new IllegalStateException("The webhook endpoint answered " + answer.statusCode());
			}
			TaskStatusResponse result = wait.get(30, TimeUnit.SECONDS);
			if (result.status() != TaskStatus.COMPLETED) {
				throw new IllegalStateException("The wait ended with " + result.status());
			}
			if (!baselineFirst) {
				baselineNanos = timedPost(http, toBaseline);
			}
			if (round >= 0) {
				completion[round] = completedAt.get() - sent;
				webhookRoundTrip[round] = answered - sent;
				baselineRoundTrip[round] = baselineNanos;
			}
		}
		double seconds = (System.nanoTime() - started0) / 1e9;
		double acceptedCount = accepted(meters) - acceptedBefore;
		System.out.printf("rounds: %d measured after %d warm-up, %.1f s; notifications accepted (counter): %.0f%n",
				rounds, warmUp, seconds, acceptedCount);
		System.out.printf("%-58s %8s %8s %8s %8s %8s%n", "ms", "mean", "p50", "p90", "p99", "max");
		print("notification POST sent -> wait completed", completion);
		print("notification POST sent -> 200 read (webhook round trip)", webhookRoundTrip);
		print("same POST to /baseline -> 200 read (baseline round trip)", baselineRoundTrip);
		Arrays.sort(completion);
		Arrays.sort(webhookRoundTrip);
		Arrays.sort(baselineRoundTrip);
		System.out.printf("ratio wait completed / baseline round trip: p50 %.2f, p90 %.2f, p99 %.2f%n",
				ratio(completion, baselineRoundTrip, 0.50), ratio(completion, baselineRoundTrip, 0.90),
				ratio(completion, baselineRoundTrip, 0.99));
		System.out.printf("ratio webhook round trip / baseline round trip: p50 %.2f, p90 %.2f, p99 %.2f%n",
				ratio(webhookRoundTrip, baselineRoundTrip, 0.50), ratio(webhookRoundTrip, baselineRoundTrip, 0.90),
				ratio(webhookRoundTrip, baselineRoundTrip, 0.99));
		System.out.printf("target p99 < 5 ms (notification sent -> wait completed): %s (p99 %.3f ms)%n",
				(percentile(completion, 0.99) < 5_000_000) ? "met" : "NOT met", percentile(completion, 0.99) / 1e6);
	}

	private static HttpRequest post(URI uri, byte[] body, String timestamp, String signature) {
		return HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Cld-Timestamp", timestamp)
			.header("X-Cld-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	private static long timedPost(HttpClient http, HttpRequest request) throws Exception {
		long sent = System.nanoTime();
		HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
		long nanos = System.nanoTime() - sent;
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("The baseline endpoint answered " + answer.statusCode());
		}
		return nanos;
	}

	/**
	 * Waits (bounded) until the wait's first poll reached the fake, then a little longer
	 * for its answer to be read, so that no poll runs while the notification is timed.
	 * @param fake the fake
	 * @param taskId the task
	 */
	private static void awaitFirstPoll(FakeCloudinaryAnalysisApi fake, String taskId) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (fake.pollCount(taskId) < 1) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("No first poll of " + taskId + " within 10 s");
			}
			LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
		}
		LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
	}

	/**
	 * Signs as Cloudinary (and the fake) does.
	 * @param body the raw body
	 * @param timestamp the {@code X-Cld-Timestamp} value
	 * @param secret the signing secret
	 * @return the lowercase hex SHA-1 of body + timestamp + secret
	 */
	static String sign(byte[] body, String timestamp, byte[] secret) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-1");
		digest.update(body);
		digest.update(timestamp.getBytes(StandardCharsets.US_ASCII));
		digest.update(secret);
		return HexFormat.of().formatHex(digest.digest());
	}

	private static double accepted(MeterRegistry meters) {
		return meters.get("cloudinary.analysis.webhook.notifications").tag("outcome", "accepted").counter().count();
	}

	private static void print(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf("%-58s %8.3f %8.3f %8.3f %8.3f %8.3f%n", what,
				Arrays.stream(sorted).average().orElse(0) / 1e6, percentile(sorted, 0.50) / 1e6,
				percentile(sorted, 0.90) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
	}

	private static long percentile(long[] sorted, double p) {
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static double ratio(long[] sorted, long[] baselineSorted, double p) {
		return (double) percentile(sorted, p) / percentile(baselineSorted, p);
	}

}
