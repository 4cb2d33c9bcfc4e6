#!/usr/bin/env python3
"""Writes the designs of the built-in report templates roi, tier-conversion, behavior-path and clv
(bundles/io.custops.report.templates/designs/*.rptdesign) from the short descriptions below.

The chart models are those of rfm.rptdesign (bar) and lifecycle.rptdesign (line), which
releng/tools/ChartXmi.java printed with BIRT's Chart API; this script only changes their columns,
size, orientation, number format and series. Run it from the repository root after changing a
description: python3 releng/tools/report_designs.py [NAME …] (e.g. clv; all designs without a name)
"""
import os
import re
import sys
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DESIGNS = os.path.join(ROOT, "bundles", "io.custops.report.templates", "designs")

PALETTE = [(58, 110, 165), (214, 110, 46), (84, 160, 90), (150, 90, 170), (200, 70, 80), (120, 120, 120)]


def chart_model(kind):
    """The chart model (the CDATA of xmlRepresentation) of the first chart of a kind in an existing design."""
    source = "rfm.rptdesign" if kind == "bar" else "lifecycle.rptdesign"
    text = open(os.path.join(DESIGNS, source), encoding="utf-8").read()
    models = re.findall(r'<xml-property name="xmlRepresentation"><!\[CDATA\[(.*?)\]\]></xml-property>', text, re.S)
    wanted = "type:BarSeries" if kind == "bar" else "type:LineSeries"
    return next(m for m in models if wanted in m)


