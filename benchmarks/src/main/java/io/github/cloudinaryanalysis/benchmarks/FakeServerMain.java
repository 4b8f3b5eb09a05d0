package io.github.cloudinaryanalysis.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;

/**
 * The fake API in its own JVM, so that the client JVM's threads and heap are the client's
 * alone. Creates {@code tasks} tasks {@code bench-task-<n>} that complete on poll
 * {@code polls}, prints {@code PORT <port>}, then answers {@code count} with the number
 * of requests received; ends on {@code quit} or end of input.
 */
public final class FakeServerMain {

	private FakeServerMain() {
	}

	public static void main(String[] args) throws Exception {
		int tasks = Integer.parseInt(args[0]);
		int polls = Integer.parseInt(args[1]);
		try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder().start()) {
			for (int i = 0; i < tasks; i++) {
				fake.createTask(taskId(i), TaskLife.completesAfterPolls(polls));
			}
			System.out.println("PORT " + fake.port());
			System.out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line;
			while ((line = in.readLine()) != null && !line.equals("quit")) {
				if (line.equals("count")) {
					System.out.println("COUNT " + fake.requestCount());
					System.out.flush();
				}
			}
		}
	}

	static String taskId(int i) {
		return String.format("bench-task-%05d", i);
	}

}
