package io.github.cloudinaryanalysis.autoconfigure.web;

import java.time.Duration;

import io.github.cloudinaryanalysis.ApiError;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a {@link CloudinaryAnalysisException} that escapes a controller with an RFC 9457 problem detail that
 * suits the application's own caller: an unknown task is a 404; a rate limit is a 503 with {@code Retry-After};
 * any other upstream failure is a 502 (the fault is upstream, not the caller's). The body carries the API's error
 * code and request id, and nothing secret. It has the lowest precedence, so any {@code @ExceptionHandler} of the
 * application wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class CloudinaryAnalysisExceptionHandler {

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
			return response.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Cloudinary Analysis API rate limit reached", ex));
		}
		ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, "Cloudinary Analysis API error", ex);
		problem.setProperty("upstreamStatus", ex.getStatusCode().value());
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
	}

	private static long roundUpSeconds(Duration wait) {
		return wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0);
	}

	private static ProblemDetail problem(HttpStatus status, String title, CloudinaryAnalysisException ex) {
		ApiError apiError = ex.getApiError();
		// The API's own message, never the exception message: that may quote an upstream body.
		String detail = (apiError != null && apiError.message() != null) ? apiError.message()
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