class Design:
    def __init__(self, comment):
        self.comment = comment
        self.next_id = 20
        self.datasets = []
        self.body = []

    def id(self):
        self.next_id += 1
        return self.next_id

    def dataset(self, name, columns):
        self.datasets.append((name, columns))

    def columns_of(self, dataset):
        return dict(next(c for n, c in self.datasets if n == dataset))

    def text(self, key, style, show_if=None):
        # a heading stays with what follows it
        keep = '\n            <property name="pageBreakAfter">avoid</property>' if style == "h2" else ""
        self.body.append(f'''        <text id="{self.id()}">
            <property name="style">{style}</property>{keep}
{self.visibility(show_if)}            <property name="contentType">html</property>
            <text-property name="content"><![CDATA[<value-of>custops.value("{key}")</value-of>]]></text-property>
        </text>''')

    @staticmethod
    def visibility(key, indent="            "):
        if key is None:
            return ""
        return f'''{indent}<list-property name="visibility">
{indent}    <structure>
{indent}        <property name="format">all</property>
{indent}        <expression name="valueExpr" type="javascript">custops.value("{key}") == false</expression>
{indent}    </structure>
{indent}</list-property>
'''

    def bound(self, dataset, names, indent="            "):
        types = self.columns_of(dataset)
        out = [f'{indent}<list-property name="boundDataColumns">']
        for n in names:
            out.append(f'''{indent}    <structure>
{indent}        <property name="name">{n}</property>
{indent}        <expression name="expression" type="javascript">dataSetRow["{n}"]</expression>
{indent}        <property name="dataType">{types[n]}</property>
{indent}    </structure>''')
        out.append(f'{indent}</list-property>')
        return "\n".join(out) + "\n"

    def chart(self, name, dataset, category, values, kind="bar", width=515, height=220, horizontal=False,
              pattern="#,##0", show_if=None, from_zero=False, series_by=None, markers=True):
        """series_by: a column whose values each make a series of their own (BIRT's series grouping),
        named in a legend; the value labels are left out (the legend and the axis say enough).
        markers=False: lines without the points' boxes (for long series, where the boxes merge)."""
        model = chart_model(kind)
        if not markers:
            model = re.sub(r"(<Markers>\s*<Type>\w+</Type>\s*<Size>\d+</Size>\s*)<Visible>true</Visible>",
                           r"\1<Visible>false</Visible>", model)
        if from_zero:
            # the value axis (the first Scale, inside AssociatedAxes) starts at 0, so bars compare
            model = model.replace("<Scale>\n        <MinorGridsPerUnit>",
                                  '<Scale>\n        <Min xsi:type="data:NumberDataElement">\n          <Value>0.0</Value>\n'
                                  "        </Min>\n        <MinorGridsPerUnit>", 1)
        # the value series: the first SeriesDefinitions block holds it; one block per value column
        start = model.index("<SeriesDefinitions>")
        end = model.index("</SeriesDefinitions>", start) + len("</SeriesDefinitions>")
        block = model[start:end]
        old_value = re.search(r'<Definition>(row\[&quot;\w+&quot;\])</Definition>', block).group(1)
        blocks = []
        for i, value in enumerate(values):
            b = block.replace(old_value, f"row[&quot;{value}&quot;]")
            r, g, bl = PALETTE[i % len(PALETTE)]
            b = re.sub(r"<Red>58</Red>\s*<Green>110</Green>\s*<Blue>165</Blue>",
                       f"<Red>{r}</Red>\n            <Green>{g}</Green>\n            <Blue>{bl}</Blue>", b, count=1)
            b = b.replace("<Pattern>#,##0</Pattern>", f"<Pattern>{escape(pattern)}</Pattern>")
            if series_by:
                b = b.replace("<Query>\n          <Definition></Definition>",
                              f"<Query>\n          <Definition>row[&quot;{series_by}&quot;]</Definition>", 1)
                entries = "".join(f"""
          <Entries xsi:type="attribute:ColorDefinition">
            <Transparency>255</Transparency>
            <Red>{pr}</Red>
            <Green>{pg}</Green>
            <Blue>{pb}</Blue>
          </Entries>""" for pr, pg, pb in PALETTE[1:])
                b = b.replace("</Entries>", "</Entries>" + entries, 1)
                at = b.index("<Series xsi:type")
                b = b[:at] + re.sub(r"<Visible>true</Visible>(\s*)</Label>", r"<Visible>false</Visible>\1</Label>",
                                    b[at:], count=1)
            blocks.append(b)
        tail = model[end:]
        old_category = re.search(r'<Definition>(row\[&quot;\w+&quot;\])</Definition>', tail).group(1)
        tail = tail.replace(old_category, f"row[&quot;{category}&quot;]")
        model = model[:start] + "\n      ".join(blocks) + tail
        # the chart's own size: the Block's Bounds (the only non-zero ones)
        model = re.sub(r"<Width>\d+\.0</Width>(\s*)<Height>\d+\.0</Height>",
                       f"<Width>{width}.0</Width>\\1<Height>{height}.0</Height>", model)
        if series_by:
            at = model.index('<Children xsi:type="layout:Legend">')
            model = model[:at] + re.sub(r"(</Outline>\s*)<Visible>false</Visible>", r"\1<Visible>true</Visible>",
                                        model[at:], count=1)
        last = model.rindex("<Orientation>")
        orientation = "Horizontal" if horizontal else "Vertical"
        model = model[:last] + re.sub(r"<Orientation>\w+</Orientation>", f"<Orientation>{orientation}</Orientation>",
                                      model[last:], count=1)
        self.body.append(f'''        <extended-item extensionName="Chart" name="{name}" id="{self.id()}">
            <xml-property name="xmlRepresentation"><![CDATA[{model}]]></xml-property>
            <property name="outputFormat">PNG</property>
            <property name="inheritColumns">false</property>
            <property name="height">{height}pt</property>
            <property name="width">{width}pt</property>
            <property name="dataSet">{dataset}</property>
{self.visibility(show_if)}{self.bound(dataset, [category] + list(values) + ([series_by] if series_by else []))}        </extended-item>''')

    def notice(self, dataset, column, show_if=None):
        """One row per value of the column, each on the amber of the workbench's warnings, no header."""
        out = [f'''        <table id="{self.id()}">
            <property name="width">100%</property>
            <property name="pageBreakInterval">0</property>
            <property name="dataSet">{dataset}</property>''']
        if show_if:
            out.append(self.visibility(show_if).rstrip("\n"))
        out.append(self.bound(dataset, [column]).rstrip("\n"))
        out.append(f'''            <column id="{self.id()}"/>
            <detail>
                <row id="{self.id()}">
                    <cell id="{self.id()}">
                        <property name="backgroundColor">#FFE4B8</property>
                        <property name="borderLeftColor">#D66E2E</property>
                        <property name="borderLeftStyle">solid</property>
                        <property name="borderLeftWidth">thick</property>
                        <property name="borderBottomColor">#FFFFFF</property>
                        <property name="borderBottomStyle">solid</property>
                        <property name="borderBottomWidth">medium</property>
                        <property name="paddingTop">4pt</property>
                        <property name="paddingBottom">4pt</property>
                        <property name="paddingLeft">6pt</property>
                        <property name="paddingRight">6pt</property>
                        <data id="{self.id()}">
                            <property name="color">#5A2E00</property>
                            <property name="resultSetColumn">{column}</property>
                        </data>
                    </cell>
                </row>
            </detail>
        </table>''')
        self.body.append("\n".join(out))

    def table(self, dataset, columns, show_if=None, font_size=None, heat=None):
        """columns: (column, header value key, format pattern or None, align, width or None)."""
        tid = self.id()
        out = [f'''        <table id="{tid}">
            <property name="width">100%</property>''']
        if font_size:
            out.append(f'            <property name="fontSize">{font_size}</property>')
        # no page break every 40 rows (the default): tables break where the page ends
        out.append('            <property name="pageBreakInterval">0</property>')
        out.append(f'            <property name="dataSet">{dataset}</property>')
        out.append(self.visibility(show_if).rstrip("\n")) if show_if else None
        used = [c[0] for c in columns]
        if heat:
            used += [f"p{k}" for k in range(1, heat + 1)]
        out.append(self.bound(dataset, used).rstrip("\n"))
        for k, col in enumerate(columns):
            column = f'            <column id="{self.id()}">'
            if col[4]:
                column += f'\n                <property name="width">{col[4]}</property>'
            if heat and col[0].startswith("c") and col[0][1:].isdigit():
                n = int(col[0][1:])
                column += f'''
                <list-property name="visibility">
                    <structure>
                        <property name="format">all</property>
                        <expression name="valueExpr" type="javascript">custops.value("columns") &lt; {n}</expression>
                    </structure>
                </list-property>'''
            column += "\n            </column>"
            out.append(column)
        out.append("            <header>")
        out.append(f'                <row id="{self.id()}">')
        for col in columns:
            out.append(f'''                <cell id="{self.id()}">
                    <property name="style">th</property>
                    <text id="{self.id()}">
                        <property name="contentType">html</property>
                        <text-property name="content"><![CDATA[<value-of>custops.value("{col[1]}")</value-of>]]></text-property>
                    </text>
                </cell>''')
        out.append("                </row>")
        out.append("            </header>")
        out.append("            <detail>")
        out.append(f'                <row id="{self.id()}">')
        for col in columns:
            cell = [f'                <cell id="{self.id()}">', '                    <property name="style">td</property>']
            if heat and col[0].startswith("c") and col[0][1:].isdigit():
                p = "p" + col[0][1:]
                rules = []
                for threshold, color, fore in ((0.05, "#DCE6F2", None), (0.2, "#9DB9DB", None), (0.5, "#3A6EA5", "#FFFFFF")):
                    rules.append(f'''                        <structure>
                            <property name="operator">ge</property>
                            <property name="backgroundColor">{color}</property>{f"""
                            <property name="color">{fore}</property>""" if fore else ""}
                            <expression name="testExpr" type="javascript">row["{p}"]</expression>
                            <simple-property-list name="value1">
                                <value type="javascript">{threshold}</value>
                            </simple-property-list>
                        </structure>''')
                cell.append('                    <list-property name="highlightRules">\n' + "\n".join(rules)
                            + '\n                    </list-property>')
            cell.append(f'                    <data id="{self.id()}">')
            if col[2]:
                cell.append(f'''                        <structure name="numberFormat">
                            <property name="category">Custom</property>
                            <property name="pattern">{escape(col[2])}</property>
                        </structure>''')
            if col[3] != "left":
                cell.append(f'                        <property name="textAlign">{col[3]}</property>')
            cell.append(f'                        <property name="resultSetColumn">{col[0]}</property>')
            cell.append("                    </data>")
            cell.append("                </cell>")
            out.append("\n".join(cell))
        out.append("                </row>")
        out.append("            </detail>")
        out.append("        </table>")
        self.body.append("\n".join(o for o in out if o))

    def write(self, name):
        styles = open(os.path.join(DESIGNS, "rfm.rptdesign"), encoding="utf-8").read()
        styles = styles[styles.index("    <styles>"):styles.index("    <body>")]
        styles = re.sub(r'<auto-text id="\d+">', '<auto-text id="19">', styles)
        styles = re.sub(r'(<style name="\w+" id=")(\d+)(">)', lambda m: m.group(1) + str(int(m.group(2)) + 1000) + m.group(3), styles)
        styles = re.sub(r'(<simple-master-page name="page" id=")(\d+)', r'\g<1>1020', styles)
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               f"<!-- {self.comment}",
               "     Written by releng/tools/report_designs.py. Data: every scripted data set below (no scripts) is",
               "     filled by the renderer from the report data table of the same name; texts read values with",
               '     custops.value("key"). See docs/reports.md. -->',
               '<report xmlns="http://www.eclipse.org/birt/2005/design" version="3.2.23" id="1">',
               '    <property name="units">pt</property>',
               # auto layout: the PDF emitter paginates as it writes, so long tables flow over pages and
               # page numbers are right (fixed layout paginated at run time and overflowed again at render)
               '    <property name="layoutPreference">auto layout</property>',
               "    <data-sources>",
               '        <script-data-source name="custops" id="2"/>',
               "    </data-sources>",
               "    <data-sets>"]
        ds_id = 1100
        for ds, cols in self.datasets:
            ds_id += 1
            out.append(f'        <script-data-set name="{ds}" id="{ds_id}">')
            out.append('            <list-property name="resultSetHints">')
            for i, (c, t) in enumerate(cols, 1):
                out.append(f'''                <structure>
                    <property name="position">{i}</property>
                    <property name="name">{c}</property>
                    <property name="dataType">{t}</property>
                </structure>''')
            out.append("            </list-property>")
            out.append('            <property name="dataSource">custops</property>')
            out.append("        </script-data-set>")
        out.append("    </data-sets>")
        out.append(styles.rstrip("\n"))
        out.append("    <body>")
        out.extend(self.body)
        out.append("    </body>")
        out.append("</report>")
        with open(os.path.join(DESIGNS, name), "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")


