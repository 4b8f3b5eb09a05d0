package io.github.cloudinaryanalysis.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.CaptioningAnalysis;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;
import io.github.cloudinaryanalysis.test.Webhook;
import io.github.cloudinaryanalysis.test.WebhookAlgorithm;
import io.github.cloudinaryanalysis.test.WebhookDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The verifier and parser against the fake's real webhook deliveries over loopback HTTP:
 * a small JDK server stands in for the endpoint the wiring step will add, answering 200
 * or 401 by the verifier's outcome.
 */
class VerifyingTheFakesNotificationsTests {

	private static final String CAT = "https://res.cloudinary.com/demo/image/upload/cat.jpg";

	private final Queue<Verified> verified = new ConcurrentLinkedQueue<>();

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	private HttpServer endpoint;

	private WebhookSignatureVerifier verifier;

	private FakeCloudinaryAnalysisApi fake;

	@BeforeEach
	void startEndpoint() throws IOException {
		this.endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.endpoint.setExecutor(this.pool);
		this.endpoint.createContext("/notifications", new VerifyingReceiver(() -> this.verifier,
				(outcome, notification) -> this.verified.add(new Verified(outcome, notification))));
		this.endpoint.start();
	}

	@AfterEach
	void stop() {
		if (this.fake != null) {
			this.fake.close();
		}
		this.endpoint.stop(0);
		this.pool.shutdownNow();
	}

	@Test
	void theFakesNotificationOfAnAsyncAnalysisIsAcceptedAndReadTyped() throws Exception {
		start(WebhookAlgorithm.SHA1, SignatureAlgorithm.SHA1);
		String taskId = startCaptioning();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.verified.size() == 1);
		Verified first = this.verified.peek();
		assertThat(first.outcome()).isEqualTo(NotificationOutcome.ACCEPTED);
		assertThat(first.notification().taskId()).isEqualTo(taskId);
		CaptioningAnalysis analysis = first.notification()
			.result(AnalysisRequest.captioning(Source.uri(CAT)))
			.orElseThrow()
			.analysis();
		assertThat(analysis.data().caption()).isEqualTo("A cat sitting on a table");
		assertThat(this.fake.pollCount(taskId)).isZero();

		WebhookDelivery delivery = this.fake.webhookDeliveries().get(0);
		assertThat(delivery.status()).isEqualTo(200);
		assertThat(this.fake.replay(delivery).status()).isEqualTo(200);
		assertThat(this.verified).extracting(Verified::outcome)
			.containsExactly(NotificationOutcome.ACCEPTED, NotificationOutcome.REPLAYED);
	}

	@Test
	void sha256NotificationsAreVerifiedWithTheSha256Option() throws Exception {
		start(WebhookAlgorithm.SHA256, SignatureAlgorithm.SHA256);
		startCaptioning();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.verified.size() == 1);
		assertThat(this.verified.peek().outcome()).isEqualTo(NotificationOutcome.ACCEPTED);
	}

	@Test
	void eachBrokenVariantIsRejectedForItsReason() {
		start(WebhookAlgorithm.SHA1, SignatureAlgorithm.SHA1);
		this.fake.setNotificationUrl(URI.create(endpointUrl()));
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(100));
		assertThat(send(taskId, Webhook.tampered())).isEqualTo(401);
		assertThat(send(taskId, Webhook.signedWith("guess"))).isEqualTo(401);
		assertThat(send(taskId, Webhook.stale(Duration.ofHours(2).plusMinutes(1)))).isEqualTo(401);
		assertThat(send(taskId, Webhook.future(Duration.ofMinutes(6)))).isEqualTo(401);
		assertThat(send(taskId, Webhook.withoutSignature())).isEqualTo(401);
		assertThat(send(taskId, Webhook.withoutTimestamp())).isEqualTo(401);
		assertThat(send(taskId, Webhook.stale(Duration.ofHours(1)))).isEqualTo(200);
		assertThat(send(taskId, Webhook.future(Duration.ofMinutes(4)))).isEqualTo(200);
		assertThat(this.verified).extracting(Verified::outcome)
			.containsExactly(NotificationOutcome.BAD_SIGNATURE, NotificationOutcome.BAD_SIGNATURE,
					NotificationOutcome.STALE, NotificationOutcome.STALE, NotificationOutcome.BAD_SIGNATURE,
					NotificationOutcome.BAD_SIGNATURE, NotificationOutcome.ACCEPTED, NotificationOutcome.ACCEPTED);
	}

	private int send(String taskId, Webhook variant) {
		List<WebhookDelivery> sent = this.fake.sendNotification(taskId, variant);
		assertThat(sent).hasSize(1);
		return sent.get(0).status();
	}

	private void start(WebhookAlgorithm fakeAlgorithm, SignatureAlgorithm algorithm) {
		this.fake = FakeCloudinaryAnalysisApi.builder()
			.webhookAlgorithm(fakeAlgorithm)
			.defaultTaskLife(TaskLife.completesAfter(Duration.ZERO))
			.start();
		this.verifier = new WebhookSignatureVerifier(this.fake.apiSecret(), algorithm,
				WebhookSignatureVerifier.DEFAULT_TOLERANCE, Clock.systemUTC());
	}

	private String startCaptioning() throws Exception {
		String body = "{\"source\":{\"uri\":\"" + CAT + "\"},\"async\":true,\"notification_url\":\"" + endpointUrl()
				+ "\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.fake.baseUrl() + "/demo/analyze/captioning"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((this.fake.apiKey() + ":" + this.fake.apiSecret()).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> accepted = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).isEqualTo(202);
		return tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(accepted.body())
			.path("data")
			.path("task_id")
			.asString();
	}

	private String endpointUrl() {
		return "http://127.0.0.1:" + this.endpoint.getAddress().getPort() + "/notifications";
	}

	private record Verified(NotificationOutcome outcome, AnalysisNotification notification) {

	}

}
