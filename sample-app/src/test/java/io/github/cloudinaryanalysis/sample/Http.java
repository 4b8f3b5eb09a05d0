package io.github.cloudinaryanalysis.sample;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** A plain HTTP client for the app under test: never throws on error statuses. */
final class Http {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RestClient client;

	Http(int port) {
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	ResponseEntity<String> get(String path) {
		return this.client.get().uri(path).retrieve().toEntity(String.class);
	}

	ResponseEntity<String> post(String path) {
		return this.client.post().uri(path).retrieve().toEntity(String.class);
	}

	ResponseEntity<String> postJson(String path, String json) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toEntity(String.class);
	}

	static JsonNode json(ResponseEntity<String> response) {
		return json.readTree(response.getBody());
	}

}