N0, N2, MONEY, PCT, RATIO_PCT = "#,##0", "#,##0.00", "#,##0.00", "0.0%", "0.00%"


def roi():
    d = Design("Strategy ROI: overall figures, ROI per campaign (chart), campaigns, response rates, ROI by segment.")
    d.dataset("campaigns", [("campaign", "string"), ("name", "string"), ("window", "string"), ("treated", "integer"),
                            ("control", "integer"), ("cost", "decimal"), ("revenue", "decimal"),
                            ("control_revenue", "decimal"), ("incremental_revenue", "decimal"), ("roi", "decimal"),
                            ("response_t", "decimal"), ("response_c", "decimal"), ("uplift", "decimal"),
                            ("basis", "string"), ("uplift_ci", "string"), ("roi_ci", "string"), ("p_value", "decimal"),
                            ("significant", "string"), ("note", "string")])
    d.dataset("roi_chart", [("campaign", "string"), ("roi", "decimal")])
    d.dataset("segments", [("campaign", "string"), ("segment", "string"), ("treated", "integer"), ("control", "integer"),
                           ("cost", "decimal"), ("incremental_revenue", "decimal"), ("roi", "decimal"),
                           ("response_t", "decimal"), ("response_c", "decimal")])
    d.text("title", "title")
    d.text("subtitle", "subtitle")
    d.text("h_overall", "h2")
    d.text("overall", "report")
    d.text("overall_members", "note")
    d.text("h_chart", "h2")
    d.chart("roiPerCampaign", "roi_chart", "campaign", ["roi"], width=515, height=230, horizontal=True,
            pattern="0.00", show_if="has_chart")
    d.text("chart_note", "note")
    d.text("h_campaigns", "h2")
    d.table("campaigns", [("campaign", "col_campaign", None, "left", "58pt"), ("window", "col_window", None, "left", "118pt"),
                          ("cost", "col_cost", MONEY, "right", None), ("revenue", "col_revenue", MONEY, "right", None),
                          ("incremental_revenue", "col_incremental", MONEY, "right", None),
                          ("roi", "col_roi", RATIO_PCT, "right", "55pt"), ("basis", "col_basis", None, "left", "62pt")],
            font_size="8pt")
    d.text("gross_note", "note")
    d.text("h_response", "h2")
    d.table("campaigns", [("campaign", "col_campaign", None, "left", "70pt"), ("name", "col_name", None, "left", "140pt"),
                          ("treated", "col_treated", N0, "right", None), ("control", "col_control", N0, "right", None),
                          ("response_t", "col_response_t", RATIO_PCT, "right", None),
                          ("response_c", "col_response_c", RATIO_PCT, "right", None),
                          ("uplift", "col_uplift", RATIO_PCT, "right", None)], font_size="8pt")
    # how sure each campaign's figures are (issue 17): 95 % intervals, Welch's p-value, what cannot be told
    d.text("h_uncertainty", "h2")
    d.table("campaigns", [("campaign", "col_campaign", None, "left", "70pt"),
                          ("uplift", "col_uplift", RATIO_PCT, "right", "45pt"),
                          ("uplift_ci", "col_uplift_ci", None, "right", "85pt"),
                          ("roi", "col_roi", RATIO_PCT, "right", "50pt"),
                          ("roi_ci", "col_roi_ci", None, "right", "95pt"),
                          ("p_value", "col_p_value", "0.0000", "right", "40pt"),
                          ("significant", "col_significant", None, "left", "48pt"),
                          ("note", "col_note", None, "left", None)], font_size="8pt")
    d.text("uncertainty_note", "note")
    d.text("h_segments", "h2")
    d.table("segments", [("campaign", "col_campaign", None, "left", "70pt"), ("segment", "col_segment", None, "left", "90pt"),
                         ("treated", "col_treated", N0, "right", None), ("control", "col_control", N0, "right", None),
                         ("cost", "col_cost", MONEY, "right", None),
                         ("incremental_revenue", "col_incremental", MONEY, "right", None),
                         ("roi", "col_roi", RATIO_PCT, "right", None),
                         ("response_t", "col_response_t", RATIO_PCT, "right", None),
                         ("response_c", "col_response_c", RATIO_PCT, "right", None)], show_if="has_segments",
            font_size="7.5pt")
    d.write("roi.rptdesign")


