package io.custops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.lifecycle.bgnbd.BgNbd;
import io.custops.lifecycle.bgnbd.ModelFit;
import io.custops.lifecycle.bgnbd.PurchaseSummary;

/**
 * Issue 4: the BG/NBD maximum-likelihood fit on the purchase summary of the 1M-customer
 * dataset (goal ≤ 2 s) and on the CDNOW sample; and the whole {@code bgnbd} model (summary,
 * fit, Gamma-Gamma, per-customer predictions) on the dataset, for reference.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx12g", "-XX:+UseParallelGC" })
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class BgNbdBenchmark {

	@State(Scope.Benchmark)
	public static class Shop {
		@Param("1000000")
		public int customers;
		@Param("10000000")
		public long orders;

		CustomerDataset data;
		PurchaseSummary summary;
		io.custops.core.spi.LifecycleModel model;

		@Setup(Level.Trial)
		public void setup() {
			data = ShopData.generate(customers, orders, 0, 42).dataset();
			summary = summary(data, ShopData.END_DAY - 1);
			model = new io.custops.lifecycle.bgnbd.internal.BgNbdService();
			System.out.printf("%n[bgnbd] %,d customers with a paid order, %,d distinct (x, t_x, T)%n",
					(long) summary.customers(), summary.groupCount());
		}
	}

	@State(Scope.Benchmark)
	public static class Cdnow {
		PurchaseSummary summary;

		@Setup(Level.Trial)
		public void setup() throws IOException {
			summary = cdnow(Path.of(System.getProperty("custops.bench.data", "data"),
					"cdnow_customers_summary_with_transactions.csv"));
		}
	}

	@Benchmark
	public ModelFit<BgNbd> fit1M(Shop s) {
		return BgNbd.fit(s.summary);
	}

	@Benchmark
	@Warmup(iterations = 1, time = 1)
	@Measurement(iterations = 3, time = 1)
	public CustomerClassification model1M(Shop s) {
		return s.model.classify(new AnalysisInput(s.data, ShopData.END,
				Parameters.resolve(s.model.parameters(), Map.of()), null));
	}

	@Benchmark
	public ModelFit<BgNbd> fitCdnow(Cdnow s) {
		return BgNbd.fit(s.summary);
	}

	/**
	 * x = distinct paid days after the first, t_x and T in days from the first paid day to the
	 * last one and to the calibration end (inclusive), as the bgnbd service counts them.
	 */
	static PurchaseSummary summary(CustomerDataset data, int calibrationEnd) {
		int n = data.customerCount();
		int[] offsets = data.orderOffsets();
		int[] day = data.orderDay();
		byte[] status = data.orderStatus();
		byte paid = OrderStatus.PAID.code();
		int[] x = new int[n];
		int[] tx = new int[n];
		int[] age = new int[n];
		int scored = 0;
		for (int c = 0; c < n; c++) {
			int first = Integer.MIN_VALUE;
			int last = Integer.MIN_VALUE;
			int repeats = 0;
			for (int o = offsets[c]; o < offsets[c + 1] && day[o] <= calibrationEnd; o++) {
				if (status[o] != paid) {
					continue;
				}
				if (first == Integer.MIN_VALUE) {
					first = last = day[o];
				} else if (day[o] > last) {
					repeats++;
					last = day[o];
				}
			}
			if (first != Integer.MIN_VALUE) {
				x[scored] = repeats;
				tx[scored] = last - first;
				age[scored] = calibrationEnd - first;
				scored++;
			}
		}
		return PurchaseSummary.ofDays(java.util.Arrays.copyOf(x, scored), java.util.Arrays.copyOf(tx, scored),
				java.util.Arrays.copyOf(age, scored));
	}

	static PurchaseSummary cdnow(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		int n = lines.size() - 1;
		int[] x = new int[n];
		double[] tx = new double[n];
		double[] age = new double[n];
		for (int i = 0; i < n; i++) {
			String[] f = lines.get(i + 1).split(",");
			x[i] = Integer.parseInt(f[1]);
			tx[i] = Double.parseDouble(f[2]);
			age[i] = Double.parseDouble(f[3]);
		}
		return PurchaseSummary.of(x, tx, age);
	}
}
