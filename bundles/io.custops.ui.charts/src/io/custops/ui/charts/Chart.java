package io.custops.ui.charts;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/**
 * A chart drawn with SWT's GC: a title, axis titles, the plot, and a context menu that exports
 * it as PNG. Subclasses draw the plot in {@link #paintChart(GC, Rectangle)}; the same code draws
 * on the screen and into an image, so an exported PNG shows what the analyst saw.
 */
public abstract class Chart extends Canvas {

	/** Colours of series and categories, readable on white and distinct in grey print. */
	public static final Color[] PALETTE = { new Color(0x2f, 0x6f, 0xb3), new Color(0xe0, 0x7b, 0x39),
			new Color(0x3a, 0x9a, 0x5b), new Color(0xc4, 0x45, 0x4d), new Color(0x7f, 0x5f, 0xa8),
			new Color(0x8c, 0x6d, 0x46), new Color(0xd1, 0x6b, 0xa5), new Color(0x6b, 0x6b, 0x6b),
			new Color(0xb5, 0xa6, 0x2b), new Color(0x2b, 0xa6, 0xb5) };

	static final Color TEXT = new Color(0x22, 0x22, 0x22);
	static final Color MUTED = new Color(0x70, 0x70, 0x70);
	static final Color GRID = new Color(0xe2, 0xe2, 0xe2);
	static final Color AXIS = new Color(0x99, 0x99, 0x99);
	static final Color WHITE = new Color(0xff, 0xff, 0xff);

	private final Locale locale;
	private String title = "";
	private String xTitle = "";
	private String yTitle = "";
	private String emptyText;
	private Font titleFont;

	protected Chart(Composite parent, int style, Locale locale) {
		super(parent, style | SWT.DOUBLE_BUFFERED);
		this.locale = locale == null ? Locale.getDefault() : locale;
		this.emptyText = zh() ? "无数据" : "No data";
		setBackground(WHITE);
		addPaintListener(e -> paint(e.gc, getClientArea()));
		addListener(SWT.Resize, e -> redraw());
		FontData[] data = getFont().getFontData();
		for (FontData d : data) {
			d.setStyle(SWT.BOLD);
			d.setHeight(d.getHeight() + 1);
		}
		titleFont = new Font(getDisplay(), data);
		addDisposeListener(e -> titleFont.dispose());
		Menu menu = new Menu(this);
		MenuItem export = new MenuItem(menu, SWT.PUSH);
		export.setText(zh() ? "导出为 PNG…" : "Export as PNG…");
		export.addListener(SWT.Selection, e -> exportWithDialog());
		setMenu(menu);
	}

	protected boolean zh() {
		return "zh".equals(locale.getLanguage());
	}

	public Locale locale() {
		return locale;
	}

	public void setTitle(String title) {
		this.title = title == null ? "" : title;
		redraw();
	}

	public String getTitle() {
		return title;
	}

	/** Titles of the horizontal and vertical axes (what is counted, in which unit). */
	public void setAxisTitles(String x, String y) {
		this.xTitle = x == null ? "" : x;
		this.yTitle = y == null ? "" : y;
		redraw();
	}

	public String xAxisTitle() {
		return xTitle;
	}

	public String yAxisTitle() {
		return yTitle;
	}

	/** The text shown when there is nothing to draw. */
	public void setEmptyText(String text) {
		this.emptyText = text;
		redraw();
	}

	/** Whether the chart has nothing to draw. */
	public abstract boolean isEmpty();

	/** Draws the plot into {@code area} (the title is already drawn above it). */
	protected abstract void paintChart(GC gc, Rectangle area);

	/** Draws the whole chart: on screen, and into images for export. */
	public void paint(GC gc, Rectangle bounds) {
		gc.setAdvanced(true);
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		gc.setBackground(WHITE);
		gc.fillRectangle(bounds);
		gc.setFont(getFont());
		int top = bounds.y + 6;
		if (!title.isEmpty()) {
			gc.setFont(titleFont);
			gc.setForeground(TEXT);
			Point size = gc.textExtent(title);
			gc.drawText(title, bounds.x + (bounds.width - size.x) / 2, top, true);
			top += size.y + 6;
			gc.setFont(getFont());
		}
		Rectangle area = new Rectangle(bounds.x + 6, top, Math.max(0, bounds.width - 12),
				Math.max(0, bounds.y + bounds.height - top - 6));
		if (isEmpty()) {
			gc.setForeground(MUTED);
			Point size = gc.textExtent(emptyText);
			gc.drawText(emptyText, area.x + (area.width - size.x) / 2, area.y + (area.height - size.y) / 2, true);
			return;
		}
		paintChart(gc, area);
	}

