package io.github.cloudinaryanalysis.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.cloudinaryanalysis.AccessTokenProvider;
import io.github.cloudinaryanalysis.CloudinaryAnalysisException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * The prepared connection to the Analysis API that the clients of its operations are
 * built on: one {@link RestClient} (base URL, authentication, {@code Accept},
 * {@code User-Agent}, a request factory that honours a per-call read timeout, follows no
 * redirect and bounds every body by the read timeout), the cloud name, the bound on
 * response bodies and what masks the secret in text derived from answers.
 * <p>
 * Applications build clients with {@code TasksClient.builder()}; this type is public only
 * so that clients in other packages of this library (the tasks client today, others
 * later) share one connection and one way to make it. Two clients built from the same
 * connection share its {@code RestClient}, its request factory and its JDK
 * {@code HttpClient}.
 */
public final class AnalysisConnection {

	/** The API's production base URL, without the cloud name. */
	public static final String DEFAULT_BASE_URL = "https://api.cloudinary.com/v2/analysis";

	/** Default bound on a response body: real answers are a few hundred bytes. */
	public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

	/** Default connect timeout. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** Default read timeout. */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Cloud names are made of letters, digits, '-' and '_'; anything else would change
	 * the request path.
	 */
	private static final Pattern CLOUD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

	/**
	 * The request attribute in which {@code RestClient.uri(template, values)} keeps the
	 * URI template for Spring's {@code http.client.requests} observation (its {@code uri}
	 * tag): Spring's own key, {@code DefaultRestClient.URI_TEMPLATE_ATTRIBUTE}, which is
	 * not public. {@code ObservabilityTests} fails if Spring ever reads another one.
	 */
	private static final String URI_TEMPLATE_ATTRIBUTE = RestClient.class.getName() + ".uriTemplate";

	private final RestClient restClient;

	private final String baseUrl;

	private final String cloudName;

	private final SecretRedactor redactor;

	private final int maxResponseBytes;

	private AnalysisConnection(RestClient restClient, String baseUrl, String cloudName, SecretRedactor redactor,
			int maxResponseBytes) {
		this.restClient = restClient;
		this.baseUrl = baseUrl;
		this.cloudName = cloudName;
		this.redactor = redactor;
		this.maxResponseBytes = maxResponseBytes;
	}

	/**
	 * Start building a connection.
	 * @return a builder with the defaults
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the prepared client; requests use paths relative to the base URL.
	 * @return the client
	 */
	public RestClient restClient() {
		return this.restClient;
	}

	/**
	 * Start a {@code GET} of a path of the API: the request {@code RestClient}'s
	 * {@code get().uri(pathTemplate, values)} would make (same URI, and the same URI
	 * template for Spring's {@code http.client.requests} observation), without parsing
	 * and expanding the template through a {@code UriBuilder} on every call, which was a
	 * fifth of what a status call allocated (see {@code benchmarks/README.md}). The URI
	 * is the base URL followed by the path; a customizer that changes the
	 * {@code RestClient}'s base URL or URI builder factory does not change it (set the
	 * base URL on this connection instead).
	 * @param pathTemplate the path relative to the base URL, with {@code {name}}
	 * variables, e.g. {@code /{cloudName}/tasks/{taskId}}
	 * @param values the variables' values, in order; each is encoded as the
	 * {@code RestClient} encodes a URI variable
	 * @return the request, to be completed and exchanged
	 */
	public RestClient.RequestHeadersSpec<?> get(String pathTemplate, String... values) {
		return this.restClient.get()
			.uri(URI.create(this.baseUrl + PathTemplates.expand(pathTemplate, values)))
			.attribute(URI_TEMPLATE_ATTRIBUTE, this.baseUrl + pathTemplate);
	}

	/**
	 * Return the cloud name, the first segment of every path.
	 * @return the cloud name
	 */
	public String cloudName() {
		return this.cloudName;
	}

