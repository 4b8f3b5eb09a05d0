package io.github.cloudinaryanalysis.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only when told to, for tests: give it to the fake
 * ({@link FakeCloudinaryAnalysisApi.Builder#clock(Clock)}) to step a time-based
 * {@link TaskLife} without waiting, or to any code that takes a {@link Clock}.
 * Thread-safe; copies made with {@link #withZone(ZoneId)} move with it.
 */
public final class MutableClock extends Clock {

	private final Time now;

	private final ZoneId zone;

	/**
	 * Create a clock in UTC standing at the given instant.
	 * @param now where the clock starts
	 */
	public MutableClock(Instant now) {
		this(new Time(Objects.requireNonNull(now, "now must not be null")), ZoneOffset.UTC);
	}

	private MutableClock(Time now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	/**
	 * Move the clock forward (or back, with a negative duration).
	 * @param duration how far to move it
	 */
	public void advance(Duration duration) {
		this.now.advance(duration);
	}

	/**
	 * Set the clock to an instant.
	 * @param instant where the clock now stands
	 */
	public void set(Instant instant) {
		this.now.set(Objects.requireNonNull(instant, "instant must not be null"));
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(this.zone) ? this : new MutableClock(this.now, zone);
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	/**
	 * The instant, shared by a clock and the copies made with {@link #withZone(ZoneId)}.
	 */
	private static final class Time {

		private Instant instant;

		Time(Instant instant) {
			this.instant = instant;
		}

		synchronized Instant get() {
			return this.instant;
		}

		synchronized void set(Instant instant) {
			this.instant = instant;
		}

		synchronized void advance(Duration duration) {
			this.instant = this.instant.plus(duration);
		}

	}

}
