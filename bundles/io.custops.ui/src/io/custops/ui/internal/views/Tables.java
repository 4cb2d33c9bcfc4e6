package io.custops.ui.internal.views;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** Small helpers for the views' tables and texts. */
final class Tables {

	private Tables() {
	}

	static Table table(Composite parent, int style, String[] headers, int[] widths) {
		return table(parent, style, headers, widths, null);
	}

	/** @param align per column {@code L} (text) or {@code R} (numbers); null: the first left, the rest right */
	static Table table(Composite parent, int style, String[] headers, int[] widths, String align) {
		Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | style);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		for (int i = 0; i < headers.length; i++) {
			boolean left = align == null ? i == 0 : align.charAt(i) == 'L';
			TableColumn column = new TableColumn(table, left ? SWT.LEFT : SWT.RIGHT);
			column.setText(headers[i]);
			column.setWidth(widths[i]);
		}
		return table;
	}

	static void fill(Table table, List<String[]> rows) {
		table.setRedraw(false);
		try {
			table.removeAll();
			for (String[] row : rows) {
				new TableItem(table, SWT.NONE).setText(row);
			}
		} finally {
			table.setRedraw(true);
		}
	}

	static Group group(Composite parent, String title, int columns) {
		Group group = new Group(parent, SWT.NONE);
		group.setText(title);
		org.eclipse.swt.layout.GridLayout layout = new org.eclipse.swt.layout.GridLayout(columns, false);
		layout.marginHeight = 4;
		group.setLayout(layout);
		group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		return group;
	}

	static GridData fill() {
		return new GridData(SWT.FILL, SWT.FILL, true, true);
	}

	static GridData fillH() {
		return new GridData(SWT.FILL, SWT.CENTER, true, false);
	}

	static GridData size(int width, int height) {
		GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
		data.widthHint = width;
		data.heightHint = height;
		return data;
	}

	static String money(long cents) {
		return String.format("%,.2f", BigDecimal.valueOf(cents, 2));
	}

	static String money(BigDecimal value) {
		return value == null ? "—" : String.format("%,.2f", value);
	}

	static String count(long n) {
		return String.format("%,d", n);
	}

	/** A ratio (0.2500) as a percentage (25.00 %), or a dash for none. */
	static String ratio(BigDecimal ratio) {
		return ratio == null ? "—" : ratio.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
	}

	static String pct(double pct) {
		return Double.isNaN(pct) ? "—" : String.format("%.1f%%", pct);
	}

	static String day(int epochDay) {
		return epochDay == io.custops.ui.internal.session.CustomerFacts.NONE ? "" : LocalDate.ofEpochDay(epochDay).toString();
	}

	static String text(Object value) {
		if (value == null) {
			return "—";
		}
		if (value instanceof BigDecimal d) {
			return d.toPlainString();
		}
		return value.toString();
	}
}
