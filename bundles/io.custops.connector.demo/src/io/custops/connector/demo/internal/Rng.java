package io.custops.connector.demo.internal;

/**
 * SplitMix64: tiny, fast, and specified here rather than by the JDK, so that a seed gives the
 * same shop on every JVM and every release. Only StrictMath is used for transcendental
 * functions, for the same reason (Math.log may differ in the last bit between JIT and interpreter).
 */
final class Rng {

	private long state;

	Rng(long seed) {
		this.state = seed;
	}

	/** A stream for one purpose of one item: (seed, index, purpose) → independent sequence. */
	static Rng of(long seed, long index, long purpose) {
		return new Rng(mix(seed * 0x632BE59BD9B4E019L + mix(index + 0x9E3779B97F4A7C15L * purpose)));
	}

	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	long nextLong() {
		return mix(state += 0x9E3779B97F4A7C15L);
	}

	/** Uniform in [0, 1). */
	double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	/** Uniform in [0, bound). */
	int nextInt(int bound) {
		return (int) ((nextDouble()) * bound);
	}

	/** Uniform in [from, to] (both inclusive). */
	int between(int from, int to) {
		return from + nextInt(to - from + 1);
	}

	boolean chance(double p) {
		return nextDouble() < p;
	}

	/** Standard normal (Box–Muller, one value per call). */
	double gaussian() {
		double u = 1.0 - nextDouble();
		double v = nextDouble();
		return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
	}

	/** Exponential with the given mean. */
	double exponential(double mean) {
		return -mean * StrictMath.log(1.0 - nextDouble());
	}

	/** Number of failures before the first success, success probability p: mean (1-p)/p. */
	int geometric(double p) {
		int n = 0;
		while (n < 1000 && !chance(p)) {
			n++;
		}
		return n;
	}

	/** An index drawn from a cumulative weight table (last entry = total). */
	int pick(double[] cumulative) {
		double x = nextDouble() * cumulative[cumulative.length - 1];
		int lo = 0;
		int hi = cumulative.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (cumulative[mid] > x) {
				hi = mid;
			} else {
				lo = mid + 1;
			}
		}
		return lo;
	}

	static double[] cumulative(double... weights) {
		double[] c = new double[weights.length];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i];
			c[i] = sum;
		}
		return c;
	}
}
