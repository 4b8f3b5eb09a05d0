package io.github.cloudinaryanalysis.analyze;

import io.github.cloudinaryanalysis.http.RateLimitsJson;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the successful answers of {@code POST /analyze/{type}} from their parsed JSON:
 * the 200 body
 * ({@code {"data":{"entity","analysis"},"limits":{"items":[…]},"request_id"}}) into an
 * {@link AnalysisResult}, the 202 body
 * ({@code {"data":{"task_id","status"},"request_id"}}) into an {@link AnalysisTask}.
 * Unknown fields are ignored and unknown enum values read as their {@code UNRECOGNIZED}
 * (or {@code UNKNOWN}) constant; a field the contract requires that is missing is a
 * {@link MalformedAnswerException} naming its path.
 * <p>
 * {@link #data} reads the {@code {"entity","analysis"}} object alone, so that a webhook
 * notification's {@code data} (the same object) is read by the same code.
 */
final class AnalysisAnswers {

	private AnalysisAnswers() {
	}

	/**
	 * Read a 200 answer.
	 * @param <A> the operation's analysis type
	 * @param operation the operation that was called
	 * @param root the answer's root object
	 * @return the typed result
	 * @throws MalformedAnswerException when {@code data}, {@code data.analysis} or a
	 * required field is missing
	 */
	static <A> AnalysisResult<A> result(Operation<A> operation, JsonNode root) {
		Data<A> data = data(operation, AnalysisJson.requiredObject(root, "data", ""), "data");
		return new AnalysisResult<>(data.entity(), data.analysis(), RateLimitsJson.read(root),
				AnalysisJson.text(root, "request_id"));
	}

	/**
	 * Read the {@code {"entity","analysis"}} object of a 200 answer or a webhook
	 * notification.
	 * @param <A> the operation's analysis type
	 * @param operation the operation whose analysis it holds
	 * @param data the object
	 * @param path its JSON path, for error messages
	 * @return the entity and typed analysis
	 */
	static <A> Data<A> data(Operation<A> operation, JsonNode data, String path) {
		JsonNode analysis = AnalysisJson.requiredObject(data, "analysis", path);
		return new Data<>(AnalysisJson.text(data, "entity"),
				operation.read(analysis, AnalysisJson.path(path, "analysis")));
	}

	/**
	 * Read a 202 answer.
	 * @param root the answer's root object
	 * @return the task
	 * @throws MalformedAnswerException when {@code data.task_id} or {@code data.status}
	 * is missing
	 */
	static AnalysisTask task(JsonNode root) {
		JsonNode data = AnalysisJson.requiredObject(root, "data", "");
		String taskId = AnalysisJson.requiredText(data, "task_id", "data");
		if (taskId.isBlank()) {
			throw new MalformedAnswerException("with a blank data.task_id");
		}
		String status = AnalysisJson.requiredText(data, "status", "data");
		return new AnalysisTask(taskId, TaskStatus.fromApiValue(status), AnalysisJson.text(root, "request_id"));
	}

	/**
	 * The {@code data} object of a 200 answer or notification.
	 *
	 * @param <A> the analysis type
	 * @param entity what was analysed, if reported
	 * @param analysis the typed analysis
	 */
	record Data<A>(@Nullable String entity, A analysis) {

	}

}
