package io.custops.lifecycle.bgnbd.internal;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.spi.LifecycleModel;
import io.custops.lifecycle.bgnbd.ModifiedBgNbd;
import io.custops.lifecycle.bgnbd.CustomerBaseModel;
import io.custops.lifecycle.bgnbd.ModelFit;
import io.custops.lifecycle.bgnbd.PurchaseSummary;

/** The modified BG/NBD model (one-time buyers can be gone) with Gamma-Gamma spend: P(alive), expected purchases, CLV and churn-risk bands. */
@Component(service = LifecycleModel.class)
public class MbgNbdService extends CustomerBaseModelService {

	@Override
	public String id() {
		return "mbgnbd";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("MBG/NBD customer-base model", "MBG/NBD 客户存活模型");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of(
				"Fits the modified BG/NBD model (Batislam, Denizel & Filiztekin 2007), in which a customer can also "
						+ "drop out right after her first purchase, to each customer's repeat purchases up to the "
						+ "calibration end, in weeks, and Gamma-Gamma to the spend of repeat customers; gives the "
						+ "probability of being alive (below 1 also for one-time buyers), the purchases and the discounted "
						+ "customer lifetime value expected over the horizon, and a churn-risk band.",
				"按周对截至校准期结束的重复购买拟合修正 BG/NBD 模型（Batislam、Denizel 和 Filiztekin 2007；客户在首次购买后也可能流失），"
						+ "并对重复购买客户的消费额拟合 Gamma-Gamma 模型；给出客户存活概率（只购买一次的客户也可能低于 1）、"
						+ "预测期内的预期购买次数和折现后的客户终身价值，以及流失风险等级。");
	}

	@Override
	ModelFit<ModifiedBgNbd> fit(PurchaseSummary summary) {
		return ModifiedBgNbd.fit(summary);
	}

	@Override
	ModifiedBgNbd model(double[] p) {
		return new ModifiedBgNbd(p[0], p[1], p[2], p[3]);
	}

	@Override
	String title() {
		return "MBG/NBD";
	}

	@Override
	double probabilityOfPurchases(CustomerBaseModel model, int n, double weeks) {
		return ((ModifiedBgNbd) model).probabilityOfPurchases(n, weeks);
	}
}
