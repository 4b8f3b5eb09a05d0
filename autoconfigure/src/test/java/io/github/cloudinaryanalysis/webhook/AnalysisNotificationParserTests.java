package io.github.cloudinaryanalysis.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.cloudinaryanalysis.ApiError;
import io.github.cloudinaryanalysis.ErrorCategory;
import io.github.cloudinaryanalysis.RateLimit;
import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalysisResult;
import io.github.cloudinaryanalysis.analyze.CaptioningAnalysis;
import io.github.cloudinaryanalysis.analyze.CocoAnalysis;
import io.github.cloudinaryanalysis.analyze.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading verified bodies: the contract's {@code AnalysisWebhookPayload} (each body here
 * is checked against the schema first) into an {@link AnalysisNotification} with a typed
 * result, and clear errors for bodies that are not the payload.
 */
class AnalysisNotificationParserTests {

	/** The example notification of cloudinary-facts.md, with limits added. */
	private static final String EXAMPLE = "{\"notification_type\":\"analyze\",\"operation_name\":\"analyze\","
			+ "\"operation_type\":\"single\",\"request_id\":\"r1\",\"task_id\":\"t1\",\"http_status\":200,"
			+ "\"data\":{\"entity\":\"https://res.cloudinary.com/demo/image/upload/cat.jpg\",\"analysis\":{\"data\":"
			+ "{\"caption\":\"A cat\"},\"model_version\":1}},\"limits\":{\"items\":[{\"type\":\"ai_vision\","
			+ "\"used_by_request\":1,\"remaining\":9,\"limit\":10,\"reset_time\":\"2024-01-20T12:34:56Z\"}]}}";

	private static final String FAILED = "{\"notification_type\":\"analyze\",\"request_id\":\"r2\","
			+ "\"task_id\":\"t2\",\"http_status\":500,\"error\":{\"category\":\"server_error\",\"code\":\"MA_00500\","
			+ "\"message\":\"The analysis failed\",\"details\":{\"stage\":\"model\"},\"request_id\":\"r2\"}}";

	private static final Source SOURCE = Source.uri("https://res.cloudinary.com/demo/image/upload/cat.jpg");

	@Test
	void readsTheExampleNotificationWithItsTypedResult() {
		assertThat(WebhookContract.payloadViolations(EXAMPLE)).isEmpty();
		AnalysisNotification notification = parse(EXAMPLE);
		assertThat(notification.taskId()).isEqualTo("t1");
		assertThat(notification.requestId()).isEqualTo("r1");
		assertThat(notification.httpStatus()).isEqualTo(200);
		assertThat(notification.notificationType()).isEqualTo("analyze");
		assertThat(notification.operationName()).isEqualTo("analyze");
		assertThat(notification.operationType()).isEqualTo("single");
		assertThat(notification.error()).isNull();
		RateLimit limit = new RateLimit("ai_vision", 1L, 9L, 10L, Instant.parse("2024-01-20T12:34:56Z"));
		assertThat(notification.limits()).containsExactly(limit);
		assertThat(notification.succeeded()).isTrue();
		AnalysisResult<CaptioningAnalysis> result = notification.result(AnalysisRequest.captioning(SOURCE))
			.orElseThrow();
		assertThat(result).isEqualTo(new AnalysisResult<>("https://res.cloudinary.com/demo/image/upload/cat.jpg",
				new CaptioningAnalysis(new CaptioningAnalysis.Data("A cat"), 1), List.of(limit), "r1"));
	}

