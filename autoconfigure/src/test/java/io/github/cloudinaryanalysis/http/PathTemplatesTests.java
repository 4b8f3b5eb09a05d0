package io.github.cloudinaryanalysis.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.util.DefaultUriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link PathTemplates} expands the client's paths exactly as {@code RestClient}'s
 * default URI builder factory does, which it replaces on the hot path.
 */
class PathTemplatesTests {

	private static final String BASE = "https://api.cloudinary.com/v2/analysis";

	private static final String TEMPLATE = "/{cloudName}/tasks/{taskId}";

	@ParameterizedTest
	@ValueSource(strings = { "053f4bde4b933c8e", "a-b_c.d~e", "with space", "slash/and?query#frag", "ünïcödé", "100%",
			"semi;colon=plus+" })
	void expandsAsRestClientsUriBuilderFactory(String taskId) {
		String expected = new DefaultUriBuilderFactory(BASE).expand(TEMPLATE, "demo-cloud", taskId).toString();
		assertThat(BASE + PathTemplates.expand(TEMPLATE, "demo-cloud", taskId)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/plain/path", "" })
	void aTemplateWithoutVariablesIsKept(String template) {
		assertThat(PathTemplates.expand(template)).isEqualTo(template);
	}

	@Test
	void tooFewOrTooManyValuesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PathTemplates.expand(TEMPLATE, "demo"))
			.withMessageContaining(TEMPLATE);
		assertThatIllegalArgumentException().isThrownBy(() -> PathTemplates.expand(TEMPLATE, "demo", "t1", "extra"))
			.withMessageContaining(TEMPLATE);
		assertThatIllegalArgumentException().isThrownBy(() -> PathTemplates.expand("/{unclosed", "demo"))
			.withMessageContaining("Unclosed");
	}

}
