package io.github.cloudinaryanalysis.sample;

import java.net.URI;
import java.util.Map;

import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalysisResult;
import io.github.cloudinaryanalysis.analyze.AnalysisTask;
import io.github.cloudinaryanalysis.analyze.AnalyzeClient;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The code a user typically writes to start an analysis: inject {@link AnalyzeClient} and
 * call it. The same code runs against the embedded fake and the real API.
 * <ul>
 * <li>{@code POST /analyses/{type}} with {@code {"uri":"https://..."}} (or
 * {@code {"assetId":"..."}}): the analysis, synchronously; 200 with the typed
 * {@link AnalysisResult}.</li>
 * <li>{@code POST /analyses/{type}?async=true}: starts the analysis; 202 with the task
 * and its status URL ({@code GET /tasks/{id}}) in {@code Location} and
 * {@code links.task}.</li>
 * </ul>
 * The type is the API's path segment, such as {@code captioning} or
 * {@code ai_vision_general}; an unknown one is a 404, an invalid body a 400 (both problem
 * details).
 */
@RestController
class AnalysisController {

	private final AnalyzeClient analyzer;

	AnalysisController(AnalyzeClient analyzer) {
		this.analyzer = analyzer;
	}

	@PostMapping("/analyses/{type}")
	ResponseEntity<?> analyze(@PathVariable String type, @RequestParam(defaultValue = "false") boolean async,
			@RequestBody AnalysisBody body) {
		AnalysisRequest<?> request = AnalysisTypes.request(type, body);
		if (!async) {
			return ResponseEntity.ok(this.analyzer.analyze(request));
		}
		AnalysisTask task = this.analyzer.start(request);
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/tasks/{id}").build(task.taskId());
		return ResponseEntity.accepted()
			.location(location)
			.body(new StartedAnalysis(task.taskId(), task.status(), task.requestId(), Map.of("task", location)));
	}

	/**
	 * The answer to an analysis started asynchronously.
	 *
	 * @param taskId the task id, what {@code GET /tasks/{id}} takes
	 * @param status the task's status when accepted
	 * @param requestId the API's id of the request, if any
	 * @param links {@code task}: the URL of the task's status
	 */
	record StartedAnalysis(String taskId, TaskStatus status, @Nullable String requestId, Map<String, URI> links) {

	}

}
