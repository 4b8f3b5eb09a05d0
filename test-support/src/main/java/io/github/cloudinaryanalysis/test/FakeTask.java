package io.github.cloudinaryanalysis.test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** A task registered in the fake: its scripted life, creation time and thread-safe poll counter. */
final class FakeTask {

	private final String id;

	private final TaskLife life;

	private final Instant createdAt;

	private final AtomicInteger polls = new AtomicInteger();

	FakeTask(String id, TaskLife life, Instant createdAt) {
		this.id = id;
		this.life = life;
		this.createdAt = createdAt;
	}

	String id() {
		return this.id;
	}

	/** Counts a poll and answers the status for it. */
	String poll(Instant now) {
		return this.life.statusAt(this.polls.incrementAndGet(), this.createdAt, now);
	}

	int polls() {
		return this.polls.get();
	}
}
