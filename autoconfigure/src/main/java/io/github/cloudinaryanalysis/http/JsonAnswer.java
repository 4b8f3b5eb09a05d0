package io.github.cloudinaryanalysis.http;

import java.util.function.Supplier;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * A successful answer of the Analysis API whose body is a JSON object, as an operation's
 * client interprets it (see {@link AnalysisConnection#read}): its fields, read leniently,
 * and the means to reject it with an exception that quotes the body with the secret
 * masked.
 */
public final class JsonAnswer {

	private final HttpStatusCode status;

	private final Supplier<HttpHeaders> headers;

	private final BoundedBody body;

	private final JsonNode root;

	private final ErrorResponseTranslator translator;

	JsonAnswer(HttpStatusCode status, Supplier<HttpHeaders> headers, BoundedBody body, JsonNode root,
			ErrorResponseTranslator translator) {
		this.status = status;
		this.headers = headers;
		this.body = body;
		this.root = root;
		this.translator = translator;
	}

	/**
	 * Return the answer's status, a 2xx.
	 * @return the status
	 */
	public HttpStatusCode status() {
		return this.status;
	}

	/**
	 * Return the root object.
	 * @return the root
	 */
	public JsonNode root() {
		return this.root;
	}

	/**
	 * Return a text field; a missing field, or one of another type, is {@code null}, so
	 * that the caller decides what is required.
	 * @param node the object to read from (any node; a non-object has no fields)
	 * @param field the field name
	 * @return the text, or {@code null}
	 */
	public @Nullable String text(JsonNode node, String field) {
		return JsonFields.text(node, field);
	}

	/**
	 * Return the answer's request id ({@code request_id}), safe to store, log or send:
	 * credentials masked, control characters removed, length bounded.
	 * @return the id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.translator.safeRequestId(JsonFields.text(this.root, "request_id"));
	}

	/**
	 * Create the exception for an answer whose body cannot be used.
	 * @param problem what is wrong with the body, e.g.
	 * {@code "without the task status (data.status)"}
	 * @return the exception to throw
	 */
	public CloudinaryAnalysisException unreadable(String problem) {
		return this.translator.unreadable(this.status, this.headers.get(), this.body, problem, requestId());
	}

}
