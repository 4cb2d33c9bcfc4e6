package io.custops.lifecycle.bgnbd.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What a maximum-likelihood fit does not know: the Hessian of the log-likelihood at the optimum,
 * the standard errors that follow from it, and whether the fit is degenerate.
 *
 * <p>The Hessian is taken by central differences in the log parameters the fits optimise over
 * (step {@value #STEP}); the covariance of the log parameters is its negative inverse, and the
 * standard error of a parameter θ is θ · SE(ln θ) (the delta method, as CLVTools reports them).
 * A fit is degenerate when a parameter exceeds {@value #LARGE}, runs to the optimiser's bound
 * (|ln θ| ≥ {@value #BOUND_LOG}; the fits treat |ln θ| &gt; 30 as outside the model), or the Hessian
 * is singular: not negative definite, or its smallest curvature below {@value #SINGULAR} times its largest.
 */
final class FitDiagnostics {

	static final double STEP = 1e-3;
	static final double LARGE = 1e6;
	static final double BOUND_LOG = 29;
	static final double SINGULAR = 1e-9;

	/** The parameters by name, their standard errors by name (null where there are none) and the problems found. */
	final Map<String, Double> standardErrors = new LinkedHashMap<>();
	final List<String> problems = new ArrayList<>();
	/** The same problems in Chinese, in the same order. */
	final List<String> problemsZh = new ArrayList<>();
	final boolean singular;

	private FitDiagnostics(boolean singular) {
		this.singular = singular;
	}

	boolean degenerate() {
		return !problems.isEmpty();
	}

	/**
	 * @param parameters the fitted parameters by name, in the order the log-likelihood takes them
	 * @param logLikelihood the log-likelihood of all customers at the given log parameters
	 */
	static FitDiagnostics of(Map<String, Double> parameters, ToDoubleFunction<double[]> logLikelihood) {
		List<String> names = List.copyOf(parameters.keySet());
		int n = names.size();
		double[] theta = new double[n];
		for (int i = 0; i < n; i++) {
			theta[i] = Math.log(parameters.get(names.get(i)));
		}
		double[][] h = hessian(logLikelihood, theta);
		// the information matrix: the negative Hessian of the log-likelihood
		double[][] info = new double[n][n];
		boolean finite = true;
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				info[i][j] = -h[i][j];
				finite &= Double.isFinite(info[i][j]);
			}
		}
		double[] eigen = new double[n];
		double[][] vectors = finite ? jacobi(info, eigen) : null;
		double min = Double.POSITIVE_INFINITY;
		double max = 0;
		for (double e : eigen) {
			min = Math.min(min, e);
			max = Math.max(max, Math.abs(e));
		}
		boolean singular = vectors == null || !(min > SINGULAR * max);
		FitDiagnostics d = new FitDiagnostics(singular);
		for (int i = 0; i < n; i++) {
			double se = Double.NaN;
			if (!singular) {
				double variance = 0;
				for (int k = 0; k < n; k++) {
					variance += vectors[i][k] * vectors[i][k] / eigen[k];
				}
				se = Math.exp(theta[i]) * Math.sqrt(variance);
			}
			d.standardErrors.put(names.get(i), Double.isFinite(se) ? se : null);
		}
		List<String> large = new ArrayList<>();
		List<String> bound = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String shown = names.get(i) + " = " + String.format(java.util.Locale.ROOT, "%.3g", Math.exp(theta[i]));
			if (Math.abs(theta[i]) >= BOUND_LOG) {
				bound.add(shown);
			} else if (Math.exp(theta[i]) > LARGE) {
				large.add(shown);
			}
		}
		if (!large.isEmpty()) {
			d.problems.add(String.join(" and ", large) + (large.size() == 1 ? " is" : " are") + " above 1e6");
			d.problemsZh.add(String.join("、", large) + " 超过 1e6");
		}
		if (!bound.isEmpty()) {
			d.problems.add(String.join(" and ", bound) + " ran to the optimiser's bound (e^±30)");
			d.problemsZh.add(String.join("、", bound) + " 达到优化器的边界（e^±30）");
		}
		if (singular) {
			d.problems.add("the Hessian of the log-likelihood is singular (the data do not pin the parameters down)");
			d.problemsZh.add("对数似然的 Hessian 矩阵奇异（数据无法确定这些参数）");
		}
		return d;
	}

	/** The Hessian of f at x by central differences of step {@link #STEP}. */
	static double[][] hessian(ToDoubleFunction<double[]> f, double[] x) {
		int n = x.length;
		double[][] h = new double[n][n];
		double f0 = f.applyAsDouble(x);
		double s = STEP;
		for (int i = 0; i < n; i++) {
			double plus = f.applyAsDouble(shifted(x, i, s, -1, 0));
			double minus = f.applyAsDouble(shifted(x, i, -s, -1, 0));
			h[i][i] = (plus - 2 * f0 + minus) / (s * s);
			for (int j = 0; j < i; j++) {
				double pp = f.applyAsDouble(shifted(x, i, s, j, s));
				double pm = f.applyAsDouble(shifted(x, i, s, j, -s));
				double mp = f.applyAsDouble(shifted(x, i, -s, j, s));
				double mm = f.applyAsDouble(shifted(x, i, -s, j, -s));
				h[i][j] = h[j][i] = (pp - pm - mp + mm) / (4 * s * s);
			}
		}
		return h;
	}

	private static double[] shifted(double[] x, int i, double di, int j, double dj) {
		double[] y = x.clone();
		y[i] += di;
		if (j >= 0) {
			y[j] += dj;
		}
		return y;
	}

	/**
	 * The eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: the eigenvalues in
	 * {@code values}, the eigenvectors as the columns of the matrix returned.
	 */
	static double[][] jacobi(double[][] matrix, double[] values) {
		int n = matrix.length;
		double[][] a = new double[n][];
		double[][] v = new double[n][n];
		for (int i = 0; i < n; i++) {
			a[i] = matrix[i].clone();
			v[i][i] = 1;
		}
		for (int sweep = 0; sweep < 100; sweep++) {
			double off = 0;
			for (int p = 0; p < n; p++) {
				for (int q = p + 1; q < n; q++) {
					off += a[p][q] * a[p][q];
				}
			}
			if (off == 0) {
				break;
			}
			for (int p = 0; p < n; p++) {
				for (int q = p + 1; q < n; q++) {
					if (a[p][q] == 0) {
						continue;
					}
					double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
					double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
					double c = 1 / Math.sqrt(t * t + 1);
					double sn = t * c;
					for (int k = 0; k < n; k++) {
						double akp = a[k][p];
						double akq = a[k][q];
						a[k][p] = c * akp - sn * akq;
						a[k][q] = sn * akp + c * akq;
					}
					for (int k = 0; k < n; k++) {
						double apk = a[p][k];
						double aqk = a[q][k];
						a[p][k] = c * apk - sn * aqk;
						a[q][k] = sn * apk + c * aqk;
					}
					for (int k = 0; k < n; k++) {
						double vkp = v[k][p];
						double vkq = v[k][q];
						v[k][p] = c * vkp - sn * vkq;
						v[k][q] = sn * vkp + c * vkq;
					}
				}
			}
		}
		for (int i = 0; i < n; i++) {
			values[i] = a[i][i];
		}
		return v;
	}
}
