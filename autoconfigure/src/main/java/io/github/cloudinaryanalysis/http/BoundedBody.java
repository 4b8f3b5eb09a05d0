package io.github.cloudinaryanalysis.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A response body read up to a limit, so that a huge or endless body costs bounded
 * memory.
 *
 * @param bytes the bytes read, at most the limit
 * @param truncated whether the body was longer than the limit
 */
record BoundedBody(byte[] bytes, boolean truncated) {

	/**
	 * Read at most {@code limit} bytes of a body.
	 * @param body the body stream; not closed here
	 * @param limit the largest number of bytes kept
	 * @return what was read
	 * @throws IOException when reading fails
	 */
	public static BoundedBody read(InputStream body, int limit) throws IOException {
		// Start small (answers are a few hundred bytes) or at the size the stream already
		// knows, and grow as needed.
		byte[] buffer = new byte[(int) Math.min(limit + 1L, Math.max(body.available() + 1L, 512))];
		int length = 0;
		int read;
		while (length <= limit
				&& (read = body.read(buffer, length, Math.min(buffer.length, limit + 1) - length)) != -1) {
			length += read;
			if (length == buffer.length && length <= limit) {
				buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, limit + 1));
			}
		}
		boolean truncated = length > limit;
		return new BoundedBody(Arrays.copyOf(buffer, Math.min(length, limit)), truncated);
	}

	/**
	 * Whether nothing was read.
	 * @return {@code true} for an empty body
	 */
	public boolean isEmpty() {
		return this.bytes.length == 0;
	}

}
