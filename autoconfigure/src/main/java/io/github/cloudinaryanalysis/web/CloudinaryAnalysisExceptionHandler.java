package io.github.cloudinaryanalysis.web;

import java.time.Duration;

import io.github.cloudinaryanalysis.ApiError;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.CloudinaryAnalysisUnavailableException;
import io.github.cloudinaryanalysis.tasks.InvalidTaskIdException;
import io.github.cloudinaryanalysis.tasks.TaskAwaitTimeoutException;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers what the client throws and a controller lets escape with an RFC 9457 problem
 * detail that suits the application's own caller: an invalid task id
 * ({@link InvalidTaskIdException}) is a 400; an unknown task is a 404; a rate limit is a
 * 503 with {@code Retry-After}; an unreachable API
 * ({@link CloudinaryAnalysisUnavailableException}) is a 503, or a 504 for a timeout; a
 * wait that ran out ({@link TaskAwaitTimeoutException}) is a 504 with the last status
 * seen; any other upstream failure is a 502 (the fault is upstream, not the caller's).
 * The body carries the API's error code and request id, and nothing secret. It has the
 * lowest precedence, so any {@code @ExceptionHandler} of the application wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class CloudinaryAnalysisExceptionHandler {

	/** Longest detail taken from an exception or the API's message. */
	static final int MAX_DETAIL = 500;

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(CloudinaryAnalysisException ex) {
		if (ex instanceof CloudinaryAnalysisException.NotFound) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(problem(HttpStatus.NOT_FOUND, "Analysis task not found", ex));
		}
		if (ex instanceof CloudinaryAnalysisException.TooManyRequests rateLimited) {
			ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE);
			rateLimited.getRetryAfter()
				.ifPresent((wait) -> response.header(HttpHeaders.RETRY_AFTER, String.valueOf(roundUpSeconds(wait))));
			return response
				.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Cloudinary Analysis API rate limit reached", ex));
		}
		ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, "Cloudinary Analysis API error", ex);
		problem.setProperty("upstreamStatus", ex.getStatusCode().value());
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(InvalidTaskIdException ex) {
		// The message quotes at most a printable excerpt of the caller's own input, never
		// anything secret.
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, capped(ex.getMessage()));
		problem.setTitle("Invalid analysis task id");
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(CloudinaryAnalysisUnavailableException ex) {
		// Neither host, port nor cause goes into the body: they describe this
		// application's network, not the caller's.
		HttpStatus status = ex.isTimeout() ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				ex.isTimeout() ? "The Cloudinary Analysis API did not answer in time"
						: "The Cloudinary Analysis API could not be reached");
		problem.setTitle("Cloudinary Analysis API unavailable");
		return ResponseEntity.status(status).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(TaskAwaitTimeoutException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
				"The analysis task did not complete within " + ex.getTimeout());
		problem.setTitle("Analysis task not completed in time");
		TaskStatus lastStatus = ex.getLastStatus();
		if (lastStatus != null) {
			problem.setProperty("lastStatus", lastStatus.name());
		}
		return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(problem);
	}

	private static long roundUpSeconds(Duration wait) {
		return wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0);
	}

	/**
	 * The API's own message is capped in a problem body as it is in exception messages.
	 * @param text the text
	 * @return the API's own message is capped in a problem body as it is in exception
	 * messages
	 */
	private static String capped(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return (text.length() > MAX_DETAIL) ? text.substring(0, MAX_DETAIL) + "... [truncated]" : text;
	}

	private static ProblemDetail problem(HttpStatus status, String title, CloudinaryAnalysisException ex) {
		ApiError apiError = ex.getApiError();
		// The API's own message, never the exception message: that may quote an upstream
		// body.
		String detail = (apiError != null && apiError.message() != null) ? capped(apiError.message())
				: "The Cloudinary Analysis API answered HTTP " + ex.getStatusCode().value();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (apiError != null && apiError.code() != null) {
			problem.setProperty("errorCode", apiError.code());
		}
		if (ex.getRequestId() != null) {
			problem.setProperty("requestId", ex.getRequestId());
		}
		return problem;
	}

}
