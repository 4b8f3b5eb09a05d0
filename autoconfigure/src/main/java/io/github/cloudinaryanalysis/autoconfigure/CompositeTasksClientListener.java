package io.github.cloudinaryanalysis.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.github.cloudinaryanalysis.RateLimit;
import io.github.cloudinaryanalysis.tasks.AwaitOutcome;
import io.github.cloudinaryanalysis.tasks.RetryReason;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import org.jspecify.annotations.Nullable;

/**
 * Passes every event to each {@link TasksClientListener} bean (metrics, health), in
 * order.
 */
final class CompositeTasksClientListener implements TasksClientListener {

	private final List<TasksClientListener> listeners;

	private CompositeTasksClientListener(List<TasksClientListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	static TasksClientListener of(List<TasksClientListener> listeners) {
		return switch (listeners.size()) {
			case 0 -> TasksClientListener.NONE;
			case 1 -> listeners.get(0);
			default -> new CompositeTasksClientListener(listeners);
		};
	}

	@Override
	public void onStatusCall(@Nullable TaskStatusResponse response, @Nullable RuntimeException failure) {
		this.listeners.forEach((listener) -> listener.onStatusCall(response, failure));
	}

	@Override
	public void onRetry(RetryReason reason, int retry, Duration wait) {
		this.listeners.forEach((listener) -> listener.onRetry(reason, retry, wait));
	}

	@Override
	public void onRateLimits(List<RateLimit> limits) {
		this.listeners.forEach((listener) -> listener.onRateLimits(limits));
	}

	@Override
	public void onAwaitEnded(AwaitOutcome outcome, int polls, Duration elapsed) {
		this.listeners.forEach((listener) -> listener.onAwaitEnded(outcome, polls, elapsed));
	}

	@Override
	public void onNotified(String type, Duration delay) {
		this.listeners.forEach((listener) -> listener.onNotified(type, delay));
	}

}
