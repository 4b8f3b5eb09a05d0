package io.github.cloudinaryanalysis.sample;

import java.net.URI;
import java.util.List;

import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.Fault;
import io.github.cloudinaryanalysis.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /analyses/{type}} end to end over real HTTP, against the embedded fake: the
 * app's {@code AnalysisController} calls the starter's {@code AnalyzeClient}, which calls
 * the fake.
 */
@EmbeddedSampleAppTest
class AnalysisEndpointTests {

	private static final String IMAGE = "https://res.cloudinary.com/demo/image/upload/sample.jpg";

	/** The fifteen operations of the contract, written out independently of the app. */
	static final List<String> TYPES = List.of("ai_vision_general", "ai_vision_moderation", "ai_vision_tagging",
			"captioning", "cld_fashion", "cld_text", "coco", "google_logo_detection", "google_tagging", "human_anatomy",
			"image_quality", "lvis", "shop_classifier", "unidet", "watermark_detection");

	@LocalServerPort
	int port;

	@Autowired
	FakeCloudinaryAnalysisApi fake;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void syncCaptioningAnswersTheTypedResult() {
		this.fake.scriptAnalysis("captioning", "{\"data\":{\"caption\":\"A dog on a sofa\"},\"model_version\":3}");
		try {
			int before = this.fake.requestCount();
			ResponseEntity<String> response = this.http.postJson("/analyses/captioning", "{\"uri\":\"" + IMAGE + "\"}");
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			JsonNode result = Http.json(response);
			assertThat(result.get("analysis").get("data").get("caption").asString()).isEqualTo("A dog on a sofa");
			assertThat(result.get("analysis").get("modelVersion").asInt()).isEqualTo(3);
			assertThat(result.get("requestId").asString()).isNotBlank();
			assertThat(result.get("limits").isArray()).isTrue();

			assertThat(this.fake.requestCount()).isEqualTo(before + 1);
			ReceivedRequest sent = lastRequest();
			assertThat(sent.method()).isEqualTo("POST");
			assertThat(sent.path()).isEqualTo("/v2/analysis/demo/analyze/captioning");
			assertThat(sent.body()).contains("\"uri\":\"" + IMAGE + "\"").doesNotContain("async");
		}
		finally {
			this.fake.scriptAnalysis("captioning", this.fake.defaultAnalysis("captioning"));
		}
	}

