package io.custops.report;

/**
 * How a {@code .rptdesign} reads the {@link io.custops.core.spi.ReportData} its template
 * computed (full guide: docs/reports.md).
 * <ul>
 * <li><b>Tables</b>: declare a scripted data source (any name) and, for each table, a scripted
 * data set <em>named like the table</em> whose result-set columns are named like the table's
 * columns (a subset, any order), with <em>no</em> open/fetch scripts. The renderer binds every
 * such data set to its table; a data set without a table, or a column the table lacks, fails the
 * render with a message naming both. Values arrive as: String → string, Long/Integer → integer
 * or decimal, BigDecimal → decimal (money stays exact), Double → float, LocalDate → date.</li>
 * <li><b>Values</b> (titles, labels in the report's language, totals): in any expression,
 * {@code custops.value("name")}; e.g. a text item
 * {@code <value-of>custops.value("title")</value-of>}. An unknown name fails the render.</li>
 * <li><b>Language</b>: the run's locale is the request's; templates put translated labels into
 * values and label columns, so one design serves every language.</li>
 * <li><b>Charts</b>: bind them to a data set; set the chart block's bounds (a chart without
 * bounds renders nothing).</li>
 * </ul>
 */
public final class ReportDesigns {

	/** The name under which designs' scripts see the values: {@code custops.value("title")}. */
	public static final String SCRIPT_OBJECT = "custops";

	/** The key of the {@link io.custops.core.spi.ReportData} in the BIRT task's application context. */
	public static final String APP_CONTEXT_DATA = "io.custops.report.data";

	private ReportDesigns() {
	}
}
