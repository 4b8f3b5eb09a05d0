package io.github.cloudinaryanalysis.analyze;

import io.github.cloudinaryanalysis.tasks.TaskStatus;
import org.jspecify.annotations.Nullable;

/**
 * The API's 202 answer to an asynchronous analysis: the task to follow with
 * {@link io.github.cloudinaryanalysis.tasks.TasksClient}.
 *
 * @param taskId the task id, exactly what {@code TasksClient.getStatus} and
 * {@code awaitCompletion} take
 * @param status the task's status when accepted, normally {@link TaskStatus#PENDING}
 * @param requestId the id the API gave the request, if any
 */
public record AnalysisTask(String taskId, TaskStatus status, @Nullable String requestId) {

}
