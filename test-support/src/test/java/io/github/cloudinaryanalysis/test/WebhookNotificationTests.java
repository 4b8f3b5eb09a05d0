package io.github.cloudinaryanalysis.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The fake's webhook notifications, received over real loopback HTTP by
 * {@link WebhookReceiver}: signed as Cloudinary signs (checked by an independent
 * computation), contract-valid, carrying the sync answer's {@code data}, sent once when a
 * task ends, recorded with their answers; and the broken variants for tests.
 */
class WebhookNotificationTests {

	private static final OpenApiContract CONTRACT = OpenApiContract.load();

	private static final String CAT = "https://res.cloudinary.com/demo/image/upload/cat.jpg";

	/** Generous: deliveries go over loopback, but the machine may be loaded. */
	private static final Duration DELIVERY = Duration.ofSeconds(20);

	private WebhookReceiver receiver;

	private FakeCloudinaryAnalysisApi fake;

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void stop() {
		if (this.fake != null) {
			this.fake.close();
		}
		this.receiver.close();
	}

	@Test
	void aCompletedAnalysisIsNotifiedAtItsNotificationUrlSignedAndContractValid() {
		this.fake = FakeCloudinaryAnalysisApi.builder().defaultTaskLife(TaskLife.completesAfterPolls(2)).start();
		HttpTestClient http = new HttpTestClient(this.fake);
		JsonNode accepted = HttpTestClient.json(http.analyze("captioning", asyncBody("task-url")));
		String taskId = accepted.path("data").path("task_id").asString();
		assertThat(HttpTestClient.status(http.getTask(taskId))).isEqualTo("pending");
		assertThat(this.receiver.received()).as("not before the task ends").isEmpty();
		assertThat(HttpTestClient.status(http.getTask(taskId))).isEqualTo("completed");

		WebhookReceiver.Received received = awaitReceived(1).get(0);
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.path()).isEqualTo("/hooks/task-url");
		assertThat(received.header("Content-Type")).isEqualTo("application/json");
		String timestamp = received.header("X-Cld-Timestamp");
		assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(),
				org.assertj.core.data.Offset.offset(60L));
		assertThat(received.header("X-Cld-Signature"))
			.isEqualTo(sign("SHA-1", received.body(), timestamp, this.fake.apiSecret()));
		assertThat(CONTRACT.validateSchema("AnalysisWebhookPayload", received.text())).isEmpty();

		JsonNode payload = HttpTestClient.JSON.readTree(received.body());
		assertThat(payload.path("task_id").asString()).isEqualTo(taskId);
		assertThat(payload.path("request_id").asString()).isEqualTo(accepted.path("request_id").asString());
		assertThat(payload.path("http_status").asInt()).isEqualTo(200);
		assertThat(payload.path("notification_type").asString()).isEqualTo("analyze");
		assertThat(payload.has("error")).isFalse();
		JsonNode sync = HttpTestClient.json(http.analyze("captioning", "{\"source\":{\"uri\":\"" + CAT + "\"}}"));
		assertThat(payload.path("data")).as("the sync answer's data").isEqualTo(sync.path("data"));
		assertThat(payload.path("limits").path("items").get(0).path("type").asString())
			.isEqualTo(sync.path("limits").path("items").get(0).path("type").asString());

		List<WebhookDelivery> deliveries = awaitDeliveries(1);
		WebhookDelivery delivery = deliveries.get(0);
		assertThat(delivery.taskId()).isEqualTo(taskId);
		assertThat(delivery.url()).isEqualTo(this.receiver.url("task-url"));
		assertThat(delivery.status()).isEqualTo(200);
		assertThat(delivery.failure()).isNull();
		assertThat(delivery.bodyBytes()).isEqualTo(received.body());
		assertThat(delivery.signature()).isEqualTo(received.header("X-Cld-Signature"));
		assertThat(delivery.replay()).isFalse();
		assertThat(delivery.toString()).doesNotContain(delivery.signature()).doesNotContain("caption");
	}

	@Test
	void aScriptedAnalysisIsWhatTheNotificationCarries() {
		this.fake = FakeCloudinaryAnalysisApi.builder().defaultTaskLife(TaskLife.completesAfterPolls(1)).start();
		this.fake.scriptAnalysis("captioning", "{\"data\":{\"caption\":\"A dog\"},\"model_version\":2}");
		HttpTestClient http = new HttpTestClient(this.fake);
		String taskId = taskId(http.analyze("captioning", asyncBody("scripted")));
		http.getTask(taskId);
		JsonNode payload = HttpTestClient.JSON.readTree(awaitReceived(1).get(0).body());
		assertThat(payload.path("data").path("analysis").path("data").path("caption").asString()).isEqualTo("A dog");
		assertThat(payload.path("data").path("entity").asString()).isEqualTo(CAT);
	}

	@Test
	void aTaskThatEndsByTheClockIsNotifiedWithoutAnyPoll() {
		this.fake = FakeCloudinaryAnalysisApi.builder()
			.defaultTaskLife(TaskLife.completesAfter(Duration.ofMillis(50)))
			.start();
		String taskId = taskId(new HttpTestClient(this.fake).analyze("coco", asyncBody("timed")));
		assertThat(awaitDeliveries(1).get(0).taskId()).isEqualTo(taskId);
		assertThat(this.fake.pollCount(taskId)).isZero();
		assertThat(CONTRACT.validateSchema("AnalysisWebhookPayload", awaitReceived(1).get(0).text())).isEmpty();
	}

	@Test
	void aFailedTaskIsNotifiedWithAnErrorStatusAndTheErrorObject() {
		this.fake = FakeCloudinaryAnalysisApi.builder().defaultTaskLife(TaskLife.failsAfterPolls(1)).start();
		HttpTestClient http = new HttpTestClient(this.fake);
		String taskId = taskId(http.analyze("captioning", asyncBody("failed")));
		assertThat(HttpTestClient.status(http.getTask(taskId))).isEqualTo("failed");
		WebhookReceiver.Received received = awaitReceived(1).get(0);
		assertThat(CONTRACT.validateSchema("AnalysisWebhookPayload", received.text())).isEmpty();
		JsonNode payload = HttpTestClient.JSON.readTree(received.body());
		assertThat(payload.path("http_status").asInt()).isGreaterThanOrEqualTo(400);
		assertThat(payload.path("error").path("category").asString()).isEqualTo("server_error");
		assertThat(payload.path("error").path("code").asString()).isEqualTo(ErrorCodes.SERVER_ERROR);
		assertThat(payload.has("data")).isFalse();
	}

	@Test
	void aTaskIsNotifiedOnceHoweverOftenItIsPolledAfterItEnds() {
		this.fake = FakeCloudinaryAnalysisApi.builder().defaultTaskLife(TaskLife.completesAfterPolls(1)).start();
		HttpTestClient http = new HttpTestClient(this.fake);
		String taskId = taskId(http.analyze("captioning", asyncBody("once")));
		for (int i = 0; i < 5; i++) {
			http.getTask(taskId);
		}
		awaitDeliveries(1);
		// A later second delivery would have been sent on the same pool: one more
		// automatic send proves it is not.
		String other = taskId(http.analyze("captioning", asyncBody("once")));
		http.getTask(other);
		assertThat(awaitDeliveries(2)).extracting(WebhookDelivery::taskId).containsExactlyInAnyOrder(taskId, other);
	}

	@Test
	void theFakeWideUrlTheAlgorithmAndTheSecretAreConfigurable() {
		this.fake = FakeCloudinaryAnalysisApi.builder()
			.webhookAlgorithm(WebhookAlgorithm.SHA256)
			.webhookSigningSecret("a-signing-secret")
			.start();
		assertThat(this.fake.webhookSigningSecret()).isEqualTo("a-signing-secret");
		this.fake.setNotificationUrl(this.receiver.url("console"));
		String taskId = this.fake.createTask(TaskLife.completesAfter(Duration.ZERO));
		WebhookReceiver.Received received = awaitReceived(1).get(0);
		assertThat(received.path()).isEqualTo("/hooks/console");
		assertThat(received.header("X-Cld-Signature")).hasSize(64)
			.isEqualTo(sign("SHA-256", received.body(), received.header("X-Cld-Timestamp"), "a-signing-secret"));
		assertThat(CONTRACT.validateSchema("AnalysisWebhookPayload", received.text())).isEmpty();
		JsonNode payload = HttpTestClient.JSON.readTree(received.body());
		assertThat(payload.path("task_id").asString()).isEqualTo(taskId);
		assertThat(payload.has("data")).as("a task not started by an analysis has no data").isFalse();
	}

	@Test
	void theSigningSecretDefaultsToTheApiSecret() {
		this.fake = FakeCloudinaryAnalysisApi.builder().apiSecret("the-api-secret").start();
		assertThat(this.fake.webhookSigningSecret()).isEqualTo("the-api-secret");
	}

	@Test
	void aTaskWithItsOwnUrlIsAlsoNotifiedAtTheFakeWideUrlAsCloudinaryDoes() {
		this.fake = FakeCloudinaryAnalysisApi.builder()
			.notificationUrl(this.receiver.url("console"))
			.defaultTaskLife(TaskLife.completesAfterPolls(1))
			.start();
		HttpTestClient http = new HttpTestClient(this.fake);
		http.getTask(taskId(http.analyze("captioning", asyncBody("task-url"))));
		List<WebhookReceiver.Received> received = awaitReceived(2);
		assertThat(received).extracting(WebhookReceiver.Received::path)
			.containsExactlyInAnyOrder("/hooks/task-url", "/hooks/console");
		assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
		assertThat(received.get(0).header("X-Cld-Signature")).isEqualTo(received.get(1).header("X-Cld-Signature"));
	}

	@Test
	void brokenVariantsForTestingTheReceiver() {
		this.fake = FakeCloudinaryAnalysisApi.builder().notificationUrl(this.receiver.url("v")).start();
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(100));
		String secret = this.fake.apiSecret();
		long now = Instant.now().getEpochSecond();

		WebhookDelivery tampered = this.fake.sendNotification(taskId, Webhook.tampered()).get(0);
		assertThat(tampered.signature())
			.isNotEqualTo(sign("SHA-1", tampered.bodyBytes(), tampered.timestamp(), secret));
		String genuineBody = tampered.body().replace("\"http_status\":500", "\"http_status\":200");
		assertThat(tampered.signature()).as("signed before the change")
			.isEqualTo(sign("SHA-1", genuineBody.getBytes(StandardCharsets.UTF_8), tampered.timestamp(), secret));

		WebhookDelivery wrongSecret = this.fake.sendNotification(taskId, Webhook.signedWith("guess")).get(0);
		assertThat(wrongSecret.signature())
			.isEqualTo(sign("SHA-1", wrongSecret.bodyBytes(), wrongSecret.timestamp(), "guess"));

		WebhookDelivery stale = this.fake.sendNotification(taskId, Webhook.stale(Duration.ofHours(3))).get(0);
		assertThat(Long.parseLong(stale.timestamp())).isCloseTo(now - 3 * 3600,
				org.assertj.core.data.Offset.offset(60L));
		assertThat(stale.signature()).isEqualTo(sign("SHA-1", stale.bodyBytes(), stale.timestamp(), secret));

		WebhookDelivery future = this.fake.sendNotification(taskId, Webhook.future(Duration.ofMinutes(10))).get(0);
		assertThat(Long.parseLong(future.timestamp())).isCloseTo(now + 600, org.assertj.core.data.Offset.offset(60L));
		assertThat(future.signature()).isEqualTo(sign("SHA-1", future.bodyBytes(), future.timestamp(), secret));

		WebhookDelivery oversized = this.fake.sendNotification(taskId, Webhook.oversized(2_000_000)).get(0);
		assertThat(oversized.bodyBytes().length).isBetween(2_000_000, 2_000_100);
		assertThat(oversized.signature())
			.isEqualTo(sign("SHA-1", oversized.bodyBytes(), oversized.timestamp(), secret));
		assertThat(CONTRACT.validateSchema("AnalysisWebhookPayload", oversized.body())).isEmpty();

		WebhookDelivery unsigned = this.fake.sendNotification(taskId, Webhook.withoutSignature()).get(0);
		WebhookDelivery untimed = this.fake.sendNotification(taskId, Webhook.withoutTimestamp()).get(0);
		WebhookDelivery text = this.fake.sendNotification(taskId, Webhook.genuine().withContentType("text/plain"))
			.get(0);

		List<WebhookReceiver.Received> received = this.receiver.received();
		assertThat(received).hasSize(8);
		assertThat(received.get(4).body()).hasSize(oversized.bodyBytes().length);
		assertThat(received.get(5).header("X-Cld-Signature")).isNull();
		assertThat(received.get(5).header("X-Cld-Timestamp")).isEqualTo(unsigned.timestamp());
		assertThat(received.get(6).header("X-Cld-Timestamp")).isNull();
		assertThat(received.get(6).header("X-Cld-Signature")).isEqualTo(untimed.signature());
		assertThat(received.get(7).header("Content-Type")).isEqualTo("text/plain");
		assertThat(text.contentType()).isEqualTo("text/plain");
		assertThat(this.fake.webhookDeliveries()).hasSize(8).allSatisfy((d) -> assertThat(d.status()).isEqualTo(200));
	}

	@Test
	void aReplayResendsTheSameBytesAndHeaders() {
		this.fake = FakeCloudinaryAnalysisApi.builder().notificationUrl(this.receiver.url("r")).start();
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(100));
		WebhookDelivery first = this.fake.sendNotification(taskId).get(0);
		WebhookDelivery replay = this.fake.replay(first);
		assertThat(replay.replay()).isTrue();
		List<WebhookReceiver.Received> received = this.receiver.received();
		assertThat(received).hasSize(2);
		assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
		assertThat(received.get(1).header("X-Cld-Timestamp")).isEqualTo(received.get(0).header("X-Cld-Timestamp"));
		assertThat(received.get(1).header("X-Cld-Signature")).isEqualTo(received.get(0).header("X-Cld-Signature"));
	}

	@Test
	void aGenuineNotificationSentByHandIsTheTasksOwnAndNotSentAgain() {
		this.fake = FakeCloudinaryAnalysisApi.builder()
			.notificationUrl(this.receiver.url("hand"))
			.defaultTaskLife(TaskLife.completesAfterPolls(1))
			.start();
		String byHand = this.fake.createTask(TaskLife.completesAfterPolls(1));
		this.fake.sendNotification(byHand);
		String automatic = this.fake.createTask(TaskLife.completesAfterPolls(1));
		HttpTestClient http = new HttpTestClient(this.fake);
		http.getTask(byHand);
		http.getTask(automatic);
		assertThat(awaitDeliveries(2)).extracting(WebhookDelivery::taskId).containsExactly(byHand, automatic);
	}

	@Test
	void eachDeliveryRecordsTheReceiversAnswerOrWhyThereWasNone() throws IOException {
		this.fake = FakeCloudinaryAnalysisApi.builder().notificationUrl(this.receiver.url("answer")).start();
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(100));
		this.receiver.answer(401);
		assertThat(this.fake.sendNotification(taskId, Webhook.tampered()).get(0).status()).isEqualTo(401);
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.fake.setNotificationUrl(URI.create("http://127.0.0.1:" + closedPort + "/nobody"));
		WebhookDelivery refused = this.fake.sendNotification(taskId).get(0);
		assertThat(refused.status()).isZero();
		assertThat(refused.failure()).contains("ConnectException");
		assertThat(this.fake.webhookDeliveries()).hasSize(2);
		this.fake.reset();
		assertThat(this.fake.webhookDeliveries()).isEmpty();
		assertThat(this.fake.notificationUrl()).as("kept by reset").isNotNull();
	}

	@Test
	void notificationUrlsMustBeAbsoluteHttpUrls() {
		this.fake = FakeCloudinaryAnalysisApi.builder().start();
		HttpTestClient http = new HttpTestClient(this.fake);
		assertThat(http
			.analyze("captioning",
					"{\"source\":{\"uri\":\"" + CAT + "\"},\"async\":true," + "\"notification_url\":\"/relative\"}")
			.statusCode()).isEqualTo(400);
		assertThat(http
			.analyze("captioning",
					"{\"source\":{\"uri\":\"" + CAT + "\"},\"async\":true,"
							+ "\"notification_url\":\"ftp://x.test/h\"}")
			.statusCode()).isEqualTo(400);
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.setNotificationUrl(URI.create("/relative")));
		String taskId = this.fake.createTask(TaskLife.completesAfterPolls(1));
		assertThatIllegalStateException().isThrownBy(() -> this.fake.sendNotification(taskId))
			.withMessageContaining("has no notification URL");
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.sendNotification("unknown"));
	}

	@Test
	void closingTheFakeEndsItsWebhookThreads() {
		this.fake = FakeCloudinaryAnalysisApi.builder()
			.notificationUrl(this.receiver.url("c"))
			.defaultTaskLife(TaskLife.completesAfter(Duration.ZERO))
			.start();
		String prefix = "fake-cloudinary-analysis-" + this.fake.port() + "-webhooks";
		this.fake.createTask(TaskLife.completesAfter(Duration.ZERO));
		awaitDeliveries(1);
		assertThat(threadsNamed(prefix)).isPositive();
		this.fake.close();
		await().atMost(DELIVERY).until(() -> threadsNamed(prefix) == 0);
	}

	private static long threadsNamed(String prefix) {
		return Thread.getAllStackTraces().keySet().stream().filter((t) -> t.getName().startsWith(prefix)).count();
	}

	private String asyncBody(String path) {
		return "{\"source\":{\"uri\":\"" + CAT + "\"},\"async\":true,\"notification_url\":\"" + this.receiver.url(path)
				+ "\"}";
	}

	private static String taskId(java.net.http.HttpResponse<String> accepted) {
		assertThat(accepted.statusCode()).isEqualTo(202);
		return HttpTestClient.json(accepted).path("data").path("task_id").asString();
	}

	private List<WebhookReceiver.Received> awaitReceived(int count) {
		await().atMost(DELIVERY).until(() -> this.receiver.received().size() >= count);
		return this.receiver.received();
	}

	private List<WebhookDelivery> awaitDeliveries(int count) {
		await().atMost(DELIVERY).until(() -> this.fake.webhookDeliveries().size() >= count);
		List<WebhookDelivery> deliveries = this.fake.webhookDeliveries();
		assertThat(deliveries).hasSize(count);
		return deliveries;
	}

	/** Cloudinary's signature, computed independently of the fake's code. */
	private static String sign(String algorithm, byte[] body, String timestamp, String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance(algorithm);
			digest.update(body);
			digest.update(timestamp.getBytes(StandardCharsets.UTF_8));
			digest.update(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
