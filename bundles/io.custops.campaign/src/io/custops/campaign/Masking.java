package io.custops.campaign;

/**
 * How personal data is masked in target lists (docs/analyses.md, "Masking"): the workbench's
 * one rule, {@link io.custops.core.Masking}, under the name target lists have always used.
 */
public final class Masking {

	/** What replaces the hidden part. */
	public static final String STARS = io.custops.core.Masking.STARS;

	private Masking() {
	}

	/** See {@link io.custops.core.Masking#phone}. */
	public static String phone(String phone) {
		return io.custops.core.Masking.phone(phone);
	}

	/** See {@link io.custops.core.Masking#name}. */
	public static String name(String name) {
		return io.custops.core.Masking.name(name);
	}

	/** See {@link io.custops.core.Masking#address}. */
	public static String address(String address) {
		return io.custops.core.Masking.address(address);
	}

	/** See {@link io.custops.core.Masking#email}. */
	public static String email(String email) {
		return io.custops.core.Masking.email(email);
	}

	/** See {@link io.custops.core.Masking#handle}. */
	public static String handle(String handle) {
		return io.custops.core.Masking.handle(handle);
	}

	/** See {@link io.custops.core.Masking#field}. */
	public static String field(String attribute, String value) {
		return io.custops.core.Masking.field(attribute, value);
	}
}
