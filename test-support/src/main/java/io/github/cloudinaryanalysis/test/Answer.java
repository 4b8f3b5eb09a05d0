package io.github.cloudinaryanalysis.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** An HTTP answer of the fake: status, content type, extra headers and body. */
record Answer(int status, @Nullable String contentType, Map<String, String> headers, byte[] body) {

	static final String JSON = "application/json";

	static Answer json(int status, byte[] body) {
		return new Answer(status, JSON, Map.of(), body);
	}

	static Answer error(int status, String category, String code, String message) {
		return json(status, JsonBodies.error(category, code, message, TaskIds.newRequestId(), null));
	}

	static Answer error(int status, String category, String code, String message, Map<String, String> details) {
		return json(status, JsonBodies.error(category, code, message, TaskIds.newRequestId(), details));
	}

	static Answer methodNotAllowed(String allowed) {
		return new Answer(405, "text/plain; charset=utf-8", Map.of("Allow", allowed),
				"Method Not Allowed".getBytes(StandardCharsets.UTF_8));
	}
}
