package io.github.cloudinaryanalysis.test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

/** The fake's mutable state: tasks, queued faults and the request journal; every operation is thread-safe. */
final class FakeState {

	private final ConcurrentMap<String, FakeTask> tasks = new ConcurrentHashMap<>();

	private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();

	private final Queue<ReceivedRequest> journal = new ConcurrentLinkedQueue<>();

	void putTask(FakeTask task) {
		this.tasks.put(task.id(), task);
	}

	@Nullable FakeTask task(String id) {
		return this.tasks.get(id);
	}

	void addFaults(int count, Fault fault) {
		for (int i = 0; i < count; i++) {
			this.faults.add(fault);
		}
	}

	/** Takes the next queued fault, if any; each fault is handed to exactly one request. */
	@Nullable Fault takeFault() {
		return this.faults.poll();
	}

	int pendingFaults() {
		return this.faults.size();
	}

	void record(ReceivedRequest request) {
		this.journal.add(request);
	}

	List<ReceivedRequest> requests() {
		return List.copyOf(this.journal);
	}

	void reset() {
		this.faults.clear();
		this.tasks.clear();
		this.journal.clear();
	}
}
