package io.github.cloudinaryanalysis.analyze;

import io.github.cloudinaryanalysis.tasks.RequestOptions;

/**
 * Starts the analyses of the Cloudinary Analysis API ({@code POST /analyze/{type}}):
 * synchronously, for the typed answer, or asynchronously, for a task that
 * {@code TasksClient} follows. Errors are those of {@code TasksClient}: a
 * {@link io.github.cloudinaryanalysis.CloudinaryAnalysisException} subclass per status, a
 * {@link io.github.cloudinaryanalysis.CloudinaryAnalysisUnavailableException} when the
 * API cannot be reached.
 * <p>
 * A POST may be billed once the API has processed it, so by default a call is retried
 * only when the API cannot have acted on it: a 429 (after the wait the API asks for) and
 * a connection refused before the request was sent; never on a 5xx or a read timeout,
 * where the API may have done the work. {@link RequestOptions#withRetry} opts a call in
 * to the full retry policy.
 */
public interface AnalyzeClient {

	/**
	 * Run an analysis synchronously.
	 * @param <A> the operation's analysis type
	 * @param request the analysis
	 * @return the API's answer, typed
	 * @throws io.github.cloudinaryanalysis.CloudinaryAnalysisException when the API
	 * refuses, fails, or answers with a task (202) rather than a result; the message then
	 * names the task id
	 */
	default <A> AnalysisResult<A> analyze(AnalysisRequest<A> request) {
		return analyze(request, RequestOptions.defaults());
	}

	/**
	 * Run an analysis synchronously, with options for this call.
	 * @param <A> the operation's analysis type
	 * @param request the analysis
	 * @param options the call's options
	 * @return the API's answer, typed
	 */
	<A> AnalysisResult<A> analyze(AnalysisRequest<A> request, RequestOptions options);

	/**
	 * Start an analysis asynchronously ({@code "async": true}, and the request's
	 * notification URL if any).
	 * @param request the analysis
	 * @return the task; its id is what {@code TasksClient.awaitCompletion} takes. When
	 * the API answers with the result at once (200), the task carries its status
	 */
	default AnalysisTask start(AnalysisRequest<?> request) {
		return start(request, RequestOptions.defaults());
	}

	/**
	 * Start an analysis asynchronously, with options for this call.
	 * @param request the analysis
	 * @param options the call's options
	 * @return the task
	 */
	AnalysisTask start(AnalysisRequest<?> request, RequestOptions options);

	/**
	 * Start building a client without Spring.
	 * @return a builder with the defaults
	 */
	static RestClientAnalyzeClient.Builder builder() {
		return new RestClientAnalyzeClient.Builder();
	}

}
