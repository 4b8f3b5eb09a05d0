package io.github.cloudinaryanalysis.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the signatures of accepted notifications, so that a replay (Cloudinary's own
 * retry of a notification it thinks was lost, or an attacker's copy) is recognised and
 * handed over no second time.
 * <p>
 * A signature is remembered until its notification's timestamp plus the tolerance: after
 * that, the notification would be rejected as stale anyway. Memory is bounded: at most
 * {@code capacity} signatures, the oldest forgotten first. Each is kept as its first 128
 * bits (two {@code long}s), enough to tell signatures apart and about 100 bytes per entry
 * instead of about 170 for the hex text. Thread-safe; a check and its record are one
 * atomic step, so two concurrent deliveries of one notification are accepted once.
 */
final class ReplayGuard {

	/** The number of signatures remembered at most. */
	static final int DEFAULT_CAPACITY = 100_000;

	private final int capacity;

	private final Clock clock;

	/**
	 * Signature prefix → when it may be forgotten (epoch millis), in the order first
	 * accepted.
	 */
	private final LinkedHashMap<Key, Long> accepted = new LinkedHashMap<>();

	ReplayGuard(int capacity, Clock clock) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		this.capacity = capacity;
		this.clock = clock;
	}

	/**
	 * Record a verified signature.
	 * @param signature the signature's bytes (at least 16)
	 * @param forgetAt when the signature can no longer be accepted anyway (its timestamp
	 * plus the tolerance)
	 * @return {@code true} the first time, {@code false} for a replay of a signature
	 * still remembered
	 */
	synchronized boolean firstAcceptance(byte[] signature, Instant forgetAt) {
		long now = this.clock.millis();
		forgetExpired(now);
		Key key = Key.of(signature);
		Long until = this.accepted.get(key);
		if (until != null && until > now) {
			return false;
		}
		this.accepted.remove(key);
		this.accepted.put(key, forgetAt.toEpochMilli());
		Iterator<Key> oldest = this.accepted.keySet().iterator();
		while (this.accepted.size() > this.capacity) {
			oldest.next();
			oldest.remove();
		}
		return true;
	}

	/**
	 * How many signatures are remembered now.
	 * @return how many signatures are remembered now
	 */
	synchronized int size() {
		return this.accepted.size();
	}

	/**
	 * Drop expired entries from the oldest end. Entries are ordered by acceptance, not
	 * expiry, so an expired entry behind a live one stays until the live one goes (or
	 * capacity pushes it out); a lookup still treats it as gone.
	 * @param now the current instant
	 */
	private void forgetExpired(long now) {
		Iterator<Map.Entry<Key, Long>> entries = this.accepted.entrySet().iterator();
		while (entries.hasNext() && entries.next().getValue() <= now) {
			entries.remove();
		}
	}

	private record Key(long high, long low) {

		static Key of(byte[] signature) {
			return new Key(readLong(signature, 0), readLong(signature, 8));
		}

		private static long readLong(byte[] bytes, int offset) {
			long value = 0;
			for (int i = offset; i < offset + 8; i++) {
				value = (value << 8) | (bytes[i] & 0xFF);
			}
			return value;
		}

	}

}
