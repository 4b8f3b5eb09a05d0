package io.github.cloudinaryanalysis.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Receives a body up to a bound, for {@link BoundedJdkClientHttpRequest}. Signals arrive
 * one at a time (reactive streams), on the client's threads; the caller reads the result
 * only after {@link #done} completed, which orders the accesses.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<BoundedBodySubscriber> {

	private final int limit;

	private final CompletableFuture<Void> done = new CompletableFuture<>();

	private volatile Flow.@Nullable Subscription subscription;

	private byte[] bytes = new byte[0];

	private int length;

	private boolean truncated;

	BoundedBodySubscriber(int limit) {
		this.limit = limit;
	}

	@Override
	public CompletionStage<BoundedBodySubscriber> getBody() {
		// Complete at once, so send() returns with the headers; the caller then waits for
		// the body itself,
		// with its deadline, on a future this subscriber completes directly.
		return CompletableFuture.completedFuture(this);
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		if (this.done.isDone()) {
			return;
		}
		for (ByteBuffer buffer : buffers) {
			int room = this.limit - this.length;
			int take = Math.min(room, buffer.remaining());
			if (this.length + take > this.bytes.length) {
				long capacity = Math.max(this.length + take, Math.max(this.bytes.length * 2L, 512L));
				this.bytes = Arrays.copyOf(this.bytes, (int) Math.min(capacity, this.limit));
			}
			buffer.get(this.bytes, this.length, take);
			this.length += take;
			if (buffer.hasRemaining()) {
				this.truncated = true;
				cancel();
				this.done.complete(null);
				return;
			}
		}
	}

	@Override
	public void onError(Throwable throwable) {
		this.done.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		this.done.complete(null);
	}

	void cancel() {
		Flow.Subscription current = this.subscription;
		if (current != null) {
			current.cancel();
		}
	}

	void await(long deadlineNanos, HttpMethod method, URI uri) throws IOException {
		try {
			long remaining = deadlineNanos - System.nanoTime();
			this.done.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			cancel();
			throw new HttpTimeoutException(
					"Response body of " + method + " " + uri + " not received within the read timeout");
		}
		catch (InterruptedException ex) {
			cancel();
			Thread.currentThread().interrupt();
			InterruptedIOException interrupted = new InterruptedIOException(
					"Interrupted while reading " + method + " " + uri);
			interrupted.initCause(ex);
			throw interrupted;
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			throw new IOException("Failed to read the response body of " + method + " " + uri, cause);
		}
	}

	InputStream stream() {
		ByteArrayInputStream kept = new ByteArrayInputStream(this.bytes, 0, this.length);
		if (!this.truncated) {
			return kept;
		}
		return new InputStream() {

			@Override
			public int read() throws IOException {
				int next = kept.read();
				if (next < 0) {
					throw tooLarge();
				}
				return next;
			}

			@Override
			public int read(byte[] buffer, int offset, int count) throws IOException {
				if (count == 0) {
					return 0;
				}
				int read = kept.read(buffer, offset, count);
				if (read < 0) {
					throw tooLarge();
				}
				return read;
			}

			@Override
			public int available() {
				return kept.available();
			}

			private IOException tooLarge() {
				return new IOException("Response body larger than " + BoundedBodySubscriber.this.limit
						+ " bytes: cut there and its connection closed");
			}

		};
	}

}
