package io.github.cloudinaryanalysis.http;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Retry-After} in each form RFC 9110 allows (issue 11, point 6).
 */
class RetryAfterFormsTests {

	private static final Instant NOW = Instant.parse("1994-11-06T08:49:00Z");

	@Test
	void theThreeHttpDateFormsAgree() {
		Duration expected = Duration.ofSeconds(37);
		assertThat(ErrorResponseTranslator.parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).isEqualTo(expected);
		assertThat(ErrorResponseTranslator.parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).isEqualTo(expected);
		assertThat(ErrorResponseTranslator.parseRetryAfter("Sun Nov  6 08:49:37 1994", NOW)).isEqualTo(expected);
	}

	@Test
	void anAsctimeDateWithATwoDigitDayParses() {
		assertThat(ErrorResponseTranslator.parseRetryAfter("Wed Nov 16 08:49:00 1994", NOW))
			.isEqualTo(Duration.ofDays(10));
	}

	@Test
	void anOverflowingNumberOrAFarDateIsFar() {
		assertThat(ErrorResponseTranslator.parseRetryAfter("99999999999999999999", NOW))
			.isEqualTo(ErrorResponseTranslator.FAR);
		assertThat(ErrorResponseTranslator.parseRetryAfter("9223372036854775807", NOW))
			.isEqualTo(ErrorResponseTranslator.FAR);
		assertThat(ErrorResponseTranslator.parseRetryAfter("Fri Dec 31 23:59:59 9999", NOW))
			.isEqualTo(ErrorResponseTranslator.FAR);
	}

	@Test
	void secondsAndPastDates() {
		assertThat(ErrorResponseTranslator.parseRetryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(ErrorResponseTranslator.parseRetryAfter("Sun Nov  6 08:00:00 1994", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void garbageIsNoHint() {
		assertThat(ErrorResponseTranslator.parseRetryAfter("soon", NOW)).isNull();
		assertThat(ErrorResponseTranslator.parseRetryAfter("-5", NOW)).isNull();
		assertThat(ErrorResponseTranslator.parseRetryAfter("", NOW)).isNull();
	}

}
