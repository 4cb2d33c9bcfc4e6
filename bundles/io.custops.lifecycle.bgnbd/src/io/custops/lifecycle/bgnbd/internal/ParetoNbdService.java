package io.custops.lifecycle.bgnbd.internal;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.spi.LifecycleModel;
import io.custops.lifecycle.bgnbd.CustomerBaseModel;
import io.custops.lifecycle.bgnbd.ModelFit;
import io.custops.lifecycle.bgnbd.ParetoNbd;
import io.custops.lifecycle.bgnbd.PurchaseSummary;

/** The Pareto/NBD model with Gamma-Gamma spend: P(alive), expected purchases, CLV and churn-risk bands. */
@Component(service = LifecycleModel.class)
public class ParetoNbdService extends CustomerBaseModelService {

	@Override
	public String id() {
		return "paretonbd";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Pareto/NBD customer-base model", "Pareto/NBD 客户存活模型");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of(
				"Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) to each customer's repeat "
						+ "purchases up to the calibration end, in weeks, and Gamma-Gamma to the spend of repeat "
						+ "customers; gives the probability of being alive, the purchases and the discounted customer "
						+ "lifetime value expected over the horizon, and a churn-risk band.",
				"按周对截至校准期结束的重复购买拟合 Pareto/NBD 模型（Schmittlein、Morrison 和 Colombo 1987），并对重复购买客户的"
						+ "消费额拟合 Gamma-Gamma 模型；给出客户存活概率、预测期内的预期购买次数和折现后的客户终身价值，以及流失风险等级。");
	}

	@Override
	ModelFit<ParetoNbd> fit(PurchaseSummary summary) {
		return ParetoNbd.fit(summary);
	}

	@Override
	ParetoNbd model(double[] p) {
		return new ParetoNbd(p[0], p[1], p[2], p[3]);
	}

	@Override
	String title() {
		return "Pareto/NBD";
	}

	@Override
	double probabilityOfPurchases(CustomerBaseModel model, int n, double weeks) {
		return ParetoNbdCounts.probability((ParetoNbd) model, n, weeks);
	}
}