	/** The chart drawn into an image of the given size. */
	public ImageData snapshot(int width, int height) {
		Image image = new Image(getDisplay(), Math.max(1, width), Math.max(1, height));
		GC gc = new GC(image);
		try {
			gc.setFont(getFont());
			paint(gc, new Rectangle(0, 0, width, height));
		} finally {
			gc.dispose();
		}
		try {
			return image.getImageData();
		} finally {
			image.dispose();
		}
	}

	/** Writes the chart as a PNG at its size on screen (at least 640 × 400). */
	public void exportPng(Path file) {
		Point size = getSize();
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { snapshot(Math.max(640, size.x), Math.max(400, size.y)) };
		loader.save(file.toString(), SWT.IMAGE_PNG);
	}

	private void exportWithDialog() {
		FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.png" });
		dialog.setOverwrite(true);
		String name = title.isEmpty() ? "chart" : title.replaceAll("[\\\\/:*?\"<>|\\s]+", "-");
		dialog.setFileName(name + ".png");
		String chosen = dialog.open();
		if (chosen != null) {
			exportPng(Path.of(chosen.endsWith(".png") ? chosen : chosen + ".png"));
		}
	}

	// ------------------------------------------------------------------ drawing helpers

	/** Draws text rotated by -90° (reading bottom to top), centred on (cx, cy). */
	static void drawVerticalText(GC gc, String text, int cx, int cy) {
		if (text.isEmpty()) {
			return;
		}
		Point size = gc.textExtent(text);
		org.eclipse.swt.graphics.Transform transform = new org.eclipse.swt.graphics.Transform(gc.getDevice());
		try {
			transform.translate(cx, cy);
			transform.rotate(-90);
			gc.setTransform(transform);
			gc.drawText(text, -size.x / 2, -size.y / 2, true);
		} finally {
			gc.setTransform(null);
			transform.dispose();
		}
	}

	/** Cuts a text with an ellipsis so that it fits a width. */
	static String fit(GC gc, String text, int width) {
		if (gc.textExtent(text).x <= width) {
			return text;
		}
		String t = text;
		while (t.length() > 1 && gc.textExtent(t + "…").x > width) {
			t = t.substring(0, t.length() - 1);
		}
		return t + "…";
	}

	static Color colour(int index) {
		return PALETTE[Math.floorMod(index, PALETTE.length)];
	}

	/** A text colour readable on a background. */
	static Color contrast(Color background) {
		double luminance = 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue();
		return luminance > 150 ? TEXT : WHITE;
	}

	/** The height of a legend drawn with {@link #drawLegend}. */
	static int legendHeight(GC gc, java.util.List<String> names, int width) {
		int lineHeight = gc.getFontMetrics().getHeight();
		int cx = 0;
		int rows = 1;
		for (String name : names) {
			int w = lineHeight + 4 + gc.textExtent(name).x + 14;
			if (cx + w > width && cx > 0) {
				cx = 0;
				rows++;
			}
			cx += w;
		}
		return rows * (lineHeight + 2) - 2;
	}

	/** Draws a legend row of coloured squares and names at (x, y); returns its height. */
	static int drawLegend(GC gc, java.util.List<String> names, int x, int y, int width) {
		int lineHeight = gc.getFontMetrics().getHeight();
		int cx = x;
		int cy = y;
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			int w = lineHeight + 4 + gc.textExtent(name).x + 14;
			if (cx + w > x + width && cx > x) {
				cx = x;
				cy += lineHeight + 2;
			}
			gc.setBackground(colour(i));
			gc.fillRectangle(cx, cy + 3, lineHeight - 6, lineHeight - 6);
			gc.setForeground(TEXT);
			gc.drawText(name, cx + lineHeight, cy, true);
			cx += w;
		}
		return cy - y + lineHeight;
	}
}
