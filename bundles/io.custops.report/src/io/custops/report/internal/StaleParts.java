package io.custops.report.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report is written to {@code .NAME.EXT.PID.part} and renamed when complete: a render killed
 * half-way leaves its part behind. Before a render writes into a folder, the parts there whose
 * process is gone (or whose pid now belongs to a process started after the part was written)
 * are deleted; so are parts of the older name without a pid, once older than this process.
 */
final class StaleParts {

	private static final Pattern PART = Pattern.compile("\\..+?(?:\\.(\\d+))?\\.part");
	private static final Instant STARTED = ProcessHandle.current().info().startInstant().orElse(Instant.now());

	private StaleParts() {
	}

	/** The part file of a report file, named after this process. */
	static Path partOf(Path folder, String baseName, String extension) {
		return folder.resolve("." + baseName + "." + extension + "." + ProcessHandle.current().pid() + ".part");
	}

	/** @return how many stale parts were deleted */
	static int sweep(Path folder) {
		int deleted = 0;
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, ".*.part")) {
			for (Path part : parts) {
				Matcher m = PART.matcher(part.getFileName().toString());
				if (!m.matches() || !Files.isRegularFile(part)) {
					continue;
				}
				Instant written = Files.getLastModifiedTime(part).toInstant();
				if (stale(m.group(1), written)) {
					Files.deleteIfExists(part);
					deleted++;
				}
			}
		} catch (IOException e) {
			// a part that cannot be looked at or deleted stays; it does not stop the render
		}
		return deleted;
	}

	private static boolean stale(String pid, Instant written) {
		if (pid == null) {
			return written.isBefore(STARTED);
		}
		Optional<ProcessHandle> maker = ProcessHandle.of(Long.parseLong(pid));
		if (maker.isEmpty() || !maker.get().isAlive()) {
			return true;
		}
		Optional<Instant> start = maker.get().info().startInstant();
		return start.isPresent() && start.get().isAfter(written); // the pid was reused since
	}
}
