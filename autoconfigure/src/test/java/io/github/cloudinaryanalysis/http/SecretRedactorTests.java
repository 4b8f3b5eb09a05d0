package io.github.cloudinaryanalysis.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials an upstream echoes are masked (issue 11, point 2), in time linear in the
 * text.
 */
class SecretRedactorTests {

	private final SecretRedactor redactor = SecretRedactor.forBasicCredentials("key-123", "Very-Secret-99");

	@Test
	void masksTokensUrlPasswordsAndTheKnownSecret() {
		assertThat(this.redactor.redact("Authorization: Basic a2V5LTEyMzpWZXJ5LVNlY3JldC05OQ=="))
			.isEqualTo("Authorization: Basic ******");
		assertThat(this.redactor.redact("authorization=bearer eyJhbGciOi.eyJzdWIi.sig_-42"))
			.isEqualTo("authorization=bearer ******");
		assertThat(this.redactor.redact("cloudinary://123456:abcdef@demo and htps://k:p4ss@host/x"))
			.isEqualTo("cloudinary://123456:******@demo and htps://k:******@host/x");
		assertThat(this.redactor.redact("the secret is Very-Secret-99.")).isEqualTo("the secret is ******.");
	}

	@Test
	void masksTokensAndUrlPasswordsInAnyCaseAndPosition() {
		// The patterns run only on text that names a scheme or has "://" (issue 15): the
		// check must catch every casing the patterns do.
		assertThat(this.redactor.redact("BASIC a2V5OnNlY3JldC0xMjM0NQ==")).isEqualTo("BASIC ******");
		assertThat(this.redactor.redact("x BeArEr%20abcdefgh.ijk-42")).isEqualTo("x BeArEr ******");
		assertThat(this.redactor.redact("HTTPS://user:pa55word@api.example.com"))
			.isEqualTo("HTTPS://user:******@api.example.com");
		assertThat(this.redactor.redact("17c3b70c5096df0e77e838323abb7029"))
			.isEqualTo("17c3b70c5096df0e77e838323abb7029");
	}

	@Test
	void leavesOrdinaryWordsAlone() {
		assertThat(this.redactor.redact("basic information about the bearer of this plan"))
			.isEqualTo("basic information about the bearer of this plan");
		assertThat(SecretRedactor.of(List.of("abc")).redact("abc is too short to search for")).startsWith("abc");
	}

	@Test
	void aMegabyteOfHostileTextIsRedactedQuickly() {
		String letters = "a".repeat(1 << 20);
		String spaces = "basic" + " ".repeat(1 << 20);
		String schemes = "x://a:".repeat(1 << 17);
		// A generous bound: linear work takes milliseconds; the quadratic patterns this
		// replaces took minutes.
		assertThat(CompletableFuture.runAsync(() -> {
			assertThat(this.redactor.redact(letters)).hasSize(1 << 20);
			assertThat(this.redactor.redact(spaces)).hasSize(spaces.length());
			assertThat(this.redactor.redact(schemes)).hasSize(schemes.length());
		})).succeedsWithin(Duration.ofSeconds(20));
	}

}
