package io.github.cloudinaryanalysis.test;

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
import tools.jackson.databind.JsonNode;

/**
 * The official contract (the resource {@code analysis-openapi.yml} next to this class, an
 * unchanged copy) as the fake uses it at run time: the request schema of each {@code POST
 * /analyze/{type}} and the schema of its 200 answer, validated with networknt's
 * json-schema-validator in its OpenAPI 3.0 dialect. Loaded once per class loader on first
 * use (parsing the contract costs some hundred milliseconds), then shared: schemas are
 * immutable and thread-safe.
 */
final class ContractSchemas {

	private static final String RESOURCE = "analysis-openapi.yml";

	private static final String DOCUMENT_ID = "https://contract.test/analysis-openapi.yml";

	private ContractSchemas() {
	}

	/**
	 * Validate a request body of {@code POST /analyze/{type}}.
	 * @param type one of {@link AnalysisTypes#ALL}
	 * @param body the parsed body
	 * @return the violations, empty when the body conforms
	 */
	static List<String> requestViolations(String type, JsonNode body) {
		return messages(Holder.schema("#/components/schemas/Analyze" + AnalysisTypes.schemaName(type) + "Request")
			.validate(body));
	}

	/**
	 * Validate a 200 answer of {@code POST /analyze/{type}}.
	 * @param type one of {@link AnalysisTypes#ALL}
	 * @param body the parsed body
	 * @return the violations, empty when the body conforms
	 */
	static List<String> answerViolations(String type, JsonNode body) {
		return messages(Holder.schema("#/components/schemas/Analyze" + AnalysisTypes.schemaName(type) + "Response")
			.validate(body));
	}

	private static List<String> messages(List<Error> errors) {
		return errors.stream().map(Error::toString).toList();
	}

	/** Initialized by the JVM on first use, never before. */
	private static final class Holder {

		private static final SchemaRegistry REGISTRY = registry();

		static Schema schema(String ref) {
			return REGISTRY.getSchema(SchemaLocation.of(DOCUMENT_ID + ref));
		}

		private static SchemaRegistry registry() {
			try (InputStream in = ContractSchemas.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException(
							"Missing resource " + RESOURCE + " next to " + ContractSchemas.class.getName());
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

}
