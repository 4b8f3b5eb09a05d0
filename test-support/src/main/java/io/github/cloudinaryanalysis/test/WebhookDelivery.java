package io.github.cloudinaryanalysis.test;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One webhook notification the fake sent, and the answer it got. Immutable.
 * {@link #toString()} leaves the body and signature out.
 */
public final class WebhookDelivery {

	private final String taskId;

	private final URI url;

	private final Webhook variant;

	private final boolean replay;

	private final String contentType;

	private final @Nullable String timestamp;

	private final @Nullable String signature;

	private final byte[] body;

	private final Instant sentAt;

	private final int status;

	private final @Nullable String failure;

	WebhookDelivery(String taskId, URI url, Webhook variant, boolean replay, String contentType,
			@Nullable String timestamp, @Nullable String signature, byte[] body, Instant sentAt, int status,
			@Nullable String failure) {
		this.taskId = Objects.requireNonNull(taskId, "taskId");
		this.url = Objects.requireNonNull(url, "url");
		this.variant = Objects.requireNonNull(variant, "variant");
		this.replay = replay;
		this.contentType = contentType;
		this.timestamp = timestamp;
		this.signature = signature;
		this.body = body;
		this.sentAt = sentAt;
		this.status = status;
		this.failure = failure;
	}

	/**
	 * The task the notification is about.
	 * @return the task id
	 */
	public String taskId() {
		return this.taskId;
	}

	/**
	 * Where it was sent.
	 * @return the notification URL
	 */
	public URI url() {
		return this.url;
	}

	/**
	 * How it was made.
	 * @return the variant, {@link Webhook#genuine()} for the fake's own notifications
	 */
	public Webhook variant() {
		return this.variant;
	}

	/**
	 * Whether this was a {@linkplain FakeCloudinaryAnalysisApi#replay(WebhookDelivery)
	 * replay} of an earlier delivery.
	 * @return {@code true} for a replay
	 */
	public boolean replay() {
		return this.replay;
	}

	/**
	 * The {@code Content-Type} sent.
	 * @return the content type
	 */
	public String contentType() {
		return this.contentType;
	}

	/**
	 * The {@code X-Cld-Timestamp} header sent.
	 * @return the Unix seconds as text, or {@code null} when none was sent
	 */
	public @Nullable String timestamp() {
		return this.timestamp;
	}

	/**
	 * The {@code X-Cld-Signature} header sent.
	 * @return lowercase hex, or {@code null} when none was sent
	 */
	public @Nullable String signature() {
		return this.signature;
	}

	/**
	 * The body sent, as UTF-8 text.
	 * @return the JSON body
	 */
	public String body() {
		return new String(this.body, java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * The body sent, as bytes (what was signed, unless {@linkplain Webhook#tampered()
	 * tampered}).
	 * @return a copy of the body
	 */
	public byte[] bodyBytes() {
		return this.body.clone();
	}

	byte[] rawBody() {
		return this.body;
	}

	/**
	 * When it was sent, by the fake's clock.
	 * @return the time
	 */
	public Instant sentAt() {
		return this.sentAt;
	}

	/**
	 * The HTTP status the receiver answered.
	 * @return the status, or 0 when no answer was read (see {@link #failure()})
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Why no answer was read, if so.
	 * @return e.g. {@code java.net.ConnectException: Connection refused}, or {@code null}
	 * when answered
	 */
	public @Nullable String failure() {
		return this.failure;
	}

	@Override
	public String toString() {
		return "WebhookDelivery[taskId=" + this.taskId + ", url=" + this.url + ", variant=" + this.variant
				+ (this.replay ? ", replay" : "") + ", bytes=" + this.body.length + ", status=" + this.status
				+ ((this.failure != null) ? ", failure=" + this.failure : "") + "]";
	}

}
