package io.github.cloudinaryanalysis.webhook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rejections are logged at most once per minute per reason, with a count of those left
 * out.
 */
@ExtendWith(OutputCaptureExtension.class)
class RejectionLogTests {

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final RejectionLog log = new RejectionLog(Duration.ofMinutes(1), this.nanos::get);

	@Test
	void oncePerMinutePerReason(CapturedOutput output) {
		assertThat(this.log.rejected(Rejection.BAD_SIGNATURE, null, "10.0.0.1")).isTrue();
		assertThat(this.log.rejected(Rejection.BAD_SIGNATURE, null, "10.0.0.1")).isFalse();
		assertThat(this.log.rejected(Rejection.STALE, null, "10.0.0.1")).as("another reason").isTrue();
		this.nanos.addAndGet(Duration.ofSeconds(59).toNanos());
		assertThat(this.log.rejected(Rejection.BAD_SIGNATURE, null, "10.0.0.1")).isFalse();
		assertThat(this.log.rejected(Rejection.BAD_SIGNATURE, null, "10.0.0.1")).isFalse();
		this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(this.log.rejected(Rejection.BAD_SIGNATURE, null, "10.0.0.2")).isTrue();
		assertThat(output.toString().lines().filter((line) -> line.contains("(bad_signature)")).toList()).hasSize(2)
			.last()
			.asString()
			.contains("from 10.0.0.2 with 401")
			.contains("[3 more rejection(s) of this kind since the last one logged]");
		assertThat(output.toString().lines().filter((line) -> line.contains("(stale)")).count()).isOne();
	}

	@Test
	void aMalformedAndAnUnsupportedTypeAreLoggedApartThoughBothCountAsMalformed(CapturedOutput output) {
		assertThat(this.log.rejected(Rejection.MALFORMED, "without task_id", "10.0.0.1")).isTrue();
		assertThat(this.log.rejected(Rejection.UNSUPPORTED_MEDIA_TYPE, null, "10.0.0.1")).isTrue();
		assertThat(output).contains("with 400 (malformed)", "without task_id", "with 415 (malformed)");
	}

}
