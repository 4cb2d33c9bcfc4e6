package io.custops.lifecycle.bgnbd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unconstrained minimisation for the maximum-likelihood fits: Nelder–Mead with restarts from
 * several starting points, then a BFGS polish with central-difference gradients from the best
 * of them. The models minimise over log parameters, so every point is admissible; an objective
 * returns +∞ (or NaN) where it cannot be evaluated and the search steps back.
 */
public final class Minimizer {

	/** A function to minimise. */
	@FunctionalInterface
	public interface Objective {
		double value(double[] point);
	}

	/** A function to minimise that also knows its gradient; BFGS then needs no finite differences. */
	public interface Differentiable extends Objective {
		/** The value at {@code point}, with the gradient written to {@code gradient}. */
		double value(double[] point, double[] gradient);
	}

	/**
	 * Settings of {@link #minimize}; the defaults suit mean negative log-likelihoods over log
	 * parameters. Nelder–Mead only has to find the right basin ({@code valueTolerance} relative,
	 * {@code pointTolerance} absolute); BFGS then drives the gradient below {@code gradientTolerance}.
	 */
	public record Options(double initialStep, int maxEvaluationsPerStart, double valueTolerance, double pointTolerance,
			int maxBfgsIterations, double gradientTolerance) {

		public static Options defaults() {
			return new Options(0.5, 1000, 1e-6, 1e-2, 200, 1e-8);
		}
	}

