package io.custops.ui.charts;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/**
 * A grid of cells coloured by value (light for low, dark for high), each with its text (for
 * the RFM grid: customers and average spend; for a conversion matrix: customers), row and
 * column names and axis titles, and a colour scale.
 */
public class HeatMap extends Chart {

	private static final Color LOW = new Color(0xf2, 0xf6, 0xfb);
	private static final Color HIGH = new Color(0x1f, 0x4e, 0x8c);

	private List<String> rows = List.of();
	private List<String> columns = List.of();
	private double[][] values = new double[0][];
	private String[][] texts = new String[0][];

	public HeatMap(Composite parent, int style, Locale locale) {
		super(parent, style, locale);
	}

	/**
	 * @param values colour of each cell, [row][column]; NaN leaves a cell blank
	 * @param texts  text of each cell (two lines with \n), or null for the value
	 */
	public void setData(List<String> rows, List<String> columns, double[][] values, String[][] texts) {
		if (values.length != rows.size()) {
			throw new IllegalArgumentException(values.length + " rows of values for " + rows.size() + " rows");
		}
		for (double[] row : values) {
			if (row.length != columns.size()) {
				throw new IllegalArgumentException(row.length + " values in a row for " + columns.size() + " columns");
			}
		}
		this.rows = List.copyOf(rows);
		this.columns = List.copyOf(columns);
		this.values = values;
		this.texts = texts;
		redraw();
	}

	public List<String> rows() {
		return rows;
	}

	public List<String> columns() {
		return columns;
	}

	public String cellText(int row, int column) {
		if (texts != null && texts[row][column] != null) {
			return texts[row][column];
		}
		return Numbers.format(values[row][column]);
	}

	@Override
	public boolean isEmpty() {
		return rows.isEmpty() || columns.isEmpty();
	}

	@Override
	protected void paintChart(GC gc, Rectangle area) {
		int lineHeight = gc.getFontMetrics().getHeight();
		double max = Double.NEGATIVE_INFINITY;
		double min = Double.POSITIVE_INFINITY;
		for (double[] row : values) {
			for (double v : row) {
				if (!Double.isNaN(v)) {
					max = Math.max(max, v);
					min = Math.min(min, v);
				}
			}
		}
		int rowLabelWidth = 0;
		for (String r : rows) {
			rowLabelWidth = Math.max(rowLabelWidth, gc.textExtent(r).x);
		}
		rowLabelWidth = Math.min(rowLabelWidth, area.width / 4);
		int left = area.x + (yAxisTitle().isEmpty() ? 0 : lineHeight + 4) + rowLabelWidth + 8;
		int top = area.y + (xAxisTitle().isEmpty() ? 0 : lineHeight + 2) + lineHeight + 4;
		int scaleHeight = lineHeight + 8;
		Rectangle grid = new Rectangle(left, top, Math.max(10, area.x + area.width - left - 4),
				Math.max(10, area.y + area.height - top - scaleHeight - 4));
		int cellW = grid.width / columns.size();
		int cellH = grid.height / rows.size();
		gc.setForeground(TEXT);
		if (!xAxisTitle().isEmpty()) {
			Point size = gc.textExtent(xAxisTitle());
			gc.drawText(xAxisTitle(), grid.x + (cellW * columns.size() - size.x) / 2, area.y, true);
		}
		if (!yAxisTitle().isEmpty()) {
			drawVerticalText(gc, yAxisTitle(), area.x + lineHeight / 2, grid.y + cellH * rows.size() / 2);
		}
		for (int c = 0; c < columns.size(); c++) {
			String name = fit(gc, columns.get(c), cellW - 2);
			Point size = gc.textExtent(name);
			gc.setForeground(TEXT);
			gc.drawText(name, grid.x + c * cellW + (cellW - size.x) / 2, top - lineHeight - 2, true);
		}
		for (int r = 0; r < rows.size(); r++) {
			String name = fit(gc, rows.get(r), rowLabelWidth);
			Point size = gc.textExtent(name);
			gc.setForeground(TEXT);
			gc.drawText(name, grid.x - 6 - size.x, grid.y + r * cellH + (cellH - size.y) / 2, true);
			for (int c = 0; c < columns.size(); c++) {
				double v = values[r][c];
				int x = grid.x + c * cellW;
				int y = grid.y + r * cellH;
				Color fill = Double.isNaN(v) ? WHITE : shade(v, min, max);
				gc.setBackground(fill);
				gc.fillRectangle(x, y, cellW - 2, cellH - 2);
				if (Double.isNaN(v)) {
					continue;
				}
				String[] lines = cellText(r, c).split("\n");
				int total = lines.length * lineHeight;
				if (total > cellH - 2) {
					lines = new String[] { lines[0] };
					total = lineHeight;
				}
				gc.setForeground(contrast(fill));
				for (int i = 0; i < lines.length; i++) {
					String line = fit(gc, lines[i], cellW - 6);
					Point ts = gc.textExtent(line);
					gc.drawText(line, x + (cellW - 2 - ts.x) / 2, y + (cellH - 2 - total) / 2 + i * lineHeight, true);
				}
			}
		}
		// colour scale
		if (max > Double.NEGATIVE_INFINITY) {
			int sy = grid.y + cellH * rows.size() + 6;
			int sw = Math.min(200, grid.width / 2);
			for (int i = 0; i < sw; i++) {
				gc.setForeground(shade(min + (max - min) * i / Math.max(1, sw - 1), min, max));
				gc.drawLine(grid.x + i, sy, grid.x + i, sy + lineHeight - 4);
			}
			gc.setForeground(MUTED);
			gc.drawText(Numbers.compact(min), grid.x + sw + 6, sy - 2, true);
			int w = gc.textExtent(Numbers.compact(min)).x;
			gc.drawText("– " + Numbers.compact(max), grid.x + sw + 10 + w, sy - 2, true);
		}
	}

	static Color shade(double v, double min, double max) {
		double t = max > min ? (v - min) / (max - min) : 1;
		t = Math.max(0, Math.min(1, t));
		return new Color((int) (LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
				(int) (LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
				(int) (LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
	}
}
