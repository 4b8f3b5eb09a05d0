package io.github.cloudinaryanalysis.tasks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.cloudinaryanalysis.AccessTokenProvider;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.CloudinaryAnalysisUnavailableException;
import io.github.cloudinaryanalysis.http.AnalysisConnection;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The {@link TasksClient} on a Spring {@link RestClient}, built by
 * {@link TasksClient#builder()} (the auto-configuration uses the same builder).
 * <p>
 * Requests use the URI template {@value #STATUS_URI_TEMPLATE}, so metrics and traces
 * carry the template, never a raw task id. The body is read by this class (bounded to a
 * maximum size) rather than by the application's message converters, so the application's
 * Jackson settings cannot change how answers are read. Failed calls are retried as
 * {@link RetrySettings} says.
 * <p>
 * Waits ({@code awaitCompletion}) run on threads this client owns: one timer thread that
 * only times, and at most {@link Builder#maxConcurrentPolls(int) maxConcurrentPolls}
 * threads that make the polls' calls. They start on the first wait and stop on
 * {@link #close()}, which ends every pending wait with a
 * {@link java.util.concurrent.CancellationException}; the auto-configuration closes the
 * client with its context.
 * <p>
 * With {@link Builder#notificationHub(TaskNotifications) notifications} (the starter's
 * webhook {@code NotificationHub}), a wait ends the moment its task's verified
 * notification arrives, with no further poll; after a first poll at once, it polls only
 * every {@link TaskNotifications#fallbackPollInterval() fallback poll interval} (1 minute
 * by default), as a safety net for a notification that never comes.
 */
public final class RestClientTasksClient implements TasksClient, AutoCloseable {

	/** The path of "get analysis task status", relative to the base URL. */
	public static final String STATUS_URI_TEMPLATE = "/{cloudName}/tasks/{taskId}";

	/** Default bound on a response body: real answers are a few hundred bytes. */
	public static final int DEFAULT_MAX_RESPONSE_BYTES = AnalysisConnection.DEFAULT_MAX_RESPONSE_BYTES;

	/** Default bound on the polls whose calls run at once. */
	public static final int DEFAULT_MAX_CONCURRENT_POLLS = 16;

	private static final Log logger = LogFactory.getLog(RestClientTasksClient.class);

	private static final TaskStatusObservationConvention DEFAULT_OBSERVATION_CONVENTION = new DefaultTaskStatusObservationConvention();

	private final String cloudName;

	private final AnalysisConnection connection;

	private final Clock clock;

	private final RetrySettings retry;

	private final PollingSettings polling;

	private final TasksClientListener listener;

	private final RetryingCaller retryingCaller;

	private final PollingThreads pollingThreads;

	private final TaskAwaiter awaiter;

	private final ObservationRegistry observationRegistry;

	private final @Nullable TaskStatusObservationConvention observationConvention;

	private RestClientTasksClient(Builder builder, AnalysisConnection connection) {
		this.cloudName = connection.cloudName();
		this.connection = connection;
		this.clock = builder.clock;
		this.retry = builder.retry;
		this.polling = builder.polling;
		this.listener = builder.listener;
		this.retryingCaller = new RetryingCaller(this.listener);
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
		this.pollingThreads = new PollingThreads(builder.timerThreads, builder.maxConcurrentPolls,
				builder.virtualThreads);
		this.awaiter = new TaskAwaiter(this, this.polling, this.retry, this.pollingThreads, this.listener,
				this.observationRegistry, builder.notifications);
	}

	@Override
	public TaskStatusResponse getStatus(String taskId, RequestOptions options) {
		TaskIds.requireValid(taskId);
		Objects.requireNonNull(options, "options must not be null");
		RetrySettings retry = options.retry().orElse(this.retry);
		TaskStatusObservationContext context = new TaskStatusObservationContext(taskId);
		Observation observation = Observation.createNotStarted(this.observationConvention,
				DEFAULT_OBSERVATION_CONVENTION, () -> context, this.observationRegistry);
		observation.start();
		Observation.Scope scope = observation.openScope();
		try {
			TaskStatusResponse response = this.retryingCaller.call(retry, () -> attempt(taskId, options));
			context.setResponse(response);
			this.listener.onStatusCall(response, null);
			return response;
		}
		catch (RuntimeException failure) {
			observation.error(failure);
			this.listener.onStatusCall(null, failure);
			throw failure;
		}
		finally {
			scope.close();
			observation.stop();
		}
	}

	private TaskStatusResponse attempt(String taskId, RequestOptions options) {
		try {
			TaskStatusResponse response = AnalysisConnection.withReadTimeout(options.readTimeout().orElse(null),
					() -> withHeaders(this.connection.get(STATUS_URI_TEMPLATE, this.cloudName, taskId), options)
						.exchange((request, answer) -> this.connection.read(answer, this.clock,
								(json) -> TaskStatusResponseReader.interpret(taskId, json)), false));
			if (logger.isDebugEnabled()) {
				logger.debug(
						"Task " + taskId + " is " + response.status() + " (request id " + response.requestId() + ")");
			}
			return response;
		}
		catch (CloudinaryAnalysisException.TooManyRequests rateLimited) {
			if (!rateLimited.getLimits().isEmpty()) {
				this.listener.onRateLimits(rateLimited.getLimits());
			}
			throw rateLimited;
		}
		catch (ResourceAccessException transportFailure) {
			CloudinaryAnalysisUnavailableException unavailable = TransportFailures.translate(transportFailure);
			if (logger.isDebugEnabled()) {
				logger.debug(unavailable.getMessage());
			}
			throw unavailable;
		}
	}

	/**
	 * Add the call's own headers, if it has any: touching the request's headers makes
	 * {@code RestClient} copy its default headers into a new set for the request.
	 * @param request the request
	 * @param options the call's options
	 * @return the request
	 */
	private static RestClient.RequestHeadersSpec<?> withHeaders(RestClient.RequestHeadersSpec<?> request,
			RequestOptions options) {
		Map<String, List<String>> headers = options.headers();
		return headers.isEmpty() ? request : request.headers((target) -> headers.forEach(target::addAll));
	}

	@Override
	public TaskStatusResponse awaitCompletion(String taskId) {
		return this.awaiter.await(taskId, this.polling.timeout());
	}

	@Override
	public TaskStatusResponse awaitCompletion(String taskId, Duration timeout) {
		return this.awaiter.await(taskId, timeout);
	}

	@Override
	public CompletableFuture<TaskStatusResponse> awaitCompletionAsync(String taskId, Duration timeout) {
		return this.awaiter.awaitAsync(taskId, timeout);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The wait runs on this client's threads, as {@code awaitCompletionAsync} does, and
	 * is observed and reported the same way.
	 */
	@Override
	public <N> CompletableFuture<N> awaitNotificationAsync(String taskId, Duration timeout,
			TaskNotifications<N> notifications) {
		Objects.requireNonNull(notifications, "notifications must not be null");
		return this.awaiter.awaitNotificationAsync(taskId, timeout, notifications);
	}

	/**
	 * End every pending wait with a {@link java.util.concurrent.CancellationException}
	 * and stop the waits' threads: no poll is sent after this returns, and a poll in
	 * flight is interrupted, its answer ignored. Later waits end at once with a
	 * {@code CancellationException}; {@link #getStatus} keeps working. Idempotent.
	 */
	@Override
	public void close() {
		this.pollingThreads.close();
	}

	@Override
	public String toString() {
		return "RestClientTasksClient[cloudName=" + this.cloudName + "]";
	}

	/**
	 * Builds a {@link RestClientTasksClient}, with or without a Spring context: the
	 * connection (base URL, cloud name, credentials, HTTP client) and how the client
	 * retries, polls, observes and reports. Obtain one from
	 * {@link TasksClient#builder()}. Settings are checked by {@link #build()}, which
	 * throws an {@link IllegalArgumentException} naming the setting at fault.
	 */
	public static final class Builder {

		private final AnalysisConnection.Builder connectionBuilder = AnalysisConnection.builder();

		private @Nullable AnalysisConnection connection;

		private Clock clock = Clock.systemUTC();

		private RetrySettings retry = RetrySettings.defaults();

		private PollingSettings polling = PollingSettings.defaults();

		private int timerThreads = 1;

		private int maxConcurrentPolls = DEFAULT_MAX_CONCURRENT_POLLS;

		private boolean virtualThreads;

		private TasksClientListener listener = TasksClientListener.NONE;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable TaskStatusObservationConvention observationConvention;

		private @Nullable TaskNotifications<?> notifications;

		Builder() {
		}

		/**
		 * Set the base URL: {@code https}, or plain {@code http} to a loopback address (a
		 * local fake).
		 * @param baseUrl the base URL without the cloud name (default
		 * {@value AnalysisConnection#DEFAULT_BASE_URL})
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
		 * Authenticate with HTTP Basic, the API key and secret; the secret is masked in
		 * every text the client derives from an answer.
		 * @param apiKey the API key
		 * @param apiSecret the API secret
		 * @return this builder
		 */
		public Builder credentials(String apiKey, String apiSecret) {
			this.connectionBuilder.credentials(apiKey, apiSecret);
			return this;
		}

		/**
		 * Authenticate with an OAuth2 bearer token, asked for on every request (instead
		 * of key and secret).
		 * @param accessTokenProvider supplies the current token
		 * @return this builder
		 */
		public Builder accessTokenProvider(AccessTokenProvider accessTokenProvider) {
			this.connectionBuilder.accessTokenProvider(accessTokenProvider);
			return this;
		}

		/**
		 * Allow plain {@code http} to a host other than loopback, where the credentials
		 * travel in clear text.
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
		 * Set the read timeout of a call that does not ask for its own
		 * ({@link RequestOptions#withReadTimeout(Duration)}); it bounds the headers and
		 * the body.
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
		 * Start from this {@link RestClient.Builder} (cloned) to keep its converters,
		 * observation and interceptors; its request factory is replaced by the client's
		 * own, so that per-call read timeouts apply.
		 * @param restClientBuilder the builder
		 * @return this builder
		 * @see AnalysisConnection.Builder#restClientBuilder(RestClient.Builder)
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.connectionBuilder.restClientBuilder(restClientBuilder);
			return this;
		}

		/**
		 * Send requests with request factories of your choice, one per read timeout, so
		 * that {@link RequestOptions#withReadTimeout(Duration)} still works; they should
		 * not follow redirects.
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
		 * your making (built on the first call), e.g. to carry an SSL context. It must
		 * not follow redirects.
		 * @param httpClient supplies the JDK client once
		 * @return this builder
		 * @see AnalysisConnection.Builder#httpClient(Supplier)
		 */
		public Builder httpClient(Supplier<java.net.http.HttpClient> httpClient) {
			this.connectionBuilder.httpClient(httpClient);
			return this;
		}

		/**
		 * Add a customizer that runs after the request factory is set and before the base
		 * URL and authentication are, as Spring Boot applies its
		 * {@code RestClientCustomizer}s.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder restClientCustomizer(Consumer<RestClient.Builder> customizer) {
			this.connectionBuilder.restClientCustomizer(customizer);
			return this;
		}

		/**
		 * Add a customizer that runs last, after the base URL, authentication and headers
		 * are set.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder clientCustomizer(Consumer<RestClient.Builder> customizer) {
			this.connectionBuilder.clientCustomizer(customizer);
			return this;
		}

		/**
		 * Use a connection prepared already, shared with other clients of the API; the
		 * connection settings of this builder are then ignored.
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
		 * Set how failed calls are retried.
		 * @param retry the settings
		 * @return this builder
		 */
		public Builder retry(RetrySettings retry) {
			this.retry = Objects.requireNonNull(retry, "retry must not be null");
			return this;
		}

		/**
		 * Set how tasks are polled while waiting.
		 * @param polling the settings
		 * @return this builder
		 */
		public Builder polling(PollingSettings polling) {
			this.polling = Objects.requireNonNull(polling, "polling must not be null");
			return this;
		}

		/**
		 * Set the number of timer threads that schedule the polls and deadlines of waits.
		 * They only time; the polls' calls run elsewhere (see
		 * {@link #maxConcurrentPolls(int)}), so one is enough for thousands of waits.
		 * @param timerThreads the number of threads, at least 1
		 * @return this builder
		 */
		public Builder timerThreads(int timerThreads) {
			if (timerThreads < 1) {
				throw new IllegalArgumentException("timerThreads must be at least 1, but was " + timerThreads);
			}
			this.timerThreads = timerThreads;
			return this;
		}

		/**
		 * Set the most polls whose HTTP calls run at once; excess polls queue, and still
		 * end at their wait's deadline.
		 * @param maxConcurrentPolls the bound, at least 1 (default
		 * {@value RestClientTasksClient#DEFAULT_MAX_CONCURRENT_POLLS})
		 * @return this builder
		 */
		public Builder maxConcurrentPolls(int maxConcurrentPolls) {
			if (maxConcurrentPolls < 1) {
				throw new IllegalArgumentException(
						"maxConcurrentPolls must be at least 1, but was " + maxConcurrentPolls);
			}
			this.maxConcurrentPolls = maxConcurrentPolls;
			return this;
		}

		/**
		 * Set whether polls run on virtual threads (still at most
		 * {@link #maxConcurrentPolls(int)} at once).
		 * @param virtualThreads {@code true} for virtual threads, which needs Java 21 or
		 * later
		 * @return this builder
		 * @throws IllegalStateException when virtual threads are asked for on a Java
		 * version without them
		 */
		public Builder virtualThreads(boolean virtualThreads) {
			if (virtualThreads && Runtime.version().feature() < 21) {
				throw new IllegalStateException(
						"Virtual threads need Java 21 or later, but this is Java " + Runtime.version().feature());
			}
			this.virtualThreads = virtualThreads;
			return this;
		}

		/**
		 * Set the listener that hears calls, retries and waits.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(TasksClientListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener must not be null");
			return this;
		}

		/**
		 * Set the registry that observes each {@code getStatus} call (a timer and a trace
		 * span, see {@link DefaultTaskStatusObservationConvention}) and each wait
		 * ({@code cloudinary.analysis.tasks.await}, the parent of its polls'
		 * observations).
		 * @param observationRegistry the registry; {@link ObservationRegistry#NOOP}
		 * observes nothing
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry,
					"observationRegistry must not be null");
			return this;
		}

		/**
		 * Set a convention that replaces the default names and tags of the observation.
		 * @param observationConvention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable TaskStatusObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * End waits on their task's webhook notification: {@code awaitCompletion} and
		 * {@code awaitCompletionAsync} then end the moment the verified notification
		 * arrives, with no further poll. They poll once at once (a task that ended
		 * already ends the wait), then only every
		 * {@link TaskNotifications#fallbackPollInterval()} as a safety net (instead of
		 * the {@link #polling(PollingSettings) polling} intervals, whose timeout still
		 * applies). A wait ended by a notification returns what a poll would:
		 * {@link TaskStatus#COMPLETED} or {@link TaskStatus#FAILED} (see
		 * {@link TaskNotifications#statusOf}).
		 * @param notifications the notifications, usually the starter's
		 * {@code io.github.cloudinaryanalysis.webhook.NotificationHub}, or {@code null}
		 * to poll only (the default)
		 * @return this builder
		 */
		public Builder notificationHub(@Nullable TaskNotifications<?> notifications) {
			this.notifications = notifications;
			return this;
		}

		/**
		 * Build the client. Its threads start on the first wait;
		 * {@link RestClientTasksClient#close() close} it when done.
		 * @return the client
		 * @throws IllegalArgumentException when a setting is missing or invalid; the
		 * message names it
		 */
		public RestClientTasksClient build() {
			AnalysisConnection connection = (this.connection != null) ? this.connection
					: this.connectionBuilder.build();
			return new RestClientTasksClient(this, connection);
		}

	}

}
