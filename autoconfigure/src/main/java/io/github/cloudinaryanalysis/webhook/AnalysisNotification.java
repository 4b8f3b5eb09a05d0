package io.github.cloudinaryanalysis.webhook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.cloudinaryanalysis.ApiError;
import io.github.cloudinaryanalysis.RateLimit;
import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalysisResult;
import io.github.cloudinaryanalysis.analyze.AnalysisResults;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A verified webhook notification of an asynchronous analysis (the contract's
 * {@code AnalysisWebhookPayload}): the task it ends, and its result or error.
 * <p>
 * The payload does not say which analysis it carries, so the typed result is read on
 * demand: {@code notification.result(AnalysisRequest.captioning(source))} gives the same
 * {@code AnalysisResult} as the synchronous call would have.
 *
 * @param taskId the task the notification is about
 * @param requestId the id Cloudinary gave the request, if any
 * @param httpStatus the status the analysis ended with: 2xx for a result, 4xx/5xx for a
 * failure
 * @param notificationType the payload's {@code notification_type}, e.g. {@code analyze},
 * if any
 * @param operationName the payload's {@code operation_name}, e.g. {@code analyze}, if any
 * @param operationType the payload's {@code operation_type}, {@code single} or
 * {@code bulk}, if any
 * @param error the API's error for a failed analysis, {@code null} otherwise
 * @param limits the quotas the notification reported, empty when none
 * @param data the payload's {@code data} object ({@code {"entity","analysis"}}) as plain,
 * unmodifiable Java values (maps, lists, strings, numbers, booleans, {@code null}); empty
 * when the notification carries none
 */
public record AnalysisNotification(String taskId, @Nullable String requestId, int httpStatus,
		@Nullable String notificationType, @Nullable String operationName, @Nullable String operationType,
		@Nullable ApiError error, List<RateLimit> limits, Map<String, @Nullable Object> data) {

	public AnalysisNotification {
		Objects.requireNonNull(taskId, "taskId");
		limits = List.copyOf(limits);
		data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
	}

	/**
	 * Whether the analysis succeeded: a 2xx status and no error.
	 * @return {@code true} when the notification carries a result
	 */
	public boolean succeeded() {
		return this.httpStatus >= 200 && this.httpStatus < 300 && this.error == null;
	}

	/**
	 * The typed result, read as the result of the given kind of analysis (the same reader
	 * as the synchronous answer's).
	 * @param <A> the analysis type
	 * @param kind a request of the operation that was started for this task (only its
	 * operation matters)
	 * @return the result, or empty when the analysis failed or the notification carries
	 * no {@code data}
	 * @throws MalformedNotificationException when the data is not a result of that
	 * operation (the message names the missing field)
	 */
	public <A> Optional<AnalysisResult<A>> result(AnalysisRequest<A> kind) {
		Objects.requireNonNull(kind, "kind");
		if (!succeeded() || this.data.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(AnalysisResults.fromNotificationData(kind, JsonMapper.shared().valueToTree(this.data),
					this.limits, this.requestId));
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedNotificationException("The notification of task " + this.taskId + " is not a result of "
					+ kind.type() + ": " + ex.getMessage(), ex);
		}
	}

	/** Describes the notification without its data, which may be large. */
	@Override
	public String toString() {
		return "AnalysisNotification[taskId=" + this.taskId + ", requestId=" + this.requestId + ", httpStatus="
				+ this.httpStatus + ", notificationType=" + this.notificationType + ", error="
				+ ((this.error != null) ? this.error.code() : null) + "]";
	}

}
