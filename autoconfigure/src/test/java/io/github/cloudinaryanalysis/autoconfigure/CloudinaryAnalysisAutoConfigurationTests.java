package io.github.cloudinaryanalysis.autoconfigure;

import java.util.concurrent.TimeUnit;

import io.github.cloudinaryanalysis.AccessTokenProvider;
import io.github.cloudinaryanalysis.analyze.AnalyzeClient;
import io.github.cloudinaryanalysis.analyze.RestClientAnalyzeClient;
import io.github.cloudinaryanalysis.tasks.RequestOptions;
import io.github.cloudinaryanalysis.tasks.RestClientTasksClient;
import io.github.cloudinaryanalysis.tasks.TaskStatus;
import io.github.cloudinaryanalysis.tasks.TaskStatusResponse;
import io.github.cloudinaryanalysis.tasks.TasksClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class CloudinaryAnalysisAutoConfigurationTests {

	private static final String TASK_ID = "abc123";

	@StartStop
	final MockWebServer server = new MockWebServer();

	@Test
	void bindsFromProperties() {
		AnalysisContexts.runner()
			.withPropertyValues("cloudinary.analysis.cloud-name=demo", "cloudinary.analysis.api-key=key",
					"cloudinary.analysis.api-secret=secret", "cloudinary.analysis.read-timeout=5s")
			.run((context) -> {
				assertThat(context).hasSingleBean(TasksClient.class)
					.hasSingleBean(RestClientTasksClient.class)
					.hasSingleBean(AnalyzeClient.class)
					.hasSingleBean(RestClientAnalyzeClient.class);
				CloudinaryAnalysisConnectionDetails details = context
					.getBean(CloudinaryAnalysisConnectionDetails.class);
				assertThat(details.cloudName()).isEqualTo("demo");
				assertThat(details.apiKey()).isEqualTo("key");
				assertThat(details.apiSecret()).isEqualTo("secret");
				assertThat(details.baseUrl()).isEqualTo("https://api.cloudinary.com/v2/analysis");
				assertThat(context.getBean(CloudinaryAnalysisProperties.class).getReadTimeout()).hasSeconds(5);
			});
	}

	@Test
	void bindsFromCloudinaryUrlInTheEnvironment() {
		AnalysisContexts.runner()
			.withSystemProperties("CLOUDINARY_URL=cloudinary://envkey:envsecret@envcloud")
			.run((context) -> {
				assertThat(context).hasSingleBean(TasksClient.class);
				CloudinaryAnalysisConnectionDetails details = context
					.getBean(CloudinaryAnalysisConnectionDetails.class);
				assertThat(details.cloudName()).isEqualTo("envcloud");
				assertThat(details.apiKey()).isEqualTo("envkey");
				assertThat(details.apiSecret()).isEqualTo("envsecret");
			});
	}

	@Test
	void urlPropertyWinsOverTheEnvironmentAndPartsOverrideTheUrl() {
		AnalysisContexts.runner()
			.withSystemProperties("CLOUDINARY_URL=cloudinary://envkey:envsecret@envcloud")
			.withPropertyValues("cloudinary.analysis.url=cloudinary://propkey:propsecret@propcloud",
					"cloudinary.analysis.cloud-name=overridden")
			.run((context) -> {
				CloudinaryAnalysisConnectionDetails details = context
					.getBean(CloudinaryAnalysisConnectionDetails.class);
				assertThat(details.cloudName()).isEqualTo("overridden");
				assertThat(details.apiKey()).isEqualTo("propkey");
				assertThat(details.apiSecret()).isEqualTo("propsecret");
			});
	}

	@Test
	void backsOffWhenDisabled() {
		AnalysisContexts.runner()
			.withPropertyValues("cloudinary.analysis.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TasksClient.class)
				.doesNotHaveBean(CloudinaryAnalysisConnectionDetails.class));
	}

	@Test
	void backsOffWithoutSpringBootRestClientSupport() {
		AnalysisContexts.runner()
			.withClassLoader(new FilteredClassLoader(RestClientCustomizer.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TasksClient.class));
	}

	@Test
	void backsOffForAUserTasksClientWithoutNeedingCredentials() {
		AnalysisContexts.runner().withUserConfiguration(UserTasksClientConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(TasksClient.class)
				.doesNotHaveBean(RestClientTasksClient.class);
			assertThat(context.getBean(TasksClient.class).getStatus("x").status()).isEqualTo(TaskStatus.COMPLETED);
		});
	}

	@Test
	void usesUserConnectionDetails() {
		AnalysisContexts.runner()
			.withBean(CloudinaryAnalysisConnectionDetails.class, () -> details(this.server))
			.run((context) -> {
				assertThat(context).hasSingleBean(CloudinaryAnalysisConnectionDetails.class);
				this.server.enqueue(ok("pending"));
				assertThat(context.getBean(TasksClient.class).getStatus(TASK_ID).status())
					.isEqualTo(TaskStatus.PENDING);
				assertThat(this.server.takeRequest(1, TimeUnit.SECONDS).getTarget())
					.isEqualTo("/v2/analysis/fromdetails/tasks/" + TASK_ID);
			});
	}

	@Test
	void missingCredentialsFailStartupWithAReportNamingThePropertyAndTheFixes() {
		AnalysisContexts.runner().run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("cloudinary.analysis.cloud-name");
			assertThat(analysis.getAction()).contains("CLOUDINARY_URL", "cloudinary.analysis.api-key",
					"cloudinary.analysis.enabled=false");
		});
	}

	@Test
	void aMissingSecretIsNamed() {
		AnalysisContexts.runner()
			.withPropertyValues("cloudinary.analysis.cloud-name=demo", "cloudinary.analysis.api-key=key")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("cloudinary.analysis.api-secret"));
	}

	@Test
	void aMalformedCloudinaryUrlGetsASpecificMessageWithoutTheSecret() {
		AnalysisContexts.runner().withSystemProperties("CLOUDINARY_URL=https://key:TopSecret99@demo").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("scheme", "CLOUDINARY_URL").doesNotContain("TopSecret99");
		});
		AnalysisContexts.runner()
			.withPropertyValues("cloudinary.analysis.url=cloudinary://key:TopSecret99@")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("missing cloud name", "cloudinary.analysis.url")
				.doesNotContain("TopSecret99"));
	}

	@Test
	void plainHttpToAnotherHostIsRefusedUnlessAllowed() {
		String[] credentials = { "cloudinary.analysis.cloud-name=demo", "cloudinary.analysis.api-key=k",
				"cloudinary.analysis.api-secret=s", "cloudinary.analysis.base-url=http://api.example.com/v2/analysis" };
		AnalysisContexts.runner().withPropertyValues(credentials).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("cloudinary.analysis.base-url", "clear text",
					"allow-insecure-http");
		});
		AnalysisContexts.runner()
			.withPropertyValues(credentials)
			.withPropertyValues("cloudinary.analysis.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TasksClient.class));
	}

	@Test
	void plainHttpToLoopbackIsAccepted() {
		AnalysisContexts.against(this.server).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aBaseUrlWithAnotherSchemeIsRefused() {
		AnalysisContexts.runner()
			.withPropertyValues("cloudinary.analysis.cloud-name=demo", "cloudinary.analysis.api-key=k",
					"cloudinary.analysis.api-secret=s", "cloudinary.analysis.base-url=ftp://api.cloudinary.com/")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription()).contains("https://"));
	}

	@Test
	void aCloudNameThatWouldChangeThePathIsRefused() {
		AnalysisContexts.runner()
			.withPropertyValues("cloudinary.analysis.cloud-name=demo/../x", "cloudinary.analysis.api-key=k",
					"cloudinary.analysis.api-secret=s")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription()).contains("cloud name"));
	}

	@Test
	void anAccessTokenProviderReplacesBasicAuthAndNeedsNoKeyOrSecret() throws Exception {
		AnalysisContexts.runner()
			.withPropertyValues("cloudinary.analysis.base-url=" + this.server.url("/v2/analysis"),
					"cloudinary.analysis.cloud-name=demo")
			.withBean(AccessTokenProvider.class, () -> () -> "token-42")
			.run((context) -> {
				this.server.enqueue(ok("completed"));
				context.getBean(TasksClient.class).getStatus(TASK_ID);
				assertThat(this.server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization"))
					.isEqualTo("Bearer token-42");
			});
	}

	@Test
	void clientCustomizersApplyToThisClientOnly() throws Exception {
		AnalysisContexts.against(this.server)
			.withBean(CloudinaryAnalysisRestClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-Team", "analytics"))
			.run((context) -> {
				this.server.enqueue(ok("completed"));
				context.getBean(TasksClient.class).getStatus(TASK_ID);
				assertThat(this.server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("X-Team"))
					.isEqualTo("analytics");
				RestClient other = context.getBean(RestClient.Builder.class).build();
				this.server.enqueue(ok("completed"));
				other.get().uri(this.server.url("/other").toString()).retrieve().toBodilessEntity();
				RecordedRequest otherRequest = this.server.takeRequest(1, TimeUnit.SECONDS);
				assertThat(otherRequest.getHeaders().get("X-Team")).isNull();
				assertThat(otherRequest.getHeaders().get("Authorization")).isNull();
			});
	}

	@Test
	void applicationRestClientCustomizersApplyToo() throws Exception {
		AnalysisContexts.against(this.server)
			.withBean(RestClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-App", "sample"))
			.run((context) -> {
				this.server.enqueue(ok("completed"));
				context.getBean(TasksClient.class).getStatus(TASK_ID, RequestOptions.defaults());
				assertThat(this.server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("X-App")).isEqualTo("sample");
			});
	}

	private static FailureAnalysis analyze(@Nullable Throwable failure) {
		assertThat(failure).isNotNull();
		Throwable cause = failure;
		while (cause != null && !(cause instanceof CloudinaryAnalysisConfigurationException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a CloudinaryAnalysisConfigurationException in the cause chain of " + failure).isNotNull();
		FailureAnalysis analysis = new CloudinaryAnalysisConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

	private static MockResponse ok(String status) {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body("{\"data\":{\"task_id\":\"" + TASK_ID + "\",\"status\":\"" + status + "\"},\"request_id\":\"r\"}")
			.build();
	}

	private static CloudinaryAnalysisConnectionDetails details(MockWebServer server) {
		return new CloudinaryAnalysisConnectionDetails() {

			@Override
			public String baseUrl() {
				return server.url("/v2/analysis").toString();
			}

			@Override
			public String cloudName() {
				return "fromdetails";
			}

			@Override
			public String apiKey() {
				return "k";
			}

			@Override
			public String apiSecret() {
				return "s";
			}

		};
	}

	@Test
	void backsOffForAUserAnalyzeClientAndKeepsItsTasksClient() {
		AnalysisContexts.runner()
			.withPropertyValues("cloudinary.analysis.cloud-name=demo", "cloudinary.analysis.api-key=key",
					"cloudinary.analysis.api-secret=secret")
			.withBean("myAnalyzeClient", AnalyzeClient.class,
					() -> AnalyzeClient.builder().cloudName("mine").credentials("k", "s").build())
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(AnalyzeClient.class).hasSingleBean(TasksClient.class);
				assertThat(context.getBean(AnalyzeClient.class)).hasToString("RestClientAnalyzeClient[cloudName=mine]");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserTasksClientConfiguration {

		@Bean
		TasksClient myTasksClient() {
			return (taskId, options) -> new TaskStatusResponse(taskId, TaskStatus.COMPLETED, null);
		}

	}

}
