package io.github.cloudinaryanalysis.test;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A task registered in the fake: its scripted life, creation time and thread-safe poll
 * counter; for a task started by {@code POST /analyze/{type}}, also what its notification
 * carries.
 */
final class FakeTask {

	private final String id;

	private final TaskLife life;

	private final Instant createdAt;

	private final @Nullable Analysis analysis;

	private final AtomicInteger polls = new AtomicInteger();

	private final AtomicBoolean notified = new AtomicBoolean();

	FakeTask(String id, TaskLife life, Instant createdAt) {
		this(id, life, createdAt, null);
	}

	FakeTask(String id, TaskLife life, Instant createdAt, @Nullable Analysis analysis) {
		this.id = id;
		this.life = life;
		this.createdAt = createdAt;
		this.analysis = analysis;
	}

	String id() {
		return this.id;
	}

	TaskLife life() {
		return this.life;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	@Nullable Analysis analysis() {
		return this.analysis;
	}

	/**
	 * Counts a poll and answers the status for it.
	 * @param now the current instant
	 * @return the status this poll sees
	 */
	String poll(Instant now) {
		return this.life.statusAt(this.polls.incrementAndGet(), this.createdAt, now);
	}

	/**
	 * The status now, without counting a poll.
	 * @param now the current instant
	 * @return the status now, without counting a poll
	 */
	String statusNow(Instant now) {
		return this.life.statusAt(this.polls.get(), this.createdAt, now);
	}

	int polls() {
		return this.polls.get();
	}

	/**
	 * Claims the task's automatic end-of-task notification; {@code true} exactly once.
	 * @return {@code true} for the first claim only
	 */
	boolean claimNotification() {
		return this.notified.compareAndSet(false, true);
	}

	/**
	 * What an analyze-started task's notification carries.
	 *
	 * @param type the analysis type
	 * @param entity the source's uri or asset id
	 * @param analysisNode the analysis object, as the synchronous answer would carry it
	 * @param requestId the request id of the 202 answer
	 * @param notificationUrl the request's {@code notification_url}, if any
	 */
	record Analysis(String type, String entity, JsonNode analysisNode, String requestId,
			@Nullable URI notificationUrl) {

	}

}
