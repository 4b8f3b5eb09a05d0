package io.github.cloudinaryanalysis.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.cloudinaryanalysis.webhook.AnalysisNotification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the last webhook notification of each task (the most recent 1,000 tasks), as the
 * starter publishes them: an {@code @EventListener} of {@link AnalysisNotification}.
 */
@Component
class NotificationStore {

	private static final int MAX_TASKS = 1_000;

	private final Map<String, AnalysisNotification> byTask = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, AnalysisNotification> eldest) {
			return size() > MAX_TASKS;
		}

	};

	@EventListener
	void onNotification(AnalysisNotification notification) {
		synchronized (this.byTask) {
			this.byTask.remove(notification.taskId());
			this.byTask.put(notification.taskId(), notification);
		}
	}

	Optional<AnalysisNotification> last(String taskId) {
		synchronized (this.byTask) {
			return Optional.ofNullable(this.byTask.get(taskId));
		}
	}

}
