package io.github.cloudinaryanalysis.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The official OpenAPI 3.0.3 contract (the test resource
 * {@code contract/analysis-openapi.yml}, an unchanged copy), and a validator for response
 * bodies: it finds the schema an operation declares for a status, following {@code $ref}s
 * to {@code #/components/responses}, and validates with networknt's json-schema-validator
 * in its OpenAPI 3.0 dialect (which honours {@code nullable}), resolving {@code $ref}s
 * into {@code #/components/schemas} within the same document.
 */
final class OpenApiContract {

	static final String RESOURCE = "contract/analysis-openapi.yml";

	/** A made-up absolute id under which the registry knows the contract document. */
	private static final String DOCUMENT_ID = "https://contract.test/analysis-openapi.yml";

	private final JsonNode document;

	private final SchemaRegistry registry;

	private OpenApiContract(String yaml) {
		this.document = YAMLMapper.builder().build().readTree(yaml);
		this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
				(builder) -> builder.schemas(Map.of(DOCUMENT_ID, yaml)));
	}

	static OpenApiContract load() {
		try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource " + RESOURCE);
			}
			return new OpenApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Validate a body against one of {@code #/components/schemas}, e.g.
	 * {@code AnalysisWebhookPayload}.
	 */
	List<Error> validateSchema(String schemaName, String body) {
		return this.registry.getSchema(SchemaLocation.of(DOCUMENT_ID + "#/components/schemas/" + schemaName))
			.validate(HttpTestClient.JSON.readTree(body));
	}

	JsonNode document() {
		return this.document;
	}

	/** The paths of the {@code /analyze/*} operations whose responses include a 202. */
	Set<String> asyncAnalysisTypes() {
		Set<String> types = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : this.document.path("paths").properties()) {
			if (path.getKey().startsWith("/analyze/") && path.getValue().path("post").path("responses").has("202")) {
				types.add(path.getKey().substring("/analyze/".length()));
			}
		}
		return types;
	}

	/** All {@code /analyze/*} types in the contract. */
	Set<String> analysisTypes() {
		Set<String> types = new TreeSet<>();
		for (String path : this.document.path("paths").propertyNames()) {
			if (path.startsWith("/analyze/")) {
				types.add(path.substring("/analyze/".length()));
			}
		}
		return types;
	}

	/**
	 * Validates a JSON body against the schema the contract declares for an operation's
	 * answer.
	 * @param path the contract path, e.g. {@code /tasks/{task_id}}
	 * @param method lowercase, e.g. {@code get}
	 * @param status the HTTP status
	 * @param body the JSON body
	 * @return the validation errors, empty when the body conforms
	 */
	List<Error> validate(String path, String method, int status, String body) {
		return schemaFor(path, method, status).validate(HttpTestClient.JSON.readTree(body));
	}

	/**
	 * The JSON pointer (a fragment of the document) of the schema declared for the
	 * answer.
	 */
	String schemaPointer(String path, String method, int status) {
		JsonNode response = this.document.path("paths")
			.path(path)
			.path(method)
			.path("responses")
			.path(Integer.toString(status));
		if (response.isMissingNode()) {
			throw new IllegalArgumentException("The contract declares no " + status + " for " + method + " " + path);
		}
		String pointer = "/paths/" + escape(path) + "/" + method + "/responses/" + status;
		if (response.has("$ref")) {
			pointer = response.get("$ref").asString().substring(1);
			response = this.document.at(pointer);
		}
		JsonNode schema = response.path("content").path("application/json").path("schema");
		if (schema.isMissingNode()) {
			throw new IllegalArgumentException("No application/json schema for " + status + " at " + pointer);
		}
		if (schema.has("$ref")) {
			return schema.get("$ref").asString().substring(1);
		}
		return pointer + "/content/application~1json/schema";
	}

	private Schema schemaFor(String path, String method, int status) {
		String pointer = schemaPointer(path, method, status);
		if (pointer.contains("{")) {
			throw new IllegalArgumentException("Inline schemas under templated paths are not supported: " + pointer);
		}
		return this.registry.getSchema(SchemaLocation.of(DOCUMENT_ID + "#" + pointer));
	}

	private static String escape(String pathKey) {
		return pathKey.replace("~", "~0").replace("/", "~1");
	}

}
