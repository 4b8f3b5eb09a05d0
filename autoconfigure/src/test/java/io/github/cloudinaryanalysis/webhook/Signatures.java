package io.github.cloudinaryanalysis.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Signs as Cloudinary does, computed independently of the code under test (plain JCA and
 * {@link HexFormat}).
 */
final class Signatures {

	private Signatures() {
	}

	static String sign(String jcaAlgorithm, byte[] body, String timestamp, String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance(jcaAlgorithm);
			digest.update(body);
			digest.update(timestamp.getBytes(StandardCharsets.UTF_8));
			digest.update(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sha1(String body, long timestamp, String secret) {
		return sign("SHA-1", body.getBytes(StandardCharsets.UTF_8), Long.toString(timestamp), secret);
	}

}
