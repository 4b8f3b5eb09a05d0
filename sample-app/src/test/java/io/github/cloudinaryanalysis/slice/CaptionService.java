package io.github.cloudinaryanalysis.slice;

import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalyzeClient;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TasksClient;

import org.springframework.stereotype.Service;

/**
 * Application code that uses both clients of the starter: it captions an image
 * synchronously, or starts the analysis and checks on its task. Top-level, as Boot's test
 * filter keeps classes nested in tests out of a slice.
 */
@Service
class CaptionService {

	private final AnalyzeClient analyze;

	private final TasksClient tasks;

	CaptionService(AnalyzeClient analyze, TasksClient tasks) {
		this.analyze = analyze;
		this.tasks = tasks;
	}

	String caption(String uri) {
		return this.analyze.analyze(AnalysisRequest.captioning(Source.uri(uri))).analysis().data().caption();
	}

	boolean startAndCheck(String uri) {
		String taskId = this.analyze.start(AnalysisRequest.captioning(Source.uri(uri))).taskId();
		return this.tasks.getStatus(taskId).status() == TaskStatus.COMPLETED;
	}

}
