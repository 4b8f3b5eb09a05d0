package io.github.cloudinaryanalysis.analyze;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.cloudinaryanalysis.AccessTokenProvider;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.RateLimit;
import io.github.cloudinaryanalysis.http.AnalysisConnection;
import io.github.cloudinaryanalysis.http.JsonAnswer;
import io.github.cloudinaryanalysis.tasks.RequestOptions;
import io.github.cloudinaryanalysis.tasks.RetryReason;
import io.github.cloudinaryanalysis.tasks.RetrySettings;
import io.github.cloudinaryanalysis.tasks.RetryingCaller;
import io.github.cloudinaryanalysis.tasks.TaskAwaitTimeoutException;
import io.github.cloudinaryanalysis.tasks.TaskIds;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.tasks.TasksClientListener;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The {@link AnalyzeClient} on a Spring {@link RestClient}, built by
 * {@link AnalyzeClient#builder()} (the auto-configuration uses the same builder).
 * <p>
 * Requests use the URI template {@value #ANALYZE_URI_TEMPLATE}, so metrics and traces
 * carry the template. Bodies are written by the starter's own JSON mapper and answers are
 * read by this class, bounded, so the application's Jackson settings change neither. Each
 * call is observed as {@value #OBSERVATION_NAME} with the low-cardinality keys
 * {@code type} (the operation, one of fifteen) and {@code outcome}.
 * <p>
 * Retries: see {@link AnalyzeClient}. A POST may be billed once the API has processed it,
 * so by default only a 429 and a refused connection (the request was never sent) are
 * retried, under the configured {@link RetrySettings}; a call whose
 * {@link RequestOptions#withRetry(RetrySettings)} names settings is retried on every
 * reason those settings allow, including 5xx and timeouts.
 * <p>
 * {@link #analyzeAsync} needs webhooks: a {@link Builder#notificationHub notification
 * hub} fed by the application's notification endpoint, the {@link Builder#notificationUrl
 * notification URL} Cloudinary posts to, and the {@link Builder#tasksClient TasksClient}
 * whose threads time the waits and send the safety-net polls.
 */
public final class RestClientAnalyzeClient implements AnalyzeClient {

	/** The path of the analyze operations, relative to the base URL. */
	public static final String ANALYZE_URI_TEMPLATE = "/{cloudName}/analyze/{type}";

	/** Name of the observation of each call, and so of its timer. */
	public static final String OBSERVATION_NAME = "cloudinary.analysis.analyze";

	/** The failures after which the API cannot have acted on a POST. */
	private static final Set<RetryReason> SAFE_FOR_POST = EnumSet.of(RetryReason.RATE_LIMITED,
			RetryReason.CONNECT_FAILURE);

	private final AnalysisConnection connection;

	private final Clock clock;

	private final RetrySettings retry;

	private final TasksClientListener listener;

	private final RetryingCaller retryingCaller;

	private final ObservationRegistry observationRegistry;

	private final @Nullable AnalysisNotifications<?> notificationHub;

	private final @Nullable URI notificationUrl;

	private final @Nullable TasksClient tasksClient;

	private RestClientAnalyzeClient(Builder builder, AnalysisConnection connection) {
		this.connection = connection;
		this.clock = builder.clock;
		this.retry = builder.retry;
		this.listener = builder.listener;
		this.retryingCaller = new RetryingCaller(this.listener);
		this.observationRegistry = builder.observationRegistry;
		this.notificationHub = builder.notificationHub;
		this.notificationUrl = builder.notificationUrl;
		this.tasksClient = builder.tasksClient;
	}

	@Override
	public <A> AnalysisResult<A> analyze(AnalysisRequest<A> request, RequestOptions options) {
		Objects.requireNonNull(request, "request must not be null");
		Objects.requireNonNull(options, "options must not be null");
		Operation<A> operation = request.operation();
		byte[] body = AnalysisRequestBody.sync(request);
		AnalysisResult<A> result = observed(operation, options, body, (answer) -> result(operation, answer));
		if (!result.limits().isEmpty()) {
			this.listener.onRateLimits(result.limits());
		}
		return result;
	}

	@Override
	public AnalysisTask start(AnalysisRequest<?> request, RequestOptions options) {
		Objects.requireNonNull(request, "request must not be null");
		Objects.requireNonNull(options, "options must not be null");
		byte[] body = AnalysisRequestBody.async(request);
		return observed(request.operation(), options, body, RestClientAnalyzeClient::task);
	}

	@Override
	public <A> CompletableFuture<AnalysisResult<A>> analyzeAsync(AnalysisRequest<A> request, Duration timeout) {
		Objects.requireNonNull(request, "request must not be null");
		Objects.requireNonNull(timeout, "timeout must not be null");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("Timeout must be positive, but was " + timeout);
		}
		AnalysisNotifications<?> hub = this.notificationHub;
		URI notificationUrl = this.notificationUrl;
		if (hub == null || notificationUrl == null) {
			throw new IllegalStateException("analyzeAsync completes with the webhook notification of the analysis, but "
					+ ((hub != null) ? "no notification URL is set" : "webhooks are not enabled")
					+ ": set cloudinary.analysis.webhook.enabled=true and cloudinary.analysis.webhook.notification-url"
					+ " (the public URL of this application's notification endpoint); without Spring Boot, set"
					+ " RestClientAnalyzeClient.Builder.notificationHub and notificationUrl. Or use start and"
					+ " TasksClient.awaitCompletion, which need no webhook");
		}
		TasksClient tasksClient = this.tasksClient;
		if (tasksClient == null) {
			throw new IllegalStateException("analyzeAsync waits on a TasksClient's threads, but none is set:"
					+ " set RestClientAnalyzeClient.Builder.tasksClient");
		}
		return analyzeAsync(request, timeout, hub, notificationUrl, tasksClient);
	}

	private <A, N> CompletableFuture<AnalysisResult<A>> analyzeAsync(AnalysisRequest<A> request, Duration timeout,
			AnalysisNotifications<N> hub, URI notificationUrl, TasksClient tasksClient) {
		long startNanos = System.nanoTime();
		AnalysisTask task;
		try {
			task = start(request.withNotificationUrl(notificationUrl));
		}
		catch (RuntimeException failure) {
			return CompletableFuture.failedFuture(failure);
		}
		Duration remaining = timeout.minusNanos(System.nanoTime() - startNanos);
		if (remaining.isNegative() || remaining.isZero()) {
			return CompletableFuture.failedFuture(new TaskAwaitTimeoutException(task.taskId(), null, timeout));
		}
		CompletableFuture<N> notified = tasksClient.awaitNotificationAsync(task.taskId(), remaining, hub);
		CompletableFuture<AnalysisResult<A>> result = new CompletableFuture<>();
		notified.whenComplete((notification, failure) -> {
			if (notification == null) {
				result.completeExceptionally(unwrapped(failure));
				return;
			}
			this.listener.onNotified(request.type(), Duration.ofNanos(System.nanoTime() - startNanos));
			try {
				result.complete(hub.resultOf(notification, request));
			}
			catch (RuntimeException unreadable) {
				result.completeExceptionally(unreadable);
			}
		});
		// A caller's cancel ends the wait, and with it the registration for the
		// notification.
		result.whenComplete((value, failure) -> notified.cancel(false));
		return result;
	}

	private static Throwable unwrapped(@Nullable Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return (cause != null) ? cause : new IllegalStateException("The wait ended without a notification");
	}

	private <T> T observed(Operation<?> operation, RequestOptions options, byte[] body,
			Function<JsonAnswer, T> interpreter) {
		Observation observation = Observation.createNotStarted(OBSERVATION_NAME, this.observationRegistry)
			.contextualName("cloudinary-analysis analyze " + operation.type())
			.lowCardinalityKeyValue("type", operation.type());
		observation.start();
		Observation.Scope scope = observation.openScope();
		try {
			Predicate<RetryReason> retried = options.retry().isPresent() ? (reason) -> true : SAFE_FOR_POST::contains;
			T result = this.retryingCaller.call(options.retry().orElse(this.retry), retried,
					() -> attempt(operation, options, body, interpreter));
			observation.lowCardinalityKeyValue(KeyValue.of("outcome", "success"));
			return result;
		}
		catch (RuntimeException failure) {
			observation.lowCardinalityKeyValue(KeyValue.of("outcome", outcome(failure)));
			observation.error(failure);
			throw failure;
		}
		finally {
			scope.close();
			observation.stop();
		}
	}

	private <T> T attempt(Operation<?> operation, RequestOptions options, byte[] body,
			Function<JsonAnswer, T> interpreter) {
		try {
			return AnalysisConnection.withReadTimeout(options.readTimeout().orElse(null),
					() -> this.connection.restClient()
						.post()
						.uri(ANALYZE_URI_TEMPLATE, this.connection.cloudName(), operation.type())
						.contentType(MediaType.APPLICATION_JSON)
						.headers((headers) -> options.headers().forEach(headers::addAll))
						.body(body)
						.exchange((request, answer) -> this.connection.read(answer, this.clock, interpreter), false));
		}
		catch (CloudinaryAnalysisException.TooManyRequests rateLimited) {
			List<RateLimit> limits = rateLimited.getLimits();
			if (!limits.isEmpty()) {
				this.listener.onRateLimits(limits);
			}
			throw rateLimited;
		}
		catch (ResourceAccessException transportFailure) {
			throw RetryingCaller.unavailable(transportFailure);
		}
	}

	private static <A> AnalysisResult<A> result(Operation<A> operation, JsonAnswer answer) {
		if (answer.status().value() == 202) {
			AnalysisTask task = task(answer);
			throw answer.unreadable("with a task (task id " + task.taskId()
					+ ") rather than a result; follow it with TasksClient.awaitCompletion");
		}
		try {
			return AnalysisAnswers.result(operation, answer.root());
		}
		catch (MalformedAnswerException ex) {
			throw answer.unreadable(Objects.requireNonNull(ex.getMessage()));
		}
	}

	private static AnalysisTask task(JsonAnswer answer) {
		AnalysisTask task;
		try {
			task = AnalysisAnswers.task(answer.root());
		}
		catch (MalformedAnswerException ex) {
			throw answer.unreadable(Objects.requireNonNull(ex.getMessage()));
		}
		if (!TaskIds.isValid(task.taskId())) {
			// An id with CR, LF, NUL or a path character must reach no record, log line
			// or header.
			throw answer.unreadable("with a task id (data.task_id) that is not a valid task id");
		}
		return task;
	}

	private static String outcome(RuntimeException failure) {
		if (failure instanceof CloudinaryAnalysisException apiError) {
			int status = apiError.getStatusCode().value();
			if (status == 429) {
				return "rate_limited";
			}
			return (status >= 500 || status < 400) ? "server_error" : "client_error";
		}
		return "io_error";
	}

	@Override
	public String toString() {
		return "RestClientAnalyzeClient[cloudName=" + this.connection.cloudName() + "]";
	}

	/**
	 * Builds a {@link RestClientAnalyzeClient}, with or without a Spring context: the
	 * connection (or a shared one, {@link #connection(AnalysisConnection)}) and how the
	 * client retries, observes and reports. Obtain one from
	 * {@link AnalyzeClient#builder()}. Settings are checked by {@link #build()}, which
	 * throws an {@link IllegalArgumentException} naming the setting at fault.
	 */
	public static final class Builder {

		private final AnalysisConnection.Builder connectionBuilder = AnalysisConnection.builder();

		private @Nullable AnalysisConnection connection;

		private Clock clock = Clock.systemUTC();

		private RetrySettings retry = RetrySettings.defaults();

		private TasksClientListener listener = TasksClientListener.NONE;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable AnalysisNotifications<?> notificationHub;

		private @Nullable URI notificationUrl;

		private @Nullable TasksClient tasksClient;

		Builder() {
		}

		/**
		 * Set the base URL: {@code https}, or plain {@code http} to a loopback address.
		 * @param baseUrl the base URL without the cloud name
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.connectionBuilder.baseUrl(baseUrl);
			return this;
		}

		/**
		 * Set the cloud name (required).
		 * @param cloudName letters, digits, '-' and '_'
		 * @return this builder
		 */
		public Builder cloudName(String cloudName) {
			this.connectionBuilder.cloudName(cloudName);
			return this;
		}

		/**
		 * Authenticate with HTTP Basic, the API key and secret.
		 * @param apiKey the API key
		 * @param apiSecret the API secret
		 * @return this builder
		 */
		public Builder credentials(String apiKey, String apiSecret) {
			this.connectionBuilder.credentials(apiKey, apiSecret);
			return this;
		}

		/**
		 * Authenticate with an OAuth2 bearer token, asked for on every request.
		 * @param accessTokenProvider supplies the current token
		 * @return this builder
		 */
		public Builder accessTokenProvider(AccessTokenProvider accessTokenProvider) {
			this.connectionBuilder.accessTokenProvider(accessTokenProvider);
			return this;
		}

		/**
		 * Allow plain {@code http} to a host other than loopback.
		 * @param allowInsecureHttp whether to allow it (default {@code false})
		 * @return this builder
		 */
		public Builder allowInsecureHttp(boolean allowInsecureHttp) {
			this.connectionBuilder.allowInsecureHttp(allowInsecureHttp);
			return this;
		}

		/**
		 * Set the connect timeout of the client's own JDK {@code HttpClient}.
		 * @param connectTimeout the timeout, positive (default 10 s)
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectionBuilder.connectTimeout(connectTimeout);
			return this;
		}

		/**
		 * Set the read timeout of a call that does not ask for its own.
		 * @param readTimeout the timeout, positive (default 30 s)
		 * @return this builder
		 */
		public Builder readTimeout(Duration readTimeout) {
			this.connectionBuilder.readTimeout(readTimeout);
			return this;
		}

		/**
		 * Set the most bytes of a response body that are read.
		 * @param maxResponseBytes the bound, positive (default 1 MB)
		 * @return this builder
		 */
		public Builder maxResponseBytes(int maxResponseBytes) {
			this.connectionBuilder.maxResponseBytes(maxResponseBytes);
			return this;
		}

		/**
		 * Start from this {@link RestClient.Builder} (cloned).
		 * @param restClientBuilder the builder
		 * @return this builder
		 * @see AnalysisConnection.Builder#restClientBuilder(RestClient.Builder)
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.connectionBuilder.restClientBuilder(restClientBuilder);
			return this;
		}

		/**
		 * Send requests with request factories of your choice, one per read timeout.
		 * @param factoryForReadTimeout builds a factory whose read timeout is the given
		 * one
		 * @return this builder
		 * @see AnalysisConnection.Builder#requestFactory(Function)
		 */
		public Builder requestFactory(Function<Duration, ClientHttpRequestFactory> factoryForReadTimeout) {
			this.connectionBuilder.requestFactory(factoryForReadTimeout);
			return this;
		}

		/**
		 * Use the client's own JDK-based request factory on a JDK {@code HttpClient} of
		 * your making; it must not follow redirects.
		 * @param httpClient supplies the JDK client once
		 * @return this builder
		 */
		public Builder httpClient(Supplier<java.net.http.HttpClient> httpClient) {
			this.connectionBuilder.httpClient(httpClient);
			return this;
		}

		/**
		 * Add a customizer that runs before the base URL and authentication are set.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder restClientCustomizer(Consumer<RestClient.Builder> customizer) {
			this.connectionBuilder.restClientCustomizer(customizer);
			return this;
		}

		/**
		 * Add a customizer that runs last.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder clientCustomizer(Consumer<RestClient.Builder> customizer) {
			this.connectionBuilder.clientCustomizer(customizer);
			return this;
		}

		/**
		 * Use a connection prepared already, shared with other clients of the API (such
		 * as a {@code TasksClient}); the connection settings of this builder are then
		 * ignored.
		 * @param connection the connection
		 * @return this builder
		 */
		public Builder connection(AnalysisConnection connection) {
			this.connection = Objects.requireNonNull(connection, "connection must not be null");
			return this;
		}

		/**
		 * Set the clock that turns rate-limit reset times into waits.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Set how failed calls are retried; by default only a 429 and a refused
		 * connection are (see {@link AnalyzeClient}).
		 * @param retry the settings
		 * @return this builder
		 */
		public Builder retry(RetrySettings retry) {
			this.retry = Objects.requireNonNull(retry, "retry must not be null");
			return this;
		}

		/**
		 * Set the listener that hears retries and the rate limits the API reports.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(TasksClientListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener must not be null");
			return this;
		}

		/**
		 * Set the registry that observes each call ({@code cloudinary.analysis.analyze}).
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry,
					"observationRegistry must not be null");
			return this;
		}

		/**
		 * Set where {@link AnalyzeClient#analyzeAsync analyzeAsync} learns of its
		 * notifications: the starter's
		 * {@code io.github.cloudinaryanalysis.webhook.NotificationHub}, fed by the
		 * application's notification endpoint. Its fallback poll interval spaces the
		 * safety-net polls.
		 * @param notificationHub the hub, or {@code null} for none (the default:
		 * {@code analyzeAsync} then throws {@link IllegalStateException})
		 * @return this builder
		 */
		public Builder notificationHub(@Nullable AnalysisNotifications<?> notificationHub) {
			this.notificationHub = notificationHub;
			return this;
		}

		/**
		 * Set the URL Cloudinary posts the notifications of
		 * {@link AnalyzeClient#analyzeAsync analyzeAsync}'s analyses to: the public URL
		 * of the application's notification endpoint (sent as each request's
		 * {@code notification_url}).
		 * @param notificationUrl an absolute {@code http} or {@code https} URL, or
		 * {@code null} for none (the default)
		 * @return this builder
		 * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
		 */
		public Builder notificationUrl(@Nullable URI notificationUrl) {
			if (notificationUrl != null && (!notificationUrl.isAbsolute() || notificationUrl.getHost() == null
					|| !("https".equalsIgnoreCase(notificationUrl.getScheme())
							|| "http".equalsIgnoreCase(notificationUrl.getScheme())))) {
				throw new IllegalArgumentException(
						"notificationUrl must be an absolute http or https URL, but was " + notificationUrl);
			}
			this.notificationUrl = notificationUrl;
			return this;
		}

		/**
		 * Set the client whose threads time {@link AnalyzeClient#analyzeAsync
		 * analyzeAsync}'s waits and send their safety-net polls (no thread is held per
		 * wait); closing it ends those waits with a
		 * {@link java.util.concurrent.CancellationException}.
		 * @param tasksClient the tasks client, or {@code null} for none (the default)
		 * @return this builder
		 */
		public Builder tasksClient(@Nullable TasksClient tasksClient) {
			this.tasksClient = tasksClient;
			return this;
		}

		/**
		 * Build the client.
		 * @return the client
		 * @throws IllegalArgumentException when a setting is missing or invalid
		 */
		public RestClientAnalyzeClient build() {
			AnalysisConnection connection = (this.connection != null) ? this.connection
					: this.connectionBuilder.build();
			return new RestClientAnalyzeClient(this, connection);
		}

	}

}
