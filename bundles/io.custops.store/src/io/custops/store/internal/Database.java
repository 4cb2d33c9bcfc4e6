package io.custops.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.hsqldb.jdbc.JDBCDataSource;

/**
 * The embedded HSQLDB file database of a workspace, and the one way big changes are made to
 * it: {@link #guarded}.
 *
 * <p>A guarded change starts with a CHECKPOINT and runs with the redo log switched off, its
 * work committed in chunks (so that ten million rows do not sit in one transaction's
 * memory). Only the closing CHECKPOINT makes it durable. Until then HSQLDB's incremental
 * backup of the data file still describes the state before the change: a crash (SIGKILL,
 * power loss) is recovered to it when the database next opens, and a failure in this process
 * reaches the same state on purpose by {@code SHUTDOWN IMMEDIATELY} and reopening.
 */
final class Database implements AutoCloseable {

	/** Work that may fail; whatever it committed is undone when it does. */
	interface Change<T> {
		T run(Connection connection) throws Exception;
	}

	private final JDBCDataSource source = new JDBCDataSource();
	private Connection main;

	Database(Path directory) {
		// our own lock (WorkspaceLock) guards the files, so HSQLDB's heartbeat lock file is not
		// needed, and would make the next open after a crash wait for it to go stale
		source.setUrl("jdbc:hsqldb:file:" + directory.resolve("workspace")
				+ ";hsqldb.default_table_type=cached;hsqldb.lock_file=false;hsqldb.write_delay=false"
				+ ";hsqldb.cache_rows=200000;hsqldb.cache_size=200000;hsqldb.result_max_memory_rows=100000");
		source.setUser("SA");
		source.setPassword("");
	}

	/** The workspace's own connection, auto-commit on between changes. */
	synchronized Connection main() throws SQLException {
		if (main == null || main.isClosed()) {
			main = source.getConnection();
			try (Statement s = main.createStatement()) {
				// a crash during a guarded change may have left the setting off
				s.execute("SET FILES LOG TRUE");
			}
		}
		return main;
	}

	Connection newConnection() throws SQLException {
		return source.getConnection();
	}

	synchronized <T> T guarded(Change<T> change) throws Exception {
		Connection c = main();
		execute(c, "CHECKPOINT");
		execute(c, "SET FILES LOG FALSE");
		try {
			c.setAutoCommit(false);
			T result = change.run(c);
			c.commit();
			c.setAutoCommit(true);
			execute(c, "SET FILES LOG TRUE");
			execute(c, "CHECKPOINT");
			return result;
		} catch (Throwable t) {
			try {
				undo();
			} catch (SQLException u) {
				t.addSuppressed(u);
			}
			throw t;
		}
	}

	/** Drops everything since the last checkpoint, as a crash would. */
	private void undo() throws SQLException {
		try {
			if (main != null && !main.isClosed()) {
				execute(main, "SHUTDOWN IMMEDIATELY");
			}
		} catch (SQLException e) {
			// the database may already be down; reopening restores it either way
		}
		main = null;
		main();
	}

	private static void execute(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	@Override
	public synchronized void close() {
		try {
			if (main != null && !main.isClosed()) {
				execute(main, "SHUTDOWN");
			}
		} catch (SQLException e) {
			// closing: nothing more to save
		}
		main = null;
	}
}
