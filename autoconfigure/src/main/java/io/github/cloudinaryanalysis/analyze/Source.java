package io.github.cloudinaryanalysis.analyze;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The asset to analyse: either a URI the API fetches, or the id of an asset already in
 * the cloud. Exactly one of them, never blank, checked when the source is created.
 */
public final class Source {

	private final @Nullable String uri;

	private final @Nullable String assetId;

	private Source(@Nullable String uri, @Nullable String assetId) {
		this.uri = uri;
		this.assetId = assetId;
	}

	/**
	 * A source the API fetches from a URI (the contract's {@code source.uri}, format
	 * {@code uri}).
	 * @param uri an absolute URI, such as
	 * {@code https://res.cloudinary.com/demo/image/upload/sample.jpg}
	 * @return the source
	 * @throws IllegalArgumentException if the URI is {@code null}, blank, not a URI or
	 * not absolute
	 */
	public static Source uri(@Nullable String uri) {
		if (uri == null || uri.isBlank()) {
			throw new IllegalArgumentException("source.uri must not be " + ((uri != null) ? "blank" : "null"));
		}
		try {
			if (!new URI(uri).isAbsolute()) {
				throw new IllegalArgumentException("source.uri must be an absolute URI (with a scheme): " + uri);
			}
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("source.uri is not a valid URI: " + ex.getMessage(), ex);
		}
		return new Source(uri, null);
	}

	/**
	 * A source already stored in the cloud (the contract's {@code source.asset_id}).
	 * @param assetId the asset id, such as {@code e12345b5c456c8901bbb0efc00c0fcf}
	 * @return the source
	 * @throws IllegalArgumentException if the id is {@code null} or blank
	 */
	public static Source assetId(@Nullable String assetId) {
		if (assetId == null || assetId.isBlank()) {
			throw new IllegalArgumentException("source.asset_id must not be " + ((assetId != null) ? "blank" : "null"));
		}
		return new Source(null, assetId);
	}

	/**
	 * The URI, for a source made by {@link #uri(String)}.
	 * @return the URI, or {@code null} for an asset id source
	 */
	public @Nullable String uri() {
		return this.uri;
	}

	/**
	 * The asset id, for a source made by {@link #assetId(String)}.
	 * @return the asset id, or {@code null} for a URI source
	 */
	public @Nullable String assetId() {
		return this.assetId;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof Source that) && Objects.equals(this.uri, that.uri)
				&& Objects.equals(this.assetId, that.assetId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.uri, this.assetId);
	}

	@Override
	public String toString() {
		return (this.uri != null) ? "Source[uri=" + this.uri + "]" : "Source[assetId=" + this.assetId + "]";
	}

}
