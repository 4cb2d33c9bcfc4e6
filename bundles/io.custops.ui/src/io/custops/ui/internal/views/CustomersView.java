package io.custops.ui.internal.views;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.DictionaryColumn;
import io.custops.core.data.OrderStatus;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.ServiceKind;
import io.custops.ui.charts.VirtualGrid;
import io.custops.engine.ServiceEntry;
import io.custops.ui.internal.session.CustomerFacts;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * The Customers part: every customer of the workspace in a virtual table (only the visible rows
 * are made, so a million rows scroll; sorting and filtering run in background jobs over
 * primitive arrays), filters by the label of any strategy or model, by manual tag and by
 * attribute, and a customer's detail: attributes with personal data masked until revealed (the
 * reveal is recorded), labels and scores, tags to add and remove, orders and the events timeline.
 */
public final class CustomersView extends View {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final int MAX_TIMELINE = 500;

	/** Attributes shown as table columns when the dataset has them (personal ones never). */
	private static final List<String> TABLE_ATTRIBUTES = List.of("province", "city", "gender", "channel", "member_level");

	private final Text search;
	private final Combo analysisCombo;
	private final Combo labelCombo;
	private final Combo tagCombo;
	private final Combo attributeCombo;
	private final Text attributeValue;
	private final org.eclipse.swt.widgets.Label countLabel;
	private final VirtualGrid table;
	private final Composite detail;
	private final ScrolledComposite detailScroll;

	private CustomerDataset dataset;
	private CustomerFacts facts;
	private List<ServiceEntry> analyses = List.of();
	private CustomerClassification classification;
	private String classificationOf;
	private List<String> attributeColumns = List.of();
	private int[] rows = new int[0];
	private int sortColumn = -1;
	private boolean sortDescending;
	private int selected = -1;
	private boolean revealed;
	private long lastFilterMillis = -1;

