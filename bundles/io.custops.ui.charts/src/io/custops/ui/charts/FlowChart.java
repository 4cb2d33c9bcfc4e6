package io.custops.ui.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/**
 * A Sankey-like flow view: one column per position of a path, a box per event type at that
 * position (height by count), and bands between boxes as wide as the number of units going
 * from one to the next. Units whose path ends at a position leave as a grey stub. The most
 * frequent types of each column are kept; the rest are merged into "other".
 */
public class FlowChart extends Chart {

	/** Units going from {@code source} at position {@code step} (1-based) to {@code target} at the next position. */
	public record Flow(int step, String source, String target, long count) {
	}

	private static final Color END = new Color(0xc8, 0xc8, 0xc8);

	private List<Flow> flows = List.of();
	private String endName = "(end)";
	private int maxSteps = 6;
	private int maxNodes = 6;

	public FlowChart(Composite parent, int style, Locale locale) {
		super(parent, style, locale);
	}

	/** @param endName the target name of flows that end (not drawn as a box) */
	public void setData(List<Flow> flows, String endName) {
		this.flows = List.copyOf(flows);
		this.endName = endName;
		redraw();
	}

	public void setLimits(int maxSteps, int maxNodesPerStep) {
		this.maxSteps = Math.max(2, maxSteps);
		this.maxNodes = Math.max(2, maxNodesPerStep);
		redraw();
	}

	public List<Flow> flows() {
		return flows;
	}

	@Override
	public boolean isEmpty() {
		return flows.isEmpty();
	}

	@Override
	protected void paintChart(GC gc, Rectangle area) {
		int lineHeight = gc.getFontMetrics().getHeight();
		String other = zh() ? "其他" : "other";
		int steps = 1;
		for (Flow f : flows) {
			if (f.step() < maxSteps) {
				steps = Math.max(steps, f.step() + (f.target().equals(endName) ? 0 : 1));
			}
		}
		steps = Math.min(steps, maxSteps);
		// node counts per position: units at position p = flows out of p (every unit at p has one flow out)
		List<Map<String, Long>> nodes = new ArrayList<>();
		for (int p = 1; p <= steps; p++) {
			nodes.add(new HashMap<>());
		}
		for (Flow f : flows) {
			if (f.step() <= steps) {
				nodes.get(f.step() - 1).merge(f.source(), f.count(), Long::sum);
			}
		}
		// the last position also receives flows from the one before
		if (steps >= 2) {
			Map<String, Long> last = nodes.get(steps - 1);
			if (last.isEmpty()) {
				for (Flow f : flows) {
					if (f.step() == steps - 1 && !f.target().equals(endName)) {
						last.merge(f.target(), f.count(), Long::sum);
					}
				}
			}
		}
		// keep the most frequent types per position
		List<Map<String, Long>> kept = new ArrayList<>();
		for (Map<String, Long> column : nodes) {
			List<Map.Entry<String, Long>> sorted = new ArrayList<>(column.entrySet());
			sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
			Map<String, Long> k = new LinkedHashMap<>();
			long rest = 0;
			for (int i = 0; i < sorted.size(); i++) {
				if (i < maxNodes - 1 || sorted.size() == maxNodes) {
					k.put(sorted.get(i).getKey(), sorted.get(i).getValue());
				} else {
					rest += sorted.get(i).getValue();
				}
			}
			if (rest > 0) {
				k.merge(other, rest, Long::sum);
			}
			kept.add(k);
		}
		long maxTotal = 1;
		int maxCount = 1;
		for (Map<String, Long> column : kept) {
			maxTotal = Math.max(maxTotal, column.values().stream().mapToLong(Long::longValue).sum());
			maxCount = Math.max(maxCount, column.size());
		}
		int nodeWidth = 14;
		int gap = 8;
		int labelSpace = lineHeight * 2;
		int usableHeight = area.height - labelSpace - gap * (maxCount - 1) - 4;
		double scale = Math.max(0.0001, usableHeight / (double) maxTotal);
		int columnSpacing = steps <= 1 ? 0 : (area.width - nodeWidth - 130) / (steps - 1);
		// colour per event type, stable across columns
		Map<String, Color> colours = new HashMap<>();
		List<String> types = new ArrayList<>();
		for (Map<String, Long> column : kept) {
			for (String t : column.keySet()) {
				if (!colours.containsKey(t)) {
					colours.put(t, colour(types.size()));
					types.add(t);
				}
			}
		}
		// box positions
		List<Map<String, int[]>> boxes = new ArrayList<>(); // name -> {x, y, height, outOffset, inOffset}
		for (int p = 0; p < steps; p++) {
			Map<String, int[]> column = new LinkedHashMap<>();
			int x = area.x + 4 + p * columnSpacing;
			int y = area.y + lineHeight + 4;
			gc.setForeground(MUTED);
			String head = (zh() ? "第 " + (p + 1) + " 步" : "step " + (p + 1));
			gc.drawText(head, x, area.y, true);
			for (Map.Entry<String, Long> e : kept.get(p).entrySet()) {
				int h = Math.max(2, (int) Math.round(e.getValue() * scale));
				column.put(e.getKey(), new int[] { x, y, h, 0, 0 });
				y += h + gap;
			}
			boxes.add(column);
		}
		// bands, widest first so that thin ones stay visible on top
		List<Flow> drawn = new ArrayList<>(flows);
		drawn.sort(Comparator.comparingLong(Flow::count).reversed());
		gc.setAlpha(110);
		for (Flow f : drawn) {
			int p = f.step() - 1;
			if (p >= steps) {
				continue;
			}
			int[] from = boxes.get(p).get(boxes.get(p).containsKey(f.source()) ? f.source() : other);
			if (from == null) {
				continue;
			}
			int h = Math.max(1, (int) Math.round(f.count() * scale));
			int y0 = from[1] + from[3];
			from[3] += h;
			if (f.target().equals(endName) || p + 1 >= steps) {
				gc.setBackground(END);
				gc.fillRectangle(from[0] + nodeWidth, y0, Math.min(24, columnSpacing / 4 + 6), h);
				continue;
			}
			int[] to = boxes.get(p + 1).get(boxes.get(p + 1).containsKey(f.target()) ? f.target() : other);
			if (to == null) {
				continue;
			}
			int y1 = to[1] + to[4];
			to[4] += h;
			int x0 = from[0] + nodeWidth;
			int x1 = to[0];
			Path band = new Path(gc.getDevice());
			try {
				int mid = (x0 + x1) / 2;
				band.moveTo(x0, y0);
				band.cubicTo(mid, y0, mid, y1, x1, y1);
				band.lineTo(x1, y1 + h);
				band.cubicTo(mid, y1 + h, mid, y0 + h, x0, y0 + h);
				band.close();
				gc.setBackground(colours.getOrDefault(f.source(), colours.get(other)));
				gc.fillPath(band);
			} finally {
				band.dispose();
			}
		}
		gc.setAlpha(255);
		for (int p = 0; p < steps; p++) {
			for (Map.Entry<String, int[]> e : boxes.get(p).entrySet()) {
				int[] b = e.getValue();
				gc.setBackground(colours.get(e.getKey()));
				gc.fillRectangle(b[0], b[1], nodeWidth, b[2]);
				String text = e.getKey() + " " + Numbers.compact(kept.get(p).get(e.getKey()));
				Point size = gc.textExtent(text);
				gc.setForeground(TEXT);
				int ty = b[1] + Math.max(0, (b[2] - size.y) / 2);
				gc.drawText(text, b[0] + nodeWidth + 3, ty, true);
			}
		}
	}
}
