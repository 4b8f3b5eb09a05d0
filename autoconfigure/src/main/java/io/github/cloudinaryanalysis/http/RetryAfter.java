package io.github.cloudinaryanalysis.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.cloudinaryanalysis.RateLimit;
import org.jspecify.annotations.Nullable;

/**
 * How long a rate-limited answer asks to wait: its {@code Retry-After} header, in any
 * form RFC 9110 allows, or else the earliest {@code reset_time} of its limits.
 */
final class RetryAfter {

	/**
	 * The wait that stands for "far": an overflowing or far-future {@code Retry-After}.
	 */
	static final Duration FAR = Duration.ofDays(365L * 100);

	private static final Pattern DELAY_SECONDS = Pattern.compile("[0-9]+");

	/**
	 * The day name that starts every HTTP-date form; it is not checked against the date.
	 */
	private static final Pattern DAY_NAME = Pattern.compile("^[A-Za-z]+,?\\s+");

	/**
	 * The three HTTP-date forms of RFC 9110 section 5.6.7 without their day name:
	 * IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}), RFC 850
	 * ({@code Sunday, 06-Nov-94 08:49:37 GMT}, two-digit years read as 1970 to 2069) and
	 * asctime ({@code Sun Nov  6 08:49:37 1994}, in UTC).
	 */
	private static final List<DateTimeFormatter> HTTP_DATE_FORMATS = List.of(
			new DateTimeFormatterBuilder().parseCaseInsensitive()
				.appendPattern("d MMM yyyy HH:mm:ss zzz")
				.toFormatter(Locale.US),
			new DateTimeFormatterBuilder().parseCaseInsensitive()
				.appendPattern("dd-MMM-")
				.appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
				.appendPattern(" HH:mm:ss zzz")
				.toFormatter(Locale.US),
			new DateTimeFormatterBuilder().parseCaseInsensitive()
				.appendPattern("MMM ")
				.padNext(2)
				.appendValue(ChronoField.DAY_OF_MONTH)
				.appendPattern(" HH:mm:ss yyyy")
				.toFormatter(Locale.US)
				.withZone(ZoneOffset.UTC));

	/**
	 * Work out how long a 429 asks to wait: the {@code Retry-After} header (seconds or an
	 * HTTP date) when present, else the time until the earliest reported
	 * {@code reset_time}.
	 * @param retryAfterHeader the header's value, if any
	 * @param limits the reported limits
	 * @param now the time the answer arrived
	 * @return the wait, never negative, or {@code null} when there is no hint
	 */
	static @Nullable Duration wait(@Nullable String retryAfterHeader, List<RateLimit> limits, Instant now) {
		Duration fromHeader = parse(retryAfterHeader, now);
		if (fromHeader != null) {
			return fromHeader;
		}
		return limits.stream()
			.map(RateLimit::resetTime)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.map((reset) -> nonNegative(Duration.between(now, reset)))
			.orElse(null);
	}

	/**
	 * Parse a {@code Retry-After} value: delay-seconds or an HTTP-date in any of the
	 * three forms RFC 9110 allows (IMF-fixdate, the obsolete RFC 850 form and the asctime
	 * form). A number too large for a {@code long}, or a wait longer than {@link #FAR},
	 * is {@link #FAR}: far enough that no retry policy waits for it.
	 * @param value the value
	 * @param now the current instant
	 * @return the wait the value asks for, or {@code null} when it is not a valid
	 * {@code Retry-After} value
	 */
	static @Nullable Duration parse(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (DELAY_SECONDS.matcher(trimmed).matches()) {
			try {
				return capped(Duration.ofSeconds(Long.parseLong(trimmed)));
			}
			catch (NumberFormatException overflow) {
				return FAR;
			}
		}
		Instant date = httpDate(trimmed);
		return (date != null) ? capped(nonNegative(Duration.between(now, date))) : null;
	}

	private static @Nullable Instant httpDate(String value) {
		String withoutDayName = DAY_NAME.matcher(value).replaceFirst("");
		for (DateTimeFormatter format : HTTP_DATE_FORMATS) {
			try {
				return format.parse(withoutDayName, ZonedDateTime::from).toInstant();
			}
			catch (DateTimeParseException | ArithmeticException notThisForm) {
				// try the next form
			}
		}
		return null;
	}

	private static Duration capped(Duration wait) {
		return (wait.compareTo(FAR) > 0) ? FAR : wait;
	}

	private static Duration nonNegative(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
	}

	/**
	 * Parse a {@code reset_time} of the API's rate limits: ISO-8601, in UTC or with an
	 * offset.
	 * @param value the field's text, if any
	 * @return the time, or {@code null} when absent or unreadable
	 */
	static @Nullable Instant resetTime(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			try {
				return ZonedDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException notOffset) {
				return null;
			}
		}
	}

	private RetryAfter() {
	}

}
