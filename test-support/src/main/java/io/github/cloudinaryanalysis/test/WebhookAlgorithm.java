package io.github.cloudinaryanalysis.test;

/**
 * The digest the fake signs its webhook notifications with, as Cloudinary does:
 * {@code X-Cld-Signature} is the lowercase hex of
 * {@code digest(body + X-Cld-Timestamp + signing secret)}.
 */
public enum WebhookAlgorithm {

	/** SHA-1, Cloudinary's default. */
	SHA1("SHA-1"),

	/** SHA-256, for accounts configured for it. */
	SHA256("SHA-256");

	private final String jcaName;

	WebhookAlgorithm(String jcaName) {
		this.jcaName = jcaName;
	}

	/**
	 * The JCA name of the digest.
	 * @return {@code SHA-1} or {@code SHA-256}
	 */
	public String jcaName() {
		return this.jcaName;
	}

}
