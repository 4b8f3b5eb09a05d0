package io.github.cloudinaryanalysis.tasks;

import org.jspecify.annotations.Nullable;

/**
 * The answer to "get analysis task status".
 *
 * @param taskId the task's id, as the API returned it (or as requested, when the API
 * omitted it)
 * @param status the task's status; {@link TaskStatus#UNKNOWN} for a status this client
 * does not know
 * @param requestId the id the API gave this request, if any
 */
public record TaskStatusResponse(String taskId, TaskStatus status, @Nullable String requestId) {

}
