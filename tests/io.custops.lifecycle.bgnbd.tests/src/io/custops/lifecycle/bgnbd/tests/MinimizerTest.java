package io.custops.lifecycle.bgnbd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.custops.lifecycle.bgnbd.Minimizer;

class MinimizerTest {

	private static final Minimizer.Objective ROSENBROCK = p -> 100 * Math.pow(p[1] - p[0] * p[0], 2)
			+ Math.pow(1 - p[0], 2);

	@Test
	void findsTheMinimumOfRosenbrocksValley() {
		Minimizer.Result result = Minimizer.minimize(List.of(ROSENBROCK),
				List.of(new double[] { -1.2, 1 }, new double[] { 2, -2 }), Minimizer.Options.defaults());
		assertTrue(result.converged(), result.toString());
		assertEquals(1, result.point()[0], 1e-5);
		assertEquals(1, result.point()[1], 1e-5);
		assertEquals(2, result.starts());
		Map<String, Object> status = result.describe();
		assertEquals(List.of("method", "converged", "status", "iterations", "evaluations", "starts", "gradient_norm"),
				List.copyOf(status.keySet()));
		assertEquals(Boolean.TRUE, status.get("converged"));
	}

	@Test
	void stepsBackFromWhereTheObjectiveIsUndefined() {
		// defined for p0 > 0 only; the minimum (2, −1) is inside, the start close to the edge
		Minimizer.Objective f = p -> p[0] > 0 ? Math.pow(Math.log(p[0]) - Math.log(2), 2) + Math.pow(p[1] + 1, 2)
				: Double.NaN;
		Minimizer.Result result = Minimizer.minimize(List.of(f), List.of(new double[] { 0.01, 3 }),
				Minimizer.Options.defaults());
		assertTrue(result.converged(), result.toString());
		assertEquals(2, result.point()[0], 1e-5);
		assertEquals(-1, result.point()[1], 1e-5);
	}

	@Test
	void usesAnAnalyticGradientWhenGiven() {
		Minimizer.Differentiable quadratic = new Minimizer.Differentiable() {
			@Override
			public double value(double[] p) {
				return 3 * Math.pow(p[0] - 1, 2) + Math.pow(p[1] + 2, 2) + (p[0] - 1) * (p[1] + 2);
			}

			@Override
			public double value(double[] p, double[] gradient) {
				gradient[0] = 6 * (p[0] - 1) + (p[1] + 2);
				gradient[1] = 2 * (p[1] + 2) + (p[0] - 1);
				return value(p);
			}
		};
		Minimizer.Result result = Minimizer.bfgs(quadratic, new double[] { 10, 10 }, Minimizer.Options.defaults());
		assertTrue(result.converged(), result.toString());
		assertEquals(1, result.point()[0], 1e-8);
		assertEquals(-2, result.point()[1], 1e-8);
		// no finite differences: one evaluation per iteration and line-search step
		assertTrue(result.evaluations() <= 3 * result.iterations() + 3, result.toString());
	}

	@Test
	void reportsWhatItCouldNotDo() {
		assertThrows(IllegalArgumentException.class,
				() -> Minimizer.minimize(List.of(ROSENBROCK), List.of(), Minimizer.Options.defaults()));
		// unbounded below: no convergence, and it says so
		Minimizer.Objective down = p -> -p[0] * p[0] - Math.abs(p[1]);
		Minimizer.Result result = Minimizer.minimize(List.of(down), List.of(new double[] { 1, 1 }),
				new Minimizer.Options(0.5, 200, 1e-6, 1e-2, 20, 1e-8));
		assertTrue(!result.converged(), result.toString());
	}
}
