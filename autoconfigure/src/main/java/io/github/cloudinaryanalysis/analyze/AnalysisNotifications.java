package io.github.cloudinaryanalysis.analyze;

import io.github.cloudinaryanalysis.tasks.TaskNotifications;

/**
 * {@link TaskNotifications} that also carry the analysis result: the seam through which
 * {@link AnalyzeClient#analyzeAsync} reads the typed result from the notification that
 * ended its wait. The starter's
 * {@code io.github.cloudinaryanalysis.webhook.NotificationHub} implements it; this
 * package does not depend on the webhook support.
 *
 * @param <N> the type of the notifications
 */
public interface AnalysisNotifications<N> extends TaskNotifications<N> {

	/**
	 * Read the result an analysis' notification carries.
	 * @param <A> the analysis type
	 * @param notification the notification that ended the wait
	 * @param request the request that started the analysis (its operation decides how the
	 * result is read)
	 * @return the typed result, as the synchronous call would have returned it
	 * @throws io.github.cloudinaryanalysis.CloudinaryAnalysisException with the API's
	 * error when the analysis failed
	 * @throws RuntimeException another exception, naming what is wrong, when the
	 * notification carries no readable result of that operation
	 */
	<A> AnalysisResult<A> resultOf(N notification, AnalysisRequest<A> request);

}
