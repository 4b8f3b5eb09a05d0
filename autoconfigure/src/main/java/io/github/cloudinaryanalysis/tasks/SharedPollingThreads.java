package io.github.cloudinaryanalysis.tasks;

/**
 * The polling threads of hand-written {@link TasksClient} implementations, which own
 * none: daemon threads that end when idle, never closed.
 */
final class SharedPollingThreads {

	static final PollingThreads INSTANCE = new PollingThreads(1, RestClientTasksClient.DEFAULT_MAX_CONCURRENT_POLLS,
			false);

	private SharedPollingThreads() {
	}

}
