package io.custops.connector.jdbc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

/**
 * Where the jdbc connector's passwords live: an Equinox secure storage, encrypted.
 *
 * <p>Headless, {@link SecurePreferencesFactory#getDefault()} has no password provider to unlock
 * it (the platform's keyring modules and the UI prompt are not part of this product), so by
 * default the storage is opened at {@code ~/.custops/secure_storage} with a master password
 * drawn at random once and kept beside it in {@code secure_storage.key}, readable by its owner
 * only. The system property {@code custops.secureStorage} moves both to another folder, or,
 * set to {@code eclipse-default}, uses the platform's default storage and its providers.
 */
final class SecretStore {

	static final String LOCATION_PROPERTY = "custops.secureStorage";
	private static final String NODE = "io.custops.connector.jdbc";
	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private SecretStore() {
	}

	static void checkKey(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("password key '" + key + "': use letters, digits, '.', '_' or '-'");
		}
	}

	static synchronized ISecurePreferences root() throws IOException {
		String location = System.getProperty(LOCATION_PROPERTY);
		if ("eclipse-default".equals(location)) {
			ISecurePreferences preferences = SecurePreferencesFactory.getDefault();
			if (preferences == null) {
				throw new IOException("the platform's secure storage cannot be opened");
			}
			return preferences;
		}
		Path dir = location != null && !location.isBlank() ? Path.of(location)
				: io.custops.core.CustopsHome.dir();
		Files.createDirectories(dir);
		char[] master = masterPassword(dir.resolve("secure_storage.key"));
		return SecurePreferencesFactory.open(dir.resolve("secure_storage").toUri().toURL(),
				Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(master), IProviderHints.PROMPT_USER, Boolean.FALSE));
	}

	private static char[] masterPassword(Path file) throws IOException {
		if (!Files.exists(file)) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			byte[] text = Base64.getEncoder().encode(random);
			try {
				if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				} else {
					Files.createFile(file);
				}
				Files.write(file, text, StandardOpenOption.TRUNCATE_EXISTING);
			} catch (FileAlreadyExistsException raced) {
				// another process made it first: use theirs
			}
		}
		return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip().toCharArray();
	}

	static void store(String key, char[] password) throws IOException {
		checkKey(key);
		ISecurePreferences root = root();
		try {
			root.node(NODE).node(key).put("password", new String(password), true);
			root.flush();
		} catch (StorageException e) {
			throw new IOException("cannot store the password under '" + key + "': " + e.getMessage(), e);
		}
	}

	static Optional<char[]> password(String key) throws IOException {
		checkKey(key);
		ISecurePreferences root = root();
		if (!root.nodeExists(NODE + "/" + key)) {
			return Optional.empty();
		}
		try {
			String value = root.node(NODE).node(key).get("password", null);
			return Optional.ofNullable(value).map(String::toCharArray);
		} catch (StorageException e) {
			throw new IOException("cannot read the password stored under '" + key + "': " + e.getMessage(), e);
		}
	}

	static void remove(String key) throws IOException {
		checkKey(key);
		ISecurePreferences root = root();
		if (root.nodeExists(NODE + "/" + key)) {
			root.node(NODE).node(key).removeNode();
			root.flush();
		}
	}
}
