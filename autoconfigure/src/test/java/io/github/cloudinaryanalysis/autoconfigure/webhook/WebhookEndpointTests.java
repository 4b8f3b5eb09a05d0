package io.github.cloudinaryanalysis.autoconfigure.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalysisTask;
import io.github.cloudinaryanalysis.analyze.AnalyzeClient;
import io.github.cloudinaryanalysis.analyze.CaptioningAnalysis;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisExtension;
import io.github.cloudinaryanalysis.test.TaskLife;
import io.github.cloudinaryanalysis.test.Webhook;
import io.github.cloudinaryanalysis.test.WebhookDelivery;
import io.github.cloudinaryanalysis.webhook.AnalysisNotification;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook endpoint of a real application on a random port, with the fake API posting
 * its signed notifications to it over loopback HTTP (issue 14, part B): each status the
 * endpoint answers, events reaching {@code @EventListener} and {@code @Async} listeners
 * with the typed result, replays published once, a throwing listener, the metrics of each
 * outcome, and no secret, signature or body in the log or in Actuator's endpoints.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cloudinary.analysis.webhook.enabled=true",
				"cloudinary.analysis.webhook.signing-secret=" + WebhookEndpointTests.SIGNING_SECRET,
				"cloudinary.analysis.retry.enabled=false", "spring.jmx.enabled=false",
				"management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always" })
@ExtendWith(OutputCaptureExtension.class)
class WebhookEndpointTests {

	static final String SIGNING_SECRET = "Webhook-Signing-Secret-4242";

	static final String PATH = "/cloudinary/analysis/notifications";

	private static final String CAT = "https://res.cloudinary.com/demo/image/upload/cat.jpg";

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension api = FakeCloudinaryAnalysisExtension
		.using(() -> FakeCloudinaryAnalysisApi.builder()
			.apiSecret("Api-Secret-Of-The-Fake-1717")
			.webhookSigningSecret(SIGNING_SECRET)
			.defaultTaskLife(TaskLife.completesAfter(Duration.ZERO)))
		.resetBeforeEachTest();

	@DynamicPropertySource
	static void pointAtTheFake(DynamicPropertyRegistry registry) {
		api.api().springProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@LocalServerPort
	int port;

	@Autowired
	Listeners listeners;

	@Autowired
	AnalyzeClient analyzeClient;

	@Autowired
	MeterRegistry meters;

	private FakeCloudinaryAnalysisApi fake;

	private WebhookPoster poster;

	@BeforeEach
	void setUp() {
		this.fake = api.api();
		this.fake.setNotificationUrl(null);
		this.listeners.clear();
		this.poster = new WebhookPoster(endpoint());
	}

	@Test
	void anAsyncAnalysisIsNotifiedToEventAndAsyncListenersWithItsTypedResult() {
		double accepted = count("accepted");
		AnalysisTask task = this.analyzeClient
			.start(AnalysisRequest.captioning(Source.uri(CAT)).withNotificationUrl(endpoint()));

		await().atMost(Duration.ofSeconds(20)).until(() -> this.listeners.async.size() == 1);
		assertThat(this.listeners.sync).hasSize(1);
		AnalysisNotification notification = this.listeners.sync.peek().notification();
		assertThat(notification.taskId()).isEqualTo(task.taskId());
		assertThat(notification.requestId()).isEqualTo(task.requestId());
		assertThat(notification.httpStatus()).isEqualTo(200);
		CaptioningAnalysis analysis = notification.result(AnalysisRequest.captioning(Source.uri(CAT)))
			.orElseThrow()
			.analysis();
		assertThat(analysis.data().caption()).isEqualTo("A cat sitting on a table");
		// The @Async listener got the same notification, on a thread of the application's
		// executor rather than the request's.
		Seen async = this.listeners.async.peek();
		assertThat(async.notification()).isEqualTo(notification);
		assertThat(async.thread()).isNotEqualTo(this.listeners.sync.peek().thread());
		assertThat(async.thread()).startsWith("task-");
		assertThat(this.fake.webhookDeliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.status()).isEqualTo(200));
		assertThat(this.fake.pollCount(task.taskId())).isZero();
		assertThat(count("accepted")).isEqualTo(accepted + 1);
	}