def tier_conversion():
    d = Design("Tier conversion: the matrix of moves as a heat table, rates per tier, entrants, and the trend of the "
               "upgrade and downgrade rates per period (line chart, last).")
    heat = [("level", "string")] + [(f"c{k}", "integer") for k in range(1, 10)] + \
           [(f"p{k}", "decimal") for k in range(1, 10)] + [("total", "integer")]
    d.dataset("heat", heat)
    d.dataset("per_level", [("level", "string"), ("customers", "integer"), ("retained", "integer"),
                            ("upgraded", "integer"), ("downgraded", "integer"), ("unclassified", "integer"),
                            ("retention_rate", "decimal"), ("upgrade_rate", "decimal"), ("downgrade_rate", "decimal")])
    d.dataset("entrants", [("level", "string"), ("customers", "integer")])
    d.dataset("trend", [("period", "string"), ("period_from", "date"), ("period_to", "date"), ("customers", "integer"),
                        ("retained", "integer"), ("upgraded", "integer"), ("downgraded", "integer"),
                        ("upgrade_rate", "decimal"), ("downgrade_rate", "decimal"), ("retention_rate", "decimal"),
                        ("entrants", "integer")])
    d.text("title", "title")
    d.text("subtitle", "subtitle")
    d.text("h_matrix", "h2")
    d.text("matrix_note", "note")
    d.table("heat", [("level", "col_from", None, "left", "80pt")] +
            [(f"c{k}", f"h{k}", N0, "center", None) for k in range(1, 10)] +
            [("total", "col_total", N0, "right", "55pt")], heat=9)
    d.text("h_rates", "h2")
    d.table("per_level", [("level", "col_tier", None, "left", "80pt"), ("customers", "col_customers", N0, "right", None),
                          ("retained", "col_retained", N0, "right", None), ("upgraded", "col_upgraded", N0, "right", None),
                          ("downgraded", "col_downgraded", N0, "right", None),
                          ("unclassified", "col_unclassified", N0, "right", None),
                          ("retention_rate", "col_retention_rate", RATIO_PCT, "right", None),
                          ("upgrade_rate", "col_upgrade_rate", RATIO_PCT, "right", None),
                          ("downgrade_rate", "col_downgrade_rate", RATIO_PCT, "right", None)], font_size="8pt")
    d.text("h_entrants", "h2")
    d.table("entrants", [("level", "col_tier", None, "left", "120pt"), ("customers", "col_customers", N0, "right", "80pt")])
    d.text("h_trend", "h2")
    d.table("trend", [("period", "col_period", None, "left", "60pt"), ("customers", "col_customers", N0, "right", None),
                      ("upgraded", "col_upgraded", N0, "right", None), ("downgraded", "col_downgraded", N0, "right", None),
                      ("upgrade_rate", "col_upgrade_rate", RATIO_PCT, "right", None),
                      ("downgrade_rate", "col_downgrade_rate", RATIO_PCT, "right", None),
                      ("entrants", "col_entrants", N0, "right", None)], font_size="8pt")
    d.text("trend_note", "note")
    d.chart("rateTrend", "trend", "period", ["upgrade_rate", "downgrade_rate"], kind="line", width=515, height=220,
            pattern="0.0%", show_if="has_trend")
    d.write("tier-conversion.rptdesign")


