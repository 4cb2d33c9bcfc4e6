package io.custops.ui.charts;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/**
 * Lines over ordered categories (weeks, periods), one per series, with points, round ticks,
 * axis titles, a legend for several series and the value written at the first, the last and
 * the highest point of each line (every point when there are few; a value that would cover
 * another one is moved up above it); points drawn when there are few; optionally a dashed vertical
 * marker at one category (e.g. the end of a calibration period), with its text.
 */
public class LineChart extends Chart {

	private List<String> categories = List.of();
	private List<Series> series = List.of();
	private DoubleFunction<String> valueFormat = Numbers::format;
	private int marker = -1;
	private String markerText = "";

	public LineChart(Composite parent, int style, Locale locale) {
		super(parent, style, locale);
	}

	public void setData(List<String> categories, List<Series> series) {
		for (Series s : series) {
			if (s.values().length != categories.size()) {
				throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().length
						+ " values for " + categories.size() + " categories");
			}
		}
		this.categories = List.copyOf(categories);
		this.series = List.copyOf(series);
		redraw();
	}

	public void setValueFormat(DoubleFunction<String> valueFormat) {
		this.valueFormat = valueFormat;
		redraw();
	}

	/**
	 * A dashed vertical line after the category of this index, labelled with the text (say, where a
	 * calibration period ends and the holdout begins); a negative index removes it.
	 *
	 * @since 1.1
	 */
	public void setMarker(int index, String text) {
		this.marker = index;
		this.markerText = text == null ? "" : text;
		redraw();
	}

	/** The index of the category the marker follows, or -1. @since 1.1 */
	public int marker() {
		return marker;
	}

	public List<String> categories() {
		return categories;
	}

	public List<Series> series() {
		return series;
	}

	@Override
	public boolean isEmpty() {
		return categories.isEmpty() || series.isEmpty();
	}

	@Override
	protected void paintChart(GC gc, Rectangle area) {
		int lineHeight = gc.getFontMetrics().getHeight();
		double max = Double.NEGATIVE_INFINITY;
		double min = Double.POSITIVE_INFINITY;
		for (Series s : series) {
			max = Math.max(max, s.max());
			min = Math.min(min, s.min());
		}
		double[] ticks = Numbers.ticks(Math.min(0, min), max, 5);
		double low = ticks[0];
		double high = ticks[ticks.length - 1];
		int legendHeight = 0;
		if (series.size() > 1) {
			List<String> names = series.stream().map(Series::name).toList();
			legendHeight = legendHeight(gc, names, area.width - 16) + 6;
			drawLegend(gc, names, area.x + 8, area.y + area.height - legendHeight + 6, area.width - 16);
		}
		int tickWidth = 0;
		for (double t : ticks) {
			tickWidth = Math.max(tickWidth, gc.textExtent(valueFormatAxis(t)).x);
		}
		int left = area.x + (yAxisTitle().isEmpty() ? 0 : lineHeight + 4) + tickWidth + 6;
		int bottom = area.y + area.height - legendHeight - lineHeight - 6 - (xAxisTitle().isEmpty() ? 0 : lineHeight + 2);
		Rectangle plot = new Rectangle(left, area.y + lineHeight + 2, Math.max(10, area.x + area.width - left - 16),
				Math.max(10, bottom - area.y - lineHeight - 2));
		for (double t : ticks) {
			int y = y(plot, t, low, high);
			gc.setForeground(GRID);
			gc.drawLine(plot.x, y, plot.x + plot.width, y);
			gc.setForeground(MUTED);
			String text = valueFormatAxis(t);
			Point size = gc.textExtent(text);
			gc.drawText(text, plot.x - 4 - size.x, y - size.y / 2, true);
		}
		gc.setForeground(AXIS);
		gc.drawLine(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height);
		gc.setForeground(TEXT);
		if (!yAxisTitle().isEmpty()) {
			drawVerticalText(gc, yAxisTitle(), area.x + lineHeight / 2, plot.y + plot.height / 2);
		}
		if (!xAxisTitle().isEmpty()) {
			Point size = gc.textExtent(xAxisTitle());
			gc.drawText(xAxisTitle(), plot.x + (plot.width - size.x) / 2, plot.y + plot.height + lineHeight + 4, true);
		}
		int n = categories.size();
		// category labels: as many as fit without overlapping
		int widest = 1;
		for (String c : categories) {
			widest = Math.max(widest, gc.textExtent(c).x + 8);
		}
		int every = Math.max(1, (int) Math.ceil(widest / (double) Math.max(1, plot.width / Math.max(1, n))));
		for (int i = 0; i < n; i += every) {
			String text = categories.get(i);
			Point size = gc.textExtent(text);
			int x = x(plot, i, n);
			gc.setForeground(MUTED);
			gc.drawText(text, Math.max(plot.x - 4, Math.min(x - size.x / 2, plot.x + plot.width - size.x + 8)),
					plot.y + plot.height + 3, true);
		}
		if (marker >= 0 && marker < n) {
			// between this category and the next one (on the last one when it is the last)
			int x = marker + 1 < n ? (x(plot, marker, n) + x(plot, marker + 1, n)) / 2 : x(plot, marker, n);
			gc.setForeground(AXIS);
			gc.setLineStyle(SWT.LINE_DASH);
			gc.drawLine(x, plot.y, x, plot.y + plot.height);
			gc.setLineStyle(SWT.LINE_SOLID);
			if (!markerText.isEmpty()) {
				Point size = gc.textExtent(markerText);
				gc.setForeground(MUTED);
				gc.drawText(markerText, x - size.x - 4 >= plot.x ? x - size.x - 4 : x + 4, plot.y + 2, true);
			}
		}
		gc.setLineWidth(2);
		List<Rectangle> written = new java.util.ArrayList<>();
		boolean points = n <= 60; // beyond, the dots merge into a thick line
		for (int s = 0; s < series.size(); s++) {
			double[] values = series.get(s).values();
			gc.setForeground(colour(s));
			gc.setBackground(colour(s));
			int px = -1;
			int py = -1;
			int highest = -1;
			for (int i = 0; i < n; i++) {
				if (!Double.isNaN(values[i]) && (highest < 0 || values[i] > values[highest])) {
					highest = i;
				}
			}
			for (int i = 0; i < n; i++) {
				if (Double.isNaN(values[i])) {
					px = -1;
					continue;
				}
				int x = x(plot, i, n);
				int y = y(plot, values[i], low, high);
				if (px >= 0) {
					gc.drawLine(px, py, x, y);
				}
				if (points) {
					gc.fillOval(x - 3, y - 3, 7, 7);
				}
				px = x;
				py = y;
			}
			gc.setLineWidth(1);
			for (int i = 0; i < n; i++) {
				if (Double.isNaN(values[i]) || !(n <= 14 || i == 0 || i == n - 1 || i == highest)) {
					continue;
				}
				String text = valueFormat.apply(values[i]);
				Point size = gc.textExtent(text);
				int x = x(plot, i, n);
				int y = y(plot, values[i], low, high);
				Rectangle label = new Rectangle(Math.max(plot.x, Math.min(x - size.x / 2, plot.x + plot.width - size.x + 12)),
						y - size.y - 4, size.x, size.y);
				for (int tries = 0; tries < series.size() && written.stream().anyMatch(label::intersects); tries++) {
					label.y -= size.y;
				}
				written.add(label);
				gc.setForeground(TEXT);
				gc.drawText(text, label.x, label.y, true);
			}
			gc.setLineWidth(2);
		}
		gc.setLineWidth(1);
		gc.setLineStyle(SWT.LINE_SOLID);
	}

	private String valueFormatAxis(double t) {
		return Numbers.compact(t);
	}

	private static int x(Rectangle plot, int i, int n) {
		return n <= 1 ? plot.x + plot.width / 2 : plot.x + (int) Math.round(i * (plot.width / (double) (n - 1)));
	}

	private static int y(Rectangle plot, double v, double low, double high) {
		return plot.y + plot.height - (int) Math.round((v - low) / (high - low) * plot.height);
	}
}
