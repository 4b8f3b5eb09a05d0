package io.github.cloudinaryanalysis.sample;

import io.github.cloudinaryanalysis.autoconfigure.CloudinaryAnalysisConnectionDetails;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import io.github.cloudinaryanalysis.test.FakeCloudinaryAnalysisApi;
import io.github.cloudinaryanalysis.test.TaskLife;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the whole application the way {@code java -jar} does, once without and once with
 * credentials.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsSwitchTests {

	private static final String NOTICE = "Running against the embedded fake Cloudinary Analysis API at http://127.0.0.1:";

	@Test
	void withoutCredentialsStartsTheEmbeddedFakeAndSaysSoOnce(CapturedOutput output) {
		FakeCloudinaryAnalysisApi fake;
		try (ConfigurableApplicationContext context = run("--CLOUDINARY_URL=", "--cloudinary.analysis.url=",
				"--cloudinary.analysis.cloud-name=", "--cloudinary.analysis.api-key=",
				"--cloudinary.analysis.api-secret=")) {
			fake = context.getBean(FakeCloudinaryAnalysisApi.class);
			assertThat(fake.isRunning()).isTrue();
			assertThat(context.getBean(CloudinaryAnalysisConnectionDetails.class).baseUrl()).isEqualTo(fake.baseUrl());
			assertThat(context.getBeansOfType(DemoTaskController.class)).hasSize(1);
			String notice = NOTICE + fake.port() + "/v2/analysis";
			assertThat(output.getOut()).containsOnlyOnce(NOTICE)
				.contains(notice)
				.contains("set CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>");
			assertThat(output.getOut().lines().filter((line) -> line.contains(NOTICE))).singleElement()
				.asString()
				.contains(" INFO ");
		}
		assertThat(fake.isRunning()).as("closed with the context").isFalse();
	}

	@Test
	void withCredentialsTalksToTheConfiguredApiAndStartsNoFake(CapturedOutput output) {
		// A stand-in for the real API, with other credentials than the embedded fake's
		// defaults.
		try (FakeCloudinaryAnalysisApi realApi = FakeCloudinaryAnalysisApi.builder()
			.cloudName("x")
			.apiKey("dummy-key")
			.apiSecret("dummy-secret")
			.start();
				ConfigurableApplicationContext context = run("--CLOUDINARY_URL=", "--cloudinary.analysis.cloud-name=x",
						"--cloudinary.analysis.api-key=dummy-key", "--cloudinary.analysis.api-secret=dummy-secret",
						"--cloudinary.analysis.base-url=" + realApi.baseUrl())) {
			assertThat(context.getBeansOfType(FakeCloudinaryAnalysisApi.class)).isEmpty();
			assertThat(context.getBeansOfType(DemoTaskController.class)).isEmpty();
			assertThat(output.getOut()).doesNotContain("embedded fake");

			String taskId = realApi.createTask(TaskLife.completesAfterPolls(1));
			assertThat(context.getBean(TasksClient.class).getStatus(taskId).status()).isEqualTo(TaskStatus.COMPLETED);
			assertThat(realApi.pollCount(taskId)).isEqualTo(1);

			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(new Http(port).post("/demo/tasks").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		}
	}

	private static ConfigurableApplicationContext run(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		return new SpringApplicationBuilder(SampleApplication.class).run(all);
	}

}