def behavior_path():
    d = Design("Behaviour paths: the funnel (chart with the share of the first and previous step, table with median "
               "times), top paths, drop-off paths, and the funnel by channel (table, chart last).")
    d.dataset("funnel", [("step", "string"), ("customers", "integer"), ("pct_of_first", "decimal"),
                         ("pct_of_previous", "decimal"), ("median_seconds", "decimal"), ("median_text", "string")])
    d.dataset("funnel_chart", [("step", "string"), ("customers", "integer")])
    d.dataset("top_paths", [("path", "string"), ("count", "integer"), ("pct", "decimal")])
    d.dataset("drop_paths", [("path", "string"), ("count", "integer"), ("pct", "decimal")])
    d.dataset("channels", [("group", "string"), ("first", "integer"), ("last", "integer"), ("conversion", "decimal"),
                           ("counts", "string")])
    d.dataset("channel_chart", [("group", "string"), ("conversion", "decimal")])
    d.text("title", "title")
    d.text("subtitle", "subtitle")
    d.text("h_funnel", "h2")
    d.chart("funnelChart", "funnel_chart", "step", ["customers"], width=515, height=200, horizontal=True,
            show_if="has_funnel_chart", from_zero=True)
    d.text("funnel_note", "note")
    d.table("funnel", [("step", "col_step", None, "left", "110pt"), ("customers", "col_customers", N0, "right", None),
                       ("pct_of_first", "col_pct_first", "#,##0.00", "right", None),
                       ("pct_of_previous", "col_pct_previous", "#,##0.00", "right", None),
                       ("median_seconds", "col_median", "#,##0.0##", "right", "110pt"),
                       ("median_text", "col_median_text", None, "right", None)])
    d.text("h_paths", "h2")
    d.text("paths_note", "note")
    d.table("top_paths", [("path", "col_path", None, "left", "330pt"), ("count", "col_count", N0, "right", None),
                          ("pct", "col_pct", "#,##0.00", "right", None)], font_size="8pt")
    d.text("h_drop", "h2")
    d.text("drop_note", "note")
    d.table("drop_paths", [("path", "col_path", None, "left", "330pt"), ("count", "col_count", N0, "right", None),
                           ("pct", "col_pct", "#,##0.00", "right", None)], show_if="has_drop", font_size="8pt")
    d.text("h_channels", "h2")
    d.text("channels_note", "note")
    d.table("channels", [("group", "col_group", None, "left", "90pt"), ("first", "col_first", N0, "right", None),
                         ("last", "col_last", N0, "right", None), ("conversion", "col_conversion", "#,##0.00", "right", None),
                         ("counts", "col_counts", None, "right", "170pt")], show_if="has_channels", font_size="8pt")
    d.chart("channelChart", "channel_chart", "group", ["conversion"], width=515, height=200, pattern="#,##0.00",
            show_if="has_channel_chart", from_zero=True)
    d.write("behavior-path.rptdesign")


