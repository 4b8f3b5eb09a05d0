package io.github.cloudinaryanalysis.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Scripted task lives, observed by polling the fake over HTTP. */
class TaskLifeTests {

	private static final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

	private static FakeCloudinaryAnalysisApi fake;

	private static HttpTestClient http;

	@RegisterExtension
	static final FakeCloudinaryAnalysisExtension extension = FakeCloudinaryAnalysisExtension
		.using(() -> FakeCloudinaryAnalysisApi.builder().clock(clock));

	@BeforeAll
	static void start(FakeCloudinaryAnalysisApi api) {
		fake = api;
		http = new HttpTestClient(fake);
	}

	@Test
	void completesAfterPollsGoesPendingProcessingCompletedAndStays() {
		String taskId = fake.createTask(TaskLife.completesAfterPolls(3));
		assertThat(poll(taskId, 5)).containsExactly("pending", "processing", "completed", "completed", "completed");
		assertThat(fake.pollCount(taskId)).isEqualTo(5);
	}

	@Test
	void completesAfterOnePollCompletesAtOnce() {
		String taskId = fake.createTask(TaskLife.completesAfterPolls(1));
		assertThat(poll(taskId, 2)).containsExactly("completed", "completed");
	}

	@Test
	void failsAfterPollsEndsFailed() {
		String taskId = fake.createTask(TaskLife.failsAfterPolls(4));
		assertThat(poll(taskId, 5)).containsExactly("pending", "processing", "processing", "failed", "failed");
	}

	@Test
	void fixedNeverChanges() {
		String taskId = fake.createTask(TaskLife.fixed(TaskLife.PROCESSING));
		assertThat(poll(taskId, 3)).containsOnly("processing");
	}

	@Test
	void sequenceFollowsTheScriptAndTheLastStatusSticks() {
		String taskId = fake.createTask("my-task_1", TaskLife.sequence("pending", "pending", "processing", "failed"));
		assertThat(taskId).isEqualTo("my-task_1");
		assertThat(poll(taskId, 6)).containsExactly("pending", "pending", "processing", "failed", "failed", "failed");
	}

	@Test
	void rawStatusesOutsideTheContractAreServedForForwardCompatibilityTests() {
		String taskId = fake.createTask(TaskLife.sequence("processing", "archived"));
		assertThat(poll(taskId, 2)).containsExactly("processing", "archived");
		assertThat(HttpTestClient.json(http.getTask(taskId)).path("status").asString()).isEqualTo("archived");
	}

	@Test
	void completesAfterDurationFollowsTheFakesClock() {
		String taskId = fake.createTask(TaskLife.completesAfter(Duration.ofMinutes(2)));
		assertThat(poll(taskId, 2)).containsExactly("pending", "processing");
		clock.advance(Duration.ofSeconds(119));
		assertThat(poll(taskId, 1)).containsExactly("processing");
		clock.advance(Duration.ofSeconds(1));
		assertThat(poll(taskId, 2)).containsExactly("completed", "completed");
	}

	@Test
	void recreatingATaskRestartsItsLife() {
		String taskId = fake.createTask("again", TaskLife.completesAfterPolls(2));
		assertThat(poll(taskId, 2)).containsExactly("pending", "completed");
		fake.createTask("again", TaskLife.completesAfterPolls(2));
		assertThat(poll(taskId, 1)).containsExactly("pending");
	}

	@Test
	void invalidLivesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TaskLife.completesAfterPolls(0));
		assertThatIllegalArgumentException().isThrownBy(() -> TaskLife.sequence());
		assertThatIllegalArgumentException().isThrownBy(() -> TaskLife.fixed(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> TaskLife.completesAfter(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> fake.createTask("bad id", TaskLife.fixed("pending")));
	}

	private static List<String> poll(String taskId, int times) {
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			var response = http.getTask(taskId);
			assertThat(response.statusCode()).isEqualTo(200);
			var body = HttpTestClient.json(response);
			assertThat(body.path("data").path("task_id").asString()).isEqualTo(taskId);
			assertThat(body.path("status").asString()).isEqualTo(body.path("data").path("status").asString());
			statuses.add(body.path("data").path("status").asString());
		}
		return statuses;
	}

}
