package io.custops.bench;

import java.sql.Connection;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.custops.core.data.CustomerDataset;
import io.custops.core.spi.CustomerClassification;

/**
 * Issue 4: rfm + stages + tiers (default parameters, as of the end of the history) over one
 * in-memory dataset, by the engine's services and by the same SQL in DuckDB and in HSQLDB
 * (in-memory tables; loading not timed). Each side writes one row per customer per analysis.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx12g", "-XX:+UseParallelGC" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SegmentBenchmark {

	/** Sizes, shared by every state (run.sh sets them). */
	@State(Scope.Benchmark)
	public static class Sizes {
		@Param("1000000")
		public int customers;
		@Param("10000000")
		public long orders;

		ShopData generate() {
			return ShopData.generate(customers, orders, 0, 42);
		}
	}

	@State(Scope.Benchmark)
	public static class EngineState extends Sizes {
		CustomerDataset data;
		Engine engine;

		@Setup(Level.Trial)
		public void setup() {
			data = generate().dataset();
			engine = new Engine();
		}
	}

	@State(Scope.Benchmark)
	public static class DuckState extends Sizes {
		Connection connection;

		@Setup(Level.Trial)
		public void setup() throws Exception {
			connection = Sql.duckdb();
			Sql.loadDuckOrders(connection, generate());
		}

		@TearDown(Level.Trial)
		public void close() throws Exception {
			connection.close();
		}
	}

	@State(Scope.Benchmark)
	public static class HsqlState extends Sizes {
		Connection connection;

		@Setup(Level.Trial)
		public void setup() throws Exception {
			connection = Sql.hsqldb("segment");
			Sql.loadHsqlOrders(connection, generate());
		}

		@TearDown(Level.Trial)
		public void close() throws Exception {
			connection.close();
		}
	}

	@Benchmark
	public CustomerClassification[] engine(EngineState s) {
		return s.engine.segment(s.data);
	}

	@Benchmark
	public void duckdb(DuckState s) throws Exception {
		Sql.duckSegment(s.connection);
	}

	@Benchmark
	@Warmup(iterations = 1, time = 1)
	@Measurement(iterations = 2, time = 1)
	public void hsqldb(HsqlState s) throws Exception {
		Sql.hsqlSegment(s.connection);
	}
}