def clv():
    d = Design("Customer lifetime value: the fit's warnings, P(alive) bands (chart, table), CLV per band (chart), churn "
               "risk, the top customers by CLV, the fitted parameters with standard errors, the calibration frequency "
               "histogram (chart, table) and, with a holdout, the weekly tracking (chart) and the holdout check (table).")
    d.dataset("bands", [("band", "string"), ("customers", "integer"), ("share", "decimal"),
                        ("expected_purchases", "decimal"), ("clv", "decimal")])
    d.dataset("top_customers", [("customer_id", "string"), ("frequency", "integer"), ("p_alive", "decimal"),
                                ("expected_purchases", "decimal"), ("expected_avg_spend", "decimal"), ("clv", "decimal"),
                                ("churn_risk", "string")])
    d.dataset("churn_risk", [("risk", "string"), ("customers", "integer"), ("share", "decimal")])
    d.dataset("fitted", [("model", "string"), ("parameter", "string"), ("value", "string"), ("se", "string")])
    d.dataset("warnings", [("warning", "string")])
    d.dataset("histogram", [("x", "string"), ("actual", "integer"), ("expected", "decimal")])
    d.dataset("histogram_chart", [("x", "string"), ("series", "string"), ("customers", "decimal")])
    d.dataset("tracking_chart", [("week", "string"), ("series", "string"), ("purchases", "decimal")])
    d.dataset("holdout_by_x", [("x", "string"), ("customers", "integer"), ("actual", "integer"), ("predicted", "decimal"),
                               ("actual_mean", "decimal"), ("predicted_mean", "decimal")])
    d.text("title", "title")
    d.text("subtitle", "subtitle")
    d.notice("warnings", "warning", show_if="has_warnings")
    d.text("h_bands", "h2")
    d.chart("aliveBands", "bands", "band", ["customers"], width=515, height=180, show_if="has_bands", from_zero=True)
    d.table("bands", [("band", "col_band", None, "left", "90pt"), ("customers", "col_customers", N0, "right", None),
                      ("share", "col_share", PCT, "right", None),
                      ("expected_purchases", "col_expected", N2, "right", None), ("clv", "col_clv", MONEY, "right", None)])
    d.text("totals", "note")
    d.text("h_clv_chart", "h2")
    d.chart("clvBands", "bands", "band", ["clv"], width=515, height=170, pattern="#,##0", show_if="has_clv_chart",
            from_zero=True)
    d.text("h_risk", "h2")
    d.table("churn_risk", [("risk", "col_risk", None, "left", "150pt"), ("customers", "col_customers", N0, "right", None),
                           ("share", "col_share", PCT, "right", None)])
    d.text("h_top", "h2")
    d.table("top_customers", [("customer_id", "col_customer", None, "left", "80pt"),
                              ("frequency", "col_frequency", N0, "right", None), ("p_alive", "col_band", "0.0000", "right", None),
                              ("expected_purchases", "col_expected", N2, "right", None),
                              ("expected_avg_spend", "col_spend", MONEY, "right", None), ("clv", "col_clv", MONEY, "right", None),
                              ("churn_risk", "col_risk", None, "left", None)], font_size="8pt")
    d.text("h_fitted", "h2")
    d.table("fitted", [("model", "col_model", None, "left", "110pt"), ("parameter", "col_parameter", None, "left", "130pt"),
                       ("value", "col_value", None, "right", None), ("se", "col_se", None, "right", None)])
    d.text("fitted_note", "note")
    d.text("h_histogram", "h2")
    d.chart("frequencyHistogram", "histogram_chart", "x", ["customers"], width=515, height=190, show_if="has_histogram",
            series_by="series", from_zero=True)
    d.table("histogram", [("x", "col_x", None, "left", "150pt"), ("actual", "col_actual", N0, "right", None),
                          ("expected", "col_model_customers", "#,##0.0", "right", None)], show_if="has_histogram")
    d.text("histogram_note", "note")
    d.text("h_holdout", "h2", show_if="has_holdout")
    d.text("holdout_note", "report", show_if="has_holdout")
    d.chart("holdoutTracking", "tracking_chart", "week", ["purchases"], kind="line", width=515, height=220,
            pattern="#,##0", show_if="has_holdout", series_by="series", from_zero=True, markers=False)
    d.text("tracking_note", "note", show_if="has_holdout")
    d.table("holdout_by_x", [("x", "col_x", None, "left", "120pt"), ("customers", "col_customers", N0, "right", None),
                             ("actual", "col_holdout_actual", N0, "right", None),
                             ("predicted", "col_holdout_predicted", "#,##0.0", "right", None),
                             ("actual_mean", "col_actual_mean", "0.000", "right", None),
                             ("predicted_mean", "col_predicted_mean", "0.000", "right", None)], show_if="has_holdout",
            font_size="8pt")
    d.write("clv.rptdesign")


