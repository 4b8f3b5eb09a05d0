package io.github.cloudinaryanalysis.webhook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The digest Cloudinary signs notifications with: {@code X-Cld-Signature} is the
 * lowercase hex of {@code digest(raw body + X-Cld-Timestamp + signing secret)}. SHA-1
 * unless the account is configured for SHA-256.
 */
public enum SignatureAlgorithm {

	/** SHA-1, Cloudinary's default. */
	SHA1("SHA-1", 20),

	/** SHA-256, for accounts configured for it. */
	SHA256("SHA-256", 32);

	private final String jcaName;

	private final int length;

	SignatureAlgorithm(String jcaName, int length) {
		this.jcaName = jcaName;
		this.length = length;
	}

	/**
	 * The digest's length in bytes (its hex form is twice as long).
	 * @return the digest's length in bytes (its hex form is twice as long)
	 */
	int length() {
		return this.length;
	}

	/**
	 * The signature's bytes: {@code digest(body + timestamp + secret)}, the timestamp as
	 * the header's ASCII text.
	 * @param body the body
	 * @param timestamp the timestamp
	 * @param secret the secret
	 * @return the signature's bytes
	 */
	byte[] digest(byte[] body, String timestamp, byte[] secret) {
		MessageDigest digest = newDigest();
		digest.update(body);
		digest.update(timestamp.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		digest.update(secret);
		return digest.digest();
	}

	private MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance(this.jcaName);
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform must provide SHA-1 and SHA-256.
			throw new IllegalStateException(this.jcaName + " is not available", ex);
		}
	}

}
