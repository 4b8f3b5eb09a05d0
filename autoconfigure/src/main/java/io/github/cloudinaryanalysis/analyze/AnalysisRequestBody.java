package io.github.cloudinaryanalysis.analyze;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the JSON body of {@code POST /analyze/{type}} with the client's own mapper
 * (Jackson's shared default {@code JsonMapper}, which no application setting reaches), so
 * that the application's Jackson settings cannot change the wire format: {@code source},
 * the operation's own fields, and for an asynchronous start {@code "async": true} and
 * {@code notification_url} (when set). A synchronous analysis sends neither:
 * {@code async} defaults to {@code false}, and the contract says the notification URL is
 * only relevant when {@code async} is true.
 */
final class AnalysisRequestBody {

	private AnalysisRequestBody() {
	}

	/**
	 * The body of a synchronous analysis.
	 * @param request the request
	 * @return the UTF-8 JSON bytes
	 */
	static byte[] sync(AnalysisRequest<?> request) {
		return JsonMapper.shared().writeValueAsBytes(node(request, false));
	}

	/**
	 * The body of an asynchronous start.
	 * @param request the request
	 * @return the UTF-8 JSON bytes
	 */
	static byte[] async(AnalysisRequest<?> request) {
		return JsonMapper.shared().writeValueAsBytes(node(request, true));
	}

	static ObjectNode node(AnalysisRequest<?> request, boolean async) {
		ObjectNode body = JsonMapper.shared().createObjectNode();
		ObjectNode source = body.putObject("source");
		Source requested = request.source();
		if (requested.uri() != null) {
			source.put("uri", requested.uri());
		}
		else {
			source.put("asset_id", requested.assetId());
		}
		for (Map.Entry<String, List<?>> parameter : request.parameters().entrySet()) {
			ArrayNode items = body.putArray(parameter.getKey());
			for (Object item : parameter.getValue()) {
				if (item instanceof TagDefinition tag) {
					items.addObject().put("name", tag.name()).put("description", tag.description());
				}
				else {
					items.add((String) item);
				}
			}
		}
		if (async) {
			body.put("async", true);
			if (request.notificationUrl() != null) {
				body.put("notification_url", request.notificationUrl().toString());
			}
		}
		return body;
	}

}
