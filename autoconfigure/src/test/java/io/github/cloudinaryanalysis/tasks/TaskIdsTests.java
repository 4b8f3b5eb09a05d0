package io.github.cloudinaryanalysis.tasks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaskIdsTests {

	@Test
	void acceptsTheApisOwnExampleId() {
		String id = "053f4bde4b933c8ecef23724ecde63b667c1ea21816d56c161c7ec1df6297da4b43109625650e9edf0f42152cc4cc32c8"
				+ "ad57824ac75ba8e05020f827c415559ac1248076a2d72c0a73af0479cca77eb";
		assertThat(TaskIds.requireValid(id)).isSameAs(id);
	}

	@Test
	void acceptsTheLongestAllowedId() {
		assertThat(TaskIds.requireValid("a".repeat(512))).hasSize(512);
	}

	@Test
	void rejectsNullWithAClearMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> TaskIds.requireValid(null))
			.withMessage("Task id must not be null");
	}

	@Test
	void rejectsAnIdLongerThan512Characters() {
		assertThatIllegalArgumentException().isThrownBy(() -> TaskIds.requireValid("a".repeat(513)))
			.withMessageContaining("at most 512");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void rejectsBlankIds(String id) {
		assertThatIllegalArgumentException().isThrownBy(() -> TaskIds.requireValid(id))
			.withMessage("Task id must not be blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../etc", "a/b", "a%2Fb", "a?b=c", "a#b", "a b", "täsk", "a\nb", "a.b", "a;b" })
	void rejectsIdsThatCouldChangeThePath(String id) {
		assertThatIllegalArgumentException().isThrownBy(() -> TaskIds.requireValid(id))
			.withMessageContaining("only letters, digits");
	}

	@Test
	void showsControlCharactersEscapedInTheMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> TaskIds.requireValid("a\r\nInjected: 1"))
			.withMessageContaining("a\\u000d\\u000aInjected: 1")
			.withMessageNotContaining("\n");
	}

}
