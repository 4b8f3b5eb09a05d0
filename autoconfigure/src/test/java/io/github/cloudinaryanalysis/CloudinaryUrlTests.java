package io.github.cloudinaryanalysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudinaryUrlTests {

	@Test
	void parsesKeySecretAndCloudName() {
		CloudinaryUrl url = CloudinaryUrl.parse("cloudinary://123456789:abc-DEF_ghi@my-cloud");
		assertThat(url.apiKey()).isEqualTo("123456789");
		assertThat(url.apiSecret()).isEqualTo("abc-DEF_ghi");
		assertThat(url.cloudName()).isEqualTo("my-cloud");
	}

	@Test
	void ignoresQueryParameters() {
		CloudinaryUrl url = CloudinaryUrl.parse("cloudinary://key:secret@demo?secure_distribution=x&cname=y");
		assertThat(url.cloudName()).isEqualTo("demo");
		assertThat(url.apiSecret()).isEqualTo("secret");
	}

	@Test
	void toStringHidesTheCredentials() {
		CloudinaryUrl url = CloudinaryUrl.parse("cloudinary://key123:topsecret@demo");
		assertThat(url.toString()).contains("demo").doesNotContain("topsecret").doesNotContain("key123");
	}

	@Test
	void rejectsAWrongSchemeWithoutEchoingTheUrl() {
		assertThatExceptionOfType(InvalidCloudinaryUrlException.class)
			.isThrownBy(() -> CloudinaryUrl.parse("https://key:topsecret@demo"))
			.withMessage("Invalid CLOUDINARY_URL scheme. Expecting to start with 'cloudinary://'")
			.withMessageNotContaining("topsecret");
	}

	@Test
	void rejectsAMissingCloudName() {
		assertThatExceptionOfType(InvalidCloudinaryUrlException.class)
			.isThrownBy(() -> CloudinaryUrl.parse("cloudinary://key:topsecret@"))
			.withMessage("Invalid CLOUDINARY_URL: missing cloud name");
	}

	@Test
	void rejectsMissingCredentials() {
		assertThatExceptionOfType(InvalidCloudinaryUrlException.class)
			.isThrownBy(() -> CloudinaryUrl.parse("cloudinary://demo"))
			.withMessageStartingWith("Invalid CLOUDINARY_URL: missing credentials");
	}

	@Test
	void rejectsAMissingSecret() {
		assertThatExceptionOfType(InvalidCloudinaryUrlException.class)
			.isThrownBy(() -> CloudinaryUrl.parse("cloudinary://key@demo"))
			.withMessage("Invalid CLOUDINARY_URL: missing API secret");
	}

	@Test
	void rejectsAMissingKey() {
		assertThatExceptionOfType(InvalidCloudinaryUrlException.class)
			.isThrownBy(() -> CloudinaryUrl.parse("cloudinary://:topsecret@demo"))
			.withMessage("Invalid CLOUDINARY_URL: missing API key")
			.withMessageNotContaining("topsecret");
	}

	@Test
	void rejectsAnEmptyUrl() {
		assertThatExceptionOfType(InvalidCloudinaryUrlException.class).isThrownBy(() -> CloudinaryUrl.parse("  "))
			.withMessageContaining("empty");
	}

}
