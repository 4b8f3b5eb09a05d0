package io.github.cloudinaryanalysis.actuate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks Cloudinary secrets in Actuator's {@code env} and {@code configprops} endpoints,
 * also when they show values ({@code show-values=always}), where Spring Boot masks
 * nothing by key: the whole value of {@code cloudinary.analysis.api-secret} and of
 * {@code cloudinary.analysis.webhook.signing-secret} (in any spelling, such as
 * {@code CLOUDINARY_ANALYSIS_API_SECRET} or {@code apiSecret}), and the secret (password)
 * part of the user info of {@code cloudinary.analysis.url}, {@code CLOUDINARY_URL} and of
 * any {@code cloudinary://} URL in any property or environment variable. The cloud name
 * and the API key stay readable: {@code cloudinary://123456:******@demo}.
 */
public class CloudinarySecretsSanitizingFunction implements SanitizingFunction {

	private static final String MASK = SanitizableData.SANITIZED_VALUE;

	/**
	 * The password of a URL's user info: {@code scheme://user:PASSWORD@}. Repetitions are
	 * bounded.
	 */
	private static final Pattern ANY_URL_PASSWORD = Pattern.compile("(://[^:/?#@\\s]{0,512}:)[^@/?#\\s]{1,1024}@");

	/** The password of a {@code cloudinary://} URL anywhere in a value. */
	private static final Pattern CLOUDINARY_URL_PASSWORD = Pattern
		.compile("(?i)(cloudinary://[^:/?#@\\s]{0,512}:)[^@/?#\\s]{1,1024}@");

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = normalized(data.getKey());
		if (key.endsWith("cloudinaryanalysisapisecret") || key.endsWith("cloudinaryanalysiswebhooksigningsecret")) {
			return data.withSanitizedValue();
		}
		if (!(data.getValue() instanceof CharSequence value)) {
			return data;
		}
		String text = value.toString();
		boolean urlProperty = key.endsWith("cloudinaryanalysisurl") || key.equals("cloudinaryurl");
		String masked = maskPassword(urlProperty ? ANY_URL_PASSWORD : CLOUDINARY_URL_PASSWORD, text);
		return masked.equals(text) ? data : data.withValue(masked);
	}

	private static String maskPassword(Pattern pattern, String text) {
		if (!text.contains("://")) {
			return text;
		}
		return pattern.matcher(text).replaceAll((match) -> Matcher.quoteReplacement(match.group(1) + MASK + "@"));
	}

	/**
	 * {@code cloudinary.analysis.api-secret}, {@code CLOUDINARY_ANALYSIS_API_SECRET} and
	 * {@code apiSecret} alike.
	 * @param key a property name, an environment variable or a field name
	 * @return the key's letters and digits in lower case
	 */
	private static String normalized(String key) {
		StringBuilder normalized = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				normalized.append(Character.toLowerCase(c));
			}
		}
		return normalized.toString().toLowerCase(Locale.ROOT);
	}

}
