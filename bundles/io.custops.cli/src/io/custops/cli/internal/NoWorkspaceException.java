package io.custops.cli.internal;

import java.nio.file.Path;

/** A read command named a folder that holds no workspace: exit status 2, without the usage text. */
final class NoWorkspaceException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	NoWorkspaceException(Path dir) {
		super("no workspace at " + dir + " (" + (java.nio.file.Files.isDirectory(dir) ? "the folder holds none" : "no such folder")
				+ "); ./custops import or ./custops demo creates one there");
	}
}
