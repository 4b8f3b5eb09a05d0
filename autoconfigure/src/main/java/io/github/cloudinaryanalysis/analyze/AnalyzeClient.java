package io.github.cloudinaryanalysis.analyze;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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
	 * Run an analysis asynchronously and complete with its result the moment its webhook
	 * notification reaches this application, without holding a thread while waiting: the
	 * analysis is started with the configured notification URL
	 * ({@code cloudinary.analysis.webhook.notification-url}), and the verified
	 * notification of its task carries the typed result, the same as {@link #analyze}
	 * returns. Polls are only a safety net, every fallback poll interval
	 * ({@code cloudinary.analysis.webhook.fallback-poll-interval}, 1 minute by default).
	 * <p>
	 * The future fails with:
	 * <ul>
	 * <li>a {@link io.github.cloudinaryanalysis.CloudinaryAnalysisException} carrying the
	 * API's error ({@code getApiError()}) when the analysis failed, or the error of the
	 * start call itself;</li>
	 * <li>{@link io.github.cloudinaryanalysis.tasks.TaskAwaitTimeoutException} when no
	 * notification came within the timeout, counted from this call;</li>
	 * <li>{@link io.github.cloudinaryanalysis.tasks.NotificationDeliveredElsewhereException}
	 * when a poll saw the task end but the notification did not reach this application
	 * within the fallback poll interval after that (with several instances, another one
	 * received it; see that exception for what to do);</li>
	 * <li>a {@link java.util.concurrent.CancellationException} when the client is closed
	 * (cancelling the future ends the wait too).</li>
	 * </ul>
	 * Dependent stages without {@code Async} run on the thread that delivered the
	 * notification (the webhook endpoint's): keep them short.
	 * @param <A> the operation's analysis type
	 * @param request the analysis; its own notification URL, if any, is replaced
	 * @param timeout how long to wait for the result, positive
	 * @return a future completed with the typed result
	 * @throws IllegalStateException when webhooks are not set up for this client (no
	 * notification hub or notification URL); nothing is sent
	 * @throws IllegalArgumentException when the timeout is not positive
	 */
	default <A> CompletableFuture<AnalysisResult<A>> analyzeAsync(AnalysisRequest<A> request, Duration timeout) {
		throw new UnsupportedOperationException(getClass().getName() + " does not implement analyzeAsync; use the "
				+ "AnalyzeClient built by AnalyzeClient.builder() (the auto-configured one) with webhooks enabled");
	}

	/**
	 * Start building a client without Spring.
	 * @return a builder with the defaults
	 */
	static RestClientAnalyzeClient.Builder builder() {
		return new RestClientAnalyzeClient.Builder();
	}

}
