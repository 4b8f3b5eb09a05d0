package io.github.cloudinaryanalysis.analyze;

import java.util.List;

import io.github.cloudinaryanalysis.RateLimit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code {"entity","analysis"}} object of an asynchronous analysis' webhook
 * notification with the same readers as the synchronous answer, so that both give the
 * same typed {@link AnalysisResult}. It exists for the starter's webhook support
 * ({@code io.github.cloudinaryanalysis.webhook.AnalysisNotification#result}), which
 * applications should use instead.
 */
public final class AnalysisResults {

	private AnalysisResults() {
	}

	/**
	 * Read a notification's {@code data} as the result of the given kind of analysis.
	 * @param <A> the analysis type
	 * @param kind a request of the operation that produced the data (only its operation
	 * matters)
	 * @param data the notification's {@code data} object
	 * @param limits the quotas the notification reported
	 * @param requestId the notification's request id, if any
	 * @return the typed result
	 * @throws IllegalArgumentException when the data lacks a field the operation's answer
	 * requires; the message names its path (e.g. "without data.analysis.data (an
	 * object)") and never the values
	 */
	public static <A> AnalysisResult<A> fromNotificationData(AnalysisRequest<A> kind, JsonNode data,
			List<RateLimit> limits, @Nullable String requestId) {
		AnalysisAnswers.Data<A> read;
		try {
			read = AnalysisAnswers.data(kind.operation(), data, "data");
		}
		catch (MalformedAnswerException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
		return new AnalysisResult<>(read.entity(), read.analysis(), limits, requestId);
	}

}
