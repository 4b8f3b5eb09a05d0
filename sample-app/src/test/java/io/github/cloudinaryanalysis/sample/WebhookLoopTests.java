package io.github.cloudinaryanalysis.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cloudinaryanalysis.analyze.AnalysisRequest;
import io.github.cloudinaryanalysis.analyze.AnalyzeClient;
import io.github.cloudinaryanalysis.analyze.Source;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.WebhookDelivery;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole asynchronous loop on the embedded fake, without credentials: an analysis
 * started asynchronously ends, the fake posts its signed notification to the sample's own
 * webhook endpoint, and {@code GET /analyses/{taskId}} shows the typed result, without a
 * single status poll.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "CLOUDINARY_URL=", "cloudinary.analysis.url=", "cloudinary.analysis.cloud-name=",
				"cloudinary.analysis.api-key=", "cloudinary.analysis.api-secret=",
				"sample.embedded-fake.task-duration=300ms" })
class WebhookLoopTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeCloudinaryAnalysisApi fake;

	@Autowired
	AnalyzeClient analyzeClient;

	@Test
	void anAsyncAnalysisResultArrivesByWebhookAndIsShownTyped() {
		Http http = new Http(this.port);
		assertThat(this.fake.notificationUrl())
			.hasToString("http://127.0.0.1:" + this.port + "/cloudinary/analysis/notifications");
		String taskId = this.analyzeClient
			.start(AnalysisRequest.captioning(Source.uri(DemoTaskController.SAMPLE_IMAGE)))
			.taskId();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> http.get("/analyses/" + taskId).getStatusCode() == HttpStatus.OK);
		ResponseEntity<String> typed = http.get("/analyses/" + taskId + "?type=captioning");
		assertThat(typed.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = Http.json(typed);
		assertThat(body.get("taskId").asString()).isEqualTo(taskId);
		assertThat(body.get("succeeded").asBoolean()).isTrue();
		assertThat(body.at("/result/analysis/data/caption").asString()).isNotBlank();
		assertThat(body.at("/result/entity").asString()).isEqualTo(DemoTaskController.SAMPLE_IMAGE);

		assertThat(this.fake.webhookDeliveries()).filteredOn((delivery) -> delivery.taskId().equals(taskId))
			.singleElement()
			.extracting(WebhookDelivery::status)
			.isEqualTo(200);
		assertThat(this.fake.pollCount(taskId)).isZero();
	}

	@Test
	void theReadmesResultLineAnswersAsDocumented() throws IOException {
		String line = Files.readAllLines(Path.of("README.md"))
			.stream()
			.filter((candidate) -> candidate.contains("curl ") && candidate.contains("/analyses/$TASK?type=captioning"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("sample-app/README.md has no GET /analyses/$TASK line"));
		String documented = line.substring(line.indexOf("   # ") + "   # ".length());
		assertThat(documented).startsWith("200 ");
		Http http = new Http(this.port);
		String taskId = this.analyzeClient
			.start(AnalysisRequest.captioning(Source.uri(DemoTaskController.SAMPLE_IMAGE)))
			.taskId();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> http.get("/analyses/" + taskId).getStatusCode() == HttpStatus.OK);
		String body = http.get("/analyses/" + taskId + "?type=captioning").getBody();
		Matcher fields = Pattern.compile("\"\\w+\":(\"[^\"]*\"|\\d+|true|false)").matcher(documented);
		int checked = 0;
		while (fields.find()) {
			if (!fields.group().contains("…")) {
				assertThat(body).as(line).contains(fields.group());
				checked++;
			}
		}
		assertThat(checked).as("documented fields checked").isGreaterThanOrEqualTo(4);
	}

	@Test
	void aTaskWithoutNotificationIsA404Problem() {
		ResponseEntity<String> answer = new Http(this.port).get("/analyses/no-such-task");
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(Http.json(answer).get("title").asString()).isEqualTo("Analysis result not found");
	}

}
