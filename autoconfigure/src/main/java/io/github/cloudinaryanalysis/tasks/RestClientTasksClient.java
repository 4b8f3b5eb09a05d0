package io.github.cloudinaryanalysis.tasks;

import java.time.Clock;
import java.util.Objects;

import io.github.cloudinaryanalysis.http.ErrorResponseTranslator;
import io.github.cloudinaryanalysis.http.PerCallReadTimeoutRequestFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

/**
 * The {@link TasksClient} on a Spring {@link RestClient} prepared by
 * {@link io.github.cloudinaryanalysis.http.AnalysisRestClient#configure}.
 * <p>
 * Requests use the URI template {@value #STATUS_URI_TEMPLATE}, so metrics and traces carry the template, never a
 * raw task id. The body is read by this class (bounded to {@code maxResponseBytes}) rather than by the
 * application's message converters, so the application's Jackson settings cannot change how answers are read.
 */
public class RestClientTasksClient implements TasksClient {

	/** The path of "get analysis task status", relative to the base URL. */
	public static final String STATUS_URI_TEMPLATE = "/{cloudName}/tasks/{taskId}";

	/** Default bound on a response body: real answers are a few hundred bytes. */
	public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

	private static final Log logger = LogFactory.getLog(RestClientTasksClient.class);

	private final RestClient restClient;

	private final String cloudName;

	private final TaskStatusResponseReader reader;

	/**
	 * Create a client with the default body bound.
	 * @param restClient the prepared client
	 * @param cloudName the cloud name
	 */
	public RestClientTasksClient(RestClient restClient, String cloudName) {
		this(restClient, cloudName, DEFAULT_MAX_RESPONSE_BYTES, Clock.systemUTC());
	}

	/**
	 * Create a client.
	 * @param restClient the prepared client
	 * @param cloudName the cloud name
	 * @param maxResponseBytes the most bytes of a body that are read
	 * @param clock the clock used to turn rate-limit reset times into waits
	 */
	public RestClientTasksClient(RestClient restClient, String cloudName, int maxResponseBytes, Clock clock) {
		this.restClient = restClient;
		this.cloudName = cloudName;
		this.reader = new TaskStatusResponseReader(
				new ErrorResponseTranslator(JsonMapper.builder().build(), clock), maxResponseBytes);
	}

	@Override
	public TaskStatusResponse getStatus(String taskId, RequestOptions options) {
		TaskIds.requireValid(taskId);
		Objects.requireNonNull(options, "options must not be null");
		TaskStatusResponse response = PerCallReadTimeoutRequestFactory.withReadTimeout(
				options.readTimeout().orElse(null),
				() -> this.restClient.get()
					.uri(STATUS_URI_TEMPLATE, this.cloudName, taskId)
					.headers((headers) -> options.headers().forEach(headers::addAll))
					.exchange((request, answer) -> this.reader.read(taskId, answer)));
		if (logger.isDebugEnabled()) {
			logger.debug("Task " + taskId + " is " + response.status() + " (request id " + response.requestId() + ")");
		}
		return response;
	}

	@Override
	public String toString() {
		return "RestClientTasksClient[cloudName=" + this.cloudName + "]";
	}

}
