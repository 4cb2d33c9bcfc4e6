import java.io.ByteArrayOutputStream;

import org.eclipse.birt.chart.model.Chart;
import org.eclipse.birt.chart.model.ChartWithAxes;
import org.eclipse.birt.chart.model.attribute.ChartDimension;
import org.eclipse.birt.chart.model.attribute.DataPointComponentType;
import org.eclipse.birt.chart.model.attribute.LineStyle;
import org.eclipse.birt.chart.model.attribute.Orientation;
import org.eclipse.birt.chart.model.attribute.impl.BoundsImpl;
import org.eclipse.birt.chart.model.attribute.impl.ColorDefinitionImpl;
import org.eclipse.birt.chart.model.attribute.impl.DataPointComponentImpl;
import org.eclipse.birt.chart.model.attribute.impl.JavaNumberFormatSpecifierImpl;
import org.eclipse.birt.chart.model.component.Axis;
import org.eclipse.birt.chart.model.component.Series;
import org.eclipse.birt.chart.model.component.impl.SeriesImpl;
import org.eclipse.birt.chart.model.data.SeriesDefinition;
import org.eclipse.birt.chart.model.data.impl.QueryImpl;
import org.eclipse.birt.chart.model.data.impl.SeriesDefinitionImpl;
import org.eclipse.birt.chart.model.impl.ChartWithAxesImpl;
import org.eclipse.birt.chart.model.impl.SerializerImpl;
import org.eclipse.birt.chart.model.type.BarSeries;
import org.eclipse.birt.chart.model.type.LineSeries;
import org.eclipse.birt.chart.model.type.impl.BarSeriesImpl;
import org.eclipse.birt.chart.model.type.impl.LineSeriesImpl;

/**
 * Dev tool: prints the chart model XML (XMI) that a .rptdesign embeds in a Chart extended item,
 * for the chart kinds the built-in templates use. The XML has CATEGORY and VALUE as the column
 * names; paste it into the design and replace them. Run on a plain class path of the BIRT jars
 * (see docs/reports.md):
 *   java -cp "$CP" releng/tools/ChartXmi.java bar|line WIDTH HEIGHT [horizontal]
 */
public class ChartXmi {

	public static void main(String[] args) throws Exception {
		String kind = args[0];
		double width = Double.parseDouble(args[1]);
		double height = Double.parseDouble(args[2]);
		boolean horizontal = args.length > 3 && args[3].equals("horizontal");
		ChartWithAxes chart = ChartWithAxesImpl.create();
		chart.setDimension(ChartDimension.TWO_DIMENSIONAL_LITERAL);
		chart.setType(kind.equals("bar") ? "Bar Chart" : "Line Chart");
		chart.setSubType(kind.equals("bar") ? "Side-by-side" : "Overlay");
		chart.getTitle().setVisible(false);
		chart.getLegend().setVisible(false);
		// without bounds the chart renders nothing, silently
		chart.getBlock().setBounds(BoundsImpl.create(0, 0, width, height));
		chart.setOrientation(horizontal ? Orientation.HORIZONTAL_LITERAL : Orientation.VERTICAL_LITERAL);

		Axis x = chart.getPrimaryBaseAxes()[0];
		x.setCategoryAxis(true);
		x.getTitle().setVisible(false);
		Axis y = chart.getPrimaryOrthogonalAxis(x);
		y.getTitle().setVisible(false);
		y.getMajorGrid().getLineAttributes().setVisible(true);
		y.getMajorGrid().getLineAttributes().setStyle(LineStyle.DOTTED_LITERAL);
		y.getMajorGrid().getLineAttributes().setColor(ColorDefinitionImpl.GREY());

		Series category = SeriesImpl.create();
		category.getDataDefinition().add(QueryImpl.create("row[\"CATEGORY\"]"));
		SeriesDefinition sdX = SeriesDefinitionImpl.create();
		sdX.getSeries().add(category);
		x.getSeriesDefinitions().add(sdX);

		Series values;
		if (kind.equals("bar")) {
			BarSeries bar = (BarSeries) BarSeriesImpl.create();
			values = bar;
		} else {
			LineSeries line = (LineSeries) LineSeriesImpl.create();
			line.getLineAttributes().setThickness(2);
			values = line;
		}
		values.getDataDefinition().add(QueryImpl.create("row[\"VALUE\"]"));
		values.getDataPoint().getComponents().clear();
		values.getDataPoint().getComponents().add(DataPointComponentImpl
				.create(DataPointComponentType.ORTHOGONAL_VALUE_LITERAL, JavaNumberFormatSpecifierImpl.create("#,##0")));
		values.getLabel().setVisible(true);
		SeriesDefinition sdY = SeriesDefinitionImpl.create();
		sdY.getSeriesPalette().update(ColorDefinitionImpl.create(58, 110, 165));
		sdY.getSeries().add(values);
		y.getSeriesDefinitions().add(sdY);

		ByteArrayOutputStream xml = SerializerImpl.instance().asXml((Chart) chart, true);
		System.out.println(xml.toString("UTF-8"));
	}
}
