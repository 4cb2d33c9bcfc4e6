package io.custops.connector.jdbc;

import java.io.IOException;

/**
 * Database passwords kept in Equinox secure storage, by a key of the user's choice, so that an
 * import names the key ({@code --param passwordKey=shop-db}) rather than the password. Registered
 * as an OSGi service by the jdbc connector's bundle, for the command line and the workbench
 * to store, check and forget passwords.
 */
public interface JdbcSecrets {

	/** Stores (or replaces) the password under the key; letters, digits, {@code . _ -} only. */
	void store(String key, char[] password) throws IOException;

	/**
	 * The password stored under the key, for a component of this process that connects with
	 * it (the pushdown runtime); never print or store it.
	 */
	java.util.Optional<char[]> password(String key) throws IOException;

	/** Whether a password is stored under the key. */
	boolean has(String key) throws IOException;

	/** Forgets the password stored under the key (nothing happens if there is none). */
	void remove(String key) throws IOException;
}
