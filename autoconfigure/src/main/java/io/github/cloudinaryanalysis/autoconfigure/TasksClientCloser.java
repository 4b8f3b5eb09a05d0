package io.github.cloudinaryanalysis.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cloudinaryanalysis.tasks.RestClientTasksClient;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Closes the auto-configured clients as soon as their context starts closing, so that
 * every pending wait ends with a {@link java.util.concurrent.CancellationException} at
 * once, before a graceful web-server shutdown waits for the requests blocked in them and
 * before any bean is destroyed. Only its own context's closing counts, not a child's.
 */
final class TasksClientCloser implements ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

	private final List<RestClientTasksClient> clients = new CopyOnWriteArrayList<>();

	private @Nullable ApplicationContext context;

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	void add(RestClientTasksClient client) {
		this.clients.add(client);
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() == this.context) {
			this.clients.forEach(RestClientTasksClient::close);
		}
	}

}
