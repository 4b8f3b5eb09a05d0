package io.github.cloudinaryanalysis.sample;

import java.time.Duration;

import io.github.cloudinaryanalysis.tasks.TaskAwaitTimeoutException;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The code a user typically writes: inject {@link TasksClient} and call it.
 * <ul>
 * <li>{@code GET /tasks/{id}}: the task's status now.</li>
 * <li>{@code GET /tasks/{id}?wait=30s}: wait up to 30 seconds for the task to end; 200 with the final status, or
 * 202 with the last status seen (and {@code Retry-After}) when it is still running.</li>
 * </ul>
 */
@RestController
class TaskController {

	/** Longest wait a caller may ask for, so one request cannot hold a servlet thread for long. */
	private static final Duration MAX_WAIT = Duration.ofSeconds(60);

	private final TasksClient tasks;

	TaskController(TasksClient tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/tasks/{id}")
	ResponseEntity<TaskStatusResponse> status(@PathVariable String id,
			@RequestParam(name = "wait", required = false) @Nullable String waitParameter) {
		if (waitParameter == null) {
			return ResponseEntity.ok(this.tasks.getStatus(id));
		}
		Duration wait = parseWait(waitParameter);
		if (wait.isNegative() || wait.isZero() || wait.compareTo(MAX_WAIT) > 0) {
			throw new IllegalArgumentException("wait must be between 1ms and " + MAX_WAIT.toSeconds() + "s");
		}
		try {
			return ResponseEntity.ok(this.tasks.awaitCompletion(id, wait));
		}
		catch (TaskAwaitTimeoutException ex) {
			TaskStatusResponse last = (ex.getLastResponse() != null) ? ex.getLastResponse() : this.tasks.getStatus(id);
			return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.RETRY_AFTER, "5").body(last);
		}
	}

	private static Duration parseWait(String wait) {
		try {
			// Accepts "30s", "1500ms" and ISO-8601 ("PT30S"), like Spring Boot properties.
			return DurationStyle.detectAndParse(wait);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("wait must be a duration such as 30s or 1500ms, but was '" + wait + "'");
		}
	}

}
