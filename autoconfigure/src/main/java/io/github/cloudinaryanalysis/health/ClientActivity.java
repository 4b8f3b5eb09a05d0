package io.github.cloudinaryanalysis.health;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.CloudinaryAnalysisUnavailableException;
import io.github.cloudinaryanalysis.RateLimit;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.ResourceAccessException;

/**
 * What the application's own calls have shown: when the API last answered with the
 * credentials accepted, and the last known remaining quota per rate-limited feature. Read
 * by the health indicator (so it need not probe while real calls prove the same) and by
 * the metrics, which learn of each newly tracked feature through
 * {@link #onFeatureTracked(Consumer)} rather than by hearing the same events after it.
 */
public class ClientActivity implements TasksClientListener {

	/**
	 * At most this many features are tracked, so that a hostile answer cannot grow the
	 * map or the meters.
	 */
	static final int MAX_FEATURES = 16;

	private final Clock clock;

	private final Map<String, Long> remainingQuota = new ConcurrentHashMap<>();

	private volatile @Nullable Instant lastAcceptedCall;

	private volatile @Nullable Outcome lastOutcome;

	private final AtomicLong outcomes = new AtomicLong();

	private final List<Consumer<String>> featureTrackedCallbacks = new CopyOnWriteArrayList<>();

	/**
	 * Create an instance on the system clock.
	 */
	public ClientActivity() {
		this(Clock.systemUTC());
	}

	ClientActivity(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onStatusCall(@Nullable TaskStatusResponse response, @Nullable RuntimeException failure) {
		if (response != null || provesReachabilityAndAuth(failure)) {
			Instant now = this.clock.instant();
			this.lastAcceptedCall = now;
			this.lastOutcome = new Outcome(this.outcomes.incrementAndGet(), now, null);
		}
		else if (failure != null) {
			String problem = provesApiUnhealthy(failure);
			if (problem != null) {
				this.lastOutcome = new Outcome(this.outcomes.incrementAndGet(), this.clock.instant(), problem);
			}
		}
	}

	/**
	 * Tell whether a failed call shows the API unhealthy from here: a transport failure,
	 * a 5xx, or credentials rejected (401, 403). Other failures (a task id refused before
	 * sending, an unreadable answer, a wait that ran out) say nothing about the API's
	 * health.
	 * @param failure the failure
	 * @return what it shows, for the health details, or {@code null} when it shows
	 * nothing
	 */
	static @Nullable String provesApiUnhealthy(RuntimeException failure) {
		if (failure instanceof CloudinaryAnalysisException apiError) {
			int status = apiError.getStatusCode().value();
			if (status == 401 || status == 403) {
				return "credentials rejected (HTTP " + status + "): check CLOUDINARY_URL or "
						+ "cloudinary.analysis.api-key / api-secret";
			}
			return apiError.getStatusCode().is5xxServerError() ? "API answered HTTP " + status : null;
		}
		if (failure instanceof CloudinaryAnalysisUnavailableException unavailable) {
			return unavailable.isTimeout() ? "API did not answer in time" : "API unreachable";
		}
		return (failure instanceof ResourceAccessException) ? "API unreachable" : null;
	}

	/**
	 * Return the outcome of the last call that said something about the API's health.
	 * @return the outcome, or {@code null} when no call did yet
	 */
	public @Nullable Outcome lastOutcome() {
		return this.lastOutcome;
	}

	/**
	 * How many calls so far said something about the API's health; a result computed at
	 * one count is outdated once the count has grown.
	 * @return the count
	 */
	public long outcomeCount() {
		return this.outcomes.get();
	}

	/**
	 * Whether a failed call still proves that the API is reachable and accepted the
	 * credentials: a 400 or 404 (the API looked at the request) or a 429. The health
	 * indicator judges its probes by the same rule.
	 * @param failure the failure
	 * @return whether it proves reachability and authentication
	 */
	public static boolean provesReachabilityAndAuth(@Nullable RuntimeException failure) {
		if (failure instanceof CloudinaryAnalysisException apiError) {
			int status = apiError.getStatusCode().value();
			return status == 400 || status == 404 || status == 429;
		}
		return false;
	}

	@Override
	public void onRateLimits(List<RateLimit> limits) {
		for (RateLimit limit : limits) {
			if (limit.remaining() != null
					&& (this.remainingQuota.size() < MAX_FEATURES || this.remainingQuota.containsKey(limit.type()))) {
				if (this.remainingQuota.put(limit.type(), limit.remaining()) == null) {
					this.featureTrackedCallbacks.forEach((callback) -> callback.accept(limit.type()));
				}
			}
		}
	}

	/**
	 * Call back, with its name, for each feature whose quota is tracked: at once for
	 * those tracked already, then as each new one is first reported. At most
	 * {@value #MAX_FEATURES} features are ever named; a callback may be called twice for
	 * a feature reported while it subscribes, so it must be idempotent.
	 * @param callback what to call, fast and not throwing
	 */
	public void onFeatureTracked(Consumer<String> callback) {
		this.featureTrackedCallbacks.add(callback);
		this.remainingQuota.keySet().forEach(callback);
	}

	/**
	 * Return when a call last proved the API reachable with the credentials accepted.
	 * @return the time, or {@code null} when no call did yet
	 */
	public @Nullable Instant lastAcceptedCall() {
		return this.lastAcceptedCall;
	}

	/**
	 * Return the last known remaining quota per feature, from 429 answers.
	 * @return an unmodifiable snapshot
	 */
	public Map<String, Long> remainingQuota() {
		return Map.copyOf(this.remainingQuota);
	}

	/**
	 * Return the last known remaining quota of a feature.
	 * @param feature the feature, e.g. {@code ai_vision}
	 * @return the quota, or {@code NaN} when unknown
	 */
	public double remainingQuota(String feature) {
		Long remaining = this.remainingQuota.get(feature);
		return (remaining != null) ? remaining : Double.NaN;
	}

	/**
	 * The outcome of one call that said something about the API's health.
	 *
	 * @param sequence the call's place among such calls, from 1
	 * @param at when the call ended
	 * @param problem what the failure shows, or {@code null} when the call proved the API
	 * healthy
	 */
	public record Outcome(long sequence, Instant at, @Nullable String problem) {

		/**
		 * Whether the call proved the API reachable with the credentials accepted.
		 * @return {@code true} for a healthy outcome
		 */
		public boolean healthy() {
			return this.problem == null;
		}

	}

}
