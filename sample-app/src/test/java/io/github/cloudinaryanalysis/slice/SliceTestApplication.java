package io.github.cloudinaryanalysis.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A user's application, as start.spring.io shapes it, in a package of its own so that the
 * sample app's component scan never sees {@link ModerationService}.
 */
@SpringBootApplication
class SliceTestApplication {

}
