package io.github.cloudinaryanalysis.test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes every JSON body the fake sends with Jackson, never by string concatenation, so
 * that task ids, cloud names and messages are always escaped.
 */
final class JsonBodies {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JsonBodies() {
	}

	/**
	 * The 200 answer of {@code GET /tasks/{task_id}}. Besides the documented
	 * {@code data.task_id}, {@code data.status} and {@code request_id}, the body echoes
	 * {@code data.status} as a top-level {@code status}: the contract's
	 * {@code GetTaskStatusResponse} schema says {@code required: [status]} at the top
	 * level although the status lives under {@code data}, so the documented body alone
	 * fails a strict validator. Clients ignore the unknown field.
	 * @param taskId the task id
	 * @param status the status
	 * @param requestId the request id to answer with
	 * @return the 200 answer of {@code GET /tasks/{task_id}}
	 */
	static byte[] taskStatus(String taskId, String status, String requestId) {
		ObjectNode body = MAPPER.createObjectNode();
		ObjectNode data = body.putObject("data");
		data.put("task_id", taskId);
		data.put("status", status);
		body.put("status", status);
		body.put("request_id", requestId);
		return MAPPER.writeValueAsBytes(body);
	}

	/**
	 * The 202 answer of {@code POST /analyze/{type}} with {@code "async": true}.
	 * @param taskId the task id
	 * @param requestId the request id to answer with
	 * @return the 202 answer of {@code POST /analyze/{type}} with {@code "async": true}
	 */
	static byte[] accepted(String taskId, String requestId) {
		ObjectNode body = MAPPER.createObjectNode();
		ObjectNode data = body.putObject("data");
		data.put("task_id", taskId);
		data.put("status", TaskLife.PENDING);
		body.put("request_id", requestId);
		return MAPPER.writeValueAsBytes(body);
	}

	/**
	 * The 200 answer of a synchronous {@code POST /analyze/{type}}: {@code data.entity}
	 * and {@code data.analysis}, the quota of the analysis' feature in
	 * {@code limits.items}, and {@code request_id}.
	 * @param entity the entity
	 * @param analysis the analysis
	 * @param feature the feature
	 * @param used the used
	 * @param limit the limit
	 * @param resetTime the reset time
	 * @param requestId the request id to answer with
	 * @return the 200 answer of a synchronous {@code POST /analyze/{type}}
	 */
	static byte[] analysisResult(String entity, JsonNode analysis, String feature, long used, long limit,
			Instant resetTime, String requestId) {
		return MAPPER
			.writeValueAsBytes(analysisResultNode(entity, analysis, feature, used, limit, resetTime, requestId));
	}

	static ObjectNode analysisResultNode(String entity, JsonNode analysis, String feature, long used, long limit,
			Instant resetTime, String requestId) {
		ObjectNode body = MAPPER.createObjectNode();
		ObjectNode data = body.putObject("data");
		data.put("entity", entity);
		data.set("analysis", analysis);
		ObjectNode item = body.putObject("limits").putArray("items").addObject();
		item.put("type", feature);
		item.put("used_by_request", 1);
		item.put("remaining", Math.max(0, limit - used));
		item.put("limit", limit);
		item.put("reset_time", DateTimeFormatter.ISO_INSTANT.format(resetTime.truncatedTo(ChronoUnit.SECONDS)));
		body.put("request_id", requestId);
		return body;
	}

	/**
	 * A webhook notification, the contract's {@code AnalysisWebhookPayload}: a completed
	 * task's carries the {@code {"entity","analysis"}} object of the synchronous answer
	 * as {@code data} (none when the task was not started by an analysis) and its
	 * feature's quota; a failed one carries {@code http_status} 500 and an {@code error}.
	 * @param taskId the task id
	 * @param requestId the request id to answer with
	 * @param failed the failed
	 * @param analysis the analysis
	 * @param used the used
	 * @param limit the limit
	 * @param resetTime the reset time
	 * @return a webhook notification, the contract's {@code AnalysisWebhookPayload}
	 */
	static ObjectNode notification(String taskId, String requestId, boolean failed,
			FakeTask.@Nullable Analysis analysis, long used, long limit, Instant resetTime) {
		ObjectNode body = MAPPER.createObjectNode();
		body.put("notification_type", "analyze");
		body.put("operation_name", "analyze");
		body.put("operation_type", "single");
		body.put("request_id", requestId);
		body.put("task_id", taskId);
		if (failed) {
			body.put("http_status", 500);
			ObjectNode error = body.putObject("error");
			error.put("category", "server_error");
			error.put("code", ErrorCodes.SERVER_ERROR);
			error.put("message", "The analysis failed (fake)");
			error.put("request_id", requestId);
			return body;
		}
		body.put("http_status", 200);
		if (analysis != null) {
			ObjectNode data = body.putObject("data");
			data.put("entity", analysis.entity());
			data.set("analysis", analysis.analysisNode());
			ObjectNode item = body.putObject("limits").putArray("items").addObject();
			item.put("type", AnalysisTypes.feature(analysis.type()));
			item.put("used_by_request", 1);
			item.put("remaining", Math.max(0, limit - used));
			item.put("limit", limit);
			item.put("reset_time", DateTimeFormatter.ISO_INSTANT.format(resetTime.truncatedTo(ChronoUnit.SECONDS)));
		}
		return body;
	}

	/**
	 * The contract's {@code ErrorResponse}.
	 * @param category the category
	 * @param code the code
	 * @param message the message
	 * @param requestId the request id to answer with
	 * @param details the details
	 * @return the contract's {@code ErrorResponse}
	 */
	static byte[] error(String category, String code, String message, String requestId,
			@Nullable Map<String, String> details) {
		return MAPPER.writeValueAsBytes(errorNode(category, code, message, requestId, details));
	}

	/**
	 * The contract's {@code RateLimitedResponse}: an ErrorResponse plus {@code limits}.
	 * @param resetTime the reset time
	 * @param requestId the request id to answer with
	 * @return the contract's {@code RateLimitedResponse}
	 */
	static byte[] rateLimited(Instant resetTime, String requestId) {
		ObjectNode body = errorNode("rate_limit_error", ErrorCodes.RATE_LIMITED, "Rate limit exceeded (fake)",
				requestId, null);
		ArrayNode items = body.putObject("limits").putArray("items");
		ObjectNode item = items.addObject();
		item.put("type", "ai_vision");
		item.put("used_by_request", 1);
		item.put("remaining", 0);
		item.put("limit", 10000);
		item.put("reset_time", DateTimeFormatter.ISO_INSTANT.format(resetTime.truncatedTo(ChronoUnit.SECONDS)));
		return MAPPER.writeValueAsBytes(body);
	}

	private static ObjectNode errorNode(String category, String code, String message, String requestId,
			@Nullable Map<String, String> details) {
		ObjectNode body = MAPPER.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("category", category);
		error.put("code", code);
		error.put("message", message);
		if (details != null && !details.isEmpty()) {
			ObjectNode detailsNode = error.putObject("details");
			details.forEach(detailsNode::put);
		}
		error.put("request_id", requestId);
		return body;
	}

}
