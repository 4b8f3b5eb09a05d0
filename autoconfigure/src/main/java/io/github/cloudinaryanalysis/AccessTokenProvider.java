package io.github.cloudinaryanalysis;

/**
 * Supplies an OAuth2 access token for the Analysis API. When an application defines a
 * bean of this type, the client sends {@code Authorization: Bearer <token>} (the contract
 * asks for scope {@code query_analysis_tasks} to read task status) instead of HTTP Basic
 * with the API key and secret.
 * <p>
 * It is called once per request, so an implementation should cache the token and refresh
 * it before it expires. It must be thread-safe.
 */
@FunctionalInterface
public interface AccessTokenProvider {

	/**
	 * Return a currently valid access token.
	 * @return the token, without the {@code Bearer } prefix
	 */
	String getAccessToken();

}
