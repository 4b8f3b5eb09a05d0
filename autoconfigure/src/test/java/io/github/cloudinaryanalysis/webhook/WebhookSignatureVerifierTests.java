package io.github.cloudinaryanalysis.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The verification rules: Cloudinary's signature (the facts file's two test vectors),
 * constant-time comparison, the timestamp window on both sides, and replays.
 */
class WebhookSignatureVerifierTests {

	private static final String SECRET = "someApiSecret";

	private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

	private static final String VECTOR_SHA1 = "f9aa4471d2a88ff244424cca2444edf7d7ac3596";

	private static final String VECTOR_SHA256 = "d5497e1a206ad0ba29ad09a7c0c5f22e939682d15009c15ab3199f62fefbd14b";

	private static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");

	private static final String BODY = "{\"task_id\":\"t1\",\"http_status\":200}";

	private final MutableClock clock = new MutableClock(NOW);

	private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(SECRET, SignatureAlgorithm.SHA1,
			WebhookSignatureVerifier.DEFAULT_TOLERANCE, this.clock);

	@Test
	void theSha1TestVectorOfTheFactsFileIsAccepted() {
		this.clock.set(Instant.EPOCH);
		assertThat(HexFormat.of()
			.formatHex(SignatureAlgorithm.SHA1.digest(EMPTY_OBJECT, "0", SECRET.getBytes(StandardCharsets.UTF_8))))
			.isEqualTo(VECTOR_SHA1);
		assertThat(this.verifier.verify(EMPTY_OBJECT, "0", VECTOR_SHA1)).isEqualTo(NotificationOutcome.ACCEPTED);
	}

	@Test
	void theSha256TestVectorOfTheFactsFileIsAccepted() {
		this.clock.set(Instant.EPOCH);
		WebhookSignatureVerifier sha256 = new WebhookSignatureVerifier(SECRET, SignatureAlgorithm.SHA256,
				WebhookSignatureVerifier.DEFAULT_TOLERANCE, this.clock);
		assertThat(HexFormat.of()
			.formatHex(SignatureAlgorithm.SHA256.digest(EMPTY_OBJECT, "0", SECRET.getBytes(StandardCharsets.UTF_8))))
			.isEqualTo(VECTOR_SHA256);
		assertThat(sha256.verify(EMPTY_OBJECT, "0", VECTOR_SHA256)).isEqualTo(NotificationOutcome.ACCEPTED);
	}

	@Test
	void aSignatureOfTheOtherAlgorithmIsBad() {
		this.clock.set(Instant.EPOCH);
		WebhookSignatureVerifier sha256 = new WebhookSignatureVerifier(SECRET, SignatureAlgorithm.SHA256,
				WebhookSignatureVerifier.DEFAULT_TOLERANCE, this.clock);
		assertThat(sha256.verify(EMPTY_OBJECT, "0", VECTOR_SHA1)).isEqualTo(NotificationOutcome.BAD_SIGNATURE);
		assertThat(this.verifier.verify(EMPTY_OBJECT, "0", VECTOR_SHA256)).isEqualTo(NotificationOutcome.BAD_SIGNATURE);
	}

	@Test
	void hexIsReadInEitherCase() {
		this.clock.set(Instant.EPOCH);
		assertThat(this.verifier.verify(EMPTY_OBJECT, "0", VECTOR_SHA1.toUpperCase(Locale.ROOT)))
			.isEqualTo(NotificationOutcome.ACCEPTED);
	}

	@Test
	void aFreshNotificationSignedWithTheSecretIsAccepted() {
		long timestamp = NOW.getEpochSecond();
		assertThat(verify(BODY, timestamp, Signatures.sha1(BODY, timestamp, SECRET)))
			.isEqualTo(NotificationOutcome.ACCEPTED);
	}

	@Test
	void aTamperedBodyIsBad() {
		long timestamp = NOW.getEpochSecond();
		String signature = Signatures.sha1(BODY, timestamp, SECRET);
		assertThat(verify(BODY.replace("200", "500"), timestamp, signature))
			.isEqualTo(NotificationOutcome.BAD_SIGNATURE);
		assertThat(verify(BODY + " ", timestamp, signature)).isEqualTo(NotificationOutcome.BAD_SIGNATURE);
	}

	@Test
	void aSignatureMadeWithAnotherSecretIsBad() {
		long timestamp = NOW.getEpochSecond();
		assertThat(verify(BODY, timestamp, Signatures.sha1(BODY, timestamp, "anotherSecret")))
			.isEqualTo(NotificationOutcome.BAD_SIGNATURE);
	}