	/**
	 * Return the most bytes of a response body that are read.
	 * @return the bound
	 */
	public int maxResponseBytes() {
		return this.maxResponseBytes;
	}

	/**
	 * Read an answer and close it: a 2xx whose body is a JSON object goes to the
	 * interpreter; any other answer (an error status, a body that is empty, larger than
	 * {@link #maxResponseBytes()} or not JSON) raises the matching
	 * {@link CloudinaryAnalysisException}, with the secret masked in what it quotes. At
	 * most {@link #maxResponseBytes()} are read, so a hostile body costs bounded memory.
	 * An answer read to its end is closed normally, so its connection can be reused; any
	 * other (too long, or failed mid-body) is aborted without draining, because Spring's
	 * {@code close()} drains the rest of the body first, which for an endless body never
	 * ends.
	 * @param <T> what the interpreter makes of the answer
	 * @param response the answer, as {@code RestClient.exchange} gives it
	 * @param clock the clock that turns rate-limit reset times into waits
	 * @param interpreter makes a result of the answer, or throws
	 * {@link JsonAnswer#unreadable(String)}
	 * @return the interpreter's result
	 * @throws IOException when reading the answer fails
	 */
	public <T> T read(ClientHttpResponse response, Clock clock, Function<JsonAnswer, T> interpreter)
			throws IOException {
		ErrorResponseTranslator translator = new ErrorResponseTranslator(clock, this.redactor);
		boolean readToTheEnd = false;
		try {
			HttpStatusCode status = response.getStatusCode();
			BoundedBody body = BoundedBody.read(response.getBody(), this.maxResponseBytes);
			readToTheEnd = !body.truncated();
			return interpreter.apply(answer(translator, status, response, body));
		}
		finally {
			if (readToTheEnd) {
				response.close();
			}
			else {
				abort(response);
			}
		}
	}

	private JsonAnswer answer(ErrorResponseTranslator translator, HttpStatusCode status, ClientHttpResponse response,
			BoundedBody body) {
		if (!status.is2xxSuccessful()) {
			throw translator.translate(status, response.getHeaders(), body);
		}
		if (body.truncated()) {
			throw translator.unreadable(status, response.getHeaders(), body,
					"with a body larger than " + this.maxResponseBytes + " bytes, the most this client reads", null);
		}
		if (body.isEmpty()) {
			throw translator.unreadable(status, response.getHeaders(), body, "with an empty body", null);
		}
		JsonNode root = translator.parse(body);
		if (root == null) {
			throw translator.unreadable(status, response.getHeaders(), body, "with a body that is not JSON", null);
		}
		// The headers are read only if the answer is rejected: a good answer needs none,
		// and adapting them costs an allocation per header.
		return new JsonAnswer(status, response::getHeaders, body, root, translator);
	}

	private static void abort(ClientHttpResponse response) {
		try {
			response.getBody().close();
		}
		catch (IOException | RuntimeException ex) {
			// Closing a broken or abandoned stream may fail; the connection is given up
			// either way.
		}
	}

	/**
	 * Run a call on this connection whose requests use the given read timeout.
	 * @param <T> the call's result type
	 * @param readTimeout the read timeout, or {@code null} for the connection's own
	 * @param call the call, which must create its requests on this thread
	 * @return the call's result
	 */
	public static <T> T withReadTimeout(@Nullable Duration readTimeout, Supplier<T> call) {
		return PerCallReadTimeoutRequestFactory.withReadTimeout(readTimeout, call);
	}

	@Override
	public String toString() {
		return "AnalysisConnection[cloudName=" + this.cloudName + "]";
	}

