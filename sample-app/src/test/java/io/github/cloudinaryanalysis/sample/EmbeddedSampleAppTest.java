package io.github.cloudinaryanalysis.sample;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The sample app on a random port in embedded mode. Blank credentials hide any
 * {@code CLOUDINARY_URL} or {@code CLOUDINARY_ANALYSIS_*} of the machine running the
 * build (blank counts as absent); demo tasks take 1.5 s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "CLOUDINARY_URL=", "cloudinary.analysis.url=", "cloudinary.analysis.cloud-name=",
				"cloudinary.analysis.api-key=", "cloudinary.analysis.api-secret=",
				"sample.embedded-fake.task-duration=1500ms" })
@interface EmbeddedSampleAppTest {

}
