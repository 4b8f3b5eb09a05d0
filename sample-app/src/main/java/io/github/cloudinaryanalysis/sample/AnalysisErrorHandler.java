package io.github.cloudinaryanalysis.sample;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;

/**
 * The errors the starter leaves to the application. API errors
 * ({@code CloudinaryAnalysisException}) need no handler here: the starter answers them
 * with problem details (404 for an unknown task, 503 with {@code Retry-After} when
 * rate-limited, 502 otherwise). This adds an invalid task id or analysis request (400),
 * an analysis type the API does not offer (404) and an unreachable API (502).
 */
@RestControllerAdvice
class AnalysisErrorHandler {

	@ExceptionHandler
	ProblemDetail apiUnreachable(ResourceAccessException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"The Cloudinary Analysis API could not be reached");
		problem.setTitle("Cloudinary Analysis API unreachable");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unknownAnalysisType(UnknownAnalysisTypeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown analysis type");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		return problem;
	}

}
