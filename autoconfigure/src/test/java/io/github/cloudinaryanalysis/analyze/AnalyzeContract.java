package io.github.cloudinaryanalysis.analyze;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The official contract (test resource {@code contract/analysis-openapi.yml}, an
 * unchanged copy) and a validator of analyze request and answer bodies against the
 * schemas its {@code /analyze/*} operations declare, in networknt's OpenAPI 3.0 dialect.
 */
final class AnalyzeContract {

	private static final String DOCUMENT_ID = "https://contract.test/analysis-openapi.yml";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AnalyzeContract INSTANCE = load();

	private final JsonNode document;

	private final SchemaRegistry registry;

	private AnalyzeContract(String yaml) {
		this.document = YAMLMapper.builder().build().readTree(yaml);
		this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
				(builder) -> builder.schemas(Map.of(DOCUMENT_ID, yaml)));
	}

	static AnalyzeContract get() {
		return INSTANCE;
	}

	private static AnalyzeContract load() {
		try (InputStream in = AnalyzeContract.class.getClassLoader()
			.getResourceAsStream("contract/analysis-openapi.yml")) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource contract/analysis-openapi.yml");
			}
			return new AnalyzeContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every {@code /analyze/{type}} operation: type → its {@code post} object. */
	Map<String, JsonNode> operations() {
		Map<String, JsonNode> operations = new TreeMap<>();
		this.document.path("paths").properties().forEach((entry) -> {
			if (entry.getKey().startsWith("/analyze/")) {
				operations.put(entry.getKey().substring("/analyze/".length()), entry.getValue().path("post"));
			}
		});
		return operations;
	}

	List<Error> validateRequest(String type, String body) {
		return validate(schemaRef(operations().get(type).path("requestBody")), body);
	}

	List<Error> validateAnswer(String type, int status, String body) {
		JsonNode response = operations().get(type).path("responses").path(Integer.toString(status));
		if (response.has("$ref")) {
			response = this.document.at(response.get("$ref").asString().substring(1));
		}
		return validate(schemaRef(response), body);
	}

	List<Error> validateSchema(String schemaName, String body) {
		return validate("#/components/schemas/" + schemaName, body);
	}

	private static String schemaRef(JsonNode withContent) {
		JsonNode schema = withContent.path("content").path("application/json").path("schema");
		if (!schema.has("$ref")) {
			throw new IllegalArgumentException("Expected a $ref schema in " + withContent);
		}
		return schema.get("$ref").asString();
	}

	private List<Error> validate(String ref, String body) {
		return this.registry.getSchema(SchemaLocation.of(DOCUMENT_ID + ref)).validate(JSON.readTree(body));
	}

}
