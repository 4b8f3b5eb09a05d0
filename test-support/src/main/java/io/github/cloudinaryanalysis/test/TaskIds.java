package io.github.cloudinaryanalysis.test;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Task and request id generation and validation, as the real API shapes them. */
final class TaskIds {

	/**
	 * Task ids the fake accepts in a path: what the real API's ids (160 lowercase hex
	 * chars) fit in, and more.
	 */
	static final Pattern VALID_TASK_ID = Pattern.compile("[A-Za-z0-9_-]{1,512}");

	private static final HexFormat HEX = HexFormat.of();

	private TaskIds() {
	}

	/**
	 * A random task id like the contract's examples: 160 lowercase hex chars.
	 * @return a random task id like the contract's examples
	 */
	static String newTaskId() {
		return randomHex(80);
	}

	/**
	 * A random request id like the contract's examples: 32 lowercase hex chars.
	 * @return a random request id like the contract's examples
	 */
	static String newRequestId() {
		return randomHex(16);
	}

	static boolean isValid(String taskId) {
		return VALID_TASK_ID.matcher(taskId).matches();
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HEX.formatHex(random);
	}

}