	@Test
	void aTimestampOtherThanTheSignedOneIsBad() {
		long timestamp = NOW.getEpochSecond();
		String signature = Signatures.sha1(BODY, timestamp, SECRET);
		assertThat(verify(BODY, timestamp - 1, signature)).isEqualTo(NotificationOutcome.BAD_SIGNATURE);
		// The same digits with a leading zero are another signed text.
		assertThat(this.verifier.verify(bytes(BODY), "0" + timestamp, signature))
			.isEqualTo(NotificationOutcome.BAD_SIGNATURE);
	}

	@Test
	void aSignatureDifferingInItsFirstOrLastDigitIsBad() {
		long timestamp = NOW.getEpochSecond();
		String signature = Signatures.sha1(BODY, timestamp, SECRET);
		assertThat(verify(BODY, timestamp, flip(signature, 0))).isEqualTo(NotificationOutcome.BAD_SIGNATURE);
		assertThat(verify(BODY, timestamp, flip(signature, signature.length() - 1)))
			.isEqualTo(NotificationOutcome.BAD_SIGNATURE);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "f9aa4471d2a88ff244424cca2444edf7d7ac359", "f9aa4471d2a88ff244424cca2444edf7d7ac35960",
			"z9aa4471d2a88ff244424cca2444edf7d7ac3596", "f9aa4471d2a88ff244424cca2444edf7d7ac359\u0663",
			"sha1=f9aa4471d2a88ff244424cca2444edf7d7ac3596" })
	void aMissingOrUnreadableSignatureIsBad(String signature) {
		this.clock.set(Instant.EPOCH);
		assertThat(this.verifier.verify(EMPTY_OBJECT, "0", signature)).isEqualTo(NotificationOutcome.BAD_SIGNATURE);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " 0", "0 ", "+0", "-0", "0.0", "0x0", "zero", "\u0660", "0000000000000000000" })
	void aMissingOrNonNumericTimestampIsBad(String timestamp) {
		this.clock.set(Instant.EPOCH);
		// Even signed over exactly that text: Cloudinary sends Unix seconds, and nothing
		// else can be judged for age.
		String signature = (timestamp != null) ? Signatures.sign("SHA-1", EMPTY_OBJECT, timestamp, SECRET)
				: VECTOR_SHA1;
		assertThat(this.verifier.verify(EMPTY_OBJECT, timestamp, signature))
			.isEqualTo(NotificationOutcome.BAD_SIGNATURE);
	}

	@Test
	void aTimestampOlderThanTheToleranceIsStaleAndOneAtTheToleranceIsNot() {
		long timestamp = NOW.getEpochSecond();
		String signature = Signatures.sha1(BODY, timestamp, SECRET);
		this.clock.set(NOW.plus(Duration.ofHours(2)).plusSeconds(1));
		assertThat(verify(BODY, timestamp, signature)).isEqualTo(NotificationOutcome.STALE);
		this.clock.set(NOW.plus(Duration.ofHours(2)));
		assertThat(verify(BODY, timestamp, signature)).isEqualTo(NotificationOutcome.ACCEPTED);
	}

	@Test
	void theToleranceIsAnyDuration() {
		WebhookSignatureVerifier tenMinutes = new WebhookSignatureVerifier(SECRET, SignatureAlgorithm.SHA1,
				Duration.ofMinutes(10), this.clock);
		long timestamp = NOW.getEpochSecond();
		String signature = Signatures.sha1(BODY, timestamp, SECRET);
		this.clock.set(NOW.plus(Duration.ofMinutes(10)).plusSeconds(1));
		assertThat(tenMinutes.verify(bytes(BODY), Long.toString(timestamp), signature))
			.isEqualTo(NotificationOutcome.STALE);
		this.clock.set(NOW.plus(Duration.ofMinutes(9)));
		assertThat(tenMinutes.verify(bytes(BODY), Long.toString(timestamp), signature))
			.isEqualTo(NotificationOutcome.ACCEPTED);
	}

	@Test
	void aTimestampMoreThanFiveMinutesAheadIsStaleAndOneFiveMinutesAheadIsNot() {
		long ahead = NOW.plus(Duration.ofMinutes(5)).getEpochSecond();
		assertThat(verify(BODY, ahead + 1, Signatures.sha1(BODY, ahead + 1, SECRET)))
			.isEqualTo(NotificationOutcome.STALE);
		assertThat(verify(BODY, ahead, Signatures.sha1(BODY, ahead, SECRET))).isEqualTo(NotificationOutcome.ACCEPTED);
	}

	@Test
	void aForgeryWithAnOldTimestampCountsAsABadSignatureNotAsStale() {
		long old = NOW.minus(Duration.ofDays(1)).getEpochSecond();
		assertThat(verify(BODY, old, Signatures.sha1(BODY, old, "guessed")))
			.isEqualTo(NotificationOutcome.BAD_SIGNATURE);
	}

	@Test
	void aSignatureAlreadyAcceptedIsReplayedAndAnotherNotificationIsNot() {
		long timestamp = NOW.getEpochSecond();
		String signature = Signatures.sha1(BODY, timestamp, SECRET);
		assertThat(verify(BODY, timestamp, signature)).isEqualTo(NotificationOutcome.ACCEPTED);
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(verify(BODY, timestamp, signature)).isEqualTo(NotificationOutcome.REPLAYED);
		assertThat(this.verifier.verify(bytes(BODY), Long.toString(timestamp), signature.toUpperCase(Locale.ROOT)))
			.isEqualTo(NotificationOutcome.REPLAYED);
		// Cloudinary's retry of the same task with a new timestamp is another signature.
		long retried = timestamp + 540;
		assertThat(verify(BODY, retried, Signatures.sha1(BODY, retried, SECRET)))
			.isEqualTo(NotificationOutcome.ACCEPTED);
	}

	@Test
	void aRejectedNotificationIsNotRememberedSoItsGenuineTwinIsStillAccepted() {
		long timestamp = NOW.getEpochSecond();
		String signature = Signatures.sha1(BODY, timestamp, SECRET);
		assertThat(verify(BODY + "x", timestamp, signature)).isEqualTo(NotificationOutcome.BAD_SIGNATURE);
		assertThat(verify(BODY, timestamp, signature)).isEqualTo(NotificationOutcome.ACCEPTED);
	}

	@Test
	void aReplayAfterTheToleranceIsStaleNotReplayed() {
		long timestamp = NOW.getEpochSecond();
		String signature = Signatures.sha1(BODY, timestamp, SECRET);
		assertThat(verify(BODY, timestamp, signature)).isEqualTo(NotificationOutcome.ACCEPTED);
		this.clock.advance(Duration.ofHours(2).plusSeconds(1));
		assertThat(verify(BODY, timestamp, signature)).isEqualTo(NotificationOutcome.STALE);
	}

	@Test
	void theSecretMustNotBeBlankAndTheToleranceMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new WebhookSignatureVerifier(" ", SignatureAlgorithm.SHA1, Duration.ofHours(1), this.clock))
			.withMessage("The webhook signing secret must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookSignatureVerifier(SECRET, SignatureAlgorithm.SHA1, Duration.ZERO, this.clock))
			.withMessage("The webhook tolerance must be positive, was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSignatureVerifier(SECRET,
				SignatureAlgorithm.SHA1, Duration.ofSeconds(-1), this.clock));
	}

	@Test
	void theSecretIsNotInToString() {
		assertThat(this.verifier.toString()).doesNotContain(SECRET)
			.isEqualTo("WebhookSignatureVerifier[algorithm=SHA1, tolerance=PT2H, signingSecret=[REDACTED]]");
	}

	@Test
	void signaturesAreComparedInConstantTimeOnly() {
		JavaClasses verifierClasses = new ClassFileImporter().importClasses(WebhookSignatureVerifier.class);
		ArchRuleDefinition.classes()
			.that()
			.areAssignableTo(WebhookSignatureVerifier.class)
			.should()
			.callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
			.check(verifierClasses);
		ArchRuleDefinition.noClasses()
			.that()
			.areAssignableTo(WebhookSignatureVerifier.class)
			.should()
			.callMethod(String.class, "equals", Object.class)
			.orShould()
			.callMethod(String.class, "equalsIgnoreCase", String.class)
			.orShould()
			.callMethod(String.class, "contentEquals", CharSequence.class)
			.orShould()
			.callMethod(Arrays.class, "equals", byte[].class, byte[].class)
			.orShould()
			.callMethod(Object.class, "equals", Object.class)
			.check(verifierClasses);
	}

	private NotificationOutcome verify(String body, long timestamp, String signature) {
		return this.verifier.verify(bytes(body), Long.toString(timestamp), signature);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String flip(String hex, int index) {
		char replacement = (hex.charAt(index) == '0') ? '1' : '0';
		return hex.substring(0, index) + replacement + hex.substring(index + 1);
	}

}
