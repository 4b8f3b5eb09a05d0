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
		assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).isEqualTo(expected);
		assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).isEqualTo(expected);
		assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", NOW)).isEqualTo(expected);
	}

	@Test
	void anAsctimeDateWithATwoDigitDayParses() {
		assertThat(RetryAfter.parse("Wed Nov 16 08:49:00 1994", NOW)).isEqualTo(Duration.ofDays(10));
	}

	@Test
	void anOverflowingNumberOrAFarDateIsFar() {
		assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEqualTo(RetryAfter.FAR);
		assertThat(RetryAfter.parse("9223372036854775807", NOW)).isEqualTo(RetryAfter.FAR);
		assertThat(RetryAfter.parse("Fri Dec 31 23:59:59 9999", NOW)).isEqualTo(RetryAfter.FAR);
	}

	@Test
	void secondsAndPastDates() {
		assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse("Sun Nov  6 08:00:00 1994", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void garbageIsNoHint() {
		assertThat(RetryAfter.parse("soon", NOW)).isNull();
		assertThat(RetryAfter.parse("-5", NOW)).isNull();
		assertThat(RetryAfter.parse("", NOW)).isNull();
	}

}
