package io.custops.bench;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
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
import io.custops.engine.ConversionResult;
import io.custops.engine.FunnelResult;
import io.custops.engine.PathResult;

/**
 * Issue 5: a 5-step funnel (visit, view, cart, order, pay; no window) and the top 20 paths by
 * session over the events, and tier conversion (tiers, defaults) over a year, by the engine's
 * services and by the same in DuckDB SQL (in-memory tables; loading not timed).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx16g", "-XX:+UseParallelGC" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AnalysesBenchmark {

	@State(Scope.Benchmark)
	public static class Sizes {
		@Param("1000000")
		public int customers;
		@Param("10000000")
		public long orders;
		@Param("20000000")
		public long events;

		ShopData generate() {
			return ShopData.generate(customers, orders, events, 42);
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
			ShopData d = generate();
			connection = Sql.duckdb();
			Sql.loadDuckOrders(connection, d);
			Sql.loadDuckEvents(connection, d);
		}

		@TearDown(Level.Trial)
		public void close() throws Exception {
			connection.close();
		}
	}

	@Benchmark
	public FunnelResult engineFunnel(EngineState s) {
		return s.engine.funnel(s.data);
	}

	@Benchmark
	public List<long[]> duckdbFunnel(DuckState s) throws Exception {
		return Sql.duckFunnel(s.connection);
	}

	@Benchmark
	public PathResult enginePaths(EngineState s) {
		return s.engine.paths(s.data);
	}

	@Benchmark
	public Map<String, Long> duckdbPaths(DuckState s) throws Exception {
		return Sql.duckPaths(s.connection);
	}

	@Benchmark
	public ConversionResult engineConversion(EngineState s) {
		return s.engine.conversion(s.data);
	}

	@Benchmark
	public Map<String, Long> duckdbConversion(DuckState s) throws Exception {
		return Sql.duckConversion(s.connection);
	}
}
