package io.custops.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/**
 * Bars per category, one bar per series (grouped), with the value written on each bar, a value
 * axis with round ticks, axis titles and a legend when there are several series. Horizontal
 * bars suit long category names (segments, funnel steps); vertical bars suit short ones.
 */
public class BarChart extends Chart {

	/** The text written at the end of a bar. */
	@FunctionalInterface
	public interface BarLabels {
		String label(int series, int category, double value);
	}

	private List<String> categories = List.of();
	private List<Series> series = List.of();
	private boolean horizontal;
	private BarLabels labels = (s, c, v) -> Numbers.format(v);
	private boolean colourByCategory;

	public BarChart(Composite parent, int style, Locale locale) {
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

	/** One series. */
	public void setData(List<String> categories, String seriesName, double[] values) {
		setData(categories, List.of(new Series(seriesName, values)));
	}

	public void setHorizontal(boolean horizontal) {
		this.horizontal = horizontal;
		redraw();
	}

	/** With one series, each category gets its own colour. */
	public void setColourByCategory(boolean colourByCategory) {
		this.colourByCategory = colourByCategory;
		redraw();
	}

	public void setBarLabels(BarLabels labels) {
		this.labels = labels;
		redraw();
	}

	public List<String> categories() {
		return categories;
	}

	public List<Series> series() {
		return series;
	}

	/** The texts written on the bars, series by series: what the analyst reads (for tests). */
	public List<String> barTexts() {
		List<String> texts = new ArrayList<>();
		for (int s = 0; s < series.size(); s++) {
			for (int c = 0; c < categories.size(); c++) {
				double v = series.get(s).values()[c];
				if (!Double.isNaN(v)) {
					texts.add(labels.label(s, c, v));
				}
			}
		}
		return texts;
	}

	@Override
	public boolean isEmpty() {
		return categories.isEmpty() || series.isEmpty();
	}

	@Override
	protected void paintChart(GC gc, Rectangle area) {
		int lineHeight = gc.getFontMetrics().getHeight();
		double max = 0;
		double min = 0;
		for (Series s : series) {
			max = Math.max(max, s.max());
			min = Math.min(min, s.min());
		}
		double[] ticks = Numbers.ticks(min, max, horizontal ? 5 : 6);
		double low = ticks[0];
		double high = ticks[ticks.length - 1];

		int legendHeight = 0;
		if (series.size() > 1) {
			List<String> names = series.stream().map(Series::name).toList();
			legendHeight = legendHeight(gc, names, area.width - 16) + 6;
			drawLegend(gc, names, area.x + 8, area.y + area.height - legendHeight + 6, area.width - 16);
		}
		Rectangle plot;
		if (horizontal) {
			int labelWidth = 0;
			for (String c : categories) {
				labelWidth = Math.max(labelWidth, gc.textExtent(c).x);
			}
			labelWidth = Math.min(labelWidth, area.width / 3);
			int left = area.x + (yAxisTitle().isEmpty() ? 0 : lineHeight + 4) + labelWidth + 8;
			int bottom = area.y + area.height - legendHeight - lineHeight - 4
					- (xAxisTitle().isEmpty() ? 0 : lineHeight + 2);
			// room on the right for the last tick's label and the value written past the longest bar
			int right = Math.max(gc.textExtent(Numbers.compact(high)).x / 2 + 4, 8);
			plot = new Rectangle(left, area.y + 2, Math.max(10, area.x + area.width - left - right), Math.max(10, bottom - area.y - 2));
			// value axis (x): grid and ticks
			for (double t : ticks) {
				int x = plot.x + (int) Math.round((t - low) / (high - low) * plot.width);
				gc.setForeground(GRID);
				gc.drawLine(x, plot.y, x, plot.y + plot.height);
				gc.setForeground(MUTED);
				String text = Numbers.compact(t);
				Point size = gc.textExtent(text);
				gc.drawText(text, x - size.x / 2, plot.y + plot.height + 2, true);
			}
			gc.setForeground(TEXT);
			if (!xAxisTitle().isEmpty()) {
				Point size = gc.textExtent(xAxisTitle());
				gc.drawText(xAxisTitle(), plot.x + (plot.width - size.x) / 2, plot.y + plot.height + lineHeight + 4, true);
			}
			if (!yAxisTitle().isEmpty()) {
				drawVerticalText(gc, yAxisTitle(), area.x + lineHeight / 2, plot.y + plot.height / 2);
			}
			int slot = plot.height / categories.size();
			int barThickness = Math.max(2, (int) (slot * 0.75) / series.size());
			int zero = plot.x + (int) Math.round((0 - low) / (high - low) * plot.width);
			for (int c = 0; c < categories.size(); c++) {
				int slotTop = plot.y + c * slot;
				String name = fit(gc, categories.get(c), labelWidth);
				Point size = gc.textExtent(name);
				gc.setForeground(TEXT);
				gc.drawText(name, plot.x - 6 - size.x, slotTop + (slot - size.y) / 2, true);
				for (int s = 0; s < series.size(); s++) {
					double v = series.get(s).values()[c];
					if (Double.isNaN(v)) {
						continue;
					}
					int y = slotTop + (slot - barThickness * series.size()) / 2 + s * barThickness;
					int end = plot.x + (int) Math.round((v - low) / (high - low) * plot.width);
					int x0 = Math.min(zero, end);
					int w = Math.max(1, Math.abs(end - zero));
					gc.setBackground(colourByCategory && series.size() == 1 ? colour(c) : colour(s));
					gc.fillRectangle(x0, y, w, Math.max(1, barThickness - 2));
					String text = labels.label(s, c, v);
					Point ts = gc.textExtent(text);
					int ty = y + (barThickness - 2 - ts.y) / 2;
					if (ts.y <= barThickness + 4) {
						if (v < 0) {
							// left of a negative bar, or right of the zero line when the category names are in the way
							gc.setForeground(TEXT);
							gc.drawText(text, x0 - 4 - ts.x >= plot.x ? x0 - 4 - ts.x : zero + 4, ty, true);
						} else if (end + 4 + ts.x <= plot.x + plot.width + right) {
							gc.setForeground(TEXT);
							gc.drawText(text, end + 4, ty, true);
						} else if (w > ts.x + 8) {
							gc.setForeground(contrast(gc.getBackground()));
							gc.drawText(text, end - ts.x - 4, ty, true);
						}
					}
				}
			}
			gc.setForeground(AXIS);
			gc.drawLine(zero, plot.y, zero, plot.y + plot.height);
		} else {
			int tickWidth = 0;
			for (double t : ticks) {
				tickWidth = Math.max(tickWidth, gc.textExtent(Numbers.compact(t)).x);
			}
			int left = area.x + (yAxisTitle().isEmpty() ? 0 : lineHeight + 4) + tickWidth + 6;
			int labelRows = 1;
			int slotWidth = Math.max(1, (area.x + area.width - left - 8) / categories.size());
			for (String c : categories) {
				if (gc.textExtent(c).x > slotWidth - 4) {
					labelRows = 2;
				}
			}
			int bottom = area.y + area.height - legendHeight - labelRows * lineHeight - 6
					- (xAxisTitle().isEmpty() ? 0 : lineHeight + 2);
			plot = new Rectangle(left, area.y + lineHeight + 2, Math.max(10, area.x + area.width - left - 8),
					Math.max(10, bottom - area.y - lineHeight - 2));
			for (double t : ticks) {
				int y = plot.y + plot.height - (int) Math.round((t - low) / (high - low) * plot.height);
				gc.setForeground(GRID);
				gc.drawLine(plot.x, y, plot.x + plot.width, y);
				gc.setForeground(MUTED);
				String text = Numbers.compact(t);
				Point size = gc.textExtent(text);
				gc.drawText(text, plot.x - 4 - size.x, y - size.y / 2, true);
			}
			gc.setForeground(TEXT);
			if (!yAxisTitle().isEmpty()) {
				drawVerticalText(gc, yAxisTitle(), area.x + lineHeight / 2, plot.y + plot.height / 2);
			}
			if (!xAxisTitle().isEmpty()) {
				Point size = gc.textExtent(xAxisTitle());
				gc.drawText(xAxisTitle(), plot.x + (plot.width - size.x) / 2,
						plot.y + plot.height + labelRows * lineHeight + 6, true);
			}
			int slot = plot.width / categories.size();
			int barWidth = Math.max(2, (int) (slot * 0.75) / series.size());
			int zero = plot.y + plot.height - (int) Math.round((0 - low) / (high - low) * plot.height);
			for (int c = 0; c < categories.size(); c++) {
				int slotLeft = plot.x + c * slot;
				String name = categories.get(c);
				String line1 = fit(gc, name, slot - 2);
				gc.setForeground(TEXT);
				if (labelRows == 2 && gc.textExtent(name).x > slot - 2) {
					// stagger long labels on two rows so that neighbours do not overlap
					int row = c % 2;
					line1 = fit(gc, name, 2 * slot - 4);
					Point size = gc.textExtent(line1);
					gc.drawText(line1, slotLeft + (slot - size.x) / 2, plot.y + plot.height + 3 + row * lineHeight, true);
				} else {
					Point size = gc.textExtent(line1);
					gc.drawText(line1, slotLeft + (slot - size.x) / 2, plot.y + plot.height + 3, true);
				}
				for (int s = 0; s < series.size(); s++) {
					double v = series.get(s).values()[c];
					if (Double.isNaN(v)) {
						continue;
					}
					int x = slotLeft + (slot - barWidth * series.size()) / 2 + s * barWidth;
					int end = plot.y + plot.height - (int) Math.round((v - low) / (high - low) * plot.height);
					int y0 = Math.min(zero, end);
					gc.setBackground(colourByCategory && series.size() == 1 ? colour(c) : colour(s));
					gc.fillRectangle(x, y0, Math.max(1, barWidth - 2), Math.max(1, Math.abs(zero - end)));
					String text = labels.label(s, c, v);
					Point ts = gc.textExtent(text);
					if (series.size() == 1 || ts.x <= barWidth) {
						gc.setForeground(TEXT);
						gc.drawText(text, x + (barWidth - 2 - ts.x) / 2, v >= 0 ? end - ts.y - 1 : end + 1, true);
					}
				}
			}
			gc.setForeground(AXIS);
			gc.drawLine(plot.x, zero, plot.x + plot.width, zero);
		}
	}
}
