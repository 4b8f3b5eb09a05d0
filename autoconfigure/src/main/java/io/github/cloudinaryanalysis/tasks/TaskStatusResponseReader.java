package io.github.cloudinaryanalysis.tasks;

import java.io.IOException;

import io.github.cloudinaryanalysis.http.BoundedBody;
import io.github.cloudinaryanalysis.http.ErrorResponseTranslator;
import io.github.cloudinaryanalysis.http.JsonFields;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Reads the answer to "get analysis task status": a {@link TaskStatusResponse} for a 2xx with the documented body,
 * an exception for everything else. Reads at most a fixed number of bytes, so a hostile body costs bounded memory.
 */
final class TaskStatusResponseReader {

	private final ErrorResponseTranslator translator;

	private final int maxResponseBytes;

	TaskStatusResponseReader(ErrorResponseTranslator translator, int maxResponseBytes) {
		this.translator = translator;
		this.maxResponseBytes = maxResponseBytes;
	}

	/**
	 * Read an answer and close it. An answer read to its end is closed normally, so its connection can be reused;
	 * any other (too long, or failed mid-body) is aborted without draining, because Spring's {@code close()}
	 * drains the rest of the body first, which for an endless body never ends.
	 */
	TaskStatusResponse read(String requestedTaskId, ClientHttpResponse response) throws IOException {
		boolean readToTheEnd = false;
		try {
			HttpStatusCode status = response.getStatusCode();
			BoundedBody body = BoundedBody.read(response.getBody(), this.maxResponseBytes);
			readToTheEnd = !body.truncated();
			return interpret(requestedTaskId, status, response, body);
		}
		finally {
			if (readToTheEnd) {
				response.close();
			}
			else {
				abort(response);
			}
		}
	}

	private static void abort(ClientHttpResponse response) {
		try {
			response.getBody().close();
		}
		catch (IOException | RuntimeException ex) {
			// Closing a broken or abandoned stream may fail; the connection is given up either way.
		}
	}

	private TaskStatusResponse interpret(String requestedTaskId, HttpStatusCode status, ClientHttpResponse response,
			BoundedBody body) throws IOException {
		if (!status.is2xxSuccessful()) {
			throw this.translator.translate(status, response.getHeaders(), body);
		}
		if (body.truncated()) {
			throw this.translator.unreadable(status, response.getHeaders(), body,
					"with a body larger than " + this.maxResponseBytes + " bytes, the most this client reads", null);
		}
		if (body.isEmpty()) {
			throw this.translator.unreadable(status, response.getHeaders(), body, "with an empty body", null);
		}
		JsonNode root = this.translator.parse(body);
		if (root == null) {
			throw this.translator.unreadable(status, response.getHeaders(), body, "with a body that is not JSON",
					null);
		}
		String requestId = this.translator.safeRequestId(JsonFields.text(root, "request_id"));
		JsonNode data = root.path("data");
		String taskStatus = JsonFields.text(data, "status");
		if (taskStatus == null) {
			throw this.translator.unreadable(status, response.getHeaders(), body,
					"without the task status (data.status)", requestId);
		}
		String taskId = JsonFields.text(data, "task_id");
		if (taskId != null && !TaskIds.isValid(taskId)) {
			// An id with CR, LF, NUL or a path character must reach no record, log line or header.
			throw this.translator.unreadable(status, response.getHeaders(), body,
					"with a task id (data.task_id) that is not a valid task id", requestId);
		}
		return new TaskStatusResponse((taskId != null) ? taskId : requestedTaskId,
				TaskStatus.fromApiValue(taskStatus), requestId);
	}

}
