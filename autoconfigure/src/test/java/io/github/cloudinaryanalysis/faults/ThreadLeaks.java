package io.github.cloudinaryanalysis.faults;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds threads a test left running: new threads that are still busy. Idle pool threads
 * (the JDK {@code HttpClient}'s workers, which end after 60 idle seconds), the JDK
 * client's selector thread (ended when the client is collected), the JDK's
 * {@code HttpURLConnection} keep-alive timer (one per JVM, used by the {@code simple}
 * request factory, ended after 5 idle seconds) and the test servers' threads are not the
 * client's doing and are ignored; the client's own polling threads always count, since
 * they must end with the context.
 */
final class ThreadLeaks {

	private final Set<Long> before;

	private ThreadLeaks(Set<Long> before) {
		this.before = before;
	}

	static ThreadLeaks snapshot() {
		return new ThreadLeaks(
				Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet()));
	}

	/** Threads started since the snapshot that are still alive after a grace period. */
	List<String> leftBehind() throws InterruptedException {
		long deadline = System.nanoTime() + 2_000_000_000L;
		List<String> leaked;
		do {
			leaked = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter(Thread::isAlive)
				.filter((thread) -> !this.before.contains(thread.getId()))
				.filter((thread) -> thread.getName().startsWith("cloudinary-analysis") || !isIdle(thread))
				.map(Thread::getName)
				.filter((name) -> !name.matches("HttpClient-\\d+-SelectorManager") && !name.equals("fault-server")
						&& !name.equals("Keep-Alive-Timer") && !name.startsWith("MockWebServer")
						&& !name.startsWith("OkHttp"))
				.toList();
			if (leaked.isEmpty()) {
				return leaked;
			}
			Thread.sleep(50);
		}
		while (System.nanoTime() < deadline);
		return leaked;
	}

	private static boolean isIdle(Thread thread) {
		for (StackTraceElement frame : thread.getStackTrace()) {
			if (frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
					&& frame.getMethodName().equals("getTask")) {
				return true;
			}
		}
		return false;
	}

}
