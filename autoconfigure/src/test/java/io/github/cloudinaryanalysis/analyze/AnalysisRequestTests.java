package io.github.cloudinaryanalysis.analyze;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every validation rule of {@link Source}, {@link TagDefinition} and the factories of
 * {@link AnalysisRequest}.
 */
class AnalysisRequestTests {

	private static final Source SOURCE = Source.uri("https://res.cloudinary.com/demo/image/upload/sample.jpg");

	@Test
	void aSourceIsAUriOrAnAssetId() {
		Source uri = Source.uri("https://x.test/a.jpg");
		assertThat(uri.uri()).isEqualTo("https://x.test/a.jpg");
		assertThat(uri.assetId()).isNull();
		Source asset = Source.assetId("e12345b5c456c8901bbb0efc00c0fcf");
		assertThat(asset.assetId()).isEqualTo("e12345b5c456c8901bbb0efc00c0fcf");
		assertThat(asset.uri()).isNull();
		assertThat(uri).isEqualTo(Source.uri("https://x.test/a.jpg"))
			.isNotEqualTo(Source.assetId("https://x.test/a.jpg"));
		assertThat(uri.toString()).isEqualTo("Source[uri=https://x.test/a.jpg]");
	}

	@Test
	void aNullOrBlankSourceIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Source.uri(null))
			.withMessage("source.uri must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> Source.uri(" \t"))
			.withMessage("source.uri must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> Source.assetId(null))
			.withMessage("source.asset_id must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> Source.assetId(""))
			.withMessage("source.asset_id must not be blank");
	}

	@Test
	void aUriSourceMustBeAnAbsoluteUri() {
		// The contract's source.uri has format: uri, an absolute URI.
		assertThatIllegalArgumentException().isThrownBy(() -> Source.uri("sample.jpg"))
			.withMessageContaining("source.uri must be an absolute URI");
		assertThatIllegalArgumentException().isThrownBy(() -> Source.uri("https://x.test/a b.jpg"))
			.withMessageContaining("source.uri is not a valid URI");
	}

	@Test
	void everyFactoryRejectsANullSource() {
		for (Function<Source, AnalysisRequest<?>> factory : factories()) {
			assertThatIllegalArgumentException().isThrownBy(() -> factory.apply(null))
				.withMessage("source is required");
		}
	}

	@Test
	void eachFactoryMakesItsOperationsRequest() {
		List<String> types = factories().stream().map((factory) -> factory.apply(SOURCE).type()).toList();
		assertThat(types).containsExactly("ai_vision_general", "ai_vision_moderation", "ai_vision_tagging",
				"captioning", "cld_fashion", "cld_text", "coco", "google_logo_detection", "google_tagging",
				"human_anatomy", "image_quality", "lvis", "shop_classifier", "unidet", "watermark_detection");
		assertThat(types).containsExactlyInAnyOrderElementsOf(AnalyzeContract.get().operations().keySet());
		assertThat(Operation.ALL.stream().map(Operation::type).toList()).isEqualTo(types);
	}

	static Stream<Arguments> listParameters() {
		return Stream.of(
				Arguments.of("prompts",
						(Function<List<?>, AnalysisRequest<?>>) (items) -> AnalysisRequest.aiVisionGeneral(SOURCE,
								cast(items)),
						(Function<Integer, Object>) (i) -> "prompt " + i),
				Arguments.of("rejection_questions",
						(Function<List<?>, AnalysisRequest<?>>) (items) -> AnalysisRequest.aiVisionModeration(SOURCE,
								cast(items)),
						(Function<Integer, Object>) (i) -> "question " + i),
				Arguments.of("tag_definitions",
						(Function<List<?>, AnalysisRequest<?>>) (items) -> AnalysisRequest.aiVisionTagging(SOURCE,
								cast(items)),
						(Function<Integer, Object>) (i) -> new TagDefinition("tag" + i,
								"Is there a thing " + i + "?")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("listParameters")
	void listsFollowTheContractsMinItemsAndMaxItems(String field, Function<List<?>, AnalysisRequest<?>> factory,
			Function<Integer, Object> item) {
		assertThatIllegalArgumentException().isThrownBy(() -> factory.apply(null)).withMessage(field + " is required");
		assertThatIllegalArgumentException().isThrownBy(() -> factory.apply(List.of()))
			.withMessage(field + " must have 1 to 10 items, had 0");
		assertThatIllegalArgumentException().isThrownBy(() -> factory.apply(items(11, item)))
			.withMessage(field + " must have 1 to 10 items, had 11");
		List<Object> withNull = new ArrayList<>(items(3, item));
		withNull.set(1, null);
		assertThatIllegalArgumentException().isThrownBy(() -> factory.apply(withNull))
			.withMessage(field + "[1] must not be null");
		assertThat(factory.apply(items(1, item)).parameters()).containsEntry(field, items(1, item));
		assertThat(factory.apply(items(10, item)).parameters()).containsEntry(field, items(10, item));
	}

	@Test
	void theRequestKeepsItsOwnCopyOfTheList() {
		List<String> prompts = new ArrayList<>(List.of("What is this?"));
		AnalysisRequest<AiVisionGeneralAnalysis> request = AnalysisRequest.aiVisionGeneral(SOURCE, prompts);
		prompts.add("Changed later");
		assertThat(request.parameters().get("prompts")).isEqualTo(List.of("What is this?"));
		assertThat(request).isEqualTo(AnalysisRequest.aiVisionGeneral(SOURCE, List.of("What is this?")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "name", "description" })
	void aTagDefinitionNeedsANameAndADescription(String missing) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TagDefinition(missing.equals("name") ? null : "cat",
					missing.equals("description") ? null : "Is there a cat?"))
			.withMessage("tag_definitions[]." + missing + " is required");
	}

	@Test
	void withNotificationUrlMakesANewRequestAndNeedsAnAbsoluteUrl() {
		AnalysisRequest<CaptioningAnalysis> plain = AnalysisRequest.captioning(SOURCE);
		AnalysisRequest<CaptioningAnalysis> notified = plain.withNotificationUrl(URI.create("https://app.test/hook"));
		assertThat(plain.notificationUrl()).isNull();
		assertThat(notified.notificationUrl()).isEqualTo(URI.create("https://app.test/hook"));
		assertThat(notified.type()).isEqualTo("captioning");
		assertThat(notified.source()).isEqualTo(SOURCE);
		assertThat(notified).isNotEqualTo(plain);
		assertThat(notified.toString()).isEqualTo(
				"AnalysisRequest[type=captioning, source=" + SOURCE + ", notificationUrl=https://app.test/hook]");
		assertThatIllegalArgumentException().isThrownBy(() -> plain.withNotificationUrl(null))
			.withMessage("notification_url must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> plain.withNotificationUrl(URI.create("/hook")))
			.withMessage("notification_url must be an absolute URI: /hook");
	}

	@SuppressWarnings("unchecked")
	private static <T> List<T> cast(List<?> items) {
		return (List<T>) items;
	}

	private static List<Object> items(int count, Function<Integer, Object> item) {
		return IntStream.range(0, count).mapToObj(item::apply).collect(Collectors.toList());
	}

	/**
	 * One factory per operation, in the order of the issue (and of the contract's paths,
	 * alphabetical).
	 */
	static List<Function<Source, AnalysisRequest<?>>> factories() {
		return List.of((source) -> AnalysisRequest.aiVisionGeneral(source, List.of("Describe this image")),
				(source) -> AnalysisRequest.aiVisionModeration(source, List.of("Is there any violence?")),
				(source) -> AnalysisRequest.aiVisionTagging(source,
						List.of(new TagDefinition("cat", "Is there a cat?"))),
				AnalysisRequest::captioning, AnalysisRequest::cldFashion, AnalysisRequest::cldText,
				AnalysisRequest::coco, AnalysisRequest::googleLogoDetection, AnalysisRequest::googleTagging,
				AnalysisRequest::humanAnatomy, AnalysisRequest::imageQuality, AnalysisRequest::lvis,
				AnalysisRequest::shopClassifier, AnalysisRequest::unidet, AnalysisRequest::watermarkDetection);
	}

}
