package io.github.cloudinaryanalysis.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the fake's webhook notifications as Cloudinary does: a {@code POST} of a
 * contract-valid {@code AnalysisWebhookPayload} with {@code X-Cld-Timestamp} (Unix
 * seconds, by the fake's clock) and {@code X-Cld-Signature} (lowercase hex of
 * {@code digest(body + timestamp + secret)}), to the task's {@code notification_url} and
 * to the fake-wide URL (Cloudinary's console setting), each once. Every delivery and the
 * receiver's answer are recorded. Uses {@link HttpURLConnection}, which starts no threads
 * of its own; redirects are not followed.
 */
final class WebhookSender {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Generous: a receiver under test may be slow on a loaded machine, but must not hang
	 * a test forever.
	 */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	private final Clock clock;

	private final FakeState state;

	private final WebhookAlgorithm algorithm;

	private final byte[] secret;

	private volatile @Nullable URI notificationUrl;

	private volatile @Nullable ScheduledExecutorService executor;

	WebhookSender(Clock clock, FakeState state, WebhookAlgorithm algorithm, String secret,
			@Nullable URI notificationUrl) {
		this.clock = clock;
		this.state = state;
		this.algorithm = algorithm;
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		this.notificationUrl = notificationUrl;
	}

	void notificationUrl(@Nullable URI url) {
		this.notificationUrl = url;
	}

	@Nullable URI notificationUrl() {
		return this.notificationUrl;
	}

	/**
	 * The threads that send automatic notifications: given at start, taken away at close.
	 * @param executor the executor
	 */
	void executor(@Nullable ScheduledExecutorService executor) {
		this.executor = executor;
	}

	/**
	 * A task was created: one that ends by the clock gets its notification then, polled
	 * or not.
	 * @param task the task
	 */
	void taskCreated(FakeTask task) {
		Duration after = task.life().endsUnpolledAfter();
		ScheduledExecutorService pool = this.executor;
		if (after == null || pool == null) {
			return;
		}
		try {
			pool.schedule(() -> {
				String status = task.statusNow(this.clock.instant());
				// With a test clock that has not moved, the task has not ended yet: a
				// later poll sends it.
				if (TaskLife.isFinal(status)) {
					taskEnded(task, status);
				}
			}, Math.max(0, after.toNanos()), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// The fake is closing.
		}
	}

	/**
	 * A poll (or the clock) saw the task end: send its notification, once per task, off
	 * the caller's thread.
	 * @param task the task
	 * @param status the status
	 */
	void taskEnded(FakeTask task, String status) {
		ScheduledExecutorService pool = this.executor;
		if (pool == null || targets(task).isEmpty() || !task.claimNotification()) {
			return;
		}
		try {
			pool.execute(() -> send(task, TaskLife.FAILED.equals(status), Webhook.genuine()));
		}
		catch (RejectedExecutionException ex) {
			// The fake is closing.
		}
	}

	/**
	 * Send now, on the caller's thread, to every target of the task.
	 * @param task the task
	 * @param failed the failed
	 * @param variant the variant
	 * @return the deliveries made, one per target
	 */
	List<WebhookDelivery> send(FakeTask task, boolean failed, Webhook variant) {
		Set<URI> targets = targets(task);
		List<WebhookDelivery> sent = new ArrayList<>(targets.size());
		if (targets.isEmpty()) {
			return sent;
		}
		FakeTask.Analysis analysis = task.analysis();
		Instant now = this.clock.instant();
		String feature = (analysis != null) ? AnalysisTypes.feature(analysis.type()) : "";
		ObjectNode payload = JsonBodies.notification(task.id(),
				(analysis != null) ? analysis.requestId() : TaskIds.newRequestId(), failed, analysis,
				this.state.featureUsed(feature), FakeRequestHandler.FEATURE_LIMIT,
				now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
		if (variant.kind() == Webhook.Kind.OVERSIZED) {
			int size = JsonBodies.MAPPER.writeValueAsBytes(payload).length;
			payload.put("padding",
					"x".repeat(Math.max(0, variant.minimumBytes() - size - "\"padding\":\"\",".length())));
		}
		byte[] signed = JsonBodies.MAPPER.writeValueAsBytes(payload);
		String timestamp = Long.toString(switch (variant.kind()) {
			case STALE -> now.minus(variant.shift()).getEpochSecond();
			case FUTURE -> now.plus(variant.shift()).getEpochSecond();
			default -> now.getEpochSecond();
		});
		String otherSecret = variant.otherSecret();
		String signature = sign(signed, timestamp,
				(otherSecret != null) ? otherSecret.getBytes(StandardCharsets.UTF_8) : this.secret);
		byte[] body = signed;
		if (variant.kind() == Webhook.Kind.TAMPERED) {
			payload.put("http_status", failed ? 200 : 500);
			body = JsonBodies.MAPPER.writeValueAsBytes(payload);
		}
		for (URI target : targets) {
			sent.add(post(task.id(), target, variant, false, variant.contentType(),
					(variant.kind() == Webhook.Kind.NO_TIMESTAMP) ? null : timestamp,
					(variant.kind() == Webhook.Kind.NO_SIGNATURE) ? null : signature, body));
		}
		return sent;
	}

	/**
	 * Send an earlier delivery again, byte for byte and header for header.
	 * @param earlier the earlier
	 * @return the new delivery
	 */
	WebhookDelivery replay(WebhookDelivery earlier) {
		return post(earlier.taskId(), earlier.url(), earlier.variant(), true, earlier.contentType(),
				earlier.timestamp(), earlier.signature(), earlier.rawBody());
	}

	private Set<URI> targets(FakeTask task) {
		Set<URI> targets = new LinkedHashSet<>();
		FakeTask.Analysis analysis = task.analysis();
		if (analysis != null && analysis.notificationUrl() != null) {
			targets.add(analysis.notificationUrl());
		}
		URI console = this.notificationUrl;
		if (console != null) {
			targets.add(console);
		}
		return targets;
	}

	private String sign(byte[] body, String timestamp, byte[] secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance(this.algorithm.jcaName());
			digest.update(body);
			digest.update(timestamp.getBytes(StandardCharsets.US_ASCII));
			digest.update(secret);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private WebhookDelivery post(String taskId, URI url, Webhook variant, boolean replay, String contentType,
			@Nullable String timestamp, @Nullable String signature, byte[] body) {
		Instant sentAt = this.clock.instant();
		int status = 0;
		String failure = null;
		HttpURLConnection connection = null;
		try {
			connection = (HttpURLConnection) url.toURL().openConnection();
			connection.setRequestMethod("POST");
			connection.setInstanceFollowRedirects(false);
			connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
			connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
			connection.setDoOutput(true);
			connection.setFixedLengthStreamingMode(body.length);
			connection.setRequestProperty("Content-Type", contentType);
			if (timestamp != null) {
				connection.setRequestProperty("X-Cld-Timestamp", timestamp);
			}
			if (signature != null) {
				connection.setRequestProperty("X-Cld-Signature", signature);
			}
			try (OutputStream out = connection.getOutputStream()) {
				out.write(body);
			}
			catch (IOException ex) {
				// A receiver may answer (413) and close before reading an oversized body:
				// its answer still counts.
				failure = ex.toString();
			}
			status = connection.getResponseCode();
			failure = null;
			drain(connection);
		}
		catch (IOException | RuntimeException ex) {
			status = 0;
			if (failure == null) {
				failure = ex.toString();
			}
		}
		finally {
			if (connection != null && status == 0) {
				connection.disconnect();
			}
		}
		WebhookDelivery delivery = new WebhookDelivery(taskId, url, variant, replay, contentType, timestamp, signature,
				body, sentAt, status, failure);
		this.state.recordDelivery(delivery);
		return delivery;
	}

	/**
	 * Read the answer's body, so the connection can be kept alive.
	 * @param connection the connection
	 */
	private static void drain(HttpURLConnection connection) {
		try (InputStream in = (connection.getResponseCode() >= 400) ? connection.getErrorStream()
				: connection.getInputStream()) {
			if (in != null) {
				in.transferTo(OutputStream.nullOutputStream());
			}
		}
		catch (IOException ex) {
			// The answer's status was read; its body does not matter.
		}
	}

}
