package io.custops.segmentation.rfm.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.SegmentationStrategy;
import io.custops.core.spi.SqlPushdown;
import io.custops.segmentation.rfm.RfmScoring;
import io.custops.segmentation.rfm.RfmValues;

/** RFM scores and named segments; see docs/segmentation.md. */
@Component(service = SegmentationStrategy.class)
public class RfmStrategy implements SegmentationStrategy {

	static final String SEGMENT_MAP = "segmentMap";
	static final String SEGMENTS = "segments";
	static final String SEGMENT_FILE = "segmentFile";

	private static final SqlPushdown PUSHDOWN = new RfmPushdown();

	private static final List<String> COLUMNS = List.of("recency_days", "frequency", "monetary", "r", "f", "m",
			"segment");

	@Override
	public String id() {
		return "rfm";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("RFM segmentation", "RFM 分群");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of(
				"Recency, frequency and monetary value of paid orders, scored 1-5 and mapped to named segments",
				"按已付款订单的最近购买时间、购买频次和消费金额打 1-5 分，并映射为命名客群");
	}

	@Override
	public List<ParameterSpec> parameters() {
		List<ParameterSpec> specs = new ArrayList<>(RfmScoring.parameterSpecs());
		specs.add(ParameterSpec.builder(SEGMENT_MAP, ParameterType.CHOICE).choices(SegmentMap.EN, SegmentMap.CN8)
				.defaultValue(SegmentMap.EN).label("Segment map", "客群映射")
				.description("en: the 11 English segments over R and FM; cn8: the Chinese 8-cell map (high = score 4-5)",
						"en：按 R 与 FM 的 11 个英文客群；cn8：八大客户类型（4-5 分为高）")
				.build());
		specs.add(ParameterSpec.builder(SEGMENTS + ".*", ParameterType.STRING)
				.label("Custom segment rule", "自定义客群规则")
				.description("segments.NAME=RULE, e.g. segments.vip=r>=4,f>=4 | m=5; replaces segmentMap",
						"segments.名称=规则，例如 segments.vip=r>=4,f>=4 | m=5；替代 segmentMap")
				.build());
		specs.add(ParameterSpec.builder(SEGMENT_FILE, ParameterType.STRING).label("Segment rule file", "客群规则文件")
				.description("a UTF-8 file of 'name = rule' lines; replaces segmentMap",
						"UTF-8 文本，每行“名称 = 规则”；替代 segmentMap")
				.build());
		return specs;
	}

	@Override
	public Optional<SqlPushdown> sqlPushdown() {
		return Optional.of(PUSHDOWN);
	}

	@Override
	public List<Label> labels(Parameters parameters) {
		return segmentMap(parameters).labels();
	}

	@Override
	public List<String> columnNames(Parameters parameters) {
		return COLUMNS;
	}

	/** The user's rules when any are given, else the named built-in map. */
	static SegmentMap segmentMap(Parameters parameters) {
		Map<String, String> rules = new LinkedHashMap<>();
		Map<String, SegmentMap.Source> sources = new LinkedHashMap<>();
		parameters.family(SEGMENTS).forEach((name, rule) -> {
			rules.put(name, rule);
			sources.put(name, new SegmentMap.Source(SEGMENTS + "." + name, ""));
		});
		if (parameters.has(SEGMENT_FILE)) {
			SegmentMap.readFile(SEGMENT_FILE, parameters.string(SEGMENT_FILE), rules, sources);
		}
		if (!rules.isEmpty()) {
			return SegmentMap.custom(rules, sources);
		}
		return SegmentMap.builtIn(parameters.string(SEGMENT_MAP));
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		Parameters parameters = input.parameters();
		RfmScoring scoring = RfmScoring.from(parameters);
		SegmentMap map = segmentMap(parameters);
		RfmValues values = RfmValues.compute(input.data(), input.asOfDay(), scoring, input.monitor());

		int n = values.customerCount();
		byte[] rs = values.rScores();
		byte[] fs = values.fScores();
		byte[] ms = values.mScores();
		int[] label = new int[n];
		long[] r = new long[n];
		long[] f = new long[n];
		long[] m = new long[n];
		String[] segment = new String[n];
		List<Label> labels = map.labels();
		String[] ids = labels.stream().map(Label::id).toArray(String[]::new);
		for (int c = 0; c < n; c++) {
			if (rs[c] == 0) {
				label[c] = CustomerClassification.UNCLASSIFIED;
				continue;
			}
			r[c] = rs[c];
			f[c] = fs[c];
			m[c] = ms[c];
			label[c] = map.labelOf(rs[c], fs[c], ms[c]);
			segment[c] = ids[label[c]];
		}
		List<ResultColumn> columns = List.of(
				ResultColumn.ofLongs("recency_days", values.recencyDays(), RfmValues.NONE),
				ResultColumn.ofLongs("frequency", values.frequency(), Long.MIN_VALUE),
				ResultColumn.ofCents("monetary", values.monetaryCents(), Long.MIN_VALUE),
				ResultColumn.ofLongs("r", r, 0), ResultColumn.ofLongs("f", f, 0), ResultColumn.ofLongs("m", m, 0),
				ResultColumn.ofTexts("segment", segment));
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("scoring", scoring.mode());
		summary.put("segment_map", map.name());
		summary.put("scored", values.scoredCount());
		summary.put("not_scored", n - values.scoredCount());
		summary.putAll(ScoreLevels.summary(scoring, parameters, values.scoredCount(),
				new long[][] { ScoreLevels.count(rs), ScoreLevels.count(fs), ScoreLevels.count(ms) }));
		return new CustomerClassification(labels, label, columns, summary);
	}
}
