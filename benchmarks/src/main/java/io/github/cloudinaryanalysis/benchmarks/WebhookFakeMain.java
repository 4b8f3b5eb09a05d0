package io.github.cloudinaryanalysis.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.ReceivedRequest;
import io.github.cloudinaryanalysis.test.TaskLife;
import io.github.cloudinaryanalysis.test.WebhookDelivery;

/**
 * The fake API in its own JVM for {@link WebhookAtScale}, so that the application JVM's
 * threads and heap are the application's alone. Every task an {@code async} analyze
 * creates completes {@code lifeMs} after its creation (by the clock, unpolled), and the
 * fake then POSTs its signed notification to the request's {@code notification_url} on
 * its 4 webhook threads. Prints {@code PORT <port>}, then answers {@code count} with
 * {@code COUNT <requests> <GETs> <POSTs> <deliveries> <answered 200> <first sent ms>
 * <last sent ms>}, the last three over the deliveries after the first {@code n} with
 * {@code count n} (epoch milliseconds, 0 without deliveries); ends on {@code quit} or end
 * of input.
 */
public final class WebhookFakeMain {

	private WebhookFakeMain() {
	}

	public static void main(String[] args) throws Exception {
		long lifeMs = Long.parseLong(args[0]);
		try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder()
			.defaultTaskLife(TaskLife.completesAfter(Duration.ofMillis(lifeMs)))
			.start()) {
			System.out.println("PORT " + fake.port());
			System.out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line;
			while ((line = in.readLine()) != null && !line.equals("quit")) {
				if (line.startsWith("count")) {
					String[] words = line.trim().split(" ");
					int skip = (words.length > 1) ? Integer.parseInt(words[1]) : 0;
					List<ReceivedRequest> requests = fake.requests();
					long gets = requests.stream().filter((r) -> r.method().equals("GET")).count();
					long posts = requests.stream().filter((r) -> r.method().equals("POST")).count();
					List<WebhookDelivery> all = fake.webhookDeliveries();
					List<WebhookDelivery> deliveries = all.subList(Math.min(skip, all.size()), all.size());
					long ok = deliveries.stream().filter((d) -> d.status() == 200).count();
					long first = deliveries.stream()
						.map(WebhookDelivery::sentAt)
						.min(Instant::compareTo)
						.map(Instant::toEpochMilli)
						.orElse(0L);
					long last = deliveries.stream()
						.map(WebhookDelivery::sentAt)
						.max(Instant::compareTo)
						.map(Instant::toEpochMilli)
						.orElse(0L);
					System.out.println("COUNT " + requests.size() + " " + gets + " " + posts + " " + all.size() + " "
							+ ok + " " + first + " " + last);
					System.out.flush();
				}
			}
		}
	}

}