	public CustomersView(Composite parent, ViewContext ctx) {
		super(parent, ctx);
		Composite filters = new Composite(root, SWT.NONE);
		filters.setLayout(new GridLayout(12, false));
		filters.setLayoutData(Tables.fillH());
		new org.eclipse.swt.widgets.Label(filters, SWT.NONE).setText(t("Customer", "客户"));
		search = new Text(filters, SWT.BORDER | SWT.SEARCH);
		search.setMessage(t("id contains…", "编号包含…"));
		search.setLayoutData(width(120));
		search.addListener(SWT.DefaultSelection, e -> filter());
		new org.eclipse.swt.widgets.Label(filters, SWT.NONE).setText(t("Label by", "标签来源"));
		analysisCombo = new Combo(filters, SWT.READ_ONLY);
		analysisCombo.addListener(SWT.Selection, e -> classify());
		labelCombo = new Combo(filters, SWT.READ_ONLY);
		labelCombo.setLayoutData(width(150));
		labelCombo.addListener(SWT.Selection, e -> filter());
		new org.eclipse.swt.widgets.Label(filters, SWT.NONE).setText(t("Tag", "标签"));
		tagCombo = new Combo(filters, SWT.READ_ONLY);
		tagCombo.setLayoutData(width(110));
		tagCombo.addListener(SWT.Selection, e -> filter());
		new org.eclipse.swt.widgets.Label(filters, SWT.NONE).setText(t("Attribute", "属性"));
		attributeCombo = new Combo(filters, SWT.READ_ONLY);
		attributeValue = new Text(filters, SWT.BORDER);
		attributeValue.setMessage(t("value", "取值"));
		attributeValue.setLayoutData(width(90));
		attributeValue.addListener(SWT.DefaultSelection, e -> filter());
		Button apply = new Button(filters, SWT.PUSH);
		apply.setText(t("Filter", "筛选"));
		apply.addListener(SWT.Selection, e -> filter());
		countLabel = new org.eclipse.swt.widgets.Label(filters, SWT.NONE);
		countLabel.setLayoutData(Tables.fillH());

		SashForm sash = new SashForm(root, SWT.HORIZONTAL);
		sash.setLayoutData(Tables.fill());
		// drawn on demand: a million rows cost nothing until they are scrolled into view
		table = new VirtualGrid(sash, SWT.BORDER);
		table.setCellText((row, column) -> row < rows.length ? cachedRow(rows[row])[column] : "");
		table.addSelectionListener(index -> {
			if (index >= 0 && index < rows.length) {
				showCustomer(rows[index]);
			}
		});
		table.addSortListener(this::sortBy);
		detailScroll = new ScrolledComposite(sash, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		detailScroll.setExpandHorizontal(true);
		detailScroll.setExpandVertical(true);
		detail = new Composite(detailScroll, SWT.NONE);
		detail.setLayout(new GridLayout(1, false));
		detailScroll.setContent(detail);
		sash.setWeights(66, 34);
		start();
	}

	private static GridData width(int w) {
		GridData data = new GridData(SWT.LEFT, SWT.CENTER, false, false);
		data.widthHint = w;
		return data;
	}

	@Override
	protected void datasetChanged(CustomerDataset d) {
		String keepCustomer = selected >= 0 && dataset != null ? dataset.customerId(selected) : null;
		dataset = d;
		facts = session().facts();
		classification = null;
		selected = -1;
		attributeColumns = new ArrayList<>();
		for (String name : TABLE_ATTRIBUTES) {
			if (d.attribute(name) != null && !ctx.preferences().isPersonal(name)) {
				attributeColumns.add(name);
			}
		}
		buildColumns();
		fillCombos();
		if (keepCustomer != null && d.indexOf(keepCustomer) >= 0) {
			selected = d.indexOf(keepCustomer);
			showCustomer(selected);
		} else {
			clearDetail();
		}
		if (analysisCombo.getSelectionIndex() > 0) {
			classify();
		} else {
			filter();
		}
	}

	private int cachedCustomer = -1;
	private String[] cachedTexts;

	/** The texts of a customer's row, kept while its cells are painted. */
	private String[] cachedRow(int customer) {
		if (customer != cachedCustomer || cachedTexts == null) {
			cachedTexts = rowTexts(customer);
			cachedCustomer = customer;
		}
		return cachedTexts;
	}

	private void buildColumns() {
		cachedCustomer = -1;
		List<String> headers = new ArrayList<>();
		headers.add(t("Customer", "客户"));
		for (String a : attributeColumns) {
			headers.add(attributeLabel(a));
		}
		headers.addAll(List.of(t("Paid orders", "付款订单"), t("Revenue", "消费金额"), t("Last order", "最近下单"),
				t("Events", "行为数"), t("Label", "标签")));
		int[] widths = new int[headers.size()];
		boolean[] right = new boolean[headers.size()];
		for (int i = 0; i < headers.size(); i++) {
			widths[i] = i == 0 ? 105 : i == headers.size() - 1 ? 140 : i <= attributeColumns.size() ? 72 : 84;
			right[i] = i > attributeColumns.size() && i < headers.size() - 1 && i != attributeColumns.size() + 3;
		}
		table.setColumns(headers.toArray(new String[0]), widths, right);
	}

	private String attributeLabel(String name) {
		return switch (name) {
		case "province" -> t("Province", "省份");
		case "city" -> t("City", "城市");
		case "gender" -> t("Gender", "性别");
		case "channel" -> t("Channel", "渠道");
		case "member_level" -> t("Member level", "会员等级");
		case "name" -> t("Name", "姓名");
		case "phone" -> t("Phone", "手机");
		case "birthday" -> t("Birthday", "生日");
		case "first_seen" -> t("First seen", "首次出现");
		default -> name;
		};
	}

	private void fillCombos() {
		analyses = new ArrayList<>();
		analyses.addAll(ctx.services().catalog().services(ServiceKind.STRATEGY));
		analyses.addAll(ctx.services().catalog().services(ServiceKind.MODEL));
		String previous = analysisCombo.getText();
		analysisCombo.removeAll();
		analysisCombo.add(t("(no analysis)", "（不分析）"));
		for (ServiceEntry e : analyses) {
			analysisCombo.add(e.service().name().get(ctx.locale()));
		}
		int index = analysisCombo.indexOf(previous);
		if (index < 0) {
			// the first single-label strategy, so that the table shows a segment at once
			index = analyses.isEmpty() ? 0 : 1;
		}
		analysisCombo.select(index);
		labelCombo.removeAll();
		labelCombo.add(t("(all labels)", "（全部）"));
		labelCombo.select(0);
		tagCombo.removeAll();
		tagCombo.add(t("(any)", "（不限）"));
		dataset.tagNames().forEach(tagCombo::add);
		tagCombo.select(0);
		attributeCombo.removeAll();
		attributeCombo.add(t("(none)", "（无）"));
		for (String name : dataset.attributeNames()) {
			attributeCombo.add(name);
		}
		attributeCombo.select(0);
		root.layout(true, true);
	}

	private ServiceEntry chosenAnalysis() {
		int index = analysisCombo.getSelectionIndex();
		return index <= 0 ? null : analyses.get(index - 1);
	}

	/** Runs the chosen analysis (as of the day after the last fact) for the label column and filter. */
	private void classify() {
		ServiceEntry entry = chosenAnalysis();
		if (entry == null) {
			classification = null;
			classificationOf = null;
			labelCombo.removeAll();
			labelCombo.add(t("(all labels)", "（全部）"));
			labelCombo.select(0);
			filter();
			return;
		}
		CustomerDataset d = dataset;
		LocalDate asOf = session().defaultAsOf();
		CustomerAnalysis analysis = (CustomerAnalysis) entry.service();
		run(t("Classifying customers with ", "正在计算 ") + entry.id(), monitor -> ctx.services().analyses().run(analysis, d,
				asOf, ctx.services().analyses().resolve(analysis, Defaults.of(analysis.parameters(), ctx.preferences())), monitor),
				result -> {
					if (d != dataset) {
						return;
					}
					classification = result;
					classificationOf = entry.id();
					Map<String, Long> counts = result.counts();
					labelCombo.removeAll();
					labelCombo.add(t("(all labels)", "（全部）"));
					for (io.custops.core.spi.Label label : result.labels()) {
						labelCombo.add(label.text(ctx.locale()) + " (" + Tables.count(counts.get(label.id())) + ")");
					}
					labelCombo.select(0);
					filter();
				});
	}

	/** Applies the filters in a background job and shows the customers that pass. */
	public void filter() {
		if (dataset == null) {
			return;
		}
		CustomerDataset d = dataset;
		CustomerClassification cls = classification;
		int labelIndex = labelCombo.getSelectionIndex() - 1;
		int tag = tagCombo.getSelectionIndex() - 1;
		String idPart = search.getText().trim();
		String attribute = attributeCombo.getSelectionIndex() > 0 ? attributeCombo.getText() : null;
		String value = attributeValue.getText().trim();
		run(t("Filtering customers", "正在筛选客户"), monitor -> {
			long started = System.nanoTime();
			int n = d.customerCount();
			int[] out = new int[n];
			int count = 0;
			DictionaryColumn column = attribute == null ? null : d.attribute(attribute);
			boolean[] valueMatches = null;
			if (column != null && !value.isEmpty()) {
				valueMatches = new boolean[column.dictionary().size()];
				for (int i = 0; i < valueMatches.length; i++) {
					valueMatches[i] = column.dictionary().get(i).toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
				}
			}
			int[] tagOffsets = d.tagOffsets();
			int[] tagIds = d.tagIds();
			for (int c = 0; c < n; c++) {
				if ((c & 0xffff) == 0) {
					monitor.checkCanceled();
				}
				if (labelIndex >= 0 && cls != null && !hasLabel(cls, c, labelIndex)) {
					continue;
				}
				if (tag >= 0 && Arrays.binarySearch(tagIds, tagOffsets[c], tagOffsets[c + 1], tag) < 0) {
					continue;
				}
				if (valueMatches != null) {
					int code = column.code(c);
					if (code < 0 || !valueMatches[code]) {
						continue;
					}
				}
				if (!idPart.isEmpty() && !d.customerId(c).contains(idPart)) {
					continue;
				}
				out[count++] = c;
			}
			int[] result = Arrays.copyOf(out, count);
			if (sortColumn >= 0) {
				result = sorted(result, sortColumn, sortDescending, d, cls);
			}
			lastFilterMillis = (System.nanoTime() - started) / 1_000_000;
			return result;
		}, result -> {
			if (d != dataset) {
				return;
			}
			show(result);
		});
	}

	private static boolean hasLabel(CustomerClassification cls, int customer, int label) {
		if (!cls.isMultiLabel()) {
			return cls.labelIndexes()[customer] == label;
		}
		for (int l : cls.labelIndexesOf(customer)) {
			if (l == label) {
				return true;
			}
		}
		return false;
	}

	private void show(int[] result) {
		rows = result;
		long started = System.nanoTime();
		cachedCustomer = -1;
		table.setRowCount(rows.length);
		lastShowMillis = (System.nanoTime() - started) / 1_000_000;
		countLabel.setText(String.format(t("%,d of %,d customers", "%,d / %,d 位客户"), rows.length, dataset.customerCount())
				+ (classificationOf == null ? "" : "  ·  " + classificationOf));
		countLabel.getParent().layout();
	}

	private long lastShowMillis = -1;

	/** Sorts the shown rows by a column (again: the other direction), in a background job. */
	public void sortBy(int column) {
		if (dataset == null) {
			return;
		}
		sortDescending = column == sortColumn ? !sortDescending : column > attributeColumns.size();
		sortColumn = column;
		table.setSortColumn(column, sortDescending);
		int[] current = rows;
		CustomerDataset d = dataset;
		CustomerClassification cls = classification;
		boolean descending = sortDescending;
		run(t("Sorting customers", "正在排序"), monitor -> sorted(current, column, descending, d, cls), result -> {
			if (d == dataset) {
				show(result);
			}
		});
	}

	private int[] sorted(int[] input, int column, boolean descending, CustomerDataset d, CustomerClassification cls) {
		// sort keys as primitive longs: (key << 32 | position) sorts by key, ties by position (stable)
		long[] keys = new long[input.length];
		IntFunction<Long> key = keyOf(column, d, cls);
		for (int i = 0; i < input.length; i++) {
			long k = key.apply(input[i]);
			keys[i] = k;
		}
		Integer[] order = new Integer[input.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Comparator<Integer> byKey = (a, b) -> Long.compare(keys[a], keys[b]);
		Arrays.sort(order, descending ? byKey.reversed() : byKey);
		int[] out = new int[input.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = input[order[i]];
		}
		return out;
	}

	/** A sortable number per customer for a column: ranks for texts, values for numbers. */
	private IntFunction<Long> keyOf(int column, CustomerDataset d, CustomerClassification cls) {
		CustomerFacts f = facts;
		if (column == 0) {
			int[] rank = idRanks(d);
			return c -> (long) rank[c];
		}
		if (column <= attributeColumns.size()) {
			DictionaryColumn attr = d.attribute(attributeColumns.get(column - 1));
			int[] rank = dictionaryRanks(attr);
			return c -> attr.code(c) < 0 ? Long.MAX_VALUE : (long) rank[attr.code(c)];
		}
		return switch (column - attributeColumns.size()) {
		case 1 -> c -> (long) f.paidOrders(c);
		case 2 -> c -> f.revenueCents(c);
		case 3 -> c -> (long) f.lastPaidDay(c);
		case 4 -> c -> (long) f.events(c);
		default -> c -> cls == null ? 0L : (long) cls.labelIndexes()[c];
		};
	}

	private int[] idRanks;
	private CustomerDataset idRanksOf;

	private synchronized int[] idRanks(CustomerDataset d) {
		if (idRanksOf != d) {
			Integer[] order = new Integer[d.customerCount()];
			for (int i = 0; i < order.length; i++) {
				order[i] = i;
			}
			Arrays.sort(order, Comparator.comparing(d::customerId));
			int[] rank = new int[order.length];
			for (int i = 0; i < order.length; i++) {
				rank[order[i]] = i;
			}
			idRanks = rank;
			idRanksOf = d;
		}
		return idRanks;
	}

	private static int[] dictionaryRanks(DictionaryColumn column) {
		List<String> dict = column.dictionary();
		Integer[] order = new Integer[dict.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparing(dict::get));
		int[] rank = new int[order.length];
		for (int i = 0; i < order.length; i++) {
			rank[order[i]] = i;
		}
		return rank;
	}

	private String[] rowTexts(int c) {
		String[] texts = new String[attributeColumns.size() + 6];
		texts[0] = dataset.customerId(c);
		for (int i = 0; i < attributeColumns.size(); i++) {
			String v = dataset.attribute(attributeColumns.get(i)).value(c);
			texts[i + 1] = v == null ? "" : v;
		}
		int k = attributeColumns.size() + 1;
		texts[k] = Integer.toString(facts.paidOrders(c));
		texts[k + 1] = Tables.money(facts.revenueCents(c));
		texts[k + 2] = Tables.day(facts.lastPaidDay(c));
		texts[k + 3] = Integer.toString(facts.events(c));
		texts[k + 4] = labelText(c);
		return texts;
	}

	private String labelText(int c) {
		if (classification == null) {
			return "";
		}
		List<String> names = new ArrayList<>();
		for (int l : classification.labelIndexesOf(c)) {
			names.add(classification.labels().get(l).text(ctx.locale()));
		}
		return String.join(", ", names);
	}

	// ------------------------------------------------------------------ detail

	private void clearDetail() {
		for (var child : detail.getChildren()) {
			child.dispose();
		}
		org.eclipse.swt.widgets.Label hint = new org.eclipse.swt.widgets.Label(detail, SWT.WRAP);
		hint.setText(t("Select a customer to see the detail.", "选择一位客户查看详情。"));
		detail.layout(true, true);
	}

	/** Shows a customer's detail (by dense index). */
	public void showCustomer(int c) {
		if (c != selected) {
			revealed = false;
		}
		selected = c;
		for (var child : detail.getChildren()) {
			child.dispose();
		}
		String id = dataset.customerId(c);
		org.eclipse.swt.widgets.Label title = new org.eclipse.swt.widgets.Label(detail, SWT.NONE);
		title.setText(t("Customer ", "客户 ") + id);
		title.setFont(bold());

		// attributes, personal ones masked by the one rule (io.custops.core.Masking) until a recorded reveal
		Table attrs = Tables.table(detail, SWT.NONE, new String[] { t("Attribute", "属性"), t("Value", "取值") },
				new int[] { 150, 260 }, "LL");
		attrs.setLayoutData(Tables.size(380, 130));
		List<String> shownPersonal = new ArrayList<>();
		for (String name : dataset.attributeNames()) {
			String v = dataset.attribute(name).value(c);
			if (v == null) {
				continue;
			}
			boolean personal = ctx.preferences().isPersonal(name);
			if (personal) {
				shownPersonal.add(name);
			}
			new TableItem(attrs, SWT.NONE).setText(new String[] { attributeLabel(name), personal && !revealed ? io.custops.core.Masking.masked(name, v) : v });
		}
		if (!shownPersonal.isEmpty()) {
			Button reveal = new Button(detail, SWT.PUSH);
			reveal.setText(revealed ? t("Personal data shown (recorded)", "个人信息已显示（已记录）")
					: t("Reveal personal data (recorded)", "显示个人信息（将被记录）"));
			reveal.setEnabled(!revealed);
			reveal.addListener(SWT.Selection, e -> reveal(c, shownPersonal));
		}

		// labels and scores of the analysis shown in the table
		if (classification != null) {
			StringBuilder scores = new StringBuilder(classificationOf + ": " + labelText(c));
			for (ResultColumn column : classification.columns()) {
				String v = column.format(c);
				if (!v.isEmpty()) {
					scores.append("\n  ").append(column.name()).append(" = ").append(v);
				}
			}
			org.eclipse.swt.widgets.Label s = new org.eclipse.swt.widgets.Label(detail, SWT.WRAP);
			s.setText(scores.toString());
		}
		org.eclipse.swt.widgets.Label f = new org.eclipse.swt.widgets.Label(detail, SWT.WRAP);
		f.setText(String.format(t("Paid orders %d, revenue %s, last paid order %s", "付款订单 %d，消费 %s，最近付款 %s"),
				facts.paidOrders(c), Tables.money(facts.revenueCents(c)), Tables.day(facts.lastPaidDay(c))));

		// tags
		Composite tags = new Composite(detail, SWT.NONE);
		tags.setLayout(new GridLayout(4, false));
		new org.eclipse.swt.widgets.Label(tags, SWT.NONE).setText(t("Tags:", "标签：") + " " + String.join(", ", tagsOf(c)));
		Text tagText = new Text(tags, SWT.BORDER);
		tagText.setMessage(t("tag", "标签"));
		tagText.setLayoutData(width(100));
		Button add = new Button(tags, SWT.PUSH);
		add.setText(t("Add", "添加"));
		add.addListener(SWT.Selection, e -> changeTag(c, tagText.getText().trim(), true));
		Button remove = new Button(tags, SWT.PUSH);
		remove.setText(t("Remove", "移除"));
		remove.addListener(SWT.Selection, e -> changeTag(c, tagText.getText().trim(), false));

		// orders
		org.eclipse.swt.widgets.Label ordersTitle = new org.eclipse.swt.widgets.Label(detail, SWT.NONE);
		int[] oo = dataset.orderOffsets();
		ordersTitle.setText(t("Orders", "订单") + " (" + (oo[c + 1] - oo[c]) + ")");
		ordersTitle.setFont(bold());
		Table orders = Tables.table(detail, SWT.NONE, new String[] { t("Time", "时间"), t("Amount", "金额"),
				t("Status", "状态"), t("Qty", "数量"), t("Channel", "渠道") }, new int[] { 140, 90, 80, 50, 80 }, "LRLRL");
		orders.setLayoutData(Tables.size(380, 120));
		for (int i = oo[c + 1] - 1; i >= oo[c]; i--) {
			String channel = dataset.orderChannel() == null ? null : dataset.orderChannel().value(i);
			new TableItem(orders, SWT.NONE).setText(new String[] { time(dataset.orderTime()[i]),
					Tables.money(dataset.orderAmount()[i]), OrderStatus.ofCode(dataset.orderStatus()[i]).id(),
					Integer.toString(dataset.orderQuantity()[i]), channel == null ? "" : channel });
		}

		// events timeline, newest first
		int[] eo = dataset.eventOffsets();
		org.eclipse.swt.widgets.Label eventsTitle = new org.eclipse.swt.widgets.Label(detail, SWT.NONE);
		eventsTitle.setText(t("Events timeline", "行为时间线") + " (" + (eo[c + 1] - eo[c]) + ")");
		eventsTitle.setFont(bold());
		Table events = Tables.table(detail, SWT.NONE,
				new String[] { t("Time", "时间"), t("Event", "行为"), t("Channel", "渠道"), t("Session", "会话") },
				new int[] { 140, 90, 80, 80 }, "LLLR");
		events.setLayoutData(Tables.size(380, 160));
		int shown = 0;
		for (int i = eo[c + 1] - 1; i >= eo[c] && shown < MAX_TIMELINE; i--, shown++) {
			String channel = dataset.eventChannel() == null ? null : dataset.eventChannel().value(i);
			int session = dataset.eventSession()[i];
			new TableItem(events, SWT.NONE).setText(new String[] { time(dataset.eventTime()[i]),
					dataset.eventTypeNames().get(dataset.eventType()[i]), channel == null ? "" : channel,
					session < 0 ? "" : Integer.toString(session) });
		}
		detailScroll.setMinSize(detail.computeSize(SWT.DEFAULT, SWT.DEFAULT));
		detail.layout(true, true);
	}

	private org.eclipse.swt.graphics.Font boldFont;

	private org.eclipse.swt.graphics.Font bold() {
		if (boldFont == null) {
			var data = detail.getFont().getFontData();
			for (var d : data) {
				d.setStyle(SWT.BOLD);
			}
			boldFont = new org.eclipse.swt.graphics.Font(detail.getDisplay(), data);
			root.addDisposeListener(e -> boldFont.dispose());
		}
		return boldFont;
	}

	private static String time(long seconds) {
		return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).format(TIME);
	}

	private List<String> tagsOf(int c) {
		List<String> tags = new ArrayList<>();
		for (int i = dataset.tagOffsets()[c]; i < dataset.tagOffsets()[c + 1]; i++) {
			tags.add(dataset.tagNames().get(dataset.tagIds()[i]));
		}
		return tags;
	}

	private void changeTag(int c, String tag, boolean add) {
		if (tag.isEmpty()) {
			showError(t("Type a tag first.", "请先输入标签。"));
			return;
		}
		session().tag(tag, new int[] { c }, add, changed -> {
		}, e -> showError(WorkbenchSession.text(e)));
	}

	private void reveal(int c, List<String> fields) {
		try {
			session().recordReveal(dataset.customerId(c), fields);
		} catch (io.custops.store.WorkspaceException | RuntimeException e) {
			showError(t("The reveal could not be recorded, so the data stay masked: ", "无法记录查看操作，个人信息保持隐藏：")
					+ e.getMessage());
			return;
		}
		revealed = true;
		showCustomer(c);
	}

	// ------------------------------------------------------------------ for tests

	public VirtualGrid table() {
		return table;
	}

	public int rowCount() {
		return rows.length;
	}

	public int customerAt(int row) {
		return rows[row];
	}

	public Composite detail() {
		return detail;
	}

	public long lastFilterMillis() {
		return lastFilterMillis;
	}

	public long lastShowMillis() {
		return lastShowMillis;
	}

	public Combo analysisCombo() {
		return analysisCombo;
	}

	public Combo labelCombo() {
		return labelCombo;
	}

	public void selectRow(int row) {
		table.setSelection(row);
		showCustomer(rows[row]);
	}
}