COHORT_PERIODS = 13


def cohorts():
    d = Design("Cohort retention: the triangle of cohorts by first paid order (heat table), the LTV curves per "
               "cohort (line chart), and the cohorts' figures per breakdown group (acquisition channel).")
    d.dataset("heat", [("cohort", "string"), ("size", "integer")] +
              [(f"c{k}", "decimal") for k in range(1, COHORT_PERIODS + 1)] +
              [(f"p{k}", "decimal") for k in range(1, COHORT_PERIODS + 1)])
    d.dataset("ltv", [("cohort", "string"), ("period", "string"), ("ltv", "decimal")])
    d.dataset("groups", [("group", "string"), ("customers", "integer"), ("retained1", "decimal"),
                         ("ltv3", "decimal"), ("ltv6", "decimal"), ("ltv12", "decimal")])
    d.text("title", "title")
    d.text("subtitle", "subtitle")
    d.text("h_matrix", "h2")
    d.text("matrix_note", "note")
    d.table("heat", [("cohort", "col_cohort", None, "left", "48pt"), ("size", "col_size", N0, "right", "50pt")] +
            [(f"c{k}", f"h{k}", "#,##0.0#", "center", None) for k in range(1, COHORT_PERIODS + 1)],
            heat=COHORT_PERIODS, font_size="7pt")
    d.text("h_ltv", "h2")
    d.chart("ltvCurves", "ltv", "period", ["ltv"], kind="line", width=515, height=240, pattern="#,##0.00",
            show_if="has_ltv", series_by="cohort", from_zero=True)
    d.text("ltv_note", "note")
    d.text("h_groups", "h2")
    d.text("groups_note", "note")
    d.table("groups", [("group", "col_group", None, "left", "110pt"), ("customers", "col_customers", N0, "right", None),
                       ("retained1", "col_retained1", "#,##0.00", "right", None),
                       ("ltv3", "col_ltv3", MONEY, "right", None), ("ltv6", "col_ltv6", MONEY, "right", None),
                       ("ltv12", "col_ltv12", MONEY, "right", None)], show_if="has_groups", font_size="8pt")
    d.write("cohorts.rptdesign")


if __name__ == "__main__":
    # python3 releng/tools/report_designs.py [clv …]: the designs named, or all of them
    makers = {"roi": roi, "tier-conversion": tier_conversion, "behavior-path": behavior_path, "clv": clv, "cohorts": cohorts}
    for name in sys.argv[1:] or makers:
        makers[name]()
    sys.exit(0)
