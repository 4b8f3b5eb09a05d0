package io.github.cloudinaryanalysis.sample;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The condition behind {@link ConditionalOnMissingCloudinaryCredentials}. It looks where
 * the starter looks: {@code CLOUDINARY_URL} as an exact property name (environment
 * variable or system property), and the {@code cloudinary.analysis.*} properties with
 * relaxed binding (so {@code CLOUDINARY_ANALYSIS_APIKEY} counts too).
 */
class MissingCloudinaryCredentialsCondition extends SpringBootCondition {

	static final String CLOUDINARY_URL = "CLOUDINARY_URL";

	static final List<String> CREDENTIAL_PROPERTIES = List.of("cloudinary.analysis.url",
			"cloudinary.analysis.cloud-name", "cloudinary.analysis.api-key", "cloudinary.analysis.api-secret");

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage
			.forCondition(ConditionalOnMissingCloudinaryCredentials.class);
		Environment environment = context.getEnvironment();
		if (StringUtils.hasText(environment.getProperty(CLOUDINARY_URL))) {
			return ConditionOutcome.noMatch(message.found("property").items(CLOUDINARY_URL));
		}
		Binder binder = Binder.get(environment);
		for (String name : CREDENTIAL_PROPERTIES) {
			if (StringUtils.hasText(binder.bind(name, String.class).orElse(null))) {
				return ConditionOutcome.noMatch(message.found("property").items(name));
			}
		}
		return ConditionOutcome.match(message.didNotFind("Cloudinary credentials")
			.items(CLOUDINARY_URL, "cloudinary.analysis.{url,cloud-name,api-key,api-secret}"));
	}

}
