package io.custops.store.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.custops.store.Workspace;

/** A fresh workspace in a temporary directory for each test, opened through the service registry. */
abstract class WorkspaceFixture {

	@TempDir
	Path dir;
	Workspace ws;

	@BeforeEach
	void open() throws Exception {
		ws = Stores.manager().open(dir);
	}

	@AfterEach
	void close() {
		ws.close();
	}
}
