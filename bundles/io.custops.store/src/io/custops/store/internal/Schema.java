package io.custops.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The workspace's tables and their versioned migrations. A workspace records each migration
 * it went through in {@code schema_version}; opening runs the missing ones in order, so a
 * workspace made by an older CustOps opens in a newer one. Migrations are append-only: never
 * change a released one, add the next.
 */
final class Schema {

	record Migration(int version, String description, List<String> statements) {
	}

	static final List<Migration> MIGRATIONS = List.of(
			new Migration(1, "facts, campaigns, tags and import history", List.of(
					"CREATE TABLE settings(name VARCHAR(200) PRIMARY KEY, value VARCHAR(4000) NOT NULL)",
					"""
					CREATE TABLE imports(import_id VARCHAR(40) PRIMARY KEY, seq INT NOT NULL, kind VARCHAR(20) NOT NULL,
					 connector VARCHAR(200) NOT NULL, source VARCHAR(2000), params VARCHAR(16000), user_name VARCHAR(200),
					 host VARCHAR(200), pid BIGINT, state VARCHAR(20) NOT NULL, started TIMESTAMP WITH TIME ZONE NOT NULL,
					 finished TIMESTAMP WITH TIME ZONE, rows_read BIGINT DEFAULT 0 NOT NULL,
					 rows_imported BIGINT DEFAULT 0 NOT NULL, rows_rejected BIGINT DEFAULT 0 NOT NULL,
					 rows_unchanged BIGINT DEFAULT 0 NOT NULL, rejects_file VARCHAR(2000), message VARCHAR(16000))""",
					"""
					CREATE CACHED TABLE customers(customer_id VARCHAR(200) PRIMARY KEY, name VARCHAR(1000),
					 phone VARCHAR(1000), gender VARCHAR(1000), birthday DATE, province VARCHAR(1000), city VARCHAR(1000),
					 channel VARCHAR(1000), first_seen DATE, member_level VARCHAR(1000), import_id VARCHAR(40),
					 source_line BIGINT)""",
					"""
					CREATE CACHED TABLE customer_attributes(customer_id VARCHAR(200) NOT NULL, name VARCHAR(200) NOT NULL,
					 value VARCHAR(1000) NOT NULL, import_id VARCHAR(40), PRIMARY KEY(customer_id, name))""",
					"""
					CREATE CACHED TABLE orders(order_id VARCHAR(200) PRIMARY KEY, customer_id VARCHAR(200) NOT NULL,
					 order_time TIMESTAMP(3) NOT NULL, amount DECIMAL(18,2) NOT NULL, status VARCHAR(10) NOT NULL,
					 quantity INT, product_id VARCHAR(200), category VARCHAR(1000), channel VARCHAR(1000), usage_days INT,
					 province VARCHAR(1000), city VARCHAR(1000), import_id VARCHAR(40), source_line BIGINT)""",
					"""
					CREATE CACHED TABLE events(ekey BIGINT NOT NULL, seq BIGINT NOT NULL, customer_id VARCHAR(200) NOT NULL,
					 event_time TIMESTAMP(3) NOT NULL, event_type VARCHAR(200) NOT NULL, item_id VARCHAR(200) NOT NULL,
					 session_id VARCHAR(200) NOT NULL, channel VARCHAR(1000), query VARCHAR(1000), import_id VARCHAR(40),
					 source_line BIGINT, PRIMARY KEY(ekey, seq))""",
					"""
					CREATE CACHED TABLE campaigns(campaign_id VARCHAR(200) PRIMARY KEY, name VARCHAR(1000) NOT NULL,
					 start_date DATE NOT NULL, end_date DATE NOT NULL, cost DECIMAL(18,2) NOT NULL,
					 margin DECIMAL(9,6) DEFAULT 1 NOT NULL, segment VARCHAR(1000), description VARCHAR(4000),
					 import_id VARCHAR(40), source_line BIGINT)""",
					"""
					CREATE CACHED TABLE campaign_members(campaign_id VARCHAR(200) NOT NULL, customer_id VARCHAR(200) NOT NULL,
					 member_group VARCHAR(20) NOT NULL, import_id VARCHAR(40), source_line BIGINT,
					 PRIMARY KEY(campaign_id, customer_id))""",
					"""
					CREATE CACHED TABLE tags(customer_id VARCHAR(200) NOT NULL, tag VARCHAR(200) NOT NULL,
					 created TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY(customer_id, tag))""")),
			new Migration(2, "order lines, unit prices and pay times", List.of(
					"ALTER TABLE orders ADD COLUMN unit_price DECIMAL(18,4)",
					"ALTER TABLE orders ADD COLUMN pay_time TIMESTAMP(3)",
					"ALTER TABLE orders ADD COLUMN line_count INT DEFAULT 0 NOT NULL",
					"""
					CREATE CACHED TABLE order_lines(order_id VARCHAR(200) NOT NULL, line_no INT NOT NULL,
					 product_id VARCHAR(200), category VARCHAR(1000), quantity INT, unit_price DECIMAL(18,4),
					 amount DECIMAL(18,2) NOT NULL, usage_days INT, import_id VARCHAR(40), source_line BIGINT,
					 PRIMARY KEY(order_id, line_no))""")),
			new Migration(3, "campaigns created from targets, member segments, imported tags, audit log", List.of(
					"ALTER TABLE campaigns ADD COLUMN target VARCHAR(4000)",
					"ALTER TABLE campaigns ADD COLUMN target_params VARCHAR(16000)",
					"ALTER TABLE campaigns ADD COLUMN as_of DATE",
					"ALTER TABLE campaigns ADD COLUMN control_share DECIMAL(9,6)",
					"ALTER TABLE campaigns ADD COLUMN seed BIGINT",
					"ALTER TABLE campaigns ADD COLUMN created TIMESTAMP WITH TIME ZONE",
					"ALTER TABLE campaigns ADD COLUMN created_by VARCHAR(400)",
					"ALTER TABLE campaign_members ADD COLUMN member_segment VARCHAR(1000)",
					"ALTER TABLE tags ADD COLUMN import_id VARCHAR(40)",
					"ALTER TABLE tags ADD COLUMN source_line BIGINT",
					"""
					CREATE CACHED TABLE audit(seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
					 done_at TIMESTAMP WITH TIME ZONE NOT NULL, user_name VARCHAR(200), host VARCHAR(200), pid BIGINT,
					 action_name VARCHAR(100) NOT NULL, subject VARCHAR(200), file_path VARCHAR(2000), masked BOOLEAN,
					 row_count BIGINT, details VARCHAR(16000))""",
					"CREATE INDEX audit_subject ON audit(subject)")),
			new Migration(4, "report schedules and their runs", List.of(
					// a schedule: cron, template, parameters and formats as text; claimed_by/lease_until:
					// the run in progress (a claim whose lease has passed belongs to a dead process)
					"""
					CREATE TABLE report_schedules(schedule_id VARCHAR(200) PRIMARY KEY, cron VARCHAR(200) NOT NULL,
					 template VARCHAR(200) NOT NULL, formats VARCHAR(200) NOT NULL, params VARCHAR(16000) NOT NULL,
					 out_pattern VARCHAR(4000) NOT NULL, keep_runs INT DEFAULT 0 NOT NULL, missed VARCHAR(10) NOT NULL,
					 created TIMESTAMP WITH TIME ZONE NOT NULL, last_due TIMESTAMP WITH TIME ZONE NOT NULL,
					 claimed_by VARCHAR(400), lease_until TIMESTAMP WITH TIME ZONE)""",
					"""
					CREATE TABLE report_runs(run_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
					 schedule_id VARCHAR(200) NOT NULL, template VARCHAR(200) NOT NULL, due TIMESTAMP WITH TIME ZONE,
					 started TIMESTAMP WITH TIME ZONE NOT NULL, duration_ms BIGINT, status VARCHAR(20) NOT NULL,
					 trigger_name VARCHAR(20) NOT NULL, outputs VARCHAR(16000), error VARCHAR(16000),
					 outputs_removed BOOLEAN DEFAULT FALSE NOT NULL)""",
					"CREATE INDEX report_runs_schedule ON report_runs(schedule_id, run_id)")),
			// the rows move when the workspace is opened (HsqlWorkspace.moveFactsOutOfDatabase);
			// the tables stay, empty, for that move and for older versions' rows
			new Migration(5, "orders and events kept in the columnar fact sets", List.of()),
			// a source: a database the analyses run inside; its password is in secure storage, not here
			new Migration(6, "sources for SQL pushdown", List.of("""
					CREATE TABLE sources(source_id VARCHAR(200) PRIMARY KEY, url VARCHAR(4000) NOT NULL,
					 user_name VARCHAR(400), tables VARCHAR(16000) NOT NULL, columns VARCHAR(16000) NOT NULL,
					 has_password BOOLEAN NOT NULL, created TIMESTAMP WITH TIME ZONE NOT NULL)""")),
			// a playbook: a target on a cron schedule; claimed_by/lease_until as for report schedules
			new Migration(7, "playbooks and their runs", List.of("""
					CREATE TABLE playbooks(playbook_id VARCHAR(200) PRIMARY KEY, cron VARCHAR(200) NOT NULL,
					 target VARCHAR(4000) NOT NULL, target_params VARCHAR(16000) NOT NULL, only_new BOOLEAN NOT NULL,
					 control_share DECIMAL(9,6), cost_per_member DECIMAL(18,2) NOT NULL, margin DECIMAL(9,6) NOT NULL,
					 days INT NOT NULL, out_dir VARCHAR(4000) NOT NULL, out_format VARCHAR(10) NOT NULL, seed BIGINT NOT NULL,
					 missed VARCHAR(10) NOT NULL, created TIMESTAMP WITH TIME ZONE NOT NULL,
					 last_due TIMESTAMP WITH TIME ZONE NOT NULL, claimed_by VARCHAR(400), lease_until TIMESTAMP WITH TIME ZONE)""",
					"""
					CREATE TABLE playbook_runs(run_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
					 playbook_id VARCHAR(200) NOT NULL, run_date DATE NOT NULL, due TIMESTAMP WITH TIME ZONE,
					 started TIMESTAMP WITH TIME ZONE NOT NULL, duration_ms BIGINT, status VARCHAR(20) NOT NULL,
					 trigger_name VARCHAR(20) NOT NULL, campaign_id VARCHAR(400), targeted BIGINT DEFAULT 0 NOT NULL,
					 excluded BIGINT DEFAULT 0 NOT NULL, treatment BIGINT DEFAULT 0 NOT NULL, control BIGINT DEFAULT 0 NOT NULL,
					 file_path VARCHAR(4000), note VARCHAR(16000))""",
					"CREATE INDEX playbook_runs_playbook ON playbook_runs(playbook_id, run_id)")));

