package io.github.cloudinaryanalysis.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code User-Agent} names this starter's version from the build, the file the
 * runtime hints keep.
 */
class UserAgentTests {

	@Test
	void theVersionComesFromTheBuild() {
		assertThat(UserAgent.version()).isNotEqualTo("unknown");
		assertThat(UserAgent.value()).startsWith(UserAgent.PRODUCT + "/" + UserAgent.version() + " Java/");
	}

}
