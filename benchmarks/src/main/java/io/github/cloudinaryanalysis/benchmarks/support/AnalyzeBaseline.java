package io.github.cloudinaryanalysis.benchmarks.support;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The hand-written baseline of {@code AnalyzeClient.analyze(captioning)}: a
 * {@link RestClient} POST of the same JSON body ({@code {"source":{"uri":...}}}) to
 * {@code /{cloudName}/analyze/captioning}, the answer mapped by the message converters'
 * Jackson into records of the same fields the starter reads (entity, caption, model
 * version, limits, request id): what a user writes today.
 */
public final class AnalyzeBaseline {

	/** The image both clients ask to caption. */
	public static final String IMAGE = "https://res.cloudinary.com/demo/image/upload/sample.jpg";

	private final RestClient client;

	public AnalyzeBaseline(ClientHttpRequestFactory requestFactory, String baseUrl, String authorization) {
		this.client = RestClient.builder()
			.requestFactory(requestFactory)
			.baseUrl(baseUrl)
			.defaultHeader(HttpHeaders.AUTHORIZATION, authorization)
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

	public CaptioningAnswer captioning(String cloudName) {
		CaptioningAnswer answer = this.client.post()
			.uri("/{cloudName}/analyze/{type}", cloudName, "captioning")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Body(new Body.Source(IMAGE)))
			.retrieve()
			.body(CaptioningAnswer.class);
		if (answer == null || answer.data().analysis().data().caption() == null) {
			throw new IllegalStateException("No caption in the answer");
		}
		return answer;
	}

	/**
	 * The request body.
	 *
	 * @param source the asset
	 */
	record Body(Source source) {

		/**
		 * The asset.
		 *
		 * @param uri its URI
		 */
		record Source(String uri) {
		}

	}

	/**
	 * The 200 answer of captioning.
	 *
	 * @param data the entity and its analysis
	 * @param limits the quotas
	 * @param requestId the request id
	 */
	public record CaptioningAnswer(Data data, Limits limits, @JsonProperty("request_id") String requestId) {

		/**
		 * The entity and its analysis.
		 *
		 * @param entity the entity
		 * @param analysis the analysis
		 */
		public record Data(String entity, Analysis analysis) {
		}

		/**
		 * The captioning analysis.
		 *
		 * @param data the caption
		 * @param modelVersion the model version
		 */
		public record Analysis(Caption data, @JsonProperty("model_version") Integer modelVersion) {
		}

		/**
		 * The caption.
		 *
		 * @param caption the caption
		 */
		public record Caption(String caption) {
		}

		/**
		 * The quotas.
		 *
		 * @param items one per quota
		 */
		public record Limits(List<Limit> items) {
		}

		/**
		 * One quota.
		 *
		 * @param type the feature
		 * @param usedByRequest used by this request
		 * @param remaining remaining
		 * @param limit the limit
		 * @param resetTime when it resets
		 */
		public record Limit(String type, @JsonProperty("used_by_request") long usedByRequest, long remaining,
				long limit, @JsonProperty("reset_time") Instant resetTime) {
		}

	}

}