	/** Where a minimisation ended and how it got there. */
	public record Result(double[] point, double value, boolean converged, String status, int iterations,
			int evaluations, double gradientNorm, int starts, String method) {

		public Result {
			point = point.clone();
		}

		@Override
		public double[] point() {
			return point.clone();
		}

		/** The optimiser's status as a JSON-like map for summaries. */
		public Map<String, Object> describe() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("method", method);
			map.put("converged", converged);
			map.put("status", status);
			map.put("iterations", iterations);
			map.put("evaluations", evaluations);
			map.put("starts", starts);
			map.put("gradient_norm", gradientNorm);
			return map;
		}
	}

	private Minimizer() {
	}

	/**
	 * Nelder–Mead from each start on {@code explore} (which may be a cheaper approximation of the
	 * objective, such as a subsample), then BFGS on {@code objective} from the best end point.
	 * Converged means the polished point's gradient is below the tolerance.
	 */
	public static Result minimize(Objective explore, Objective objective, List<double[]> starts, Options options) {
		return minimize(List.of(explore, objective), starts, options);
	}

	/**
	 * Nelder–Mead from each start on the first stage, BFGS from the best end point on the same
	 * stage, then BFGS on each further stage in turn, each from the point and with the inverse
	 * Hessian where the previous stage ended: stages go from a small sample to all the data,
	 * whose curvature is nearly the same, so that most iterations are cheap and the last stage
	 * only sharpens the optimum in a few steps. Converged means the final point's gradient on
	 * the last stage is below the tolerance.
	 */
	public static Result minimize(List<? extends Objective> stages, List<double[]> starts, Options options) {
		if (starts.isEmpty()) {
			throw new IllegalArgumentException("no starting point");
		}
		if (stages.isEmpty()) {
			throw new IllegalArgumentException("no objective");
		}
		Counting exploreCounted = new Counting(stages.get(0));
		Result best = null;
		int iterations = 0;
		for (double[] start : starts) {
			Result r = nelderMead(exploreCounted, start, options);
			iterations += r.iterations();
			if (best == null || less(r.value(), best.value())) {
				best = r;
			}
		}
		int evaluations = exploreCounted.count;
		Result polished = best;
		double[][][] inverseHessian = new double[1][][];
		for (int stage = 0; stage < stages.size(); stage++) {
			Counting counted = stage == 0 ? exploreCounted : new Counting(stages.get(stage));
			int before = counted.count;
			polished = bfgs(counted, polished.point(), options, inverseHessian);
			iterations += polished.iterations();
			evaluations += counted.count - before;
		}
		return new Result(polished.point(), polished.value(), polished.converged(), polished.status(), iterations,
				evaluations, polished.gradientNorm(), starts.size(), "nelder-mead+bfgs");
	}

	private static boolean less(double a, double b) {
		return !Double.isNaN(a) && (Double.isNaN(b) || a < b);
	}

	private static double clean(double v) {
		return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
	}

	/** Nelder–Mead (adaptive coefficients of Gao and Han) restarted from its end point until it stops improving. */
	public static Result nelderMead(Objective f, double[] start, Options options) {
		int n = start.length;
		double alphaR = 1;
		double betaE = 1 + 2.0 / n;
		double gammaC = 0.75 - 1 / (2.0 * n);
		double deltaS = 1 - 1.0 / n;
		int budget = options.maxEvaluationsPerStart();
		int evaluations = 0;
		int iterations = 0;
		double[] best = start.clone();
		double bestValue = clean(f.value(best));
		evaluations++;
		boolean converged = false;
		double step = options.initialStep();
		for (int restart = 0; restart < 20 && evaluations < budget; restart++) {
			double[][] simplex = new double[n + 1][];
			double[] values = new double[n + 1];
			simplex[0] = best.clone();
			values[0] = bestValue;
			for (int i = 0; i < n; i++) {
				simplex[i + 1] = best.clone();
				simplex[i + 1][i] += step;
				values[i + 1] = clean(f.value(simplex[i + 1]));
				evaluations++;
			}
			boolean settled = false;
			while (evaluations < budget) {
				sort(simplex, values);
				if (settled(simplex, values, options)) {
					settled = true;
					break;
				}
				iterations++;
				double[] centroid = new double[n];
				for (int i = 0; i < n; i++) {
					for (int j = 0; j < n; j++) {
						centroid[j] += simplex[i][j] / n;
					}
				}
				double[] worst = simplex[n];
				double[] reflected = along(centroid, worst, -alphaR);
				double fr = clean(f.value(reflected));
				evaluations++;
				if (fr < values[0]) {
					double[] expanded = along(centroid, worst, -alphaR * betaE);
					double fe = clean(f.value(expanded));
					evaluations++;
					if (fe < fr) {
						simplex[n] = expanded;
						values[n] = fe;
					} else {
						simplex[n] = reflected;
						values[n] = fr;
					}
				} else if (fr < values[n - 1]) {
					simplex[n] = reflected;
					values[n] = fr;
				} else {
					boolean outside = fr < values[n];
					double[] contracted = outside ? along(centroid, worst, -alphaR * gammaC) : along(centroid, worst, gammaC);
					double fc = clean(f.value(contracted));
					evaluations++;
					if (outside ? fc <= fr : fc < values[n]) {
						simplex[n] = contracted;
						values[n] = fc;
					} else {
						for (int i = 1; i <= n; i++) {
							for (int j = 0; j < n; j++) {
								simplex[i][j] = simplex[0][j] + deltaS * (simplex[i][j] - simplex[0][j]);
							}
							values[i] = clean(f.value(simplex[i]));
							evaluations++;
						}
					}
				}
			}
			sort(simplex, values);
			double improvement = bestValue - values[0];
			if (values[0] < bestValue) {
				best = simplex[0].clone();
				bestValue = values[0];
			}
			converged = settled;
			// a restart that gains nothing means the simplex had not collapsed on a false minimum
			if (settled && !(improvement > options.valueTolerance() * (Math.abs(bestValue) + 1e-300))
					&& restart > 0) {
				break;
			}
			step = Math.max(options.initialStep() * 0.25, 10 * options.pointTolerance());
		}
		return new Result(best, bestValue, converged, converged ? "converged" : "max-evaluations", iterations,
				evaluations, Double.NaN, 1, "nelder-mead");
	}

	private static double[] along(double[] centroid, double[] worst, double t) {
		double[] p = new double[centroid.length];
		for (int j = 0; j < p.length; j++) {
			p[j] = centroid[j] + t * (worst[j] - centroid[j]);
		}
		return p;
	}

	private static boolean settled(double[][] simplex, double[] values, Options options) {
		double spread = values[values.length - 1] - values[0];
		if (!(spread <= options.valueTolerance() * (Math.abs(values[0]) + 1e-300))) {
			return false;
		}
		for (int i = 1; i < simplex.length; i++) {
			for (int j = 0; j < simplex[i].length; j++) {
				if (Math.abs(simplex[i][j] - simplex[0][j]) > options.pointTolerance()) {
					return false;
				}
			}
		}
		return true;
	}

	private static void sort(double[][] simplex, double[] values) {
		Integer[] order = new Integer[values.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
		double[][] s = simplex.clone();
		double[] v = values.clone();
		for (int i = 0; i < order.length; i++) {
			simplex[i] = s[order[i]];
			values[i] = v[order[i]];
		}
	}

	/** BFGS on the inverse Hessian with central-difference gradients and a backtracking (Armijo) line search. */
	public static Result bfgs(Objective f, double[] start, Options options) {
		return bfgs(f, start, options, new double[1][][]);
	}

	/**
	 * BFGS starting from the inverse Hessian in {@code inverseHessian[0]} when there is one (a
	 * scaled identity otherwise); the final approximation is left there for a next stage.
	 */
	private static Result bfgs(Objective f, double[] start, Options options, double[][][] inverseHessian) {
		int n = start.length;
		int evaluations = 0;
		double[] x = start.clone();
		double[] g = new double[n];
		double fx = valueAndGradient(f, x, g);
		evaluations++;
		double[][] h = inverseHessian[0] != null ? copy(inverseHessian[0]) : identity(n);
		boolean scaled = inverseHessian[0] != null;
		String status = "max-iterations";
		int iteration = 0;
		for (; iteration < options.maxBfgsIterations(); iteration++) {
			double gNorm = norm(g);
			if (gNorm <= options.gradientTolerance()) {
				status = "converged";
				break;
			}
			if (!Double.isFinite(fx) || !Double.isFinite(gNorm)) {
				status = "not-finite";
				break;
			}
			double[] d = times(h, g, -1);
			double slope = dot(g, d);
			if (!(slope < 0)) {
				h = identity(n);
				scaled = false;
				d = times(h, g, -1);
				slope = dot(g, d);
			}
			// keep a single step within a sane range of the log parameters
			double longest = 0;
			for (double v : d) {
				longest = Math.max(longest, Math.abs(v));
			}
			if (longest > 2) {
				for (int j = 0; j < n; j++) {
					d[j] *= 2 / longest;
				}
				slope *= 2 / longest;
			}
			double t = 1;
			double[] x1 = null;
			double f1 = Double.NaN;
			boolean accepted = false;
			for (int k = 0; k < 60; k++) {
				x1 = new double[n];
				for (int j = 0; j < n; j++) {
					x1[j] = x[j] + t * d[j];
				}
				f1 = clean(f.value(x1));
				evaluations++;
				if (f1 <= fx + 1e-4 * t * slope) {
					accepted = true;
					break;
				}
				if (-t * slope <= 1e-15 * Math.max(1, Math.abs(fx))) {
					break; // the decrease asked for is below rounding: shorter steps cannot show one
				}
				t *= 0.5;
			}
			if (!accepted) {
				// no measurable descent left: numerically at the minimum if the gradient is small
				if (gNorm <= 1e3 * options.gradientTolerance()) {
					status = "converged";
					break;
				}
				if (!isIdentity(h)) {
					h = identity(n);
					scaled = false;
					continue;
				}
				status = "line-search-failed";
				break;
			}
			double[] g1 = new double[n];
			f1 = valueAndGradient(f, x1, g1);
			evaluations++;
			double[] s = new double[n];
			double[] y = new double[n];
			for (int j = 0; j < n; j++) {
				s[j] = x1[j] - x[j];
				y[j] = g1[j] - g[j];
			}
			double sy = dot(s, y);
			if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
				if (!scaled) {
					h = identity(n);
					double factor = sy / dot(y, y);
					for (int j = 0; j < n; j++) {
						h[j][j] = factor;
					}
					scaled = true;
				}
				update(h, s, y, sy);
			}
			boolean stalled = Math.abs(fx - f1) <= 1e-16 * Math.abs(fx);
			x = x1;
			fx = f1;
			g = g1;
			if (stalled && norm(g) <= 1e3 * options.gradientTolerance()) {
				status = "converged";
				iteration++;
				break;
			}
		}
		double gNorm = norm(g);
		if ("max-iterations".equals(status) && gNorm <= options.gradientTolerance()) {
			status = "converged";
		}
		inverseHessian[0] = h;
		return new Result(x, fx, "converged".equals(status), status, iteration, evaluations, gNorm, 1, "bfgs");
	}

	/** The value and the gradient: the objective's own when it has one, central differences otherwise. */
	private static double valueAndGradient(Objective f, double[] x, double[] gradient) {
		if (f instanceof Differentiable d) {
			return clean(d.value(x, gradient));
		}
		double fx = clean(f.value(x));
		gradient(f, x, fx, gradient);
		return fx;
	}

	/** Central differences (one-sided where a side cannot be evaluated); returns the evaluations used. */
	static int gradient(Objective f, double[] x, double fx, double[] out) {
		int evaluations = 0;
		double[] p = x.clone();
		for (int j = 0; j < x.length; j++) {
			double step = 6e-6 * Math.max(1, Math.abs(x[j]));
			p[j] = x[j] + step;
			double up = clean(f.value(p));
			p[j] = x[j] - step;
			double down = clean(f.value(p));
			p[j] = x[j];
			evaluations += 2;
			if (Double.isFinite(up) && Double.isFinite(down)) {
				out[j] = (up - down) / (2 * step);
			} else if (Double.isFinite(up)) {
				out[j] = (up - fx) / step;
			} else if (Double.isFinite(down)) {
				out[j] = (fx - down) / step;
			} else {
				out[j] = Double.NaN;
			}
		}
		return evaluations;
	}

	private static void update(double[][] h, double[] s, double[] y, double sy) {
		int n = s.length;
		double rho = 1 / sy;
		double[] hy = times(h, y, 1);
		double yhy = dot(y, hy);
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				h[i][j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
			}
		}
	}

	private static double[][] copy(double[][] m) {
		double[][] c = new double[m.length][];
		for (int i = 0; i < m.length; i++) {
			c[i] = m[i].clone();
		}
		return c;
	}

	private static double[][] identity(int n) {
		double[][] m = new double[n][n];
		for (int i = 0; i < n; i++) {
			m[i][i] = 1;
		}
		return m;
	}

	private static boolean isIdentity(double[][] m) {
		for (int i = 0; i < m.length; i++) {
			for (int j = 0; j < m.length; j++) {
				if (m[i][j] != (i == j ? 1 : 0)) {
					return false;
				}
			}
		}
		return true;
	}

	private static double[] times(double[][] m, double[] v, double factor) {
		double[] out = new double[v.length];
		for (int i = 0; i < v.length; i++) {
			double sum = 0;
			for (int j = 0; j < v.length; j++) {
				sum += m[i][j] * v[j];
			}
			out[i] = factor * sum;
		}
		return out;
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	private static double norm(double[] v) {
		double max = 0;
		for (double x : v) {
			if (Double.isNaN(x)) {
				return Double.NaN;
			}
			max = Math.max(max, Math.abs(x));
		}
		return max;
	}

	/** Counts evaluations for the status report (a finite-difference gradient counts its evaluations). */
	private static final class Counting implements Differentiable {
		private final Objective inner;
		int count;

		Counting(Objective inner) {
			this.inner = inner;
		}

		@Override
		public double value(double[] point) {
			count++;
			return inner.value(point);
		}

		@Override
		public double value(double[] point, double[] gradient) {
			if (inner instanceof Differentiable d) {
				count++;
				return d.value(point, gradient);
			}
			double fx = value(point);
			gradient(this, point, clean(fx), gradient);
			return fx;
		}
	}

	/** Starting points from a list of natural-scale parameter vectors, as logs. */
	public static List<double[]> logStarts(double[]... naturalScale) {
		List<double[]> starts = new ArrayList<>();
		for (double[] p : naturalScale) {
			double[] log = new double[p.length];
			for (int j = 0; j < p.length; j++) {
				log[j] = Math.log(p[j]);
			}
			starts.add(log);
		}
		return starts;
	}
}
