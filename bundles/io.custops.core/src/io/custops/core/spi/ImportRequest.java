package io.custops.core.spi;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.param.Parameters;

/**
 * One import: which kind of facts, from which file (if any), with the connector's checked
 * parameters, the workspace's time zone and a progress monitor.
 */
public record ImportRequest(FactKind kind, Optional<Path> file, Parameters parameters, ZoneId zone,
		ProgressMonitor monitor) {

	public ImportRequest {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(parameters, "parameters");
		Objects.requireNonNull(zone, "zone");
		monitor = monitor == null ? ProgressMonitor.NULL : monitor;
	}

	/** A short name of the source for messages: the file name, or the connector's description. */
	public String sourceName() {
		return file.map(Path::toString).orElse("(no file)");
	}
}
