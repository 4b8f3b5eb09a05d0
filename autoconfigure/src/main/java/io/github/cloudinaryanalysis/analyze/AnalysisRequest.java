package io.github.cloudinaryanalysis.analyze;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A request to run one analysis on one asset, built by the static factory of its
 * operation (named after the contract's operation, e.g. {@link #captioning(Source)}) and
 * typed by the analysis its answer carries. Immutable and thread-safe.
 * <p>
 * The contract's rules ({@code required}, {@code minItems}, {@code maxItems}) are checked
 * when the request is built: an invalid request throws {@link IllegalArgumentException}
 * naming the field, before anything is sent.
 *
 * @param <A> the operation's analysis type, such as {@link CaptioningAnalysis}
 */
public final class AnalysisRequest<A> {

	/**
	 * The contract's {@code maxItems} of {@code prompts}, {@code rejection_questions} and
	 * {@code tag_definitions}.
	 */
	static final int MAX_ITEMS = 10;

	private final Operation<A> operation;

	private final Source source;

	/**
	 * The operation's own body fields, by wire name, in wire order: lists of strings or
	 * of tag definitions.
	 */
	private final Map<String, List<?>> parameters;

	private final @Nullable URI notificationUrl;

	private AnalysisRequest(Operation<A> operation, @Nullable Source source, Map<String, List<?>> parameters,
			@Nullable URI notificationUrl) {
		if (source == null) {
			throw new IllegalArgumentException("source is required");
		}
		this.operation = operation;
		this.source = source;
		this.parameters = parameters;
		this.notificationUrl = notificationUrl;
	}

	private static <A> AnalysisRequest<A> of(Operation<A> operation, @Nullable Source source) {
		return new AnalysisRequest<>(operation, source, Map.of(), null);
	}

	private static <A> AnalysisRequest<A> of(Operation<A> operation, @Nullable Source source, String field,
			@Nullable List<?> items) {
		if (source == null) {
			throw new IllegalArgumentException("source is required");
		}
		return new AnalysisRequest<>(operation, source, Map.of(field, checkedItems(field, items)), null);
	}

	/**
	 * AI Vision, general mode: open questions or tasks about the image.
	 * @param source the asset
	 * @param prompts 1 to 10 prompts ({@code prompts})
	 * @return the request
	 * @throws IllegalArgumentException if the source or prompts are missing, or there are
	 * too few or too many
	 */
	public static AnalysisRequest<AiVisionGeneralAnalysis> aiVisionGeneral(Source source, List<String> prompts) {
		return of(Operation.AI_VISION_GENERAL, source, "prompts", prompts);
	}

	/**
	 * AI Vision, moderation mode: yes/no questions whose "yes" rejects the image.
	 * @param source the asset
	 * @param rejectionQuestions 1 to 10 questions ({@code rejection_questions})
	 * @return the request
	 * @throws IllegalArgumentException if the source or questions are missing, or there
	 * are too few or too many
	 */
	public static AnalysisRequest<AiVisionModerationAnalysis> aiVisionModeration(Source source,
			List<String> rejectionQuestions) {
		return of(Operation.AI_VISION_MODERATION, source, "rejection_questions", rejectionQuestions);
	}

	/**
	 * AI Vision, tagging mode: the tags whose description matches the image.
	 * @param source the asset
	 * @param tagDefinitions 1 to 10 tag definitions ({@code tag_definitions})
	 * @return the request
	 * @throws IllegalArgumentException if the source or definitions are missing, or there
	 * are too few or too many
	 */
	public static AnalysisRequest<AiVisionTaggingAnalysis> aiVisionTagging(Source source,
			List<TagDefinition> tagDefinitions) {
		return of(Operation.AI_VISION_TAGGING, source, "tag_definitions", tagDefinitions);
	}

	/**
	 * A caption for the image.
	 * @param source the asset
	 * @return the request
	 * @throws IllegalArgumentException if the source is {@code null}
	 */
	public static AnalysisRequest<CaptioningAnalysis> captioning(Source source) {
		return of(Operation.CAPTIONING, source);
	}

	/**
	 * The Cld-Fashion model: items of clothing and their attributes.
	 * @param source the asset
	 * @return the request
	 * @throws IllegalArgumentException if the source is {@code null}
	 */
	public static AnalysisRequest<CldFashionAnalysis> cldFashion(Source source) {
		return of(Operation.CLD_FASHION, source);
	}

	/**
	 * The Cld-Text model: blocks of text and where they are.
	 * @param source the asset
	 * @return the request
	 * @throws IllegalArgumentException if the source is {@code null}
	 */
	public static AnalysisRequest<CldTextAnalysis> cldText(Source source) {
		return of(Operation.CLD_TEXT, source);
	}

	/**
	 * The Coco model: 80 common objects.
	 * @param source the asset
	 * @return the request
	 * @throws IllegalArgumentException if the source is {@code null}
	 */
	public static AnalysisRequest<CocoAnalysis> coco(Source source) {
		return of(Operation.COCO, source);
	}

	/**
	 * Google logo detection: popular product logos. The contract declares no asynchronous
	 * (202) answer for it.
	 * @param source the asset
	 * @return the request
	 * @throws IllegalArgumentException if the source is {@code null}
	 */
	public static AnalysisRequest<GoogleLogoDetectionAnalysis> googleLogoDetection(Source source) {
		return of(Operation.GOOGLE_LOGO_DETECTION, source);
	}

	/**
	 * Google tagging: labels from Google's tagging service.
	 * @param source the asset
	 * @return the request
	 * @throws IllegalArgumentException if the source is {@code null}
	 */
	public static AnalysisRequest<GoogleTaggingAnalysis> googleTagging(Source source) {
		return of(Operation.GOOGLE_TAGGING, source);
	}

	/**
	 * The Human Anatomy model: parts of the human body.
	 * @param source the asset
	 * @return the request
	 * @throws IllegalArgumentException if the source is {@code null}
	 */
	public static AnalysisRequest<HumanAnatomyAnalysis> humanAnatomy(Source source) {
		return of(Operation.HUMAN_ANATOMY, source);
	}

	/**
	 * Image quality analysis.
	 * @param source the asset
	 * @return the request
	 * @throws IllegalArgumentException if the source is {@code null}
	 */
	public static AnalysisRequest<ImageQualityAnalysis> imageQuality(Source source) {
		return of(Operation.IMAGE_QUALITY, source);
	}

	/**
	 * The Lvis model: thousands of general objects.
	 * @param source the asset
	 * @return the request
	 * @throws IllegalArgumentException if the source is {@code null}
	 */
	public static AnalysisRequest<LvisAnalysis> lvis(Source source) {
		return of(Operation.LVIS, source);
	}

	/**
	 * The Shop Classifier model: studio product image or natural image.
	 * @param source the asset
	 * @return the request
	 * @throws IllegalArgumentException if the source is {@code null}
	 */
	public static AnalysisRequest<ShopClassifierAnalysis> shopClassifier(Source source) {
		return of(Operation.SHOP_CLASSIFIER, source);
	}

	/**
	 * The UniDet model: objects of several combined object models.
	 * @param source the asset
	 * @return the request
	 * @throws IllegalArgumentException if the source is {@code null}
	 */
	public static AnalysisRequest<UnidetAnalysis> unidet(Source source) {
		return of(Operation.UNIDET, source);
	}

	/**
	 * Watermark detection.
	 * @param source the asset
	 * @return the request
	 * @throws IllegalArgumentException if the source is {@code null}
	 */
	public static AnalysisRequest<WatermarkDetectionAnalysis> watermarkDetection(Source source) {
		return of(Operation.WATERMARK_DETECTION, source);
	}

	/**
	 * The same request with a webhook URL, notified when an asynchronous analysis
	 * completes ({@code notification_url}; sent only when the analysis is started
	 * asynchronously).
	 * @param notificationUrl an absolute URI
	 * @return a new request
	 * @throws IllegalArgumentException if the URL is {@code null} or not absolute
	 */
	public AnalysisRequest<A> withNotificationUrl(URI notificationUrl) {
		if (notificationUrl == null) {
			throw new IllegalArgumentException("notification_url must not be null");
		}
		if (!notificationUrl.isAbsolute()) {
			throw new IllegalArgumentException("notification_url must be an absolute URI: " + notificationUrl);
		}
		return new AnalysisRequest<>(this.operation, this.source, this.parameters, notificationUrl);
	}

	/**
	 * The operation's path segment in {@code POST /analyze/{type}}.
	 * @return the type, e.g. {@code captioning}
	 */
	public String type() {
		return this.operation.type();
	}

	/**
	 * The asset to analyse.
	 * @return the source
	 */
	public Source source() {
		return this.source;
	}

	/**
	 * The webhook URL, if one was set.
	 * @return the URL, or {@code null}
	 */
	public @Nullable URI notificationUrl() {
		return this.notificationUrl;
	}

	Operation<A> operation() {
		return this.operation;
	}

	Map<String, List<?>> parameters() {
		return this.parameters;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof AnalysisRequest<?> that) && this.operation == that.operation
				&& this.source.equals(that.source) && this.parameters.equals(that.parameters)
				&& Objects.equals(this.notificationUrl, that.notificationUrl);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.operation.type(), this.source, this.parameters, this.notificationUrl);
	}

	@Override
	public String toString() {
		Map<String, Object> shown = new LinkedHashMap<>(this.parameters);
		return "AnalysisRequest[type=" + type() + ", source=" + this.source
				+ (shown.isEmpty() ? "" : ", " + shown.toString().substring(1, shown.toString().length() - 1))
				+ ((this.notificationUrl != null) ? ", notificationUrl=" + this.notificationUrl : "") + "]";
	}

	private static List<?> checkedItems(String field, @Nullable List<?> items) {
		if (items == null) {
			throw new IllegalArgumentException(field + " is required");
		}
		if (items.isEmpty() || items.size() > MAX_ITEMS) {
			throw new IllegalArgumentException(field + " must have 1 to " + MAX_ITEMS + " items, had " + items.size());
		}
		List<Object> copy = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			Object item = items.get(i);
			if (item == null) {
				throw new IllegalArgumentException(field + "[" + i + "] must not be null");
			}
			copy.add(item);
		}
		return List.copyOf(copy);
	}

}
