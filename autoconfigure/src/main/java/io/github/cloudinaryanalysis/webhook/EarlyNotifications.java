package io.github.cloudinaryanalysis.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Verified notifications that arrived before anyone waited for their task: a fast
 * analysis can be notified before the 202 of its {@code start} has been read, and the
 * wait registered just after must still end at once.
 * <p>
 * Bounded in time and count, since most notifications that match no wait never will
 * (tasks started elsewhere, or never awaited): a notification is kept at most
 * {@code maxAge}, at most {@code maxCount} are kept (the oldest forgotten first), and a
 * later notification of the same task replaces the earlier one. Thread-safe.
 */
final class EarlyNotifications {

	/**
	 * How long a notification is kept by default: far longer than reading a 202 takes.
	 */
	static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(1);

	/**
	 * How many notifications are kept by default. Each holds its parsed payload (up to
	 * the endpoint's maximum body size), so the bound is also a bound on memory.
	 */
	static final int DEFAULT_MAX_COUNT = 1_000;

	private final Duration maxAge;

	private final int maxCount;

	private final Clock clock;

	private final LinkedHashMap<String, Kept> byTask = new LinkedHashMap<>();

	EarlyNotifications(Duration maxAge, int maxCount, Clock clock) {
		if (maxAge.isNegative() || maxAge.isZero()) {
			throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
		}
		if (maxCount < 1) {
			throw new IllegalArgumentException("maxCount must be at least 1, was " + maxCount);
		}
		this.maxAge = maxAge;
		this.maxCount = maxCount;
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Keep a notification that matched no wait.
	 * @param notification the verified notification
	 */
	synchronized void keep(AnalysisNotification notification) {
		Instant now = this.clock.instant();
		forgetExpired(now);
		this.byTask.remove(notification.taskId());
		this.byTask.put(notification.taskId(), new Kept(notification, now));
		Iterator<String> oldest = this.byTask.keySet().iterator();
		while (this.byTask.size() > this.maxCount) {
			oldest.next();
			oldest.remove();
		}
	}

	/**
	 * Take the kept notification of a task, for a wait just registered.
	 * @param taskId the task
	 * @return its notification, removed from the store, or {@code null} when none is kept
	 * (or it expired)
	 */
	synchronized @Nullable AnalysisNotification take(String taskId) {
		Instant now = this.clock.instant();
		forgetExpired(now);
		Kept kept = this.byTask.remove(taskId);
		return (kept != null && !expired(kept, now)) ? kept.notification() : null;
	}

	/**
	 * How many notifications are kept now (expired ones included until the next call
	 * forgets them).
	 * @return how many notifications are kept now (expired ones included until the next
	 * call forgets them)
	 */
	synchronized int size() {
		return this.byTask.size();
	}

	/**
	 * Entries are in the order kept, so the expired ones are at the head.
	 * @param now the current instant
	 */
	private void forgetExpired(Instant now) {
		Iterator<Kept> entries = this.byTask.values().iterator();
		while (entries.hasNext() && expired(entries.next(), now)) {
			entries.remove();
		}
	}

	private boolean expired(Kept kept, Instant now) {
		return !now.isBefore(kept.keptAt().plus(this.maxAge));
	}

	private record Kept(AnalysisNotification notification, Instant keptAt) {

	}

}
