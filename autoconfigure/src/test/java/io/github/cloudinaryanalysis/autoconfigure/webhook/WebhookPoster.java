package io.github.cloudinaryanalysis.autoconfigure.webhook;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Posts notifications to an endpoint over loopback HTTP, signing them as Cloudinary does
 * (computed independently of the code under test, with plain JCA and {@link HexFormat}),
 * or not.
 */
final class WebhookPoster {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI url;

	WebhookPoster(URI url) {
		this.url = url;
	}

	static String sign(String jcaAlgorithm, byte[] body, String timestamp, String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance(jcaAlgorithm);
			digest.update(body);
			digest.update(timestamp.getBytes(StandardCharsets.US_ASCII));
			digest.update(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String now() {
		return Long.toString(Instant.now().getEpochSecond());
	}

	/** Posts a body signed with SHA-1, now, as {@code application/json}. */
	HttpResponse<String> postSigned(String body, String secret) throws Exception {
		String timestamp = now();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return post(bytes, "application/json", timestamp, sign("SHA-1", bytes, timestamp, secret), false);
	}

	/**
	 * Posts a body.
	 * @param body the body
	 * @param contentType the content type, or {@code null} for none
	 * @param timestamp the timestamp header, or {@code null} for none
	 * @param signature the signature header, or {@code null} for none
	 * @param chunked whether to send it chunked (no {@code Content-Length})
	 * @return the answer
	 */
	HttpResponse<String> post(byte[] body, @Nullable String contentType, @Nullable String timestamp,
			@Nullable String signature, boolean chunked) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url).timeout(Duration.ofSeconds(30));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (timestamp != null) {
			request.header("X-Cld-Timestamp", timestamp);
		}
		if (signature != null) {
			request.header("X-Cld-Signature", signature);
		}
		request.POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
				: HttpRequest.BodyPublishers.ofByteArray(body));
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
