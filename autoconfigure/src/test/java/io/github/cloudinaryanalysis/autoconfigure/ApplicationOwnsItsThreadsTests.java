package io.github.cloudinaryanalysis.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cloudinaryanalysis.tasks.TasksClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter never takes over the application: it registers no bean of a general-purpose
 * type, so Boot's own scheduling (and every other "if the application has none" default)
 * stays the application's.
 */
class ApplicationOwnsItsThreadsTests {

	private static final List<Class<?>> GENERAL_PURPOSE_TYPES = List.of(ScheduledExecutorService.class, Executor.class,
			TaskScheduler.class, ThreadPoolTaskExecutor.class, JsonMapper.class, ObjectMapper.class,
			ClientHttpRequestFactory.class, RestClient.class, RestClient.Builder.class);

	@Test
	void noBeanTheStarterRegistersIsOfAGeneralPurposeType() {
		try (ConfigurableApplicationContext context = start()) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			List<String> starterBeans = starterBeans(beanFactory);
			assertThat(starterBeans).as("the starter's beans")
				.contains("cloudinaryAnalysisTasksClient", "cloudinaryAnalysisMetrics",
						"cloudinaryAnalysisConnectionDetails");
			for (String name : starterBeans) {
				Class<?> type = beanFactory.getType(name);
				assertThat(type).as("type of %s", name).isNotNull();
				for (Class<?> general : GENERAL_PURPOSE_TYPES) {
					assertThat(general.isAssignableFrom(type))
						.as("%s (%s) is a %s", name, type.getName(), general.getSimpleName())
						.isFalse();
				}
			}
		}
	}

	@Test
	void bootsTaskSchedulerRunsTheApplicationsScheduledMethods() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBeanNamesForType(TaskScheduler.class)).contains("taskScheduler");
			Jobs jobs = context.getBean(Jobs.class);
			await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !jobs.threads.isEmpty());
			assertThat(jobs.threads).allSatisfy((name) -> assertThat(name).startsWith("scheduling-"));
			// The client still waits on its own threads, next to Boot's scheduler.
			assertThat(context.getBean(TasksClient.class)).isNotNull();
		}
	}

	@Test
	void springTaskSchedulingPropertiesAreHonoured() {
		try (ConfigurableApplicationContext context = start("--spring.task.scheduling.thread-name-prefix=app-jobs-")) {
			Jobs jobs = context.getBean(Jobs.class);
			await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !jobs.threads.isEmpty());
			assertThat(jobs.threads).allSatisfy((name) -> assertThat(name).startsWith("app-jobs-"));
		}
	}

	private static ConfigurableApplicationContext start(String... extraArgs) {
		SpringApplication application = new SpringApplication(SchedulingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> args = new ArrayList<>(List.of("--cloudinary.analysis.cloud-name=demo",
				"--cloudinary.analysis.api-key=" + AnalysisContexts.API_KEY,
				"--cloudinary.analysis.api-secret=" + AnalysisContexts.API_SECRET, "--spring.main.banner-mode=off"));
		args.addAll(List.of(extraArgs));
		return application.run(args.toArray(String[]::new));
	}

	/**
	 * Beans defined by the starter's auto-configurations, or of the starter's own types.
	 */
	private static List<String> starterBeans(ConfigurableListableBeanFactory beanFactory) {
		List<String> names = new ArrayList<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			String factoryBean = definition.getFactoryBeanName();
			Class<?> factoryType = (factoryBean != null) ? beanFactory.getType(factoryBean) : null;
			Class<?> type = beanFactory.getType(name);
			if (isStarters(factoryType) || isStarters(type)) {
				names.add(name);
			}
		}
		return names;
	}

	private static boolean isStarters(Class<?> type) {
		return type != null && type.getName().startsWith("io.github.cloudinaryanalysis.")
				&& type.getNestHost() != ApplicationOwnsItsThreadsTests.class;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableScheduling
	static class SchedulingApplication {

		@org.springframework.context.annotation.Bean
		Jobs jobs() {
			return new Jobs();
		}

	}

	static class Jobs {

		final List<String> threads = new CopyOnWriteArrayList<>();

		@Scheduled(fixedDelay = 20)
		void tick() {
			this.threads.add(Thread.currentThread().getName());
		}

	}

}
