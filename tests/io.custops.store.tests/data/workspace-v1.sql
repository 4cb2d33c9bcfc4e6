-- A workspace as version 1 of the schema left it (the first layout, before order lines),
-- with a little data: the migration test opens it with the current store.
CREATE TABLE schema_version(version INT PRIMARY KEY, description VARCHAR(200) NOT NULL,
 applied TIMESTAMP WITH TIME ZONE NOT NULL);
CREATE TABLE settings(name VARCHAR(200) PRIMARY KEY, value VARCHAR(4000) NOT NULL);
CREATE TABLE imports(import_id VARCHAR(40) PRIMARY KEY, seq INT NOT NULL, kind VARCHAR(20) NOT NULL,
 connector VARCHAR(200) NOT NULL, source VARCHAR(2000), params VARCHAR(16000), user_name VARCHAR(200),
 host VARCHAR(200), pid BIGINT, state VARCHAR(20) NOT NULL, started TIMESTAMP WITH TIME ZONE NOT NULL,
 finished TIMESTAMP WITH TIME ZONE, rows_read BIGINT DEFAULT 0 NOT NULL,
 rows_imported BIGINT DEFAULT 0 NOT NULL, rows_rejected BIGINT DEFAULT 0 NOT NULL,
 rows_unchanged BIGINT DEFAULT 0 NOT NULL, rejects_file VARCHAR(2000), message VARCHAR(16000));
CREATE CACHED TABLE customers(customer_id VARCHAR(200) PRIMARY KEY, name VARCHAR(1000),
 phone VARCHAR(1000), gender VARCHAR(1000), birthday DATE, province VARCHAR(1000), city VARCHAR(1000),
 channel VARCHAR(1000), first_seen DATE, member_level VARCHAR(1000), import_id VARCHAR(40),
 source_line BIGINT);
CREATE CACHED TABLE customer_attributes(customer_id VARCHAR(200) NOT NULL, name VARCHAR(200) NOT NULL,
 value VARCHAR(1000) NOT NULL, import_id VARCHAR(40), PRIMARY KEY(customer_id, name));
CREATE CACHED TABLE orders(order_id VARCHAR(200) PRIMARY KEY, customer_id VARCHAR(200) NOT NULL,
 order_time TIMESTAMP(3) NOT NULL, amount DECIMAL(18,2) NOT NULL, status VARCHAR(10) NOT NULL,
 quantity INT, product_id VARCHAR(200), category VARCHAR(1000), channel VARCHAR(1000), usage_days INT,
 province VARCHAR(1000), city VARCHAR(1000), import_id VARCHAR(40), source_line BIGINT);
CREATE CACHED TABLE events(ekey BIGINT NOT NULL, seq BIGINT NOT NULL, customer_id VARCHAR(200) NOT NULL,
 event_time TIMESTAMP(3) NOT NULL, event_type VARCHAR(200) NOT NULL, item_id VARCHAR(200) NOT NULL,
 session_id VARCHAR(200) NOT NULL, channel VARCHAR(1000), query VARCHAR(1000), import_id VARCHAR(40),
 source_line BIGINT, PRIMARY KEY(ekey, seq));
CREATE CACHED TABLE campaigns(campaign_id VARCHAR(200) PRIMARY KEY, name VARCHAR(1000) NOT NULL,
 start_date DATE NOT NULL, end_date DATE NOT NULL, cost DECIMAL(18,2) NOT NULL,
 margin DECIMAL(9,6) DEFAULT 1 NOT NULL, segment VARCHAR(1000), description VARCHAR(4000),
 import_id VARCHAR(40), source_line BIGINT);
CREATE CACHED TABLE campaign_members(campaign_id VARCHAR(200) NOT NULL, customer_id VARCHAR(200) NOT NULL,
 member_group VARCHAR(20) NOT NULL, import_id VARCHAR(40), source_line BIGINT,
 PRIMARY KEY(campaign_id, customer_id));
CREATE CACHED TABLE tags(customer_id VARCHAR(200) NOT NULL, tag VARCHAR(200) NOT NULL,
 created TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY(customer_id, tag));
INSERT INTO schema_version VALUES(1, 'facts, campaigns, tags and import history', TIMESTAMP '2026-01-10 09:00:00+08:00');
INSERT INTO settings VALUES('zone', 'Asia/Shanghai');
INSERT INTO settings VALUES('import.seq', '1');
INSERT INTO settings VALUES('columns.orders', '1');
INSERT INTO imports(import_id, seq, kind, connector, source, params, user_name, host, pid, state, started,
 finished, rows_read, rows_imported) VALUES('20260110-090000-1', 1, 'orders', 'csv', 'orders.csv', '', 'analyst',
 'desk', 42, 'done', TIMESTAMP '2026-01-10 09:00:00+08:00', TIMESTAMP '2026-01-10 09:00:01+08:00', 2, 2);
INSERT INTO events VALUES(1001, 1, 'c1', TIMESTAMP '2026-01-02 09:55:00', 'view', '', 's1', 'web', NULL,
 '20260110-090000-1', 5);
INSERT INTO events VALUES(1002, 2, 'c1', TIMESTAMP '2026-01-02 09:58:00', 'cart', '', 's1', 'web', NULL,
 '20260110-090000-1', 6);
INSERT INTO orders VALUES('v1-o1', 'c1', TIMESTAMP '2026-01-02 10:00:00', 10.00, 'paid', 1, NULL, NULL, 'web',
 NULL, NULL, NULL, '20260110-090000-1', 2);
INSERT INTO orders VALUES('v1-o2', 'c2', TIMESTAMP '2026-01-03 11:00:00', 25.50, 'paid', 2, NULL, NULL, 'app',
 30, NULL, NULL, '20260110-090000-1', 3);
INSERT INTO tags VALUES('c1', 'vip', TIMESTAMP '2026-01-10 09:05:00+08:00');
