package io.github.cloudinaryanalysis.tasks;

import java.util.Locale;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default observation of {@code getStatus} calls, {@value #NAME}. Its low-cardinality
 * keys, which become metric tags, are bounded: {@code outcome} ({@code success},
 * {@code client_error}, {@code server_error}, {@code rate_limited}, {@code io_error}) and
 * {@code status} (the task status in lower case, or {@code none} when the call failed).
 * The task id is only ever a high-cardinality key ({@code task.id}), which tracing may
 * record but metrics never do.
 */
public class DefaultTaskStatusObservationConvention implements TaskStatusObservationConvention {

	/** Name of the observation, and so of its timer. */
	public static final String NAME = "cloudinary.analysis.tasks.status";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TaskStatusObservationContext context) {
		return "cloudinary-analysis get-task-status";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TaskStatusObservationContext context) {
		TaskStatusResponse response = context.getResponse();
		String status = (response != null) ? response.status().name().toLowerCase(Locale.ROOT) : "none";
		return KeyValues.of(KeyValue.of("outcome", outcome(context)), KeyValue.of("status", status));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TaskStatusObservationContext context) {
		return KeyValues.of(KeyValue.of("task.id", context.getTaskId()));
	}

	/**
	 * Classify how a call ended.
	 * @param context the observation context
	 * @return one of {@code success}, {@code client_error}, {@code server_error},
	 * {@code rate_limited}, {@code io_error}
	 */
	protected String outcome(TaskStatusObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return "success";
		}
		if (error instanceof CloudinaryAnalysisException apiError) {
			int status = apiError.getStatusCode().value();
			if (status == 429) {
				return "rate_limited";
			}
			return (status >= 500 || status < 400) ? "server_error" : "client_error";
		}
		return (error instanceof IllegalArgumentException) ? "client_error" : "io_error";
	}

}
