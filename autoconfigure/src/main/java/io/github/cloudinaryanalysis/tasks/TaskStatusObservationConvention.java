package io.github.cloudinaryanalysis.tasks;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of {@code getStatus} calls. Implement it to change the
 * tags; the default is {@link DefaultTaskStatusObservationConvention}.
 */
public interface TaskStatusObservationConvention extends ObservationConvention<TaskStatusObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TaskStatusObservationContext;
	}

}
