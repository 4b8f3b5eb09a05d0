package io.github.cloudinaryanalysis.test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * spring-test and JUnit are optional dependencies: the fake must load and serve without
 * them. Loads this module's classes in a class loader that hides
 * {@code org.springframework.*} and {@code org.junit.*}, and runs {@link Probe} there.
 */
class WithoutOptionalDependenciesTests {

	@Test
	@SuppressWarnings("unchecked")
	void theFakeWorksWithoutSpringTestOrJUnit() throws Exception {
		URL mainClasses = FakeCloudinaryAnalysisApi.class.getProtectionDomain().getCodeSource().getLocation();
		URL testClasses = Probe.class.getProtectionDomain().getCodeSource().getLocation();
		try (URLClassLoader isolated = new URLClassLoader(new URL[] { mainClasses, testClasses },
				new HidingClassLoader(getClass().getClassLoader()))) {
			Class<?> probeClass = isolated.loadClass(Probe.class.getName());
			assertThat(probeClass.getClassLoader()).isSameAs(isolated);
			Callable<String> probe = (Callable<String>) probeClass.getDeclaredConstructor().newInstance();
			assertThat(probe.call()).isEqualTo("spring-test hidden, junit hidden, 200 completed");
		}
	}

	/**
	 * Runs inside the isolated class loader: starts a fake and polls a task with the JDK
	 * HTTP client.
	 */
	public static final class Probe implements Callable<String> {

		@Override
		public String call() throws Exception {
			String spring = hidden("org.springframework.test.context.DynamicPropertyRegistry") ? "spring-test hidden"
					: "spring-test visible";
			String junit = hidden("org.junit.jupiter.api.extension.Extension") ? "junit hidden" : "junit visible";
			try (FakeCloudinaryAnalysisApi fake = FakeCloudinaryAnalysisApi.builder().build().start()) {
				String taskId = fake.createTask(TaskLife.completesAfterPolls(1));
				java.net.http.HttpResponse<String> response = new HttpTestClient(fake).getTask(taskId);
				return spring + ", " + junit + ", " + response.statusCode() + " " + HttpTestClient.status(response);
			}
		}

		private static boolean hidden(String className) {
			try {
				Class.forName(className, false, Probe.class.getClassLoader());
				return false;
			}
			catch (ClassNotFoundException ex) {
				return true;
			}
		}

	}

	/**
	 * Refuses Spring, JUnit and this module's own package, so the child loader defines
	 * the latter itself.
	 */
	private static final class HidingClassLoader extends ClassLoader {

		HidingClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("org.springframework.") || name.startsWith("org.junit.")
					|| name.startsWith("io.github.cloudinaryanalysis.test.")) {
				throw new ClassNotFoundException(name);
			}
			return super.loadClass(name, resolve);
		}

	}

}
