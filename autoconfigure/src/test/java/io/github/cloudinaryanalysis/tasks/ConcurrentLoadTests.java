package io.github.cloudinaryanalysis.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.cloudinaryanalysis.autoconfigure.AnalysisContexts;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load without loss: many concurrent callers, each asking about its own task, each get
 * exactly their own answer.
 */
class ConcurrentLoadTests {

	private static final int CALLERS = 64;

	private static final int CALLS_PER_CALLER = 50;

	private static final String[] STATUSES = { "pending", "processing", "completed", "failed" };

	@Test
	void everyCallerGetsExactlyItsOwnAnswer() throws Exception {
		try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder().start()) {
			List<String> taskIds = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				taskIds.add(fake.createTask("caller_" + i, TaskLife.fixed(STATUSES[i % STATUSES.length])));
			}
			AnalysisContexts.runner().withPropertyValues(fake.springPropertyValues()).run((context) -> {
				TasksClient client = context.getBean(TasksClient.class);
				ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
				try {
					List<Future<Integer>> results = new ArrayList<>();
					for (int i = 0; i < CALLERS; i++) {
						results.add(callers.submit(caller(client, taskIds.get(i), STATUSES[i % STATUSES.length])));
					}
					int correct = 0;
					for (Future<Integer> result : results) {
						correct += result.get(60, TimeUnit.SECONDS);
					}
					assertThat(correct).isEqualTo(CALLERS * CALLS_PER_CALLER);
				}
				finally {
					callers.shutdownNow();
				}
			});
			// Not an exact count: with retries on (the default) a request may
			// legitimately be sent twice (the
			// starter's retry of a transient failure, or the JDK client's own re-send of
			// a GET on a reused
			// connection the server closed). What matters: every call reached the server,
			// for its own task only.
			assertThat(fake.requestCount()).as("requests: none lost")
				.isGreaterThanOrEqualTo(CALLERS * CALLS_PER_CALLER);
			assertThat(fake.requests()
				.stream()
				.map((request) -> request.path().substring(request.path().lastIndexOf('/') + 1)))
				.as("every request asks about one of the callers' tasks")
				.isSubsetOf(taskIds);
			for (String taskId : taskIds) {
				assertThat(fake.pollCount(taskId)).as("polls of %s", taskId).isGreaterThanOrEqualTo(CALLS_PER_CALLER);
			}
		}
	}

	private static Callable<Integer> caller(TasksClient client, String taskId, String status) {
		return () -> {
			int correct = 0;
			for (int call = 0; call < CALLS_PER_CALLER; call++) {
				TaskStatusResponse response = client.getStatus(taskId);
				assertThat(response.taskId()).isEqualTo(taskId);
				assertThat(response.status()).isEqualTo(TaskStatus.fromApiValue(status));
				correct++;
			}
			return correct;
		};
	}

}