	@Test
	void aReplayIsAnswered200AndPublishedOnce() {
		double replayed = count("replayed");
		this.fake.setNotificationUrl(endpoint());
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(100));
		WebhookDelivery first = single(this.fake.sendNotification(taskId));
		assertThat(first.status()).isEqualTo(200);
		assertThat(this.fake.replay(first).status()).isEqualTo(200);
		assertThat(this.fake.replay(first).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.listeners.async.size() == 1);
		assertThat(this.listeners.sync).extracting((seen) -> seen.notification().taskId()).containsExactly(taskId);
		assertThat(count("replayed")).isEqualTo(replayed + 2);
		// A retry carries a new timestamp, hence a new signature: it is a new delivery.
		assertThat(single(this.fake.sendNotification(taskId, Webhook.stale(Duration.ofMinutes(3)))).status())
			.isEqualTo(200);
		assertThat(this.listeners.sync).hasSize(2);
	}

	@Test
	void eachForgedOrOutOfTimeNotificationIsAnswered401AndPublishedNot() {
		double badSignature = count("bad_signature");
		double stale = count("stale");
		this.fake.setNotificationUrl(endpoint());
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(100));
		assertThat(status(taskId, Webhook.tampered())).isEqualTo(401);
		assertThat(status(taskId, Webhook.signedWith("a-wrong-secret"))).isEqualTo(401);
		assertThat(status(taskId, Webhook.withoutSignature())).isEqualTo(401);
		assertThat(status(taskId, Webhook.withoutTimestamp())).isEqualTo(401);
		assertThat(status(taskId, Webhook.stale(Duration.ofHours(2).plusMinutes(1)))).isEqualTo(401);
		assertThat(status(taskId, Webhook.future(Duration.ofMinutes(6)))).isEqualTo(401);
		assertThat(count("bad_signature")).isEqualTo(badSignature + 4);
		assertThat(count("stale")).isEqualTo(stale + 2);
		assertThat(this.listeners.sync).isEmpty();
	}

	@Test
	void a401HasAnEmptyBody() throws Exception {
		String body = "{\"task_id\":\"t-empty\",\"http_status\":200}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String now = WebhookPoster.now();
		String good = WebhookPoster.sign("SHA-1", bytes, now, SIGNING_SECRET);
		String stale = Long.toString(Long.parseLong(now) - Duration.ofHours(3).toSeconds());
		String future = Long.toString(Long.parseLong(now) + Duration.ofMinutes(10).toSeconds());
		List<HttpResponse<String>> answers = List.of(
				this.poster.post((body + " ").getBytes(StandardCharsets.UTF_8), "application/json", now, good, false),
				this.poster.post(bytes, "application/json", now,
						WebhookPoster.sign("SHA-1", bytes, now, "a-wrong-secret"), false),
				this.poster.post(bytes, "application/json", stale,
						WebhookPoster.sign("SHA-1", bytes, stale, SIGNING_SECRET), false),
				this.poster.post(bytes, "application/json", future,
						WebhookPoster.sign("SHA-1", bytes, future, SIGNING_SECRET), false),
				this.poster.post(bytes, "application/json", now, null, false),
				this.poster.post(bytes, "application/json", null, good, false),
				this.poster.post(bytes, "application/json", "soon", good, false));
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).isEqualTo(401);
			assertThat(answer.body()).isEmpty();
			assertThat(answer.headers().firstValueAsLong("Content-Length")).hasValue(0);
		});
		assertThat(this.listeners.sync).isEmpty();
	}

	@Test
	void aBodyAboveTheMaximumIsAnswered413FromItsContentLengthOrWhileReadingItChunked() throws Exception {
		double tooLarge = count("too_large");
		this.fake.setNotificationUrl(endpoint());
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(100));
		assertThat(status(taskId, Webhook.oversized(2 * 1024 * 1024))).isEqualTo(413);

		byte[] justAbove = new byte[1024 * 1024 + 1];
		java.util.Arrays.fill(justAbove, (byte) ' ');
		justAbove[0] = '{';
		justAbove[justAbove.length - 1] = '}';
		String now = WebhookPoster.now();
		String signature = WebhookPoster.sign("SHA-1", justAbove, now, SIGNING_SECRET);
		HttpResponse<String> declared = this.poster.post(justAbove, "application/json", now, signature, false);
		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.body()).contains("\"status\":413").doesNotContain("  ");
		HttpResponse<String> chunked = this.poster.post(justAbove, "application/json", now, signature, true);
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(count("too_large")).isEqualTo(tooLarge + 3);
		assertThat(this.listeners.sync).isEmpty();
	}

	@Test
	void aChunkedNotificationWithinTheMaximumIsAccepted() throws Exception {
		String body = "{\"task_id\":\"t-chunked\",\"http_status\":200}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String now = WebhookPoster.now();
		HttpResponse<String> answer = this.poster.post(bytes, "application/json", now,
				WebhookPoster.sign("SHA-1", bytes, now, SIGNING_SECRET), true);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(this.listeners.sync).extracting((seen) -> seen.notification().taskId()).containsExactly("t-chunked");
	}

	@Test
	void aNonJsonContentTypeIsAnswered415() throws Exception {
		double malformed = count("malformed");
		this.fake.setNotificationUrl(endpoint());
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(100));
		assertThat(status(taskId, Webhook.genuine().withContentType("text/plain"))).isEqualTo(415);
		byte[] body = "{\"task_id\":\"t-415\",\"http_status\":200}".getBytes(StandardCharsets.UTF_8);
		String now = WebhookPoster.now();
		String signature = WebhookPoster.sign("SHA-1", body, now, SIGNING_SECRET);
		assertThat(this.poster.post(body, null, now, signature, false).statusCode()).isEqualTo(415);
		assertThat(this.poster.post(body, "application/x-www-form-urlencoded", now, signature, false).statusCode())
			.isEqualTo(415);
		assertThat(this.poster.post(body, "not a type", now, signature, false).statusCode()).isEqualTo(415);
		assertThat(count("malformed")).isEqualTo(malformed + 4);
		assertThat(this.listeners.sync).isEmpty();
		// JSON with a charset is JSON
		assertThat(this.poster.post(body, "application/json; charset=UTF-8", now, signature, false).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aVerifiedBodyThatIsNotThePayloadIsAnswered400WithoutEchoingIt() throws Exception {
		double malformed = count("malformed");
		String body = "{\"http_status\":200,\"note\":\"Body-Text-That-Must-Not-Be-Echoed\"}";
		HttpResponse<String> answer = this.poster.postSigned(body, SIGNING_SECRET);
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.body()).contains("\"status\":400", "without task_id")
			.doesNotContain("Body-Text-That-Must-Not-Be-Echoed");
		assertThat(count("malformed")).isEqualTo(malformed + 1);
		assertThat(this.listeners.sync).isEmpty();
	}

	@Test
	void aThrowingListenerStillGets200AndIsCountedAndLogged(CapturedOutput output) throws Exception {
		double failures = this.meters.get("cloudinary.analysis.webhook.listener.failures").counter().count();
		this.listeners.failNext.set(true);
		HttpResponse<String> answer = this.poster
			.postSigned("{\"task_id\":\"t-throws\",\"http_status\":200,\"note\":\"Secret-Body-Note\"}", SIGNING_SECRET);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEmpty();
		assertThat(this.meters.get("cloudinary.analysis.webhook.listener.failures").counter().count())
			.isEqualTo(failures + 1);
		assertThat(output).contains("A listener of the Cloudinary Analysis notification of task t-throws failed",
				"Listener-Bug-For-The-Test");
		assertThat(output).doesNotContain("Secret-Body-Note");
	}

	@Test
	void rejectionsAreLoggedWithoutSecretSignatureOrBody(CapturedOutput output) throws Exception {
		String body = "{\"task_id\":\"t-log\",\"http_status\":200,\"note\":\"Body-Text-Never-Logged\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String now = WebhookPoster.now();
		String wrong = WebhookPoster.sign("SHA-1", bytes, now, "Guessed-Secret-99");
		for (int i = 0; i < 3; i++) {
			assertThat(this.poster.post(bytes, "application/json", now, wrong, false).statusCode()).isEqualTo(401);
		}
		this.poster.postSigned(body, SIGNING_SECRET);
		assertThat(output).doesNotContain(SIGNING_SECRET)
			.doesNotContain(this.fake.apiSecret())
			.doesNotContain("Guessed-Secret-99")
			.doesNotContain(wrong)
			.doesNotContain("Body-Text-Never-Logged");
		// At most one line per reason and minute (another test of this context may have
		// logged it already).
		assertThat(output.toString().lines().filter((line) -> line.contains("(bad_signature)")).count())
			.isLessThanOrEqualTo(1);
	}

	@Test
	void actuatorShowsNeitherTheSigningSecretNorTheApiSecret() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String path : List.of("/actuator/env", "/actuator/configprops",
				"/actuator/env/cloudinary.analysis.webhook.signing-secret")) {
			HttpResponse<String> answer = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(path).isEqualTo(200);
			assertThat(answer.body()).as(path)
				.doesNotContain(SIGNING_SECRET)
				.doesNotContain(this.fake.apiSecret())
				.contains("******");
		}
	}

	@Test
	void everyOutcomeIsACounterFromTheStart() {
		for (String outcome : List.of("accepted", "replayed", "bad_signature", "stale", "too_large", "malformed")) {
			assertThat(this.meters.get("cloudinary.analysis.webhook.notifications").tag("outcome", outcome).counter())
				.as(outcome)
				.isNotNull();
		}
		assertThat(this.meters.get("cloudinary.analysis.webhook.notifications").counter().getId().getDescription())
			.isNotBlank();
	}

	private int status(String taskId, Webhook variant) {
		return single(this.fake.sendNotification(taskId, variant)).status();
	}

	private static WebhookDelivery single(List<WebhookDelivery> deliveries) {
		assertThat(deliveries).hasSize(1);
		return deliveries.get(0);
	}

	private double count(String outcome) {
		return this.meters.get("cloudinary.analysis.webhook.notifications").tag("outcome", outcome).counter().count();
	}

	private URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.port + PATH);
	}

	record Seen(AnalysisNotification notification, String thread) {

	}

	static class Listeners {

		final Queue<Seen> sync = new ConcurrentLinkedQueue<>();

		final Queue<Seen> async = new ConcurrentLinkedQueue<>();

		final AtomicBoolean failNext = new AtomicBoolean();

		@EventListener
		void onNotification(AnalysisNotification notification) {
			this.sync.add(new Seen(notification, Thread.currentThread().getName()));
			if (this.failNext.compareAndSet(true, false)) {
				throw new IllegalStateException("Listener-Bug-For-The-Test");
			}
		}

		void clear() {
			this.sync.clear();
			this.async.clear();
		}

	}

	static class AsyncListener {

		private final Listeners listeners;

		AsyncListener(Listeners listeners) {
			this.listeners = listeners;
		}

		@Async
		@EventListener
		void onNotification(AnalysisNotification notification) {
			this.listeners.async.add(new Seen(notification, Thread.currentThread().getName()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableAsync
	static class App {

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

		@Bean
		AsyncListener asyncListener(Listeners listeners) {
			return new AsyncListener(listeners);
		}

	}

}
