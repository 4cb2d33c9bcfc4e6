package io.custops.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A source registered in the workspace: a database the analyses run inside (SQL pushdown),
 * with a table per fact kind and the source column of each canonical field named differently.
 * The password is not part of it: it lives in secure storage under {@link #passwordKey()}.
 *
 * @param id       letters, digits, {@code . _ -}
 * @param url      a JDBC URL ({@code jdbc:postgresql:…}) or {@code sc://HOST:PORT}; never with a password in it
 * @param user     the user to connect as, or null
 * @param tables   kind ({@code orders}, {@code events}, {@code customers}) → table ({@code SCHEMA.TABLE})
 * @param columns  canonical field ({@code order_time}) → source column ({@code created_at})
 * @param password whether a password is kept in secure storage for it
 * @param created  when it was added
 */
public record SourceRecord(String id, String url, String user, Map<String, String> tables, Map<String, String> columns,
		boolean password, Instant created) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	public SourceRecord {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("source id '" + id + "': use letters, digits, '.', '_' or '-'");
		}
		Objects.requireNonNull(url, "url");
		tables = Map.copyOf(tables);
		columns = Map.copyOf(columns);
	}

	/** The key of its password in secure storage. */
	public String passwordKey() {
		return "source." + id;
	}
}
