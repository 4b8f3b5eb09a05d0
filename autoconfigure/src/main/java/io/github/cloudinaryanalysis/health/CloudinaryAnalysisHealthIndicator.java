package io.github.cloudinaryanalysis.health;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.tasks.RetryReason;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the Analysis API as this application sees it. UP means the API answered and
 * accepted the credentials.
 * <p>
 * It never probes more than once per cache TTL, however often it is asked, and not at all
 * while the application's own calls within that TTL already tell: the outcome of the
 * latest such call (newer than the last probe) decides at once, DOWN after a transport
 * failure, a 5xx, a 401 or a 403, UP again after a later accepted call. A probe asks for
 * a task id that cannot exist: a 404 (or 400) proves reachability and authentication;
 * 401/403 is DOWN with a reason naming the credentials; 429 is UP with
 * {@code rateLimited}; 5xx, a timeout or a refused connection is DOWN. A probe has its
 * own short timeout, so a slow API cannot stall the health endpoint. Details: cloud name,
 * API host, time of the last accepted call, last known remaining quota; never the key or
 * secret.
 * <p>
 * Sending the probe, sharing it and remembering its result is {@link HealthProbe}'s job;
 * this class decides what to report from it and from the application's own calls.
 */
public class CloudinaryAnalysisHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final ClientActivity activity;

	private final String cloudName;

	private final String host;

	private final Duration cacheTtl;

	private final Clock clock;

	private final HealthProbe probe;

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
		super("Cloudinary Analysis API health check failed");
		this.activity = activity;
		this.cloudName = cloudName;
		this.host = hostOf(baseUrl);
		this.cacheTtl = cacheTtl;
		this.clock = clock;
		this.probe = new HealthProbe(client, timeout, clock, activity::outcomeCount);
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
	protected void doHealthCheck(Health.Builder builder) {
		Instant now = this.clock.instant();
		HealthProbe.Result latest = this.probe.latest();
		ClientActivity.Outcome last = this.activity.lastOutcome();
		// The application's own calls since the last probe decide at once, UP or DOWN,
		// with no probe sent.
		if (last != null && isFresh(last.at(), now) && (latest == null || last.sequence() > latest.outcomesSeen())) {
			addDetails(builder);
			fromRecentCalls(builder, last);
		}
		else {
			HealthProbe.Result result = (latest != null && isFresh(latest.at(), now)) ? latest : this.probe.run();
			// After the probe, whose own call may have just been accepted.
			addDetails(builder);
			fromProbe(builder, result);
		}
	}

	private boolean isFresh(Instant at, Instant now) {
		return Duration.between(at, now).compareTo(this.cacheTtl) < 0;
	}

	private void fromRecentCalls(Health.Builder builder, ClientActivity.Outcome last) {
		if (last.healthy()) {
			builder.up().withDetail("source", "recent calls");
		}
		else {
			builder.down().withDetail("source", "recent calls").withDetail("error", String.valueOf(last.problem()));
		}
	}

	private void fromProbe(Health.Builder builder, HealthProbe.Result result) {
		Throwable failure = result.failure();
		switch (result.kind()) {
			case ANSWERED -> builder.up().withDetail("source", "probe");
			case FAILED -> {
				if (failure instanceof CloudinaryAnalysisException apiError) {
					fromApiAnswer(builder, apiError);
				}
				else {
					builder.down().withDetail("error", describeTransportFailure((RuntimeException) failure));
				}
			}
			case NO_ANSWER_IN_TIME -> builder.down().withDetail("error", "no answer within " + this.probe.timeout());
			case INTERRUPTED -> builder.unknown().withDetail("error", "interrupted");
			case CRASHED ->
				builder.down().withDetail("error", (failure != null) ? failure.getClass().getSimpleName() : "unknown");
		}
	}

	private String describeTransportFailure(@Nullable RuntimeException ex) {
		if (ex == null) {
			return "API unreachable";
		}
		RetryReason reason = RetryReason.of(ex);
		if (reason == RetryReason.TIMEOUT) {
			return "no answer within " + this.probe.timeout();
		}
		if (reason == RetryReason.CONNECT_FAILURE) {
			return "API unreachable: connection failed";
		}
		return "API unreachable: " + ex.getClass().getSimpleName();
	}

	private void fromApiAnswer(Health.Builder builder, CloudinaryAnalysisException ex) {
		int status = ex.getStatusCode().value();
		if (ClientActivity.provesReachabilityAndAuth(ex)) {
			builder.up().withDetail("source", "probe");
			if (ex instanceof CloudinaryAnalysisException.TooManyRequests rateLimited) {
				builder.withDetail("rateLimited", true);
				rateLimited.getRetryAfter()
					.ifPresent((wait) -> builder.withDetail("retryAfterSeconds", wait.toSeconds()));
			}
		}
		else if (status == 401 || status == 403) {
			builder.down()
				.withDetail("error", "credentials rejected (HTTP " + status + "): check CLOUDINARY_URL or "
						+ "cloudinary.analysis.api-key / api-secret");
		}
		else {
			builder.down().withDetail("error", "API answered HTTP " + status);
		}
	}

	private void addDetails(Health.Builder builder) {
		builder.withDetail("cloudName", this.cloudName).withDetail("host", this.host);
		Instant lastAccepted = this.activity.lastAcceptedCall();
		if (lastAccepted != null) {
			builder.withDetail("lastSuccess", lastAccepted.toString());
		}
		Map<String, Long> quota = this.activity.remainingQuota();
		if (!quota.isEmpty()) {
			builder.withDetail("remainingQuota", quota);
		}
	}

	@Override
	public void destroy() {
		this.probe.close();
	}

}
