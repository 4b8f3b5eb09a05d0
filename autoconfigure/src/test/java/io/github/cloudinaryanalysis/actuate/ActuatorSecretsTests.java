package io.github.cloudinaryanalysis.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code show-values=always}, Actuator's {@code env} and {@code configprops}
 * endpoints of a real application on a random port show no Cloudinary secret, while the
 * cloud name and API key stay readable (issue 11, point 1).
 */
class ActuatorSecretsTests {

	private static final String SECRET = "Api-Secret-From-Properties-77";

	private static final String URL_SECRET = "Secret-In-The-Url-88";

	private static final String ENV_SECRET = "Secret-In-Env-Var-99";

	private static final String OTHER_SECRET = "Secret-Of-Another-Url-66";

	private static ConfigurableApplicationContext context;

	private static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
			.initializers((ctx) -> ctx.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("testEnvironment",
						Map.of("CLOUDINARY_URL", "cloudinary://111222333:" + ENV_SECRET + "@envcloud",
								"BACKUP_CLOUDINARY", "cloudinary://444555:" + OTHER_SECRET + "@backupcloud"))))
			.run("--server.port=0", "--management.endpoints.web.exposure.include=env,configprops",
					"--management.endpoint.env.show-values=always",
					"--management.endpoint.configprops.show-values=always",
					"--cloudinary.analysis.api-secret=" + SECRET,
					"--cloudinary.analysis.url=cloudinary://987654:" + URL_SECRET + "@urlcloud",
					"--spring.jmx.enabled=false");
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void theEnvEndpointMasksEverySecretButShowsCloudNamesAndKeys() throws Exception {
		String body = get("/actuator/env");
		assertNoSecret(body);
		assertThat(body).contains("cloudinary://987654:******@urlcloud")
			.contains("cloudinary://111222333:******@envcloud")
			.contains("cloudinary://444555:******@backupcloud")
			// proves the values are shown at all, so the masking is ours and not Boot's
			// default
			.contains("\"management.endpoint.env.show-values\"");
	}

	@Test
	void theEnvEndpointForOneNameMasksIt() throws Exception {
		assertThat(get("/actuator/env/cloudinary.analysis.api-secret")).doesNotContain(SECRET).contains("******");
		assertThat(get("/actuator/env/cloudinary.analysis.url")).doesNotContain(URL_SECRET)
			.contains("cloudinary://987654:******@urlcloud");
		assertThat(get("/actuator/env/CLOUDINARY_URL")).doesNotContain(ENV_SECRET)
			.contains("cloudinary://111222333:******@envcloud");
		assertThat(get("/actuator/env/BACKUP_CLOUDINARY")).doesNotContain(OTHER_SECRET).contains("backupcloud");
	}

	@Test
	void theConfigpropsEndpointMasksTheSecretAndTheUrl() throws Exception {
		String body = get("/actuator/configprops");
		assertNoSecret(body);
		assertThat(body).contains("cloudinary.analysis").contains("987654:******@urlcloud");
	}

	private static void assertNoSecret(String body) {
		assertThat(body).doesNotContain(SECRET)
			.doesNotContain(URL_SECRET)
			.doesNotContain(ENV_SECRET)
			.doesNotContain(OTHER_SECRET);
	}

	private static String get(String path) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
		return response.body();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
