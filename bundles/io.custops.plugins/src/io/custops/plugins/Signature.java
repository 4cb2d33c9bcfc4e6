package io.custops.plugins;

import java.util.Objects;

/**
 * Whether a bundle jar is signed, and by whom. A signature that does not match the contents
 * is not a status: such a jar is refused outright.
 *
 * @param status what the check found
 * @param signer the subject of the signing certificate, or {@code null} when unsigned
 * @param note   a remark (why the signer is not trusted, entries not covered), or {@code null}
 */
public record Signature(Status status, String signer, String note) {

	public enum Status {
		/** No signature at all. */
		UNSIGNED,
		/** Signed, every entry covered, but the certificate does not chain to a trusted authority (self-signed…). */
		SIGNED_UNTRUSTED,
		/** Signed, every entry covered, and the certificate chains to an authority the JDK trusts. */
		SIGNED_TRUSTED;

		public String id() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}
	}

	public Signature {
		Objects.requireNonNull(status, "status");
	}

	public static Signature unsigned(String note) {
		return new Signature(Status.UNSIGNED, null, note);
	}

	/** Whether installing needs the user's explicit consent. */
	public boolean needsConsent() {
		return status != Status.SIGNED_TRUSTED;
	}

	/** One line for people: {@code unsigned}, {@code signed by CN=… (not trusted: self-signed)}. */
	public String describe() {
		return switch (status) {
		case UNSIGNED -> "unsigned" + (note == null ? "" : " (" + note + ")");
		case SIGNED_UNTRUSTED -> "signed by " + signer + " (not trusted" + (note == null ? "" : ": " + note) + ")";
		case SIGNED_TRUSTED -> "signed by " + signer + " (trusted)";
		};
	}
}
