package io.custops.core.spi;

import io.custops.core.LocalizedText;

/** The four kinds of services a plugin can contribute. */
public enum ServiceKind {
	CONNECTOR("connector", DataConnector.class, LocalizedText.of("Data connector", "数据连接器")),
	STRATEGY("strategy", SegmentationStrategy.class, LocalizedText.of("Segmentation strategy", "分群策略")),
	MODEL("model", LifecycleModel.class, LocalizedText.of("Lifecycle model", "生命周期模型")),
	TEMPLATE("template", ReportTemplate.class, LocalizedText.of("Report template", "报表模板"));

	private final String id;
	private final Class<? extends CustopsService> type;
	private final LocalizedText label;

	ServiceKind(String id, Class<? extends CustopsService> type, LocalizedText label) {
		this.id = id;
		this.type = type;
		this.label = label;
	}

	public String id() {
		return id;
	}

	/** The service interface under which services of this kind are registered. */
	public Class<? extends CustopsService> type() {
		return type;
	}

	public LocalizedText label() {
		return label;
	}
}
