package io.github.cloudinaryanalysis.test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients at once: every answer belongs to its own task and follows its life
 * exactly.
 */
class ConcurrencyTests {

	private static final int THREADS = 32;

	private static final int REQUESTS_PER_THREAD = 50;

	@Test
	@Timeout(60)
	void thirtyTwoThreadsPollingDistinctTasksAllGetCorrectAnswers() throws Exception {
		try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder().start()) {
			HttpTestClient http = new HttpTestClient(fake);
			List<String> taskIds = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				// Thread i sees pending, then processing, then completed from poll i + 2
				// on.
				taskIds.add(fake.createTask(TaskLife.completesAfterPolls(i + 2)));
			}
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			CountDownLatch go = new CountDownLatch(1);
			try {
				List<Future<Integer>> results = new ArrayList<>();
				for (int i = 0; i < THREADS; i++) {
					int thread = i;
					results.add(pool.submit(() -> {
						go.await();
						String taskId = taskIds.get(thread);
						int correct = 0;
						for (int poll = 1; poll <= REQUESTS_PER_THREAD; poll++) {
							HttpResponse<String> response = http.getTask(taskId);
							JsonNode body = HttpTestClient.json(response);
							String expected = (poll >= thread + 2) ? "completed"
									: (poll == 1) ? "pending" : "processing";
							if (response.statusCode() == 200
									&& taskId.equals(body.path("data").path("task_id").asString())
									&& expected.equals(body.path("data").path("status").asString())
									&& expected.equals(body.path("status").asString())) {
								correct++;
							}
						}
						return correct;
					}));
				}
				go.countDown();
				int correct = 0;
				for (Future<Integer> result : results) {
					correct += result.get(60, TimeUnit.SECONDS);
				}
				assertThat(correct).isEqualTo(THREADS * REQUESTS_PER_THREAD);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(fake.requestCount()).isEqualTo(THREADS * REQUESTS_PER_THREAD);
			for (String taskId : taskIds) {
				assertThat(fake.pollCount(taskId)).isEqualTo(REQUESTS_PER_THREAD);
			}
		}
	}

	@Test
	@Timeout(30)
	void eachQueuedFaultIsHandedToExactlyOneConcurrentRequest() throws Exception {
		try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder().start()) {
			HttpTestClient http = new HttpTestClient(fake);
			String taskId = fake.createTask(TaskLife.fixed("pending"));
			fake.failNext(40, Fault.serverError(503));
			ExecutorService pool = Executors.newFixedThreadPool(16);
			try {
				List<Future<Integer>> statuses = new ArrayList<>();
				for (int i = 0; i < 160; i++) {
					statuses.add(pool.submit(() -> http.getTask(taskId).statusCode()));
				}
				int failures = 0;
				int successes = 0;
				for (Future<Integer> status : statuses) {
					int code = status.get(30, TimeUnit.SECONDS);
					if (code == 503) {
						failures++;
					}
					else if (code == 200) {
						successes++;
					}
				}
				assertThat(failures).isEqualTo(40);
				assertThat(successes).isEqualTo(120);
				assertThat(fake.pollCount(taskId)).isEqualTo(120);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

}