	static final int CURRENT = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

	private Schema() {
	}

	/** The version the workspace is at: 0 for a new database. */
	static int version(Connection c) throws SQLException {
		try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "SCHEMA_VERSION", null)) {
			if (!rs.next()) {
				return 0;
			}
		}
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	/**
	 * Runs the migrations after {@code from}. HSQLDB commits each DDL statement, so the caller
	 * runs this as a guarded change ({@link Database#guarded}): a failure or a crash half-way
	 * leaves the workspace at its old version.
	 */
	static void migrate(Connection c, int from) throws SQLException {
		boolean auto = c.getAutoCommit();
		c.setAutoCommit(false);
		try {
			if (from == 0) {
				try (Statement s = c.createStatement()) {
					s.execute("""
							CREATE TABLE schema_version(version INT PRIMARY KEY, description VARCHAR(200) NOT NULL,
							 applied TIMESTAMP WITH TIME ZONE NOT NULL)""");
				}
			}
			for (Migration m : MIGRATIONS) {
				if (m.version() <= from) {
					continue;
				}
				try (Statement s = c.createStatement()) {
					for (String sql : m.statements()) {
						s.execute(sql);
					}
				}
				try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version VALUES(?, ?, ?)")) {
					ps.setInt(1, m.version());
					ps.setString(2, m.description());
					ps.setObject(3, OffsetDateTime.now());
					ps.executeUpdate();
				}
				c.commit();
			}
		} finally {
			c.setAutoCommit(auto);
		}
	}
}
