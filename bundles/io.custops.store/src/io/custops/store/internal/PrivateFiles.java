package io.custops.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A workspace holds customers' personal data (phones, addresses) and rejects files hold rows of
 * the user's own files: on a POSIX file system the workspace folder is readable by its owner
 * only (0700), and the files CustOps writes in it are 0600, whatever the umask.
 */
final class PrivateFiles {

	static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private static final System.Logger LOG = System.getLogger(PrivateFiles.class.getName());
	private static final Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private PrivateFiles() {
	}

	private static boolean posix(Path p) {
		return p.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	/** Makes a folder (and its missing parents) and restricts the folder itself to its owner. */
	static Path folder(Path dir) throws IOException {
		Files.createDirectories(dir);
		restrict(dir, FOLDER);
		return dir;
	}

	/** Restricts a workspace: the folder 0700, the folders below it 0700 and the database's files 0600. */
	static void workspace(Path dir) {
		restrict(dir, FOLDER);
		Path db = dir.resolve("db");
		if (Files.isDirectory(db)) {
			restrict(db, FOLDER);
			try (Stream<Path> files = Files.list(db)) {
				files.filter(Files::isRegularFile).forEach(f -> restrict(f, FILE));
			} catch (IOException e) {
				// the folder's own mode already keeps others out
			}
		}
		for (String sub : new String[] { "rejects", "columns", "audit" }) {
			if (Files.isDirectory(dir.resolve(sub))) {
				restrict(dir.resolve(sub), FOLDER);
			}
		}
	}

	/** Creates an empty file readable and writable by its owner only. */
	static void createFile(Path file) throws IOException {
		if (posix(file)) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
		} else {
			Files.createFile(file);
		}
	}

	static void restrict(Path p, Set<PosixFilePermission> permissions) {
		if (!posix(p)) {
			return;
		}
		try {
			if (!Files.getPosixFilePermissions(p).equals(permissions)) {
				Files.setPosixFilePermissions(p, permissions);
			}
		} catch (IOException | UnsupportedOperationException | SecurityException e) {
			// not the owner (a shared workspace set up by hand): leave it as the user made it, but
			// say so once per path: personal data may then be readable by others
			if (WARNED.add(p.toAbsolutePath().toString())) {
				LOG.log(System.Logger.Level.WARNING, "cannot restrict " + p + " to its owner (" + PosixFilePermissions.toString(permissions)
						+ "): " + e.getMessage() + "; others may read the personal data in it");
			}
		}
	}
}
