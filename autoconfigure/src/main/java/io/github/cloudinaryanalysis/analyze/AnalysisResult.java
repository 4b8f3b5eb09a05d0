package io.github.cloudinaryanalysis.analyze;

import java.util.List;

import io.github.cloudinaryanalysis.RateLimit;
import org.jspecify.annotations.Nullable;

/**
 * The API's 200 answer to a synchronous analysis, typed.
 *
 * @param <A> the operation's analysis type, such as {@link CaptioningAnalysis}
 * @param entity what was analysed, as the API names it (the URI or asset id), if reported
 * @param analysis the operation's analysis
 * @param limits the quotas the API reported with the answer ({@code limits.items}), empty
 * when none
 * @param requestId the id the API gave the request, if any
 */
public record AnalysisResult<A>(@Nullable String entity, A analysis, List<RateLimit> limits,
		@Nullable String requestId) {

	public AnalysisResult {
		limits = List.copyOf(limits);
	}

}
