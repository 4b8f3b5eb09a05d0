package io.github.cloudinaryanalysis.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.webhook.AnalysisNotification;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /analyses/{taskId}}: the result of an asynchronous analysis, as its webhook
 * notification brought it (see {@link NotificationStore}); 404 until it has arrived. With
 * {@code ?type=captioning} (or another operation without parameters) the result is read
 * typed, exactly as the synchronous {@code analyze} reads it; without, it is the
 * notification's plain {@code data}.
 */
@RestController
class AnalysisResultController {

	private static final Source ANY_SOURCE = Source.uri(DemoTaskController.SAMPLE_IMAGE);

	private final NotificationStore notifications;

	AnalysisResultController(NotificationStore notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/analyses/{taskId}")
	ResponseEntity<?> result(@PathVariable String taskId,
			@RequestParam(name = "type", required = false) @Nullable String type) {
		AnalysisNotification notification = this.notifications.last(taskId).orElse(null);
		if (notification == null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No notification for task " + taskId + " has arrived (yet)");
			problem.setTitle("Analysis result not found");
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
		}
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("taskId", notification.taskId());
		body.put("requestId", notification.requestId());
		body.put("httpStatus", notification.httpStatus());
		body.put("succeeded", notification.succeeded());
		body.put("error", notification.error());
		body.put("result", (type != null) ? notification.result(kind(type)).orElse(null) : notification.data());
		return ResponseEntity.ok(body);
	}

	/**
	 * The kind of analysis to read the result as; only its operation matters.
	 * @param type the operation, as in {@code /analyze/{type}}
	 * @return the kind
	 */
	private static AnalysisRequest<?> kind(String type) {
		return switch (type) {
			case "captioning" -> AnalysisRequest.captioning(ANY_SOURCE);
			case "cld_fashion" -> AnalysisRequest.cldFashion(ANY_SOURCE);
			case "cld_text" -> AnalysisRequest.cldText(ANY_SOURCE);
			case "coco" -> AnalysisRequest.coco(ANY_SOURCE);
			case "google_logo_detection" -> AnalysisRequest.googleLogoDetection(ANY_SOURCE);
			case "google_tagging" -> AnalysisRequest.googleTagging(ANY_SOURCE);
			case "human_anatomy" -> AnalysisRequest.humanAnatomy(ANY_SOURCE);
			case "image_quality" -> AnalysisRequest.imageQuality(ANY_SOURCE);
			case "lvis" -> AnalysisRequest.lvis(ANY_SOURCE);
			case "shop_classifier" -> AnalysisRequest.shopClassifier(ANY_SOURCE);
			case "unidet" -> AnalysisRequest.unidet(ANY_SOURCE);
			case "watermark_detection" -> AnalysisRequest.watermarkDetection(ANY_SOURCE);
			default -> throw new IllegalArgumentException("type must be an analysis without parameters, such as"
					+ " captioning or coco, but was '" + type + "'");
		};
	}

}
