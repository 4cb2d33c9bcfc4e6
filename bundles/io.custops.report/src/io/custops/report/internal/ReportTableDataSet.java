package io.custops.report.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.eclipse.birt.report.engine.api.script.IColumnMetaData;
import org.eclipse.birt.report.engine.api.script.IReportContext;
import org.eclipse.birt.report.engine.api.script.IUpdatableDataSetRow;
import org.eclipse.birt.report.engine.api.script.ScriptException;
import org.eclipse.birt.report.engine.api.script.eventadapter.ScriptedDataSetEventAdapter;
import org.eclipse.birt.report.engine.api.script.instance.IDataSetInstance;

import io.custops.core.spi.ReportData;
import io.custops.report.ReportDesigns;

/**
 * The Java event handler the renderer sets on every scripted data set without scripts: it reads
 * the {@link ReportData} table named like the data set, row by row, column by name. BIRT makes
 * one instance per data set and report run, and calls beforeOpen, open, fetch… close on the
 * task's thread.
 */
public class ReportTableDataSet extends ScriptedDataSetEventAdapter {

	private ReportData data;
	private List<Object[]> rows;
	private int[] columnIndex;
	private String[] columnName;
	private int next;

	@Override
	public void beforeOpen(IDataSetInstance dataSet, IReportContext reportContext) {
		data = (ReportData) reportContext.getAppContext().get(ReportDesigns.APP_CONTEXT_DATA);
	}

	@Override
	public void open(IDataSetInstance dataSet) throws ScriptException {
		if (data == null) {
			throw new ScriptException("data set '" + dataSet.getName() + "': no ReportData in the application context");
		}
		ReportData.Table table = data.tables().get(dataSet.getName());
		if (table == null) {
			throw new ScriptException("data set '" + dataSet.getName() + "' has no table of that name in the report data; tables: "
					+ data.tables().keySet());
		}
		IColumnMetaData meta = dataSet.getColumnMetaData();
		int count = meta.getColumnCount();
		columnIndex = new int[count];
		columnName = new String[count];
		for (int i = 0; i < count; i++) {
			columnName[i] = meta.getColumnName(i + 1);
			columnIndex[i] = table.columns().indexOf(columnName[i]);
			if (columnIndex[i] < 0) {
				throw new ScriptException("data set '" + dataSet.getName() + "': column '" + columnName[i]
						+ "' is not in the table's columns " + table.columns());
			}
		}
		rows = table.rows();
		next = 0;
	}

	@Override
	public boolean fetch(IDataSetInstance dataSet, IUpdatableDataSetRow row) throws ScriptException {
		if (next >= rows.size()) {
			return false;
		}
		Object[] values = rows.get(next++);
		for (int i = 0; i < columnIndex.length; i++) {
			row.setColumnValue(columnName[i], toBirt(values[columnIndex[i]]));
		}
		return true;
	}

	@Override
	public void close(IDataSetInstance dataSet) {
		rows = null;
	}

	/** BIRT's data engine knows java.util/java.sql dates, not java.time. */
	static Object toBirt(Object value) {
		return switch (value) {
		case null -> null;
		case LocalDate date -> java.sql.Date.valueOf(date);
		case LocalDateTime time -> java.sql.Timestamp.valueOf(time);
		case BigDecimal decimal -> decimal;
		default -> value;
		};
	}
}
