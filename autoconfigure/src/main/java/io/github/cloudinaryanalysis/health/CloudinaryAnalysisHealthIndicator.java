package io.github.cloudinaryanalysis.health;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.tasks.RequestOptions;
import io.github.cloudinaryanalysis.tasks.RetryReason;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the Analysis API as this application sees it. UP means the API answered and accepted the credentials.
 * <p>
 * It never probes more than once per cache TTL, however often it is asked, and not at all while the application's own
 * calls within that TTL already tell: the outcome of the latest such call (newer than the last probe) decides at once,
 * DOWN after a transport failure, a 5xx, a 401 or a 403, UP again after a later accepted call. A probe asks for a task
 * id that cannot exist: a 404 (or 400) proves reachability and authentication; 401/403 is DOWN with a reason naming the
 * credentials; 429 is UP with {@code rateLimited}; 5xx, a timeout or a refused connection is DOWN. A probe has its own
 * short timeout, so a slow API cannot stall the health endpoint. Details: cloud name, API host, time of the last
 * accepted call, last known remaining quota; never the key or secret.
 */
public class CloudinaryAnalysisHealthIndicator implements HealthIndicator, DisposableBean {

	/** A syntactically valid task id that no analysis ever returns. */
	static final String PROBE_TASK_ID = "health-check-probe-0000000000000000";

	private final TasksClient client;

	private final ClientActivity activity;

	private final String cloudName;

	private final String host;

	private final Duration cacheTtl;

	private final Duration timeout;

	private final Clock clock;

	private final ExecutorService probeExecutor = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "cloudinary-analysis-health-probe");
		thread.setDaemon(true);
		return thread;
	});

	private volatile @Nullable CachedHealth cached;

	private @Nullable CompletableFuture<Health> probeInFlight;

	/**
	 * Create the indicator.
	 * @param client the client to probe with
	 * @param activity what the application's own calls have shown
	 * @param cloudName the cloud name, shown in the details
	 * @param baseUrl the API's base URL; only its host is shown
	 * @param cacheTtl how long a result stands
	 * @param timeout the longest a probe may take
	 * @param clock the clock
	 */
	public CloudinaryAnalysisHealthIndicator(TasksClient client, ClientActivity activity, String cloudName,
			String baseUrl, Duration cacheTtl, Duration timeout, Clock clock) {
		this.client = client;
		this.activity = activity;
		this.cloudName = cloudName;
		this.host = hostOf(baseUrl);
		this.cacheTtl = cacheTtl;
		this.timeout = timeout;
		this.clock = clock;
	}

	private static String hostOf(String baseUrl) {
		try {
			String host = URI.create(baseUrl).getHost();
			return (host != null) ? host : "unknown";
		}
		catch (IllegalArgumentException ex) {
			return "unknown";
		}
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		CachedHealth cached = this.cached;
		ClientActivity.Outcome last = this.activity.lastOutcome();
		// The application's own calls since the last probe decide at once, UP or DOWN, with no probe sent.
		if (last != null && isFresh(last.at(), now) && (cached == null || last.sequence() > cached.outcomesSeen())) {
			return last.healthy() ? withDetails(Health.up()).withDetail("source", "recent calls").build()
					: withDetails(Health.down()).withDetail("source", "recent calls")
						.withDetail("error", last.problem())
						.build();
		}
		if (cached != null && isFresh(cached.at(), now)) {
			return cached.health();
		}
		Health probed = probeOnce();
		this.cached = new CachedHealth(probed, this.clock.instant(), this.activity.outcomeCount());
		return probed;
	}

	private boolean isFresh(Instant at, Instant now) {
		return Duration.between(at, now).compareTo(this.cacheTtl) < 0;
	}

	/** Concurrent health requests share one probe. */
	private Health probeOnce() {
		CompletableFuture<Health> probe;
		synchronized (this) {
			if (this.probeInFlight == null || this.probeInFlight.isDone()) {
				this.probeInFlight = CompletableFuture.supplyAsync(this::probe, this.probeExecutor);
			}
			probe = this.probeInFlight;
		}
		try {
			return probe.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return withDetails(Health.down()).withDetail("error", "no answer within " + this.timeout).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return withDetails(Health.unknown()).withDetail("error", "interrupted").build();
		}
		catch (ExecutionException ex) {
			return withDetails(Health.down()).withDetail("error", ex.getCause().getClass().getSimpleName()).build();
		}
	}

	private Health probe() {
		try {
			this.client.getStatus(PROBE_TASK_ID, RequestOptions.defaults().withReadTimeout(this.timeout).withoutRetries());
			return withDetails(Health.up()).withDetail("source", "probe").build();
		}
		catch (CloudinaryAnalysisException ex) {
			return fromApiAnswer(ex);
		}
		catch (RuntimeException ex) {
			return withDetails(Health.down()).withDetail("error", describeTransportFailure(ex)).build();
		}
	}

	private String describeTransportFailure(RuntimeException ex) {
		RetryReason reason = RetryReason.of(ex);
		if (reason == RetryReason.TIMEOUT) {
			return "no answer within " + this.timeout;
		}
		if (reason == RetryReason.CONNECT_FAILURE) {
			return "API unreachable: connection failed";
		}
		return "API unreachable: " + ex.getClass().getSimpleName();
	}

	private Health fromApiAnswer(CloudinaryAnalysisException ex) {
		int status = ex.getStatusCode().value();
		if (ClientActivity.provesReachabilityAndAuth(ex)) {
			Health.Builder builder = withDetails(Health.up()).withDetail("source", "probe");
			if (ex instanceof CloudinaryAnalysisException.TooManyRequests rateLimited) {
				builder.withDetail("rateLimited", true);
				rateLimited.getRetryAfter().ifPresent((wait) -> builder.withDetail("retryAfterSeconds", wait.toSeconds()));
			}
			return builder.build();
		}
		if (status == 401 || status == 403) {
			return withDetails(Health.down())
				.withDetail("error", "credentials rejected (HTTP " + status + "): check CLOUDINARY_URL or "
						+ "cloudinary.analysis.api-key / api-secret")
				.build();
		}
		return withDetails(Health.down()).withDetail("error", "API answered HTTP " + status).build();
	}

	private Health.Builder withDetails(Health.Builder builder) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("cloudName", this.cloudName);
		details.put("host", this.host);
		Instant lastAccepted = this.activity.lastAcceptedCall();
		if (lastAccepted != null) {
			details.put("lastSuccess", lastAccepted.toString());
		}
		Map<String, Long> quota = this.activity.remainingQuota();
		if (!quota.isEmpty()) {
			details.put("remainingQuota", quota);
		}
		return builder.withDetails(details);
	}

	@Override
	public void destroy() {
		this.probeExecutor.shutdownNow();
	}

	private record CachedHealth(Health health, Instant at, long outcomesSeen) {
	}

}
