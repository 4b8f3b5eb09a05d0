package io.github.cloudinaryanalysis.test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The fake's mutable state: tasks, queued faults, the request journal, scripted analyses
 * and the use of each rate-limited feature; every operation is thread-safe.
 */
final class FakeState {

	private final ConcurrentMap<String, FakeTask> tasks = new ConcurrentHashMap<>();

	private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();

	private final Queue<ReceivedRequest> journal = new ConcurrentLinkedQueue<>();

	private final ConcurrentMap<String, JsonNode> analyses = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, AtomicLong> featureUse = new ConcurrentHashMap<>();

	private final Queue<WebhookDelivery> deliveries = new ConcurrentLinkedQueue<>();

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

	/**
	 * Takes the next queued fault, if any; each fault is handed to exactly one request.
	 * @return the next queued fault, or {@code null} when none is queued
	 */
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

	/**
	 * Scripts the analysis object of a type's 200 answers; the node is copied, so later
	 * changes do not leak in.
	 * @param type the type
	 * @param analysis the analysis
	 */
	void scriptAnalysis(String type, JsonNode analysis) {
		this.analyses.put(type, analysis.deepCopy());
	}

	/**
	 * The scripted analysis of a type, never mutated once stored; {@code null} when none
	 * was scripted.
	 * @param type the type
	 * @return the scripted analysis of a type, never mutated once stored
	 */
	@Nullable JsonNode scriptedAnalysis(String type) {
		return this.analyses.get(type);
	}

	/**
	 * Counts one use of a rate-limited feature.
	 * @param feature the feature
	 * @return the feature's uses so far, this one included
	 */
	long useFeature(String feature) {
		return this.featureUse.computeIfAbsent(feature, (key) -> new AtomicLong()).incrementAndGet();
	}

	/**
	 * How often a feature was used so far, without counting a use.
	 * @param feature the feature
	 * @return how often a feature was used so far, without counting a use
	 */
	long featureUsed(String feature) {
		AtomicLong used = this.featureUse.get(feature);
		return (used != null) ? used.get() : 0;
	}

	void recordDelivery(WebhookDelivery delivery) {
		this.deliveries.add(delivery);
	}

	List<WebhookDelivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	void reset() {
		this.deliveries.clear();
		this.analyses.clear();
		this.featureUse.clear();
		this.faults.clear();
		this.tasks.clear();
		this.journal.clear();
	}

}
