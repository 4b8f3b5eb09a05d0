package io.github.cloudinaryanalysis.test;

/**
 * The {@code error.code} values the fake sends in its ErrorResponse bodies. The real
 * API's codes are not documented beyond the contract's example {@code MA_00001}; these
 * are plausible, constant, and meant for assertions.
 */
public final class ErrorCodes {

	/**
	 * 400: a malformed request, e.g. a task id outside {@code [A-Za-z0-9_-]{1,512}} or an
	 * analyze body without source.
	 */
	public static final String BAD_REQUEST = "MA_00400";

	/**
	 * 401: missing or wrong credentials, or a cloud name the credentials do not belong
	 * to.
	 */
	public static final String UNAUTHORIZED = "MA_00401";

	/** 404: an unknown task or path. */
	public static final String NOT_FOUND = "MA_00404";

	/** 429: the rate limit was hit. */
	public static final String RATE_LIMITED = "MA_00429";

	/** 5xx: a server error. */
	public static final String SERVER_ERROR = "MA_00500";

	private ErrorCodes() {
	}

}
