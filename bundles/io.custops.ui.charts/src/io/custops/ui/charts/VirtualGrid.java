package io.custops.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;

/**
 * A table drawn on a canvas that asks for the text of the cells it paints and nothing else, so
 * that a million rows cost nothing until they are scrolled into view: setting the row count is
 * immediate (a native virtual table makes a row object per row). Header with sort indicator
 * (a click asks the owner to sort), one selected row (mouse, arrows, page keys, Home, End),
 * vertical and horizontal scrolling, mouse wheel.
 */
public class VirtualGrid extends Canvas {

	/** The text of a cell. */
	@FunctionalInterface
	public interface CellText {
		String text(int row, int column);
	}

	private static final Color HEADER = new Color(0xf0, 0xf0, 0xf0);
	private static final Color STRIPE = new Color(0xf7, 0xf9, 0xfc);
	private static final Color LINE = new Color(0xdd, 0xdd, 0xdd);
	private static final Color SELECTED = new Color(0x35, 0x84, 0xe4);

	private String[] titles = new String[0];
	private int[] widths = new int[0];
	private boolean[] right = new boolean[0];
	private int rows;
	private int top;
	private int left;
	private int selected = -1;
	private int sortColumn = -1;
	private boolean sortDescending;
	private CellText cells = (r, c) -> "";
	private final List<IntConsumer> selectionListeners = new ArrayList<>();
	private final List<IntConsumer> sortListeners = new ArrayList<>();

