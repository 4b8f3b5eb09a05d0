package io.github.cloudinaryanalysis.http;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Gives up an answer's connection without draining its body, for each of Spring's request
 * factories.
 * <p>
 * Spring's responses drain the rest of the body on {@code close()}, and for Apache
 * HttpClient and {@code HttpURLConnection} so does closing the body stream; Spring offers
 * no abort. So the underlying client's own abort is reached where Spring keeps it: Apache
 * HttpClient's request is cancelled (its connection is closed at once), Jetty's response
 * is aborted, {@code HttpURLConnection} is disconnected. Then the body stream is closed,
 * which on its own aborts the JDK {@code HttpClient} and Reactor Netty exchanges. A field
 * that a later Spring version renames is skipped, and the body stream is still closed.
 */
final class ConnectionAborts {

	private static final String SPRING = "org.springframework.http.client.";

	private static final Map<String, @Nullable Field> FIELDS = new ConcurrentHashMap<>();

	private ConnectionAborts() {
	}

	static void abort(ClientHttpRequest request, ClientHttpResponse response) {
		try {
			String responseType = response.getClass().getName();
			if (responseType.equals(SPRING + "HttpComponentsClientHttpResponse")) {
				// HttpUriRequestBase.cancel(): closes the connection of this exchange at
				// once
				invoke(field(request, "httpRequest"), "cancel");
			}
			else if (responseType.equals(SPRING + "JettyClientHttpResponse")) {
				// Response.abort(Throwable), and the request's too: either may be the one
				// Jetty still listens to
				abortJetty(field(response, "response"));
				abortJetty(field(request, "request"));
			}
			else if (responseType.equals(SPRING + "SimpleClientHttpResponse")
					&& field(response, "connection") instanceof HttpURLConnection connection) {
				connection.disconnect();
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// No abort of the client's own: closing the body stream below is all there
			// is.
		}
		try {
			response.getBody().close();
		}
		catch (IOException | RuntimeException ex) {
			// Closing a broken or aborted stream may fail; the connection is given up
			// either way.
		}
	}

	private static void abortJetty(@Nullable Object exchangePart) throws ReflectiveOperationException {
		if (exchangePart != null) {
			exchangePart.getClass()
				.getMethod("abort", Throwable.class)
				.invoke(exchangePart, new IOException("answer given up"));
		}
	}

	private static void invoke(@Nullable Object target, String method) throws ReflectiveOperationException {
		if (target != null) {
			Method cancel = target.getClass().getMethod(method);
			cancel.invoke(target);
		}
	}

	private static @Nullable Object field(Object owner, String name) throws IllegalAccessException {
		Field field = FIELDS.computeIfAbsent(owner.getClass().getName() + "#" + name, (key) -> find(owner, name));
		return (field != null) ? field.get(owner) : null;
	}

	private static @Nullable Field find(Object owner, String name) {
		try {
			Field field = owner.getClass().getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

}
