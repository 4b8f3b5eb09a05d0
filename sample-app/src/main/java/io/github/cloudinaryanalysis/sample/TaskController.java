package io.github.cloudinaryanalysis.sample;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
 * <li>{@code GET /tasks/{id}?wait=30s}: wait up to 30 seconds for the task to end; 200
 * with the final status, or 202 with the last status seen (and {@code Retry-After}) when
 * it is still running. The wait holds no servlet thread: {@code awaitCompletionAsync}
 * polls on the client's own threads and Spring MVC answers when the future
 * completes.</li>
 * </ul>
 */
@RestController
class TaskController {

	/**
	 * Longest wait a caller may ask for. No servlet thread is held while waiting (the
	 * request is asynchronous), but an open request and the polls made for it still cost
	 * connections and API quota, so one caller cannot ask for more.
	 */
	private static final Duration MAX_WAIT = Duration.ofSeconds(60);

	private final TasksClient tasks;

	TaskController(TasksClient tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/tasks/{id}")
	CompletableFuture<ResponseEntity<TaskStatusResponse>> status(@PathVariable String id,
			@RequestParam(name = "wait", required = false) @Nullable String waitParameter) {
		if (waitParameter == null) {
			return CompletableFuture.completedFuture(ResponseEntity.ok(this.tasks.getStatus(id)));
		}
		Duration wait = parseWait(waitParameter);
		if (wait.isNegative() || wait.isZero() || wait.compareTo(MAX_WAIT) > 0) {
			throw new IllegalArgumentException("wait must be between 1ms and " + MAX_WAIT.toSeconds() + "s");
		}
		return this.tasks.awaitCompletionAsync(id, wait)
			.thenApply(ResponseEntity::ok)
			.exceptionallyCompose((failure) -> stillRunning(id, failure));
	}

	/**
	 * A wait that ran out is an answer (202 with the last status), not an error; other
	 * failures stay failures.
	 * @param id the id
	 * @param failure the failure
	 * @return a wait that ran out is an answer (202 with the last status), not an error
	 */
	private CompletableFuture<ResponseEntity<TaskStatusResponse>> stillRunning(String id, Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (!(cause instanceof TaskAwaitTimeoutException timeout)) {
			return CompletableFuture.failedFuture(cause);
		}
		TaskStatusResponse last = timeout.getLastResponse();
		if (last == null) {
			// Every poll failed transiently until the wait ran out: no status to report.
			return CompletableFuture.completedFuture(ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).build());
		}
		return CompletableFuture.completedFuture(
				ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.RETRY_AFTER, "5").body(last));
	}

	private static Duration parseWait(String wait) {
		try {
			// Accepts "30s", "1500ms" and ISO-8601 ("PT30S"), like Spring Boot
			// properties.
			return DurationStyle.detectAndParse(wait);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("wait must be a duration such as 30s or 1500ms, but was '" + wait + "'");
		}
	}

}
