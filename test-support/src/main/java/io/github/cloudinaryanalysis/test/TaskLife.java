package io.github.cloudinaryanalysis.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The scripted life of a fake analysis task: which status the fake reports on each poll
 * of {@code GET /tasks/{task_id}}.
 *
 * <p>
 * Polls are counted per task from 1; a poll answered by a {@link Fault} other than
 * {@link Fault#delay(Duration)} does not count. The contract's statuses are
 * {@link #PENDING}, {@link #PROCESSING}, {@link #COMPLETED} and {@link #FAILED}. Any
 * other non-blank string is accepted too (for instance {@code "archived"}), so that
 * clients can test their forward compatibility with statuses the API may add later; such
 * answers deliberately do <em>not</em> pass contract validation.
 *
 * <p>
 * Instances are immutable and thread-safe.
 */
public abstract class TaskLife {

	/** The contract's {@code pending} status. */
	public static final String PENDING = "pending";

	/** The contract's {@code processing} status. */
	public static final String PROCESSING = "processing";

	/** The contract's {@code completed} status. */
	public static final String COMPLETED = "completed";

	/** The contract's {@code failed} status. */
	public static final String FAILED = "failed";

	TaskLife() {
	}

	/**
	 * The status to report.
	 * @param poll the 1-based number of this poll of the task
	 * @param createdAt when the task was created, by the fake's clock
	 * @param now the fake's clock now
	 * @return the status, never blank
	 */
	public abstract String statusAt(int poll, Instant createdAt, Instant now);

	/**
	 * How long after its creation the task ends without being polled, for lives measured
	 * by the clock; {@code null} for lives counted in polls.
	 * @return how long after its creation the task ends without being polled, for lives
	 * measured by the clock
	 */
	@Nullable Duration endsUnpolledAfter() {
		return null;
	}

	/**
	 * The status the task ends with (the last one of a sequence).
	 * @return the status the task ends with (the last one of a sequence)
	 */
	abstract String endStatus();

	/**
	 * Whether a status ends the task: {@link #COMPLETED} or {@link #FAILED}.
	 * @param status the status
	 * @return whether a status ends the task
	 */
	static boolean isFinal(String status) {
		return COMPLETED.equals(status) || FAILED.equals(status);
	}

	/**
	 * A task that always reports the same status.
	 * @param status a contract status, or any other non-blank string for
	 * forward-compatibility tests
	 * @return the life
	 */
	public static TaskLife fixed(String status) {
		return sequence(status);
	}

	/**
	 * A task that is {@code pending} on its first poll, {@code processing} on the
	 * following ones and {@code completed} from poll {@code polls} on
	 * ({@code completesAfterPolls(1)} completes on the first poll).
	 * @param polls the poll on which the task completes, at least 1
	 * @return the life
	 */
	public static TaskLife completesAfterPolls(int polls) {
		return new EndsAfterPolls(polls, COMPLETED);
	}

	/**
	 * Like {@link #completesAfterPolls(int)}, but the task ends {@code failed}.
	 * @param polls the poll on which the task fails, at least 1
	 * @return the life
	 */
	public static TaskLife failsAfterPolls(int polls) {
		return new EndsAfterPolls(polls, FAILED);
	}

	/**
	 * A time-based life, measured with the fake's {@link java.time.Clock} (see
	 * {@link FakeCloudinaryAnalysisApi.Builder#clock(java.time.Clock)}): before
	 * {@code duration} has passed since the task's creation the first poll reports
	 * {@code pending} and later polls {@code processing}; from then on {@code completed}.
	 * @param duration how long the task takes, not negative
	 * @return the life
	 */
	public static TaskLife completesAfter(Duration duration) {
		return new CompletesAfter(duration);
	}

	/**
	 * A general scripted life: poll {@code n} reports {@code statuses[n-1]}, and the last
	 * status sticks.
	 * @param statuses at least one non-blank status; strings outside the contract are
	 * allowed
	 * @return the life
	 */
	public static TaskLife sequence(String... statuses) {
		return new Sequence(List.of(statuses));
	}

	private static final class Sequence extends TaskLife {

		private final List<String> statuses;

		Sequence(List<String> statuses) {
			if (statuses.isEmpty()) {
				throw new IllegalArgumentException("a task life needs at least one status");
			}
			for (String status : statuses) {
				if (Objects.requireNonNull(status, "status").isBlank()) {
					throw new IllegalArgumentException("a task status must not be blank");
				}
			}
			this.statuses = statuses;
		}

		@Override
		public String statusAt(int poll, Instant createdAt, Instant now) {
			return this.statuses.get(Math.min(Math.max(poll, 1), this.statuses.size()) - 1);
		}

		@Override
		String endStatus() {
			return this.statuses.get(this.statuses.size() - 1);
		}

		@Override
		public String toString() {
			return "TaskLife.sequence" + this.statuses;
		}

	}

	private static final class EndsAfterPolls extends TaskLife {

		private final int polls;

		private final String finalStatus;

		EndsAfterPolls(int polls, String finalStatus) {
			if (polls < 1) {
				throw new IllegalArgumentException("polls must be at least 1, was " + polls);
			}
			this.polls = polls;
			this.finalStatus = finalStatus;
		}

		@Override
		public String statusAt(int poll, Instant createdAt, Instant now) {
			if (poll >= this.polls) {
				return this.finalStatus;
			}
			return (poll <= 1) ? PENDING : PROCESSING;
		}

		@Override
		String endStatus() {
			return this.finalStatus;
		}

		@Override
		public String toString() {
			return "TaskLife[" + this.finalStatus + " after " + this.polls + " polls]";
		}

	}

	private static final class CompletesAfter extends TaskLife {

		private final Duration duration;

		CompletesAfter(Duration duration) {
			if (duration.isNegative()) {
				throw new IllegalArgumentException("duration must not be negative, was " + duration);
			}
			this.duration = duration;
		}

		@Override
		public String statusAt(int poll, Instant createdAt, Instant now) {
			if (!now.isBefore(createdAt.plus(this.duration))) {
				return COMPLETED;
			}
			return (poll <= 1) ? PENDING : PROCESSING;
		}

		@Override
		@Nullable Duration endsUnpolledAfter() {
			return this.duration;
		}

		@Override
		String endStatus() {
			return COMPLETED;
		}

		@Override
		public String toString() {
			return "TaskLife[completed after " + this.duration + "]";
		}

	}

}
