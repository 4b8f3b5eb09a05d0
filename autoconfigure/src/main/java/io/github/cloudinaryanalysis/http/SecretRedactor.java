package io.github.cloudinaryanalysis.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Replaces credentials in text that came from an answer (an upstream or proxy may echo
 * the request) by {@value #MASK}: any {@code Basic} or {@code Bearer} token, the password
 * of any URL's user info, and each known secret (the API secret and its {@code Basic}
 * token). Applied before any such text is stored in an exception, a record, a problem
 * detail or a log line.
 */
final class SecretRedactor {

	/** What a secret is replaced by. */
	public static final String MASK = "******";

	/** Redacts tokens and URL passwords only, for clients that know no secret. */
	public static final SecretRedactor TOKENS_ONLY = new SecretRedactor(List.of());

	// Every repetition is bounded, so that a hostile body of a megabyte of letters or
	// spaces costs linear time.
	private static final Pattern AUTH_TOKEN = Pattern.compile(
			"(?i)\\b(basic|bearer)(?:\\s{1,8}|%20|\\+)(?=[A-Za-z0-9._~+/=-]{0,4096}[0-9=+/.])[A-Za-z0-9._~+/=-]{8,4096}");

	private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/?#@\\s\"']{0,256}:)[^@/?#\\s\"']{1,256}@");

	/**
	 * Secrets shorter than this are not searched for literally: they would mask ordinary
	 * words.
	 */
	private static final int MIN_SECRET_LENGTH = 6;

	private final List<String> secrets;

	private SecretRedactor(List<String> secrets) {
		this.secrets = secrets;
	}

	/**
	 * Create a redactor that also masks the given secrets wherever they appear.
	 * @param secrets the secrets; {@code null} and short values are ignored
	 * @return the redactor
	 */
	static SecretRedactor of(Collection<? extends @Nullable String> secrets) {
		return new SecretRedactor(secrets.stream()
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter((secret) -> secret.length() >= MIN_SECRET_LENGTH)
			.distinct()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList());
	}

	/**
	 * Create a redactor for HTTP Basic credentials: masks the secret and the Basic token
	 * made of key and secret.
	 * @param apiKey the API key
	 * @param apiSecret the API secret
	 * @return the redactor
	 */
	static SecretRedactor forBasicCredentials(String apiKey, String apiSecret) {
		String token = Base64.getEncoder().encodeToString((apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8));
		return of(List.of(apiSecret, token));
	}

	/**
	 * Mask every credential in a text.
	 * @param text the text, may be {@code null}
	 * @return the text with credentials replaced by {@value #MASK}
	 */
	@Nullable String redact(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String redacted = text;
		for (String secret : this.secrets) {
			redacted = redacted.replace(secret, MASK);
		}
		// Run a pattern only on text that can match it: every answer's request id passes
		// here, and a matcher per pattern per call is most of what the redaction costs.
		if (containsIgnoreCase(redacted, "basic") || containsIgnoreCase(redacted, "bearer")) {
			redacted = AUTH_TOKEN.matcher(redacted)
				.replaceAll((match) -> Matcher.quoteReplacement(match.group(1) + " " + MASK));
		}
		if (redacted.contains("://")) {
			redacted = URL_PASSWORD.matcher(redacted)
				.replaceAll((match) -> Matcher.quoteReplacement(match.group(1) + MASK + "@"));
		}
		return redacted;
	}

	private static boolean containsIgnoreCase(String text, String word) {
		for (int i = 0; i <= text.length() - word.length(); i++) {
			if (text.regionMatches(true, i, word, 0, word.length())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Mask every credential in a body read as UTF-8.
	 * @param body the body
	 * @return the same body when nothing was masked, else a body of the masked text
	 */
	BoundedBody redact(BoundedBody body) {
		if (body.isEmpty()) {
			return body;
		}
		String text = new String(body.bytes(), StandardCharsets.UTF_8);
		String redacted = redact(text);
		return text.equals(redacted) ? body
				: new BoundedBody(Objects.requireNonNull(redacted).getBytes(StandardCharsets.UTF_8), body.truncated());
	}

}
