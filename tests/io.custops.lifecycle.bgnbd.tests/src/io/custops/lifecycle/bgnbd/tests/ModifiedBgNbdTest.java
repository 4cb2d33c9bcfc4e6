package io.custops.lifecycle.bgnbd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.custops.lifecycle.bgnbd.ModifiedBgNbd;

/**
 * The modified BG/NBD formulas of Batislam, Denizel and Filiztekin (2007) at the published CDNOW
 * parameters, against values computed once by hand with scipy (special.hyp2f1, betaln, gammaln)
 * from the same formulas.
 */
class ModifiedBgNbdTest {

	private static final ModifiedBgNbd PUBLISHED = new ModifiedBgNbd(0.525, 6.183, 0.891, 1.614);

	@Test
	void predictionsAsComputedWithScipy() {
		assertEquals(0.38973508, PUBLISHED.probabilityAlive(0, 0, 38.86), 1e-8);
		assertEquals(0.70620227, PUBLISHED.probabilityAlive(2, 30.43, 38.86), 1e-8);
		assertEquals(1.26296062, PUBLISHED.expectedPurchases(39, 2, 30.43, 38.86), 1e-7);
		assertEquals(24.00214540, PUBLISHED.expectedPurchases(52, 26, 30.857, 31), 1e-6);
		assertEquals(1.18295367, PUBLISHED.expectedPurchasesNewCustomer(39), 1e-7);
		assertEquals(0.58247319, PUBLISHED.probabilityOfPurchases(0, 39), 1e-8);
		assertEquals(0.04857044, PUBLISHED.probabilityOfPurchases(3, 39), 1e-8);
	}

	/** P(X(t) = n) is a distribution whose mean is E[X(t)]. */
	@Test
	void purchaseCountDistributionIsConsistent() {
		double total = 0;
		double mean = 0;
		for (int n = 0; n < 2000; n++) {
			double p = PUBLISHED.probabilityOfPurchases(n, 39);
			total += p;
			mean += n * p;
		}
		assertEquals(1, total, 1e-10);
		assertEquals(PUBLISHED.expectedPurchasesNewCustomer(39), mean, 1e-8);
	}
}
