package io.github.cloudinaryanalysis.sample;

import io.github.cloudinaryanalysis.ApiError;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;

/**
 * Turns the client's exceptions into RFC 9457 problem details: an unknown task is a 404, an invalid task id a 400,
 * any other API error a 502 (the fault is upstream, not the caller's). Bodies carry the API's error code and
 * request id, never credentials.
 */
@RestControllerAdvice
class AnalysisErrorHandler {

	@ExceptionHandler
	ProblemDetail taskNotFound(CloudinaryAnalysisException.NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "Task not found", ex);
	}

	@ExceptionHandler
	ProblemDetail apiError(CloudinaryAnalysisException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, "Cloudinary Analysis API error", ex);
		problem.setProperty("upstreamStatus", ex.getStatusCode().value());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail apiUnreachable(ResourceAccessException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"The Cloudinary Analysis API could not be reached");
		problem.setTitle("Cloudinary Analysis API unreachable");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, CloudinaryAnalysisException ex) {
		ApiError apiError = ex.getApiError();
		String detail = (apiError != null && apiError.message() != null) ? apiError.message()
				: "The Analysis API answered HTTP " + ex.getStatusCode().value();
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
