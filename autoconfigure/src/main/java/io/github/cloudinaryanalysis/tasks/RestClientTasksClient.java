package io.github.cloudinaryanalysis.tasks;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import io.github.cloudinaryanalysis.CloudinaryAnalysisUnavailableException;
import io.github.cloudinaryanalysis.http.ErrorResponseTranslator;
import io.github.cloudinaryanalysis.http.PerCallReadTimeoutRequestFactory;
import io.github.cloudinaryanalysis.http.SecretRedactor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The {@link TasksClient} on a Spring {@link RestClient} prepared by
 * {@link io.github.cloudinaryanalysis.http.AnalysisRestClient#configure}.
 * <p>
 * Requests use the URI template {@value #STATUS_URI_TEMPLATE}, so metrics and traces carry the template, never a
 * raw task id. The body is read by this class (bounded to a maximum size) rather than by the application's message
 * converters, so the application's Jackson settings cannot change how answers are read. Failed calls are retried
 * as {@link RetrySettings} says.
 * <p>
 * Waits ({@code awaitCompletion}) run on threads this client owns: one timer thread that only times, and at most
 * {@link Builder#maxConcurrentPolls(int) maxConcurrentPolls} threads that make the polls' calls. They start on the
 * first wait and stop on {@link #close()}, which ends every pending wait with a
 * {@link java.util.concurrent.CancellationException}; the auto-configuration closes the client with its context.
 */
public class RestClientTasksClient implements TasksClient, AutoCloseable {

	/** The path of "get analysis task status", relative to the base URL. */
	public static final String STATUS_URI_TEMPLATE = "/{cloudName}/tasks/{taskId}";

	/** Default bound on a response body: real answers are a few hundred bytes. */
	public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

	/** Default bound on the polls whose calls run at once. */
	public static final int DEFAULT_MAX_CONCURRENT_POLLS = 16;

	private static final Log logger = LogFactory.getLog(RestClientTasksClient.class);

	private static final TaskStatusObservationConvention DEFAULT_OBSERVATION_CONVENTION = new DefaultTaskStatusObservationConvention();

	private final RestClient restClient;

	private final String cloudName;

	private final TaskStatusResponseReader reader;

	private final RetrySettings retry;

	private final PollingSettings polling;

	private final TasksClientListener listener;

	private final RetryingCaller retryingCaller;

	private final PollingThreads pollingThreads;

	private final TaskAwaiter awaiter;

	private final ObservationRegistry observationRegistry;

	private final @Nullable TaskStatusObservationConvention observationConvention;

	/**
	 * Create a client with default settings.
	 * @param restClient the prepared client
	 * @param cloudName the cloud name
	 */
	public RestClientTasksClient(RestClient restClient, String cloudName) {
		this(builder(restClient, cloudName));
	}

	private RestClientTasksClient(Builder builder) {
		this.restClient = builder.restClient;
		this.cloudName = builder.cloudName;
		this.reader = new TaskStatusResponseReader(
				new ErrorResponseTranslator(builder.clock, builder.redactor), builder.maxResponseBytes);
		this.retry = builder.retry;
		this.polling = builder.polling;
		this.listener = builder.listener;
		this.retryingCaller = new RetryingCaller(this.listener);
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
		this.pollingThreads = new PollingThreads(builder.timerThreads, builder.maxConcurrentPolls,
				builder.virtualThreads);
		this.awaiter = new TaskAwaiter(this, this.polling, this.retry, this.pollingThreads, this.listener,
				this.observationRegistry);
	}

	/**
	 * Start building a client.
	 * @param restClient the prepared client
	 * @param cloudName the cloud name
	 * @return a builder with default settings
	 */
	public static Builder builder(RestClient restClient, String cloudName) {
		return new Builder(restClient, cloudName);
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
		try (Observation.Scope scope = observation.openScope()) {
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
			observation.stop();
		}
	}

	private TaskStatusResponse attempt(String taskId, RequestOptions options) {
		try {
			TaskStatusResponse response = PerCallReadTimeoutRequestFactory.withReadTimeout(
					options.readTimeout().orElse(null),
					() -> this.restClient.get()
						.uri(STATUS_URI_TEMPLATE, this.cloudName, taskId)
						.headers((headers) -> options.headers().forEach(headers::addAll))
						.exchange((request, answer) -> this.reader.read(taskId, answer), false));
			if (logger.isDebugEnabled()) {
				logger.debug("Task " + taskId + " is " + response.status() + " (request id " + response.requestId()
						+ ")");
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
	 * End every pending wait with a {@link java.util.concurrent.CancellationException} and stop the waits'
	 * threads: no poll is sent after this returns, and a poll in flight is interrupted, its answer ignored. Later
	 * waits end at once with a {@code CancellationException}; {@link #getStatus} keeps working. Idempotent.
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
	 * Builds a {@link RestClientTasksClient}.
	 */
	public static final class Builder {

		private final RestClient restClient;

		private final String cloudName;

		private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

		private Clock clock = Clock.systemUTC();

		private SecretRedactor redactor = SecretRedactor.TOKENS_ONLY;

		private RetrySettings retry = RetrySettings.defaults();

		private PollingSettings polling = PollingSettings.defaults();

		private int timerThreads = 1;

		private int maxConcurrentPolls = DEFAULT_MAX_CONCURRENT_POLLS;

		private boolean virtualThreads;

		private TasksClientListener listener = TasksClientListener.NONE;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable TaskStatusObservationConvention observationConvention;

		private Builder(RestClient restClient, String cloudName) {
			this.restClient = restClient;
			this.cloudName = cloudName;
		}

		/**
		 * Set the most bytes of a response body that are read.
		 * @param maxResponseBytes the bound, positive
		 * @return this builder
		 */
		public Builder maxResponseBytes(int maxResponseBytes) {
			if (maxResponseBytes <= 0) {
				throw new IllegalArgumentException("maxResponseBytes must be positive");
			}
			this.maxResponseBytes = maxResponseBytes;
			return this;
		}

		/**
		 * Set the clock that turns rate-limit reset times into waits.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Set what masks credentials an answer may echo (an upstream or proxy that quotes the request), before any
		 * text derived from an answer is stored in an exception, a response or a log line. By default
		 * {@code Basic} and {@code Bearer} tokens and URL passwords are masked.
		 * @param redactor the redactor, e.g. {@link SecretRedactor#forBasicCredentials(String, String)}
		 * @return this builder
		 */
		public Builder redactor(SecretRedactor redactor) {
			this.redactor = Objects.requireNonNull(redactor, "redactor must not be null");
			return this;
		}

		/**
		 * Set how failed calls are retried.
		 * @param retry the settings
		 * @return this builder
		 */
		public Builder retry(RetrySettings retry) {
			this.retry = retry;
			return this;
		}

		/**
		 * Set how tasks are polled while waiting.
		 * @param polling the settings
		 * @return this builder
		 */
		public Builder polling(PollingSettings polling) {
			this.polling = polling;
			return this;
		}

		/**
		 * Set the number of timer threads that schedule the polls and deadlines of waits. They only time; the polls'
		 * calls run elsewhere (see {@link #maxConcurrentPolls(int)}), so one is enough for thousands of waits.
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
		 * Set the most polls whose HTTP calls run at once; excess polls queue, and still end at their wait's
		 * deadline.
		 * @param maxConcurrentPolls the bound, at least 1 (default {@value RestClientTasksClient#DEFAULT_MAX_CONCURRENT_POLLS})
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
		 * Set whether polls run on virtual threads (still at most {@link #maxConcurrentPolls(int)} at once).
		 * @param virtualThreads {@code true} for virtual threads, which needs Java 21 or later
		 * @return this builder
		 * @throws IllegalStateException when virtual threads are asked for on a Java version without them
		 */
		public Builder virtualThreads(boolean virtualThreads) {
			if (virtualThreads && Runtime.version().feature() < 21) {
				throw new IllegalStateException("Virtual threads need Java 21 or later, but this is Java "
						+ Runtime.version().feature());
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
			this.listener = listener;
			return this;
		}

		/**
		 * Set the registry that observes each {@code getStatus} call (a timer and a trace span, see
		 * {@link DefaultTaskStatusObservationConvention}) and each wait ({@code cloudinary.analysis.tasks.await},
		 * the parent of its polls' observations).
		 * @param observationRegistry the registry; {@link ObservationRegistry#NOOP} observes nothing
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
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
		 * Build the client.
		 * @return the client
		 */
		public RestClientTasksClient build() {
			return new RestClientTasksClient(this);
		}

	}

}