	/**
	 * Whether a host names the loopback interface; a name other than localhost is never
	 * resolved here.
	 * @param host the host
	 * @return whether a host names the loopback interface
	 */
	static boolean isLoopback(String host) {
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
			return false;
		}
		try {
			return InetAddress.getByName(bare).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * Builds an {@link AnalysisConnection}. Every value is checked by {@link #build()},
	 * which throws an {@link IllegalArgumentException} (or {@link NullPointerException}
	 * for a {@code null}) naming the setting.
	 */
	public static final class Builder {

		private String baseUrl = DEFAULT_BASE_URL;

		private @Nullable String cloudName;

		private @Nullable String apiKey;

		private @Nullable String apiSecret;

		private @Nullable AccessTokenProvider accessTokenProvider;

		private boolean allowInsecureHttp;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private Duration readTimeout = DEFAULT_READ_TIMEOUT;

		private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

		private @Nullable Supplier<RestClient.Builder> restClientBuilder;

		private @Nullable Function<Duration, ClientHttpRequestFactory> requestFactory;

		private @Nullable Supplier<HttpClient> httpClient;

		private final List<Consumer<RestClient.Builder>> restClientCustomizers = new ArrayList<>();

		private final List<Consumer<RestClient.Builder>> clientCustomizers = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Set the base URL: {@code https}, or plain {@code http} to a loopback address (a
		 * local fake) unless {@link #allowInsecureHttp(boolean)}.
		 * @param baseUrl the base URL, without the cloud name (default
		 * {@value AnalysisConnection#DEFAULT_BASE_URL})
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl must not be null");
			return this;
		}

		/**
		 * Set the cloud name (required).
		 * @param cloudName letters, digits, '-' and '_'
		 * @return this builder
		 */
		public Builder cloudName(String cloudName) {
			this.cloudName = Objects.requireNonNull(cloudName, "cloudName must not be null");
			return this;
		}

		/**
		 * Authenticate with HTTP Basic, the API key and secret (replaces an
		 * {@link AccessTokenProvider}).
		 * @param apiKey the API key
		 * @param apiSecret the API secret; masked in every text the client derives from
		 * an answer
		 * @return this builder
		 */
		public Builder credentials(String apiKey, String apiSecret) {
			this.apiKey = Objects.requireNonNull(apiKey, "apiKey must not be null");
			this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret must not be null");
			this.accessTokenProvider = null;
			return this;
		}

		/**
		 * Authenticate with an OAuth2 bearer token, asked for on every request (replaces
		 * key and secret).
		 * @param accessTokenProvider supplies the current token
		 * @return this builder
		 */
		public Builder accessTokenProvider(AccessTokenProvider accessTokenProvider) {
			this.accessTokenProvider = Objects.requireNonNull(accessTokenProvider,
					"accessTokenProvider must not be null");
			this.apiKey = null;
			this.apiSecret = null;
			return this;
		}

		/**
		 * Allow plain {@code http} to a host other than loopback, where the credentials
		 * travel in clear text.
		 * @param allowInsecureHttp whether to allow it (default {@code false})
		 * @return this builder
		 */
		public Builder allowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
			return this;
		}

		/**
		 * Set the connect timeout of the client's own JDK {@code HttpClient} (not used
		 * with {@link #requestFactory(Function)}, whose factories carry their own).
		 * @param connectTimeout the timeout, positive
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
			return this;
		}

		/**
		 * Set the read timeout: how long an answer (headers and body) may take, unless a
		 * call asks for its own.
		 * @param readTimeout the timeout, positive
		 * @return this builder
		 */
		public Builder readTimeout(Duration readTimeout) {
			this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout must not be null");
			return this;
		}

		/**
		 * Set the most bytes of a response body that are read.
		 * @param maxResponseBytes the bound, positive
		 * @return this builder
		 */
		public Builder maxResponseBytes(int maxResponseBytes) {
			this.maxResponseBytes = maxResponseBytes;
			return this;
		}

		/**
		 * Start from this {@link RestClient.Builder} (cloned, so it is left as it was)
		 * rather than a plain one, to keep its message converters, observation and
		 * interceptors. Its request factory is replaced by this client's own, so that
		 * per-call read timeouts apply; a customizer (see
		 * {@link #restClientCustomizer(Consumer)}) may still replace it, e.g. to bind a
		 * {@code MockRestServiceServer}.
		 * @param restClientBuilder the builder
		 * @return this builder
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			Objects.requireNonNull(restClientBuilder, "restClientBuilder must not be null");
			this.restClientBuilder = restClientBuilder::clone;
			return this;
		}

		/**
		 * Send requests with request factories of the application's choice rather than
		 * the client's own JDK-based one. A factory is asked for per read timeout (the
		 * default one and each timeout a call asks for), so that
		 * {@code RequestOptions.withReadTimeout} works; factories are kept and reused.
		 * The factories should not follow redirects (a redirect could carry the
		 * credentials elsewhere): Spring Boot's {@code ClientHttpRequestFactoryBuilder}
		 * with {@code HttpRedirects.DONT_FOLLOW} does that. Whatever the factory, the
		 * body of an answer is bounded by the read timeout.
		 * @param factoryForReadTimeout builds a factory whose read timeout is the given
		 * one
		 * @return this builder
		 */
		public Builder requestFactory(Function<Duration, ClientHttpRequestFactory> factoryForReadTimeout) {
			this.requestFactory = Objects.requireNonNull(factoryForReadTimeout, "requestFactory must not be null");
			this.httpClient = null;
			return this;
		}

		/**
		 * Send requests with the client's own JDK-based request factory, on a JDK
		 * {@link HttpClient} built by this supplier on the first call (to carry an SSL
		 * bundle, say). It must not follow redirects; its read timeout is ignored (the
		 * client's own applies). By default the client builds one with
		 * {@link #connectTimeout(Duration)} and {@link HttpClient.Redirect#NEVER}.
		 * @param httpClient supplies the JDK client once
		 * @return this builder
		 */
		public Builder httpClient(Supplier<HttpClient> httpClient) {
			this.httpClient = Objects.requireNonNull(httpClient, "httpClient must not be null");
			this.requestFactory = null;
			return this;
		}

		/**
		 * Add a customizer that runs after the request factory is set and before the base
		 * URL, authentication and headers are, as Spring Boot applies its
		 * {@code RestClientCustomizer}s (observation, a {@code MockRestServiceServer}
		 * binding).
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder restClientCustomizer(Consumer<RestClient.Builder> customizer) {
			this.restClientCustomizers.add(Objects.requireNonNull(customizer, "customizer must not be null"));
			return this;
		}

		/**
		 * Add a customizer that runs last, after the base URL, authentication and headers
		 * are set.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder clientCustomizer(Consumer<RestClient.Builder> customizer) {
			this.clientCustomizers.add(Objects.requireNonNull(customizer, "customizer must not be null"));
			return this;
		}

		/**
		 * Build the connection.
		 * @return the connection
		 * @throws IllegalArgumentException when a setting is missing or invalid; the
		 * message names it
		 */
		public AnalysisConnection build() {
			String cloudName = checkedCloudName();
			CloudinaryAuthentication authentication = authentication(cloudName);
			URI baseUrl = checkedBaseUrl();
			Duration connectTimeout = positive(this.connectTimeout, "connectTimeout");
			Duration readTimeout = positive(this.readTimeout, "readTimeout");
			if (this.maxResponseBytes <= 0) {
				throw new IllegalArgumentException(
						"maxResponseBytes must be positive, but was " + this.maxResponseBytes);
			}
			RestClient.Builder builder = (this.restClientBuilder != null) ? this.restClientBuilder.get()
					: RestClient.builder();
			builder.requestFactory(requestFactory(connectTimeout, readTimeout));
			this.restClientCustomizers.forEach((customizer) -> customizer.accept(builder));
			int applicationInterceptors = interceptorCount(builder);
			String base = withoutTrailingSlash(baseUrl.toString());
			builder.baseUrl(base);
			this.clientCustomizers.forEach((customizer) -> customizer.accept(builder));
			addHeaders(builder, authentication, applicationInterceptors);
			return new AnalysisConnection(builder.build(), base, cloudName, redactor(), this.maxResponseBytes);
		}

		/**
		 * Add the client's headers: {@code User-Agent} and {@code Accept} unless a
		 * customizer set its own, and {@code Authorization} where no interceptor of the
		 * application sees it.
		 * <p>
		 * Usually, {@code User-Agent} and {@code Accept} are default headers and
		 * {@code Authorization} is set by an interceptor placed after the application's
		 * own (those of {@code RestClientCustomizer}s) and before those of this client's
		 * customizers. When the client has no interceptor at all and the credentials
		 * never change (HTTP Basic), all three are set by request initializers instead,
		 * when each request is made: no interceptor exists to see them, and
		 * {@code RestClient} then sends each request without an intercepting request, a
		 * copy of its headers and a copy of its default headers (a sixth of what a status
		 * call allocated, see {@code benchmarks/README.md}). A default
		 * {@code Authorization} header of the application's builder is never sent (the
		 * client's own replaces it).
		 * @param builder the builder, customized
		 * @param authentication the authentication
		 * @param position how many interceptors precede this client's
		 */
		private static void addHeaders(RestClient.Builder builder, CloudinaryAuthentication authentication,
				int position) {
			HttpHeaders defaults = defaultHeaders(builder);
			if (defaults.containsHeader(HttpHeaders.AUTHORIZATION)) {
				builder.defaultHeaders((headers) -> headers.remove(HttpHeaders.AUTHORIZATION));
			}
			HttpHeaders own = new HttpHeaders();
			if (!defaults.containsHeader(HttpHeaders.USER_AGENT)) {
				own.set(HttpHeaders.USER_AGENT, UserAgent.value());
			}
			if (!defaults.containsHeader(HttpHeaders.ACCEPT)) {
				own.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
			}
			if (authentication.isConstant() && interceptorCount(builder) == 0) {
				builder.requestInitializer(new FixedRequestHeaders(own)).requestInitializer(authentication);
			}
			else {
				if (!own.isEmpty()) {
					builder.defaultHeaders((headers) -> headers.addAll(own));
				}
				builder.requestInterceptors(
						(interceptors) -> interceptors.add(Math.min(position, interceptors.size()), authentication));
			}
		}

		/**
		 * Return the default headers of a builder, read on a copy: asking the builder
		 * itself would give it an (empty) set, which {@code RestClient} copies into every
		 * request.
		 * @param builder the builder
		 * @return a copy of its default headers
		 */
		private static HttpHeaders defaultHeaders(RestClient.Builder builder) {
			HttpHeaders copy = new HttpHeaders();
			builder.clone().defaultHeaders(copy::addAll);
			return copy;
		}

		/**
		 * Count the interceptors of a builder, on a copy: asking the builder itself would
		 * give it an (empty) list, and {@code RestClient} intercepts every request of a
		 * client that has one.
		 * @param builder the builder
		 * @return the number of interceptors
		 */
		private static int interceptorCount(RestClient.Builder builder) {
			int[] count = new int[1];
			builder.clone().requestInterceptors((interceptors) -> count[0] = interceptors.size());
			return count[0];
		}

		private String checkedCloudName() {
			if (this.cloudName == null || this.cloudName.isBlank()) {
				throw new IllegalArgumentException("cloudName is required");
			}
			if (!CLOUD_NAME.matcher(this.cloudName).matches()) {
				throw new IllegalArgumentException("cloudName must contain only letters, digits, '-' and '_'");
			}
			return this.cloudName;
		}

		private CloudinaryAuthentication authentication(String cloudName) {
			if (this.accessTokenProvider != null) {
				return CloudinaryAuthentication.bearer(this.accessTokenProvider);
			}
			if (this.apiKey == null || this.apiKey.isBlank()) {
				throw new IllegalArgumentException("credentials (apiKey and apiSecret) or an accessTokenProvider "
						+ "are required for cloud '" + cloudName + "'");
			}
			if (this.apiSecret == null || this.apiSecret.isBlank()) {
				throw new IllegalArgumentException("apiSecret must not be blank for cloud '" + cloudName + "'");
			}
			return CloudinaryAuthentication.basic(this.apiKey, this.apiSecret);
		}

		/**
		 * Masks the secret (and its Basic token) in anything the client derives from an
		 * answer.
		 * @return the redactor for this connection's secret
		 */
		private SecretRedactor redactor() {
			return (this.apiKey != null && this.apiSecret != null)
					? SecretRedactor.forBasicCredentials(this.apiKey, this.apiSecret) : SecretRedactor.TOKENS_ONLY;
		}

		private URI checkedBaseUrl() {
			URI uri;
			try {
				uri = new URI(this.baseUrl.trim());
			}
			catch (URISyntaxException ex) {
				throw new IllegalArgumentException(
						"baseUrl '" + this.baseUrl + "' is not a valid URL: " + ex.getReason());
			}
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("https") && !scheme.equals("http")) {
				throw new IllegalArgumentException(
						"baseUrl '" + this.baseUrl + "' must start with https:// (or http:// for a local server)");
			}
			if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null
					|| uri.getFragment() != null) {
				throw new IllegalArgumentException("baseUrl '" + uri.getScheme() + "://" + uri.getHost()
						+ "...' must have a host and no user info, query or fragment");
			}
			if (scheme.equals("http") && !this.allowInsecureHttp && !isLoopback(uri.getHost())) {
				throw new IllegalArgumentException("baseUrl '" + this.baseUrl
						+ "' uses plain http to a host other than loopback, so the API credentials would travel in "
						+ "clear text. Use https, or allowInsecureHttp(true) if this network is trusted");
			}
			return uri;
		}

		private PerCallReadTimeoutRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
			Function<Duration, ClientHttpRequestFactory> applicationFactory = this.requestFactory;
			if (applicationFactory != null) {
				// The application's factory bounds single reads at best and drains a body
				// it closes: bound the
				// whole answer.
				return new PerCallReadTimeoutRequestFactory(bounded(applicationFactory, readTimeout),
						(perCall) -> bounded(applicationFactory, perCall));
			}
			// One JDK HttpClient (one selector thread, one pool) serves every read
			// timeout of this client. It is
			// built on the first call: its SSL context and selector thread are the
			// dearest part of a cold start.
			Supplier<HttpClient> httpClient = (this.httpClient != null) ? this.httpClient
					: () -> HttpClient.newBuilder()
						.connectTimeout(connectTimeout)
						.followRedirects(HttpClient.Redirect.NEVER)
						.build();
			BoundedJdkClientHttpRequestFactory bounded = new BoundedJdkClientHttpRequestFactory(httpClient, readTimeout,
					bodyBound());
			return new PerCallReadTimeoutRequestFactory(bounded, bounded::withReadTimeout);
		}

		private static ClientHttpRequestFactory bounded(Function<Duration, ClientHttpRequestFactory> factory,
				Duration readTimeout) {
			ClientHttpRequestFactory built = Objects.requireNonNull(factory.apply(readTimeout),
					"requestFactory returned null");
			return new BodyDeadlineRequestFactory(built, readTimeout);
		}

		/**
		 * One byte more than the client reads, so that the client itself still sees (and
		 * reports) an oversized body.
		 * @return one byte more than the client reads, so that the client itself still
		 * sees (and reports) an oversized body
		 */
		private int bodyBound() {
			return (int) Math.min(this.maxResponseBytes + 1L, Integer.MAX_VALUE - 8);
		}

		private static Duration positive(Duration duration, String name) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, but was " + duration);
			}
			return duration;
		}

		private static String withoutTrailingSlash(String url) {
			return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		}

	}

}
