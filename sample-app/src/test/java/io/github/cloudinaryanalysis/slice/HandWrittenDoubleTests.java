package io.github.cloudinaryanalysis.slice;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The third way to test, from the README: a hand-written {@link TasksClient}, no Spring,
 * no HTTP.
 */
class HandWrittenDoubleTests {

	@Test
	void aLambdaIsEnoughForCodeThatReadsTheStatus() {
		TasksClient completed = (taskId, options) -> new TaskStatusResponse(taskId, TaskStatus.COMPLETED,
				"test-request");
		assertThat(new ModerationService(completed).isDone("t1")).isTrue();
	}

	@Test
	void theWaitsOfADoublePollItsGetStatus() {
		AtomicInteger polls = new AtomicInteger();
		TasksClient finishesOnThirdPoll = (taskId, options) -> new TaskStatusResponse(taskId,
				(polls.incrementAndGet() < 3) ? TaskStatus.PROCESSING : TaskStatus.COMPLETED, "test-request");
		// Generous deadline: the default polling waits 1 s, then 1.5 s, between polls.
		TaskStatusResponse done = finishesOnThirdPoll.awaitCompletion("t1", Duration.ofSeconds(30));
		assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(polls).hasValue(3);
	}

}
