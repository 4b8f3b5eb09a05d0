package io.github.cloudinaryanalysis.tasks;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.Observation;

import org.springframework.util.ClassUtils;

/**
 * Carries the waiting caller's context to the threads that poll for it, so that each poll
 * runs inside the wait's observation (its {@code cloudinary.analysis.tasks.status}
 * observation is a child of the wait, and logs written meanwhile carry the caller's trace
 * id).
 * <p>
 * With Micrometer's context-propagation library on the class path, everything its
 * registered accessors capture is carried (the current observation, and whatever else the
 * application registered); without it, the wait's observation is opened on the poll
 * thread by hand.
 */
abstract class WaitContext {

	private static final boolean CONTEXT_PROPAGATION_PRESENT = ClassUtils
		.isPresent("io.micrometer.context.ContextSnapshotFactory", WaitContext.class.getClassLoader());

	/**
	 * Capture the caller's context, with the wait's observation current, on the caller's
	 * thread.
	 * @param wait the wait's observation, already started
	 * @return the captured context
	 */
	static WaitContext capture(Observation wait) {
		return CONTEXT_PROPAGATION_PRESENT ? Snapshot.capture(wait) : new ObservationOnly(wait);
	}

	/**
	 * Run an action inside the captured context, on any thread.
	 * @param action the action
	 */
	abstract void run(Runnable action);

	private static final class ObservationOnly extends WaitContext {

		private final Observation wait;

		ObservationOnly(Observation wait) {
			this.wait = wait;
		}

		@Override
		void run(Runnable action) {
			this.wait.scoped(action);
		}

	}

	private static final class Snapshot extends WaitContext {

		private static final ContextSnapshotFactory FACTORY = ContextSnapshotFactory.builder().build();

		private final ContextSnapshot snapshot;

		private Snapshot(ContextSnapshot snapshot) {
			this.snapshot = snapshot;
		}

		static Snapshot capture(Observation wait) {
			Observation.Scope scope = wait.openScope();
			try {
				return new Snapshot(FACTORY.captureAll());
			}
			finally {
				scope.close();
			}
		}

		@Override
		void run(Runnable action) {
			this.snapshot.wrap(action).run();
		}

	}

}
