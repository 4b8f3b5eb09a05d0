package io.github.cloudinaryanalysis.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Receives Cloudinary's webhook notifications (Spring MVC): the handler of
 * {@code POST cloudinary.analysis.webhook.path}. In this order:
 * <ol>
 * <li>{@code 415} when the {@code Content-Type} is not JSON;</li>
 * <li>{@code 413} when the body is larger than the maximum size, judged from
 * {@code Content-Length} before reading and, for a chunked body, while reading: at most
 * the maximum plus one byte is ever read;</li>
 * <li>{@code 401} with an empty body when the {@link WebhookSignatureVerifier} finds the
 * signature or timestamp missing, wrong or out of the time window;</li>
 * <li>{@code 200} for a replay of a notification already accepted, which is not handed
 * over again;</li>
 * <li>{@code 400} when the verified body is not the payload;</li>
 * <li>{@code 200} otherwise: the notification goes to the internal receivers, then is
 * published as an {@link AnalysisNotification} application event.</li>
 * </ol>
 * The answer is {@code 200} once a notification is verified and published, whatever its
 * listeners do: a listener that throws is logged and counted, not retried by Cloudinary
 * (which retries any other answer). No answer or log line echoes the body, a signature or
 * the secret; 400, 413 and 415 carry a short problem detail, 401 nothing. Rejections are
 * logged at WARN at most once a minute per reason.
 */
public final class WebhookEndpoint implements HandlerFunction<ServerResponse> {

	/** The header with the notification's Unix time in seconds. */
	public static final String TIMESTAMP_HEADER = "X-Cld-Timestamp";

	/** The header with the notification's signature. */
	public static final String SIGNATURE_HEADER = "X-Cld-Signature";

	private static final Log logger = LogFactory.getLog(WebhookEndpoint.class);

	private final WebhookSignatureVerifier verifier;

	private final int maxBodyBytes;

	private final List<Consumer<AnalysisNotification>> receivers;

	private final ApplicationEventPublisher publisher;

	private final WebhookEndpointListener listener;

	private final RejectionLog rejections;

	/**
	 * Create the endpoint.
	 * @param verifier the verifier (holding the secret and the replay memory)
	 * @param maxBodySize the largest body read (1 byte to 2 GB)
	 * @param receivers called in order with each accepted notification, before it is
	 * published; one that throws is logged and counted and does not stop the others
	 * @param publisher the application's event publisher
	 * @param listener told each outcome, for metrics
	 */
	public WebhookEndpoint(WebhookSignatureVerifier verifier, DataSize maxBodySize,
			List<? extends Consumer<AnalysisNotification>> receivers, ApplicationEventPublisher publisher,
			WebhookEndpointListener listener) {
		this.verifier = Objects.requireNonNull(verifier, "verifier");
		long bytes = Objects.requireNonNull(maxBodySize, "maxBodySize").toBytes();
		if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("The maximum body size must be 1 byte to 2 GB, was " + maxBodySize);
		}
		this.maxBodyBytes = (int) bytes;
		this.receivers = List.copyOf(receivers);
		this.publisher = Objects.requireNonNull(publisher, "publisher");
		this.listener = Objects.requireNonNull(listener, "listener");
		this.rejections = new RejectionLog(RejectionLog.DEFAULT_INTERVAL, System::nanoTime);
	}

	@Override
	public ServerResponse handle(ServerRequest request) throws IOException {
		HttpServletRequest servlet = request.servletRequest();
		String sender = servlet.getRemoteAddr();
		if (!isJson(servlet.getContentType())) {
			return reject(Rejection.UNSUPPORTED_MEDIA_TYPE, null, sender, "A notification must be application/json.");
		}
		if (servlet.getContentLengthLong() > this.maxBodyBytes) {
			return reject(Rejection.TOO_LARGE, null, sender, tooLarge());
		}
		byte[] body;
		try (InputStream in = servlet.getInputStream()) {
			body = in.readNBytes(this.maxBodyBytes + 1);
		}
		if (body.length > this.maxBodyBytes) {
			return reject(Rejection.TOO_LARGE, null, sender, tooLarge());
		}
		NotificationOutcome outcome = this.verifier.verify(body, servlet.getHeader(TIMESTAMP_HEADER),
				servlet.getHeader(SIGNATURE_HEADER));
		return switch (outcome) {
			case ACCEPTED -> accept(body, sender);
			case REPLAYED -> {
				this.listener.onNotification(NotificationOutcome.REPLAYED);
				yield ServerResponse.ok().build();
			}
			case STALE -> reject(Rejection.STALE, null, sender, null);
			default -> reject(Rejection.BAD_SIGNATURE, null, sender, null);
		};
	}

	private ServerResponse accept(byte[] body, String sender) {
		AnalysisNotification notification;
		try {
			notification = AnalysisNotificationParser.parse(body);
		}
		catch (MalformedNotificationException ex) {
			// The parser's message names the field at fault, never a value of the body.
			return reject(Rejection.MALFORMED, ex.getMessage(), sender, ex.getMessage());
		}
		this.listener.onNotification(NotificationOutcome.ACCEPTED);
		for (Consumer<AnalysisNotification> receiver : this.receivers) {
			try {
				receiver.accept(notification);
			}
			catch (RuntimeException ex) {
				listenerFailed(notification, ex);
			}
		}
		try {
			this.publisher.publishEvent(notification);
		}
		catch (RuntimeException ex) {
			listenerFailed(notification, ex);
		}
		return ServerResponse.ok().build();
	}

	private void listenerFailed(AnalysisNotification notification, RuntimeException failure) {
		this.listener.onListenerFailure(notification, failure);
		logger.error("A listener of the Cloudinary Analysis notification of task " + notification.taskId()
				+ " failed; the notification was answered 200 and will not be delivered again", failure);
	}

	private ServerResponse reject(Rejection rejection, @Nullable String logDetail, String sender,
			@Nullable String problemDetail) {
		this.listener.onNotification(rejection.outcome());
		this.rejections.rejected(rejection, logDetail, sender);
		ServerResponse.BodyBuilder answer = ServerResponse.status(rejection.status());
		if (rejection == Rejection.TOO_LARGE) {
			// The rest of the body is not read: end the connection rather than drain it.
			answer.header(HttpHeaders.CONNECTION, "close");
		}
		if (problemDetail == null) {
			return answer.build();
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", rejection.status().getReasonPhrase());
		problem.put("status", rejection.status().value());
		problem.put("detail", problemDetail);
		return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(JsonMapper.shared().writeValueAsString(problem));
	}

	private String tooLarge() {
		return "A notification must not be larger than " + DataSize.ofBytes(this.maxBodyBytes) + ".";
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return (MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardSubtype())
					|| ("application".equals(type.getType()) && "json".equals(type.getSubtypeSuffix()));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** Describes the endpoint without its secret. */
	@Override
	public String toString() {
		return "WebhookEndpoint[" + this.verifier + ", maxBodySize=" + DataSize.ofBytes(this.maxBodyBytes)
				+ ", receivers=" + this.receivers.size() + "]";
	}

}
