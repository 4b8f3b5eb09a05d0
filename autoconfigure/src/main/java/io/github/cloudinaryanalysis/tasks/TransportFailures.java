package io.github.cloudinaryanalysis.tasks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import io.github.cloudinaryanalysis.CloudinaryAnalysisUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.ResourceAccessException;

/**
 * Turns Spring's {@link ResourceAccessException}
 * ({@code I/O error on GET request for "…": null}) into a
 * {@link CloudinaryAnalysisUnavailableException} whose message names the cause and the
 * API's host and port, and nothing of the path (which holds the cloud name and task id).
 */
final class TransportFailures {

	/**
	 * The URL in Spring's message:
	 * {@code I/O error on GET request for "https://host/…": …}.
	 */
	private static final Pattern URL_IN_MESSAGE = Pattern.compile("request for \"([^\"]+)\"");

	private TransportFailures() {
	}

	static CloudinaryAnalysisUnavailableException translate(ResourceAccessException failure) {
		if (failure instanceof CloudinaryAnalysisUnavailableException already) {
			return already;
		}
		IOException cause = (failure.getCause() instanceof IOException io) ? io : null;
		boolean timeout = RetryReason.of(failure) == RetryReason.TIMEOUT;
		String message = "Cloudinary Analysis API unavailable: " + describe(cause, timeout) + " "
				+ hostAndPort(failure.getMessage());
		CloudinaryAnalysisUnavailableException translated = new CloudinaryAnalysisUnavailableException(message, cause,
				timeout);
		if (cause == null && failure.getCause() != null) {
			translated.initCause(failure.getCause());
		}
		return translated;
	}

	private static String describe(@Nullable IOException cause, boolean timeout) {
		if (cause instanceof HttpConnectTimeoutException || (timeout && cause != null
				&& String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("connect"))) {
			return "connect timeout to";
		}
		if (timeout) {
			return "no complete answer within the read timeout from";
		}
		if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
			return "connection refused to";
		}
		if (cause instanceof UnknownHostException) {
			return "unknown host";
		}
		if (cause instanceof SSLException) {
			return "TLS failure with";
		}
		if (cause instanceof SocketException || cause instanceof ClosedChannelException) {
			return "connection reset or closed by";
		}
		if (cause != null && cause.getMessage() != null
				&& cause.getMessage().toLowerCase(Locale.ROOT).contains("reset")) {
			return "connection reset by";
		}
		return "I/O failure (" + ((cause != null) ? cause.getClass().getSimpleName() : "unknown cause") + ") with";
	}

	private static String hostAndPort(@Nullable String springMessage) {
		if (springMessage != null) {
			Matcher matcher = URL_IN_MESSAGE.matcher(springMessage);
			if (matcher.find()) {
				try {
					URI uri = URI.create(matcher.group(1));
					if (uri.getHost() != null) {
						int port = (uri.getPort() != -1) ? uri.getPort() : ("http".equals(uri.getScheme()) ? 80 : 443);
						return "api " + uri.getHost() + ":" + port;
					}
				}
				catch (IllegalArgumentException ex) {
					// fall through: no host to name
				}
			}
		}
		return "the API";
	}

}
