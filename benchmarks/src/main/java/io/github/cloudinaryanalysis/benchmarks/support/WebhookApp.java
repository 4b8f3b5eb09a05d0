package io.github.cloudinaryanalysis.benchmarks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A servlet application (Spring MVC on Tomcat, {@code 127.0.0.1}) with the starter and
 * {@code cloudinary.analysis.webhook.enabled=true}, as a user would run it to receive
 * notifications; plus a trivial {@code POST /baseline} endpoint that reads the body and
 * answers 200 with no body (the baseline of the webhook endpoint's cost). Actuator is on
 * the class path, as in most applications: its meter registry holds the starter's meters
 * (the {@code cloudinary.analysis.webhook.notifications} counter, the
 * {@code cloudinary.analysis.webhook.delay} timer), which the harnesses read.
 */
public final class WebhookApp {

	/** The trivial endpoint of the baseline. */
	public static final String BASELINE_PATH = "/baseline";

	/** The webhook endpoint's default path. */
	public static final String WEBHOOK_PATH = "/cloudinary/analysis/notifications";

	private WebhookApp() {
	}

	/**
	 * Starts the application on {@code port} with webhooks on and the notification URL of
	 * its own endpoint.
	 * @param port the server port (see {@link #freePort()}: the notification URL must be
	 * known before the start)
	 * @param properties the starter's connection properties and any others
	 * @return the running context
	 */
	public static ConfigurableApplicationContext start(int port, Map<String, String> properties) {
		Map<String, Object> defaults = new HashMap<>(properties);
		defaults.put("server.port", Integer.toString(port));
		defaults.put("server.address", "127.0.0.1");
		defaults.put("cloudinary.analysis.webhook.enabled", "true");
		defaults.putIfAbsent("cloudinary.analysis.webhook.notification-url", webhookUrl(port));
		defaults.putIfAbsent("logging.level.root", "WARN");
		defaults.putIfAbsent("spring.main.log-startup-info", "false");
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
			.bannerMode(Banner.Mode.OFF)
			.properties(defaults)
			.run();
	}

	/**
	 * The URL of the webhook endpoint of an application on {@code port}.
	 * @param port the port
	 * @return the URL
	 */
	public static String webhookUrl(int port) {
		return "http://127.0.0.1:" + port + WEBHOOK_PATH;
	}

	/**
	 * A free loopback port (bound and released at once).
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The machine's load average, as {@code uptime} prints it.
	 * @return {@code /proc/loadavg}'s first three fields, or {@code n/a}
	 */
	public static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "n/a";
		}
	}

	/**
	 * The application: auto-configuration (with Actuator's meter registry) and the
	 * baseline endpoint.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class App {

		@Bean
		RouterFunction<ServerResponse> baselineRoute() {
			return RouterFunctions.route().POST(BASELINE_PATH, (request) -> {
				// Read the whole body, as the webhook endpoint does.
				request.servletRequest().getInputStream().readAllBytes();
				return ServerResponse.ok().build();
			}).build();
		}

	}

}
