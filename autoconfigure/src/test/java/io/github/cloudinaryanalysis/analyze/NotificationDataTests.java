package io.github.cloudinaryanalysis.analyze;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.webhook.AnalysisNotification;
import io.github.cloudinaryanalysis.webhook.AnalysisNotificationParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notification's typed result is the synchronous answer's: for each of the fifteen
 * operations, the fake's default analysis read from a contract-valid 200 answer and from
 * a contract-valid notification carrying the same {@code data} gives equal
 * {@link AnalysisResult}s.
 */
class NotificationDataTests {

	private static final Source SOURCE = Source.uri("https://res.cloudinary.com/demo/image/upload/sample.jpg");

	private static final String LIMITS = "\"limits\":{\"items\":[{\"type\":\"ai_vision\",\"used_by_request\":1,"
			+ "\"remaining\":9,\"limit\":10,\"reset_time\":\"2024-01-20T12:34:56Z\"}]}";

	@ParameterizedTest
	@MethodSource("io.github.cloudinaryanalysis.analyze.AnalysisRequestTests#factories")
	void aNotificationGivesTheSameTypedResultAsTheSyncAnswer(Function<Source, AnalysisRequest<?>> factory) {
		AnalysisRequest<?> request = factory.apply(SOURCE);
		String analysis = FakeCloudinaryAnalysisApi.builder().build().defaultAnalysis(request.type());
		String data = "{\"entity\":\"" + SOURCE.uri() + "\",\"analysis\":" + analysis + "}";
		String sync = "{\"data\":" + data + "," + LIMITS + ",\"request_id\":\"r1\"}";
		String notification = "{\"notification_type\":\"analyze\",\"operation_name\":\"analyze\","
				+ "\"operation_type\":\"single\",\"request_id\":\"r1\",\"task_id\":\"t1\",\"http_status\":200,"
				+ "\"data\":" + data + "," + LIMITS + "}";
		assertThat(AnalyzeContract.get().validateAnswer(request.type(), 200, sync)).isEmpty();
		assertThat(AnalyzeContract.get().validateSchema("AnalysisWebhookPayload", notification)).isEmpty();

		AnalysisResult<?> fromSync = AnalysisAnswers.result(request.operation(), AnalyzeContract.JSON.readTree(sync));
		AnalysisNotification parsed = AnalysisNotificationParser.parse(notification.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.result(request).orElseThrow()).isEqualTo(fromSync);
		assertThat(fromSync.limits()).hasSize(1);
	}

}
