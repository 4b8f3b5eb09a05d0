package io.github.cloudinaryanalysis.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.Fault;
import io.github.cloudinaryanalysis.test.TaskLife;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The READMEs show what the app really does: the 404 problem detail of both READMEs is
 * the one the app returns, and the metrics table of {@code README.md} lists every meter
 * and tag the starter records, each with a description (Prometheus' {@code # HELP} line
 * is never empty).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "CLOUDINARY_URL=", "cloudinary.analysis.url=", "cloudinary.analysis.cloud-name=",
				"cloudinary.analysis.api-key=", "cloudinary.analysis.api-secret=",
				"sample.embedded-fake.task-duration=1500ms", "cloudinary.analysis.retry.initial-interval=10ms",
				"management.endpoints.web.exposure.include=health,metrics,prometheus" })
class DocumentedOutputTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Path SAMPLE_README = Path.of("README.md");

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	FakeCloudinaryAnalysisApi fake;

	@Autowired
	MeterRegistry registry;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void the404ProblemOfBothReadmesIsTheOneTheAppReturns() throws IOException {
		ResponseEntity<String> response = this.http.get("/tasks/no-such-task");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		JsonNode real = Http.json(response);

		String readmeExample = Files.readAllLines(README)
			.stream()
			.filter((line) -> line.startsWith("{") && line.contains("\"status\":404"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("README.md has no 404 problem example"));
		JsonNode documented = json.readTree(readmeExample);
		assertThat(documented.get("title").asString()).isEqualTo(real.get("title").asString());
		assertThat(documented.get("detail").asString()).isEqualTo(real.get("detail").asString());
		assertThat(documented.get("errorCode").asString()).isEqualTo(real.get("errorCode").asString());

		String sampleLine = Files.readAllLines(SAMPLE_README)
			.stream()
			.filter((line) -> line.contains("/tasks/no-such-task") && line.contains("# 404"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("sample-app/README.md has no 404 example"));
		assertThat(field(sampleLine, "title")).isEqualTo(real.get("title").asString());
		assertThat(field(sampleLine, "detail")).isEqualTo(real.get("detail").asString());
	}

	/**
	 * Every line of the sample README that posts to {@code /analyses/..} is sent as curl
	 * would send it (path, query and {@code -d} body; the {@code GET /analyses/{taskId}}
	 * line of the webhook loop is checked by {@code WebhookLoopTests}); the app answers
	 * the documented status, and every {@code "field":"value"} of the documented answer
	 * that is not elided with {@code …} is in the real one.
	 * @throws IOException if the README cannot be read
	 */
	@Test
	void theAnalyzeCurlLinesOfTheSampleReadmeAnswerAsDocumented() throws IOException {
		List<String> lines = Files.readAllLines(SAMPLE_README)
			.stream()
			.filter((line) -> line.contains("curl ") && line.contains("localhost:8080/analyses/")
					&& line.contains(" -d '"))
			.toList();
		assertThat(lines).hasSizeGreaterThanOrEqualTo(6);
		Pattern curl = Pattern.compile("curl .*?localhost:8080(/analyses/[^\\s'\"]+)['\"]?\\s.*?-d '([^']*)'");
		Pattern documentedStatus = Pattern.compile("^\\s*(\\d{3})\\b");
		Pattern textField = Pattern.compile("\"(\\w+)\":\"([^\"]*)\"");
		Pattern numberField = Pattern.compile("\"(\\w+)\":(\\d+)");
		for (String line : lines) {
			Matcher request = curl.matcher(line);
			assertThat(request.find()).as("a curl POST with -d in: %s", line).isTrue();
			ResponseEntity<String> response = this.http.postJson(request.group(1), request.group(2));
			int comment = line.indexOf("   # ");
			if (comment < 0) {
				// The TASK=$(curl ...) line: its sed takes the task id of a 202.
				assertThat(response.getStatusCode()).as(line).isEqualTo(HttpStatus.ACCEPTED);
				assertThat(response.getBody()).as(line).contains("\"taskId\":\"");
				continue;
			}
			String documented = line.substring(comment + "   # ".length());
			Matcher status = documentedStatus.matcher(documented);
			assertThat(status.find()).as("a status after # in: %s", line).isTrue();
			assertThat(response.getStatusCode().value()).as(line).isEqualTo(Integer.parseInt(status.group(1)));
			if (documented.contains("Location: http://localhost:8080/tasks/")) {
				assertThat(response.getHeaders().getLocation()).as(line).isNotNull();
				assertThat(response.getHeaders().getLocation().getPath()).as(line).startsWith("/tasks/");
			}
			int checked = 0;
			for (Pattern field : List.of(textField, numberField)) {
				Matcher matcher = field.matcher(documented);
				while (matcher.find()) {
					if (!matcher.group().contains("…")) {
						assertThat(response.getBody()).as(line).contains(matcher.group());
						checked++;
					}
				}
			}
			assertThat(checked).as("documented fields checked in: %s", line).isPositive();
		}
	}

	@Test
	void everyMeterAndTagIsInTheReadmeWithADescription() throws IOException {
		exerciseEveryMeter();
		Map<String, TreeSet<String>> recorded = new TreeMap<>();
		for (Meter meter : this.registry.getMeters()) {
			Meter.Id id = meter.getId();
			if (id.getName().startsWith("cloudinary.analysis")) {
				assertThat(id.getDescription()).as("description of %s", id.getName()).isNotBlank();
				recorded.computeIfAbsent(id.getName(), (name) -> new TreeSet<>())
					.addAll(id.getTags().stream().map(Tag::getKey).toList());
			}
			else if (id.getName().equals("http.client.requests")
					&& "cloudinary-analysis".equals(id.getTag("client.name"))) {
				recorded.computeIfAbsent(id.getName(), (name) -> new TreeSet<>())
					.addAll(id.getTags().stream().map(Tag::getKey).toList());
			}
		}
		assertThat(recorded).containsKeys("cloudinary.analysis.tasks.status", "cloudinary.analysis.tasks.status.active",
				"cloudinary.analysis.retries", "cloudinary.analysis.rate.limit.remaining",
				"cloudinary.analysis.tasks.await", "cloudinary.analysis.tasks.await.polls", "http.client.requests");
		assertThat(recorded.get("cloudinary.analysis.tasks.status")).contains("error", "outcome", "status");

		List<String> table = Files.readAllLines(README).stream().filter((line) -> line.startsWith("| `")).toList();
		SoftAssertions softly = new SoftAssertions();
		recorded.forEach((name, tags) -> {
			Optional<String> row = table.stream().filter((line) -> line.startsWith("| `" + name + "`")).findFirst();
			softly.assertThat(row).as("README metrics table row for %s (tags %s)", name, tags).isPresent();
			for (String tag : tags) {
				softly.assertThat(row.orElse("")).as("README row of %s names tag %s", name, tag).contains("`" + tag);
			}
		});
		softly.assertAll();
	}

	@Test
	void prometheusHasAHelpTextForEveryMeterOfTheStarter() {
		exerciseEveryMeter();
		ResponseEntity<String> scrape = this.http.get("/actuator/prometheus");
		assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<String> help = scrape.getBody()
			.lines()
			.filter((line) -> line.startsWith("# HELP cloudinary_analysis"))
			.toList();
		assertThat(help).hasSizeGreaterThanOrEqualTo(6);
		Map<String, String> texts = help.stream()
			.map((line) -> line.substring("# HELP ".length()).split(" ", 2))
			.collect(Collectors.toMap((parts) -> parts[0], (parts) -> (parts.length > 1) ? parts[1].trim() : "",
					(a, b) -> a));
		assertThat(texts).containsKeys("cloudinary_analysis_tasks_status_seconds",
				"cloudinary_analysis_tasks_status_active_seconds");
		texts.forEach((name, text) -> assertThat(text).as("# HELP of %s", name).isNotBlank());
	}

	/** One call of each kind, so that every meter the starter records exists. */
	private void exerciseEveryMeter() {
		String done = this.fake.createTask(TaskLife.completesAfterPolls(1));
		assertThat(this.http.get("/tasks/" + done + "?wait=10s").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.get("/tasks/no-such-task").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		this.fake.failNext(1, Fault.serverError(503));
		assertThat(this.http.get("/tasks/" + done).getStatusCode()).isEqualTo(HttpStatus.OK);
		// A quota that resets in an hour is not waited for: one answer, no retry, a 503
		// for the app's caller.
		this.fake.failNext(1, Fault.rateLimited(Duration.ofHours(1)));
		assertThat(this.http.get("/tasks/" + done).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(this.fake.pendingFaults()).isZero();
	}

	private static String field(String line, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(line);
		return Optional.of(matcher)
			.filter(Matcher::find)
			.map((m) -> m.group(1))
			.orElseThrow(() -> new AssertionError("no \"" + name + "\" in: " + line));
	}

}
