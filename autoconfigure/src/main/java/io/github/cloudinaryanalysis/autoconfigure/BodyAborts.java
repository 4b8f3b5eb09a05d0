package io.github.cloudinaryanalysis.autoconfigure;

import io.github.cloudinaryanalysis.http.BodyDeadlineRequestFactory.BodyAbort;

import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Picks how to give up an answer's connection without draining it, for the request factory in use.
 */
final class BodyAborts {

	private BodyAborts() {
	}

	static BodyAbort forFactory(ClientHttpRequestFactory factory) {
		return BodyAbort.CLOSE_BODY_STREAM;
	}

}
