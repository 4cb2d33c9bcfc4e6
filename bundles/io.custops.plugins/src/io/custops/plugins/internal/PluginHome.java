package io.custops.plugins.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where a user's plugins live: {@code CUSTOPS_HOME/plugins} (the one home,
 * {@link io.custops.core.CustopsHome}), apart from the product so that a rebuild of the product keeps them.
 *
 * <pre>
 * plugins/plugins.properties   what is installed (see {@link PluginState})
 * plugins/bundles/             the installed bundle jars, installed by reference from here
 * plugins/staging/             jars being checked before installation
 * plugins/.lock                held while the record changes (the CLI and the workbench may both write)
 * </pre>
 */
final class PluginHome {

	/** One lock per JVM around the file lock: a FileLock cannot be taken twice by one JVM. */
	private static final ReentrantLock JVM_LOCK = new ReentrantLock();

	private final Path dir;

	PluginHome(Path dir) {
		this.dir = dir.toAbsolutePath().normalize();
	}

	static PluginHome fromEnvironment() {
		return new PluginHome(io.custops.core.CustopsHome.dir().resolve("plugins"));
	}

	Path dir() {
		return dir;
	}

	Path bundles() {
		return dir.resolve("bundles");
	}

	Path stateFile() {
		return dir.resolve("plugins.properties");
	}

	Path staging() {
		return dir.resolve("staging");
	}

	PluginState load() throws IOException {
		return PluginState.load(stateFile());
	}

	void save(PluginState state) throws IOException {
		Files.createDirectories(dir);
		state.save(stateFile());
	}

	/** Holds the lock on the record, across threads and processes, until closed. */
	Lock lock() throws IOException {
		JVM_LOCK.lock();
		try {
			Files.createDirectories(dir);
			FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.lock();
			return () -> {
				try {
					lock.release();
					channel.close();
				} finally {
					JVM_LOCK.unlock();
				}
			};
		} catch (IOException | RuntimeException e) {
			JVM_LOCK.unlock();
			throw e;
		}
	}

	interface Lock extends AutoCloseable {
		@Override
		void close() throws IOException;
	}
}