	@Test
	void theUntypedDataIsPlainUnmodifiableJavaValues() {
		AnalysisNotification notification = parse(EXAMPLE);
		assertThat(notification.data()).containsEntry("entity", "https://res.cloudinary.com/demo/image/upload/cat.jpg")
			.containsEntry("analysis", Map.of("data", Map.of("caption", "A cat"), "model_version", 1L));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> notification.data().put("x", 1));
		@SuppressWarnings("unchecked")
		Map<String, Object> analysis = (Map<String, Object>) notification.data().get("analysis");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> analysis.clear());
	}

	@Test
	void aFailedAnalysisCarriesItsErrorAndNoResult() {
		assertThat(WebhookContract.payloadViolations(FAILED)).isEmpty();
		AnalysisNotification notification = parse(FAILED);
		assertThat(notification.httpStatus()).isEqualTo(500);
		assertThat(notification.succeeded()).isFalse();
		assertThat(notification.error()).isEqualTo(new ApiError(ErrorCategory.SERVER_ERROR, "MA_00500",
				"The analysis failed", Map.of("stage", "model"), "r2"));
		assertThat(notification.result(AnalysisRequest.captioning(SOURCE))).isEmpty();
		assertThat(notification.limits()).isEmpty();
		assertThat(notification.data()).isEmpty();
	}

	@Test
	void anErrorWithA2xxStatusIsStillAFailure() {
		String body = "{\"task_id\":\"t\",\"http_status\":200,\"error\":{\"code\":\"X\"},\"data\":"
				+ "{\"analysis\":{\"data\":{\"caption\":\"c\"}}}}";
		assertThat(WebhookContract.payloadViolations(body)).isEmpty();
		AnalysisNotification notification = parse(body);
		assertThat(notification.succeeded()).isFalse();
		assertThat(notification.error().category()).isEqualTo(ErrorCategory.UNKNOWN);
		assertThat(notification.result(AnalysisRequest.captioning(SOURCE))).isEmpty();
	}

	@Test
	void optionalFieldsMayBeMissingOrNullAndUnknownOnesAreIgnored() {
		assertThat(WebhookContract.payloadViolations("{\"task_id\":\"t3\",\"http_status\":200,\"error\":null}"))
			.isEmpty();
		// The contract allows null only for error; a null elsewhere is read as missing
		// rather than refused.
		String body = "{\"task_id\":\"t3\",\"http_status\":200,\"request_id\":null,\"error\":null,\"limits\":null,"
				+ "\"data\":null,\"notification_type\":null,\"something_new\":[1,2],\"operation_type\":\"batch\"}";
		AnalysisNotification notification = parse(body);
		assertThat(notification.requestId()).isNull();
		assertThat(notification.error()).isNull();
		assertThat(notification.limits()).isEmpty();
		assertThat(notification.data()).isEmpty();
		assertThat(notification.operationType()).as("a value the contract may add later").isEqualTo("batch");
		assertThat(notification.result(AnalysisRequest.captioning(SOURCE))).isEmpty();
	}

	@Test
	void dataOfAnotherAnalysisIsAClearErrorNamingTheMissingField() {
		AnalysisNotification notification = parse(EXAMPLE);
		assertThatExceptionOfType(MalformedNotificationException.class)
			.isThrownBy(() -> notification.result(AnalysisRequest.coco(SOURCE)))
			.withMessage("The notification of task t1 is not a result of coco: without data.analysis.tags (an object)");
		AnalysisNotification coco = parse(EXAMPLE.replace("{\"data\":{\"caption\":\"A cat\"},\"model_version\":1}",
				"{\"tags\":{\"cat\":[{\"confidence\":0.9}]},\"model_version\":3}"));
		assertThat(coco.result(AnalysisRequest.coco(SOURCE)).orElseThrow().analysis())
			.isEqualTo(new CocoAnalysis(Map.of("cat", List.of(Map.of("confidence", 0.9))), 3));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					not JSON               | {"task_id":"t1", secretive-body-text        | not valid JSON (at byte 17)
					an array               | [{"task_id":"t1","http_status":200}]        | not a JSON object
					a string               | "secretive-body-text"                       | not a JSON object
					no task_id             | {"http_status":200}                         | without task_id (a non-blank string)
					a blank task_id        | {"task_id":" ","http_status":200}           | without task_id (a non-blank string)
					a numeric task_id      | {"task_id":42,"http_status":200}            | with a task_id that is not a string
					no http_status         | {"task_id":"t1"}                            | without http_status (an integer 100 to 599)
					a text http_status     | {"task_id":"t1","http_status":"200"}        | without http_status (an integer 100 to 599)
					a decimal http_status  | {"task_id":"t1","http_status":200.5}        | without http_status (an integer 100 to 599)
					http_status 99         | {"task_id":"t1","http_status":99}           | without http_status (an integer 100 to 599)
					http_status 600        | {"task_id":"t1","http_status":600}          | without http_status (an integer 100 to 599)
					an array data          | {"task_id":"t1","http_status":200,"data":["secretive-body-text"]} | with a data that is not an object
					a text error           | {"task_id":"t1","http_status":500,"error":"secretive-body-text"} | with a error that is not an object
					a text limits          | {"task_id":"t1","http_status":200,"limits":"secretive-body-text"} | with a limits that is not an object
					a numeric request_id   | {"task_id":"t1","http_status":200,"request_id":7}                 | with a request_id that is not a string
					a boolean notification_type | {"task_id":"t1","http_status":200,"notification_type":true}  | with a notification_type that is not a string
					""")
	void aVerifiedBodyThatIsNotThePayloadIsAClearErrorThatDoesNotEchoIt(String what, String body, String problem) {
		assertThatExceptionOfType(MalformedNotificationException.class).isThrownBy(() -> parse(body))
			.withMessage("The verified notification is not an AnalysisWebhookPayload: " + problem)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("secretive"));
	}

	@Test
	void bodiesOfTheWrongTypesAreAlsoOutsideTheContract() {
		// The parser's type rules are the contract's: each of these fails the schema too.
		assertThat(WebhookContract.payloadViolations("{\"task_id\":42,\"http_status\":200}")).isNotEmpty();
		assertThat(WebhookContract.payloadViolations("{\"task_id\":\"t\",\"http_status\":\"200\"}")).isNotEmpty();
		assertThat(WebhookContract.payloadViolations("{\"task_id\":\"t\",\"http_status\":200,\"data\":[]}"))
			.isNotEmpty();
		assertThat(WebhookContract.payloadViolations("{\"task_id\":\"t\",\"http_status\":200,\"error\":\"e\"}"))
			.isNotEmpty();
		assertThat(WebhookContract.payloadViolations("{\"task_id\":\"t\",\"http_status\":200,\"limits\":\"l\"}"))
			.isNotEmpty();
	}

	@Test
	void toStringLeavesTheDataOut() {
		assertThat(parse(EXAMPLE).toString()).doesNotContain("A cat")
			.isEqualTo(
					"AnalysisNotification[taskId=t1, requestId=r1, httpStatus=200, notificationType=analyze, error=null]");
		assertThat(parse(FAILED).toString()).contains("error=MA_00500");
	}

	private static AnalysisNotification parse(String body) {
		return AnalysisNotificationParser.parse(body.getBytes(StandardCharsets.UTF_8));
	}

}