	@Test
	void anAssetIdIsSentAsTheApisAssetId() {
		ResponseEntity<String> response = this.http.postJson("/analyses/coco", "{\"assetId\":\"e12345b5c456c8901\"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(Http.json(response).get("analysis").get("tags").isObject()).isTrue();
		assertThat(lastRequest().body()).contains("\"asset_id\":\"e12345b5c456c8901\"");
	}

	@Test
	void asyncStartAnswers202WithALinkThatReachesTheTask() {
		ResponseEntity<String> started = this.http.postJson("/analyses/captioning?async=true",
				"{\"uri\":\"" + IMAGE + "\"}");
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		JsonNode body = Http.json(started);
		String taskId = body.get("taskId").asString();
		assertThat(taskId).isNotBlank();
		assertThat(body.get("status").asString()).isEqualTo("PENDING");
		assertThat(body.get("requestId").asString()).isNotBlank();
		URI location = started.getHeaders().getLocation();
		assertThat(location).isNotNull();
		assertThat(location.getPath()).isEqualTo("/tasks/" + taskId);
		assertThat(body.get("links").get("task").asString()).isEqualTo(location.toString());
		assertThat(lastRequest().body()).contains("\"async\":true");

		ResponseEntity<String> now = this.http.get(location.toString());
		assertThat(now.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(Http.json(now).get("taskId").asString()).isEqualTo(taskId);
		assertThat(this.fake.pollCount(taskId)).isEqualTo(1);

		// Demo tasks take 1.5 s; 20 s is a guard against a hang, not a performance bound.
		ResponseEntity<String> done = this.http.get(location + "?wait=20s");
		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(Http.json(done).get("status").asString()).isEqualTo("COMPLETED");
	}

	@ParameterizedTest
	@FieldSource("TYPES")
	void everyTypeAnswersItsAnalysisSynchronously(String type) {
		ResponseEntity<String> response = this.http.postJson("/analyses/" + type, body(type));
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(Http.json(response).get("analysis").isObject()).isTrue();
		assertThat(lastRequest().path()).isEqualTo("/v2/analysis/demo/analyze/" + type);
	}

	@Test
	void theAppOffersExactlyTheFifteenTypes() {
		assertThat(AnalysisTypes.names()).containsExactlyInAnyOrderElementsOf(TYPES);
	}

	@Test
	void anUnknownTypeIsA404ProblemThatListsTheTypes() {
		int before = this.fake.requestCount();
		ResponseEntity<String> response = this.http.postJson("/analyses/colour", "{\"uri\":\"" + IMAGE + "\"}");
		JsonNode problem = problem(response, HttpStatus.NOT_FOUND);
		assertThat(problem.get("title").asString()).isEqualTo("Unknown analysis type");
		assertThat(problem.get("detail").asString()).contains("'colour'").contains("captioning", "ai_vision_general");
		assertThat(this.fake.requestCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					captioning        | {"uri":" "}                                  | source.uri must not be blank
					captioning        | {"uri":"sample.jpg"}                         | source.uri must be an absolute URI
					captioning        | {"uri":"https://a/b.jpg","assetId":"abc"}    | Give either uri or assetId, not both
					captioning        | {}                                           | uri or assetId is required
					captioning        | {"assetId":""}                               | source.asset_id must not be blank
					captioning        | {"uri":"https://a/b.jpg","prompts":["Why?"]} | prompts applies only to ai_vision_general
					ai_vision_general | {"uri":"https://a/b.jpg"}                    | prompts is required for ai_vision_general
					ai_vision_general | {"uri":"https://a/b.jpg","prompts":[]}       | must have 1 to 10 items, had 0
					ai_vision_tagging | {"uri":"https://a/b.jpg","tagDefinitions":[{"name":"cat"}]} | tagDefinitions[0] needs a name and a description
					""")
	void invalidInputIsA400ProblemAndNothingIsSent(String type, String json, String detail) {
		int before = this.fake.requestCount();
		JsonNode problem = problem(this.http.postJson("/analyses/" + type, json), HttpStatus.BAD_REQUEST);
		assertThat(problem.get("detail").asString()).contains(detail);
		assertThat(this.fake.requestCount()).isEqualTo(before);
	}

	@Test
	void aBodyThatIsNotJsonIsA400Problem() {
		int before = this.fake.requestCount();
		problem(this.http.postJson("/analyses/captioning", "uri=https://a/b.jpg"), HttpStatus.BAD_REQUEST);
		problem(this.http.postJson("/analyses/captioning?async=maybe", "{\"uri\":\"" + IMAGE + "\"}"),
				HttpStatus.BAD_REQUEST);
		assertThat(this.fake.requestCount()).isEqualTo(before);
	}

	@Test
	void aServerErrorOfTheApiIsA502AndTheAnalysisIsNotRetried() {
		int before = this.fake.requestCount();
		this.fake.failNext(1, Fault.serverError(500));
		JsonNode problem = problem(this.http.postJson("/analyses/captioning", "{\"uri\":\"" + IMAGE + "\"}"),
				HttpStatus.BAD_GATEWAY);
		assertThat(problem.get("upstreamStatus").asInt()).isEqualTo(500);
		assertThat(this.fake.requestCount()).isEqualTo(before + 1);
		assertThat(this.fake.pendingFaults()).isZero();
	}

	private ReceivedRequest lastRequest() {
		List<ReceivedRequest> requests = this.fake.requests();
		return requests.get(requests.size() - 1);
	}

	private static JsonNode problem(ResponseEntity<String> response, HttpStatus status) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		return Http.json(response);
	}

	private static String body(String type) {
		return switch (type) {
			case "ai_vision_general" -> "{\"uri\":\"" + IMAGE + "\",\"prompts\":[\"What is in the image?\"]}";
			case "ai_vision_moderation" -> "{\"uri\":\"" + IMAGE + "\",\"rejectionQuestions\":[\"Is it violent?\"]}";
			case "ai_vision_tagging" ->
				"{\"uri\":\"" + IMAGE + "\",\"tagDefinitions\":[{\"name\":\"cat\",\"description\":\"A cat\"}]}";
			default -> "{\"uri\":\"" + IMAGE + "\"}";
		};
	}

}
