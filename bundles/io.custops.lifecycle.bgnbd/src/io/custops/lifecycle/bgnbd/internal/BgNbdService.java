package io.custops.lifecycle.bgnbd.internal;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.spi.LifecycleModel;
import io.custops.lifecycle.bgnbd.BgNbd;
import io.custops.lifecycle.bgnbd.CustomerBaseModel;
import io.custops.lifecycle.bgnbd.ModelFit;
import io.custops.lifecycle.bgnbd.PurchaseSummary;

/** The BG/NBD model with Gamma-Gamma spend: P(alive), expected purchases, CLV and churn-risk bands. */
@Component(service = LifecycleModel.class)
public class BgNbdService extends CustomerBaseModelService {

	@Override
	public String id() {
		return "bgnbd";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("BG/NBD customer-base model", "BG/NBD 客户存活模型");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of(
				"Fits the BG/NBD model (Fader, Hardie & Lee 2005) to each customer's repeat purchases up to the "
						+ "calibration end, in weeks, and Gamma-Gamma to the spend of repeat customers; gives the "
						+ "probability of being alive, the purchases and the discounted customer lifetime value "
						+ "expected over the horizon, and a churn-risk band.",
				"按周对截至校准期结束的重复购买拟合 BG/NBD 模型（Fader、Hardie 和 Lee 2005），并对重复购买客户的消费额拟合 "
						+ "Gamma-Gamma 模型；给出客户存活概率、预测期内的预期购买次数和折现后的客户终身价值，以及流失风险等级。");
	}

	@Override
	ModelFit<BgNbd> fit(PurchaseSummary summary) {
		return BgNbd.fit(summary);
	}

	@Override
	BgNbd model(double[] p) {
		return new BgNbd(p[0], p[1], p[2], p[3]);
	}

	@Override
	String title() {
		return "BG/NBD";
	}

	@Override
	boolean oneTimeBuyersAlive() {
		return true;
	}

	@Override
	double probabilityOfPurchases(CustomerBaseModel model, int n, double weeks) {
		return ((BgNbd) model).probabilityOfPurchases(n, weeks);
	}
}
