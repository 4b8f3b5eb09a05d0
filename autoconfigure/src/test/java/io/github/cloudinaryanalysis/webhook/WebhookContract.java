package io.github.cloudinaryanalysis.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's {@code AnalysisWebhookPayload} schema (from the unchanged test copy
 * {@code contract/analysis-openapi.yml}), in networknt's OpenAPI 3.0 dialect.
 */
final class WebhookContract {

	private static final String DOCUMENT_ID = "https://contract.test/analysis-openapi.yml";

	private static final Schema PAYLOAD = load()
		.getSchema(SchemaLocation.of(DOCUMENT_ID + "#/components/schemas/AnalysisWebhookPayload"));

	private WebhookContract() {
	}

	static List<Error> payloadViolations(String body) {
		return PAYLOAD.validate(JsonMapper.builder().build().readTree(body));
	}

	private static SchemaRegistry load() {
		try (InputStream in = WebhookContract.class.getClassLoader()
			.getResourceAsStream("contract/analysis-openapi.yml")) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource contract/analysis-openapi.yml");
			}
			String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
					(builder) -> builder.schemas(Map.of(DOCUMENT_ID, yaml)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
