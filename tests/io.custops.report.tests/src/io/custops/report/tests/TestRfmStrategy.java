package io.custops.report.tests;

import java.util.List;
import java.util.Map;


import io.custops.core.LocalizedText;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.SegmentationStrategy;

/**
 * A small RFM with fixed thresholds and four segments, giving the columns the rfm template reads
 * (r, f, monetary in cents): enough to check that a report prints a strategy's figures, whatever
 * the real rfm strategy does. Recency ≤ 30/90/180/365 days → R 5/4/3/2, else 1; orders ≥ 10/5/3/2
 * → F 5/4/3/2; spend ≥ 500/250/100/50 → M 5/4/3/2. Segments: R ≥ 4 and F ≥ 4 champions;
 * R ≥ 4 new; F ≥ 2 at risk; else lost.
 */
public class TestRfmStrategy implements SegmentationStrategy {

	static final List<Label> LABELS = List.of(Label.of("champions", "Champions", "重要价值客户"),
			Label.of("new", "New", "新客户"), Label.of("at_risk", "At risk", "重要挽留客户"),
			Label.of("lost", "Lost", "流失客户"));

	@Override
	public String id() {
		return "test-rfm";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Test RFM", "测试 RFM");
	}

	@Override
	public List<Label> labels(Parameters parameters) {
		return LABELS;
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		CustomerDataset data = input.data();
		int n = data.customerCount();
		int asOf = input.asOfDay();
		long[] recency = new long[n], frequency = new long[n], monetary = new long[n], r = new long[n], f = new long[n],
				m = new long[n];
		int[] label = new int[n];
		for (int c = 0; c < n; c++) {
			int last = Integer.MIN_VALUE;
			for (int o = data.orderOffsets()[c]; o < data.orderOffsets()[c + 1]; o++) {
				if (data.orderDay()[o] < asOf && data.orderStatus()[o] == OrderStatus.PAID.code()) {
					frequency[c]++;
					monetary[c] += data.orderAmount()[o];
					last = Math.max(last, data.orderDay()[o]);
				}
			}
			if (frequency[c] == 0) {
				label[c] = CustomerClassification.UNCLASSIFIED;
				recency[c] = r[c] = f[c] = m[c] = -1;
				monetary[c] = -1;
				continue;
			}
			recency[c] = asOf - last;
			r[c] = recency[c] <= 30 ? 5 : recency[c] <= 90 ? 4 : recency[c] <= 180 ? 3 : recency[c] <= 365 ? 2 : 1;
			f[c] = frequency[c] >= 10 ? 5 : frequency[c] >= 5 ? 4 : frequency[c] >= 3 ? 3 : frequency[c] >= 2 ? 2 : 1;
			m[c] = monetary[c] >= 50000 ? 5 : monetary[c] >= 25000 ? 4 : monetary[c] >= 10000 ? 3 : monetary[c] >= 5000 ? 2 : 1;
			label[c] = r[c] >= 4 && f[c] >= 4 ? 0 : r[c] >= 4 ? 1 : f[c] >= 2 ? 2 : 3;
		}
		return new CustomerClassification(LABELS, label,
				List.of(ResultColumn.ofLongs("recency_days", recency, -1), ResultColumn.ofLongs("frequency", frequency, -1),
						ResultColumn.ofCents("monetary", monetary, -1), ResultColumn.ofLongs("r", r, -1),
						ResultColumn.ofLongs("f", f, -1), ResultColumn.ofLongs("m", m, -1)),
				Map.of());
	}
}
