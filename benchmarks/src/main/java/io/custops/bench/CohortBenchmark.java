package io.custops.bench;

import java.sql.Connection;
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
import io.custops.engine.CohortResult;

/**
 * Issue 18: monthly cohort retention (36 periods, as of the end of the history) — the engine's
 * {@code CohortService} against DuckDB SQL computing the same cells ({@link Sql#duckCohorts}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx12g", "-XX:+UseParallelGC" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CohortBenchmark {

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

	@Benchmark
	public CohortResult engine(EngineState s) {
		return s.engine.cohorts(s.data);
	}

	@Benchmark
	public Map<String, Long> duckdb(DuckState s) throws Exception {
		return Sql.duckCohorts(s.connection);
	}
}
