package io.custops.store.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.custops.store.WorkspaceException;
import io.custops.store.WorkspaceInUseException;

/**
 * The exclusive hold on a workspace directory: an OS file lock on {@code DIR/workspace.lock}
 * (released by the OS when the process dies, even by SIGKILL), whose content says who holds
 * it. Taken with {@code tryLock}, so a second owner fails at once instead of waiting.
 */
final class WorkspaceLock implements AutoCloseable {

	static final String FILE = "workspace.lock";

	/** Directories held by this JVM: the OS lock does not stop a second channel of the same process. */
	private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

	private final Path key;
	private final FileChannel channel;
	private final FileLock lock;
	private final String owner;

	private WorkspaceLock(Path key, FileChannel channel, FileLock lock, String owner) {
		this.key = key;
		this.channel = channel;
		this.lock = lock;
		this.owner = owner;
	}

	static WorkspaceLock acquire(Path directory) throws WorkspaceException {
		Path file = directory.resolve(FILE);
		Path key;
		try {
			key = directory.toRealPath();
		} catch (IOException e) {
			throw new WorkspaceException("workspace " + directory + ": cannot resolve the directory: " + e.getMessage(), e);
		}
		if (!HELD.add(key)) {
			throw new WorkspaceInUseException(directory, readOwner(file, "this process"));
		}
		FileChannel channel = null;
		try {
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			} catch (OverlappingFileLockException e) {
				lock = null;
			}
			if (lock == null) {
				String holder = readOwner(file, "another process");
				channel.close();
				HELD.remove(key);
				throw new WorkspaceInUseException(directory, holder);
			}
			String owner = "pid " + ProcessHandle.current().pid() + " on " + hostName() + " since "
					+ OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
			channel.truncate(0);
			channel.write(ByteBuffer.wrap((owner + "\n").getBytes(StandardCharsets.UTF_8)), 0);
			channel.force(false);
			return new WorkspaceLock(key, channel, lock, owner);
		} catch (IOException e) {
			HELD.remove(key);
			if (channel != null) {
				try {
					channel.close();
				} catch (IOException ignored) {
					// already failing
				}
			}
			throw new WorkspaceException("workspace " + directory + ": cannot lock " + file + ": " + e.getMessage(), e);
		}
	}

	private static String readOwner(Path file, String fallback) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8).strip();
			return text.isEmpty() ? fallback : text;
		} catch (IOException | RuntimeException e) {
			return fallback;
		}
	}

	static String hostName() {
		String env = System.getenv("HOSTNAME");
		if (env != null && !env.isBlank()) {
			return env.strip();
		}
		try {
			String etc = Files.readString(Path.of("/etc/hostname")).strip();
			if (!etc.isEmpty()) {
				return etc;
			}
		} catch (IOException | RuntimeException e) {
			// not Linux: ask the network layer
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		} catch (IOException e) {
			return "unknown host";
		}
	}

	String owner() {
		return owner;
	}

	@Override
	public void close() {
		try {
			lock.release();
			channel.close();
		} catch (IOException e) {
			// the OS drops the lock with the channel anyway
		} finally {
			HELD.remove(key);
		}
	}
}