	public VirtualGrid(Composite parent, int style) {
		super(parent, style | SWT.V_SCROLL | SWT.H_SCROLL | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		addListener(SWT.Paint, e -> paint(e.gc));
		addListener(SWT.Resize, e -> updateScrollBars());
		getVerticalBar().addListener(SWT.Selection, e -> {
			top = getVerticalBar().getSelection();
			redraw();
		});
		getHorizontalBar().addListener(SWT.Selection, e -> {
			left = getHorizontalBar().getSelection();
			redraw();
		});
		addListener(SWT.MouseDown, this::mouseDown);
		addListener(SWT.MouseVerticalWheel, e -> {
			scrollTo(top - e.count);
			e.doit = false;
		});
		addListener(SWT.KeyDown, this::keyDown);
		addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_ARROW_NEXT || e.detail == SWT.TRAVERSE_ARROW_PREVIOUS) {
				e.doit = false;
			}
		});
		setBackground(Chart.WHITE);
	}

	public void setColumns(String[] titles, int[] widths, boolean[] rightAligned) {
		this.titles = titles.clone();
		this.widths = widths.clone();
		this.right = rightAligned.clone();
		sortColumn = -1;
		updateScrollBars();
		redraw();
	}

	public void setCellText(CellText cells) {
		this.cells = cells;
		redraw();
	}

	/** Sets how many rows there are (immediate whatever the count); the selection is cleared. */
	public void setRowCount(int count) {
		rows = Math.max(0, count);
		selected = -1;
		top = Math.max(0, Math.min(top, rows - 1));
		updateScrollBars();
		redraw();
	}

	public int getRowCount() {
		return rows;
	}

	public int getColumnCount() {
		return titles.length;
	}

	public String getColumnTitle(int column) {
		return titles[column];
	}

	/** Shows which column the rows are sorted by (the owner sorts). */
	public void setSortColumn(int column, boolean descending) {
		sortColumn = column;
		sortDescending = descending;
		redraw();
	}

	public int getSelectionIndex() {
		return selected;
	}

	/** Selects a row and scrolls it into view (no selection event). */
	public void setSelection(int row) {
		selected = row < 0 || row >= rows ? -1 : row;
		if (selected >= 0) {
			reveal(selected);
		}
		redraw();
	}

	public int getTopIndex() {
		return top;
	}

	/** Called with the row the analyst selected. */
	public void addSelectionListener(IntConsumer listener) {
		selectionListeners.add(listener);
	}

	/** Called with the column whose header the analyst clicked. */
	public void addSortListener(IntConsumer listener) {
		sortListeners.add(listener);
	}

	/** The texts of the rows visible now (for tests and the accessibility of screenshots). */
	public List<String[]> visibleRows() {
		List<String[]> out = new ArrayList<>();
		for (int r = top; r < Math.min(rows, top + visibleRowCount()); r++) {
			String[] texts = new String[titles.length];
			for (int c = 0; c < titles.length; c++) {
				texts[c] = cells.text(r, c);
			}
			out.add(texts);
		}
		return out;
	}

	private int rowHeight() {
		GC gc = new GC(this);
		try {
			return gc.getFontMetrics().getHeight() + 6;
		} finally {
			gc.dispose();
		}
	}

	private int headerHeight() {
		return rowHeight() + 2;
	}

	private int visibleRowCount() {
		Rectangle area = getClientArea();
		return Math.max(1, (area.height - headerHeight()) / rowHeight());
	}

	private int totalWidth() {
		int w = 0;
		for (int width : widths) {
			w += width;
		}
		return w;
	}

	private void updateScrollBars() {
		Rectangle area = getClientArea();
		ScrollBar v = getVerticalBar();
		int page = visibleRowCount();
		v.setValues(Math.min(top, Math.max(0, rows - 1)), 0, Math.max(1, rows), Math.max(1, Math.min(page, rows)), 1,
				Math.max(1, page - 1));
		v.setVisible(rows > page);
		top = v.getSelection();
		ScrollBar h = getHorizontalBar();
		int total = totalWidth();
		h.setValues(Math.min(left, Math.max(0, total - area.width)), 0, Math.max(1, total), Math.max(1, Math.min(area.width, total)),
				20, Math.max(1, area.width - 20));
		h.setVisible(total > area.width);
		left = h.isVisible() ? h.getSelection() : 0;
	}

	private void scrollTo(int row) {
		int max = Math.max(0, rows - visibleRowCount());
		top = Math.max(0, Math.min(row, max));
		getVerticalBar().setSelection(top);
		redraw();
	}

	private void reveal(int row) {
		int page = visibleRowCount();
		if (row < top) {
			scrollTo(row);
		} else if (row >= top + page) {
			scrollTo(row - page + 1);
		}
	}

	private void select(int row) {
		if (rows == 0) {
			return;
		}
		selected = Math.max(0, Math.min(rows - 1, row));
		reveal(selected);
		redraw();
		for (IntConsumer l : selectionListeners) {
			l.accept(selected);
		}
	}

	private void mouseDown(Event e) {
		setFocus();
		if (e.y < headerHeight()) {
			int x = -left;
			for (int c = 0; c < widths.length; c++) {
				if (e.x >= x && e.x < x + widths[c]) {
					for (IntConsumer l : sortListeners) {
						l.accept(c);
					}
					return;
				}
				x += widths[c];
			}
			return;
		}
		int row = top + (e.y - headerHeight()) / rowHeight();
		if (row < rows) {
			select(row);
		}
	}

	private void keyDown(Event e) {
		int page = visibleRowCount();
		int current = selected < 0 ? top - 1 : selected;
		switch (e.keyCode) {
		case SWT.ARROW_DOWN -> select(current + 1);
		case SWT.ARROW_UP -> select(Math.max(0, current - 1));
		case SWT.PAGE_DOWN -> select(current + page);
		case SWT.PAGE_UP -> select(current - page);
		case SWT.HOME -> select(0);
		case SWT.END -> select(rows - 1);
		default -> {
			return;
		}
		}
		e.doit = false;
	}

	private void paint(GC gc) {
		Rectangle area = getClientArea();
		gc.setBackground(Chart.WHITE);
		gc.fillRectangle(area);
		int rowHeight = rowHeight();
		int header = headerHeight();
		int lineHeight = gc.getFontMetrics().getHeight();
		// rows
		int page = visibleRowCount() + 1;
		for (int i = 0; i < page && top + i < rows; i++) {
			int r = top + i;
			int y = header + i * rowHeight;
			boolean isSelected = r == selected;
			gc.setBackground(isSelected ? SELECTED : (r % 2 == 1 ? STRIPE : Chart.WHITE));
			gc.fillRectangle(0, y, area.width, rowHeight);
			gc.setForeground(isSelected ? Chart.WHITE : Chart.TEXT);
			int x = -left;
			for (int c = 0; c < widths.length; c++) {
				if (x + widths[c] > 0 && x < area.width) {
					String text = Chart.fit(gc, String.valueOf(cells.text(r, c)), widths[c] - 10);
					int tx = right[c] ? x + widths[c] - 5 - gc.textExtent(text).x : x + 5;
					gc.drawText(text, tx, y + (rowHeight - lineHeight) / 2, true);
				}
				x += widths[c];
			}
		}
		// column lines and header
		gc.setBackground(HEADER);
		gc.fillRectangle(0, 0, area.width, header);
		int x = -left;
		for (int c = 0; c < widths.length; c++) {
			String title = titles[c];
			if (c == sortColumn) {
				title = (right[c] ? (sortDescending ? "▼ " : "▲ ") + title : title + (sortDescending ? " ▼" : " ▲"));
			}
			title = Chart.fit(gc, title, widths[c] - 10);
			Point size = gc.textExtent(title);
			gc.setForeground(Chart.MUTED);
			gc.drawText(title, right[c] ? x + widths[c] - 5 - size.x : x + 5, (header - size.y) / 2, true);
			x += widths[c];
			gc.setForeground(LINE);
			gc.drawLine(x - 1, 0, x - 1, Math.min(area.height, header + (rows - top) * rowHeight));
		}
		gc.setForeground(LINE);
		gc.drawLine(0, header - 1, area.width, header - 1);
	}
}
