package io.custops.ui.internal.views;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.param.ParameterSpec;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceEntry;
import io.custops.source.SourceCheck;
import io.custops.store.ImportResult;
import io.custops.store.SourceRecord;
import io.custops.store.TooManyRejectsException;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceInfo;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;
import io.custops.ui.internal.widgets.ParameterForm;

/**
 * The Data part: the workspace (open, create, switch; what it holds), imports through any
 * registered connector with its parameters, progress and cancel in the status line, the import
 * history, and the rejected rows of an import (line, field, reason, raw) to fix the mapping
 * and import again.
 */
public final class DataView extends View {

	private final Label workspaceLabel;
	private final Label summary;
	private final Combo connectorCombo;
	private final Combo kindCombo;
	private final Text fileText;
	private final Button browse;
	private final Composite formHolder;
	private ParameterForm form;
	private final Button importButton;
	private final Label result;
	private final Table history;
	private final Label rejectsTitle;
	private final Table rejects;
	private List<DataConnector> connectors = List.of();
	private List<WorkspaceInfo.ImportRecord> imports = List.of();
	private final Combo sourceCombo;
	private final Label sourceStatus;
	private final Table sourceTables;
	private final Table sourceColumns;
	private List<SourceRecord> sources = List.of();
	private SourceCheck check;

	public DataView(Composite parent, ViewContext ctx) {
		super(parent, ctx);
		SashForm sash = new SashForm(root, SWT.VERTICAL);
		sash.setLayoutData(Tables.fill());

		Composite top = new Composite(sash, SWT.NONE);
		top.setLayout(new GridLayout(2, true));
		Group ws = Tables.group(top, t("Workspace", "工作区"), 4);
		workspaceLabel = new Label(ws, SWT.WRAP);
		workspaceLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
		Button open = new Button(ws, SWT.PUSH);
		open.setText(t("Open…", "打开…"));
		open.setToolTipText(t("Open another workspace folder (this one is closed)", "打开另一个工作区文件夹（关闭当前工作区）"));
		open.addListener(SWT.Selection, e -> chooseWorkspace(false));
		Button create = new Button(ws, SWT.PUSH);
		create.setText(t("New…", "新建…"));
		create.setToolTipText(t("Create a workspace in an empty folder", "在空文件夹中新建工作区"));
		create.addListener(SWT.Selection, e -> chooseWorkspace(true));
		Button reload = new Button(ws, SWT.PUSH);
		reload.setText(t("Reload", "重新载入"));
		reload.addListener(SWT.Selection, e -> session().reload());
		Button demo = new Button(ws, SWT.PUSH);
		demo.setText(t("Load demo shop", "载入演示店铺"));
		demo.setToolTipText(t("Import a generated shop (20,000 customers) from the demo connector", "从演示连接器导入生成的店铺（2 万客户）"));
		demo.addListener(SWT.Selection, e -> loadDemo());
		summary = new Label(ws, SWT.WRAP);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));

		Group imp = Tables.group(top, t("Import", "导入"), 4);
		new Label(imp, SWT.NONE).setText(t("Connector", "连接器"));
		connectorCombo = new Combo(imp, SWT.READ_ONLY);
		connectorCombo.setLayoutData(Tables.fillH());
		new Label(imp, SWT.NONE).setText(t("Kind", "数据类型"));
		kindCombo = new Combo(imp, SWT.READ_ONLY);
		kindCombo.setLayoutData(Tables.fillH());
		new Label(imp, SWT.NONE).setText(t("File", "文件"));
		fileText = new Text(imp, SWT.BORDER);
		fileText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		browse = new Button(imp, SWT.PUSH);
		browse.setText(t("Browse…", "浏览…"));
		browse.addListener(SWT.Selection, e -> {
			FileDialog dialog = new FileDialog(root.getShell(), SWT.OPEN);
			String chosen = dialog.open();
			if (chosen != null) {
				fileText.setText(chosen);
			}
		});
		formHolder = new Composite(imp, SWT.NONE);
		formHolder.setLayout(new GridLayout(1, false));
		formHolder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
		importButton = new Button(imp, SWT.PUSH);
		importButton.setText(t("Import", "导入"));
		importButton.addListener(SWT.Selection, e -> startImport());
		result = new Label(imp, SWT.WRAP);
		result.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		connectorCombo.addListener(SWT.Selection, e -> connectorChosen());

		// the workspace and import groups take their own height; the source's tables the rest
		((GridData) ws.getLayoutData()).grabExcessVerticalSpace = false;
		((GridData) imp.getLayoutData()).grabExcessVerticalSpace = false;
		Group src = Tables.group(top, t("Data source", "数据源"), 4);
		((GridData) src.getLayoutData()).horizontalSpan = 2;
		new Label(src, SWT.NONE).setText(t("Analyse", "分析对象"));
		sourceCombo = new Combo(src, SWT.READ_ONLY);
		GridData comboData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
		comboData.widthHint = 320;
		sourceCombo.setLayoutData(comboData);
		sourceCombo.setToolTipText(t("The workspace's own data, or a source registered in it (./custops source add): the analyses then run inside that database",
				"工作区自身的数据，或在工作区中登记的数据源（./custops source add）：分析随后在该数据库内运行"));
		sourceCombo.addListener(SWT.Selection, e -> sourceChosen());
		Button test = new Button(src, SWT.PUSH);
		test.setText(t("Test again", "重新检查"));
		test.setToolTipText(t("Connect, check every mapped column, count the rows and read the date range", "连接、检查每个映射列、统计行数并读取日期范围"));
		test.addListener(SWT.Selection, e -> checkSource(true));
		sourceStatus = new Label(src, SWT.WRAP);
		sourceStatus.setLayoutData(Tables.fillH());
		sourceTables = Tables.table(src, SWT.SINGLE, ctx.zh() ? new String[] { "类型", "表", "行数", "最早", "最晚" }
				: new String[] { "Kind", "Table", "Rows", "From", "To" }, new int[] { 80, 150, 70, 140, 140 }, "LLRLL");
		GridData tablesData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		tablesData.heightHint = 90;
		sourceTables.setLayoutData(tablesData);
		sourceColumns = Tables.table(src, SWT.SINGLE, ctx.zh() ? new String[] { "类型", "字段", "列", "列类型", "可用" }
				: new String[] { "Kind", "Field", "Column", "Type", "Usable" }, new int[] { 80, 110, 110, 130, 60 }, "LLLLL");
		GridData columnsData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		columnsData.heightHint = 90;
		sourceColumns.setLayoutData(columnsData);

		Composite middle = new Composite(sash, SWT.NONE);
		middle.setLayout(new GridLayout(2, false));
		Label historyTitle = new Label(middle, SWT.NONE);
		historyTitle.setText(t("Import history (double-click a row with rejected rows to see them)",
				"导入记录（双击有拒绝行的记录查看被拒绝的行）"));
		historyTitle.setLayoutData(Tables.fillH());
		Button showRejects = new Button(middle, SWT.PUSH);
		showRejects.setText(t("Open rejected rows", "查看被拒绝的行"));
		showRejects.addListener(SWT.Selection, e -> showSelectedRejects());
		history = Tables.table(middle, SWT.SINGLE,
				ctx.zh() ? new String[] { "导入编号", "类型", "连接器", "来源", "状态", "读取", "导入", "拒绝", "未变", "开始时间", "原因" }
						: new String[] { "Import", "Kind", "Connector", "Source", "State", "Read", "Imported", "Rejected",
								"Unchanged", "Started", "Reason" },
				new int[] { 150, 110, 80, 260, 80, 80, 80, 80, 80, 170, 400 }, "LLLLLRRRRLL");
		history.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		history.addListener(SWT.DefaultSelection, e -> showSelectedRejects());

		Composite bottom = new Composite(sash, SWT.NONE);
		bottom.setLayout(new GridLayout(1, false));
		rejectsTitle = new Label(bottom, SWT.NONE);
		rejectsTitle.setText(t("Rejected rows", "被拒绝的行"));
		rejectsTitle.setLayoutData(Tables.fillH());
		rejects = Tables.table(bottom, SWT.MULTI, ctx.zh() ? new String[] { "行", "字段", "原因", "原始内容" }
				: new String[] { "Line", "Field", "Reason", "Raw row" }, new int[] { 70, 110, 420, 500 }, "RLLL");
		rejects.setLayoutData(Tables.fill());
		sash.setWeights(58, 24, 18);

		fillConnectors();
		ctx.services().catalog().addListener(catalogListener);
		root.addDisposeListener(e -> {
			var catalog = ctx.services().catalog();
			if (catalog != null) {
				catalog.removeListener(catalogListener);
			}
		});
		start();
	}

	private final Runnable catalogListener = () -> {
		if (!root.isDisposed()) {
			root.getDisplay().asyncExec(() -> {
				if (!root.isDisposed()) {
					fillConnectors();
				}
			});
		}
	};

	@Override
	protected boolean wantsData() {
		return false;
	}

	private void fillConnectors() {
		String selected = connectorCombo.getText();
		connectors = new ArrayList<>();
		connectorCombo.removeAll();
		for (ServiceEntry entry : ctx.services().catalog().services(ServiceKind.CONNECTOR)) {
			DataConnector connector = (DataConnector) entry.service();
			connectors.add(connector);
			connectorCombo.add(connector.name().get(ctx.locale()) + " (" + connector.id() + ")");
		}
		int index = Math.max(0, indexOf(selected.isEmpty() ? "csv" : selectedId(selected)));
		if (!connectors.isEmpty()) {
			connectorCombo.select(index);
			connectorChosen();
		}
	}

	private static String selectedId(String comboText) {
		int open = comboText.lastIndexOf('(');
		return open < 0 ? comboText : comboText.substring(open + 1, comboText.length() - 1);
	}

	private int indexOf(String connectorId) {
		for (int i = 0; i < connectors.size(); i++) {
			if (connectors.get(i).id().equals(connectorId)) {
				return i;
			}
		}
		return -1;
	}

	private DataConnector connector() {
		int index = connectorCombo.getSelectionIndex();
		return index < 0 ? null : connectors.get(index);
	}

	private void connectorChosen() {
		DataConnector connector = connector();
		if (connector == null) {
			return;
		}
		String kind = kindCombo.getText();
		kindCombo.removeAll();
		for (FactKind k : FactKind.values()) {
			if (connector.supportedKinds().contains(k)) {
				kindCombo.add(k.id());
			}
		}
		kindCombo.setText(kind);
		if (kindCombo.getSelectionIndex() < 0) {
			kindCombo.select(0);
		}
		fileText.setEnabled(connector.needsFile());
		browse.setEnabled(connector.needsFile());
		if (form != null) {
			form.dispose();
		}
		List<ParameterSpec> specs = new ArrayList<>(Workspace.IMPORT_PARAMETERS);
		specs.addAll(connector.parameters());
		form = new ParameterForm(formHolder, specs, Set.of(), Map.of(), 2, ctx.locale());
		form.setLayoutData(Tables.fillH());
		root.layout(true, true);
	}

	@Override
	protected void datasetChanged(CustomerDataset dataset) {
		refreshInfo();
		fillSources();
	}

	@Override
	protected boolean runsOnSources() {
		return true;
	}

	@Override
	protected void sourceChanged(SourceRecord source) {
		refreshInfo();
		fillSources();
		checkSource(false);
	}

	/** The chooser: the workspace's own data first, then every source registered in the workspace. */
	private void fillSources() {
		try {
			sources = session().workspace() == null ? List.of() : session().sources();
		} catch (Exception e) {
			sources = List.of();
			sourceStatus.setText(t("Cannot list the sources: ", "无法列出数据源：") + WorkbenchSession.text(e));
		}
		sourceCombo.removeAll();
		sourceCombo.add(t("Workspace data (in memory)", "工作区数据（内存）"));
		SourceRecord active = session().source();
		int selected = 0;
		for (int i = 0; i < sources.size(); i++) {
			sourceCombo.add(t("Source ", "数据源 ") + WorkbenchSession.title(sources.get(i)));
			if (active != null && sources.get(i).id().equals(active.id())) {
				selected = i + 1;
			}
		}
		sourceCombo.select(selected);
		if (active == null) {
			sourceTables.removeAll();
			sourceColumns.removeAll();
			sourceStatus.setText(sources.isEmpty()
					? t("No source registered in this workspace (./custops source add --id ID --url JDBC_URL --table orders=SCHEMA.TABLE …).",
							"此工作区没有登记数据源（./custops source add --id ID --url JDBC_URL --table orders=SCHEMA.TABLE …）。")
					: String.format(t("The analyses run on the workspace's data; %d source(s) registered.",
							"分析在工作区数据上运行；已登记 %d 个数据源。"), sources.size()));
		}
	}

	private void sourceChosen() {
		int index = sourceCombo.getSelectionIndex();
		openSource(index <= 0 ? null : sources.get(index - 1).id());
	}

	/** Makes the workbench analyse a registered source (null: the workspace's own data). */
	public void openSource(String id) {
		clearError();
		if (id == null) {
			session().useSource((SourceRecord) null);
			return;
		}
		try {
			session().useSource(id);
		} catch (Exception e) {
			showError(WorkbenchSession.text(e));
		}
	}

	/** Checks the active source in the background: tables, mapped columns with their types, rows, date range. */
	private void checkSource(boolean fresh) {
		SourceRecord source = session().source();
		if (source == null) {
			return;
		}
		sourceStatus.setText(t("Checking ", "正在检查 ") + WorkbenchSession.title(source) + " …");
		sourceTables.removeAll();
		sourceColumns.removeAll();
		run(t("Checking source ", "检查数据源 ") + WorkbenchSession.title(source),
				monitor -> session().checkSource(source, fresh, monitor), c -> {
					if (session().source() != source) {
						return;
					}
					showCheck(source, c);
				});
	}

	private void showCheck(SourceRecord source, SourceCheck c) {
		check = c;
		List<String[]> tables = new ArrayList<>();
		List<String[]> columns = new ArrayList<>();
		for (SourceCheck.TableCheck table : c.tables()) {
			tables.add(new String[] { table.kind(), table.table(), table.rows() < 0 ? "—" : Tables.count(table.rows()),
					table.first() == null ? "" : table.first().replace('T', ' '),
					table.last() == null ? "" : table.last().replace('T', ' ') });
			for (SourceCheck.ColumnCheck column : table.columns()) {
				columns.add(new String[] { table.kind(), column.field(), column.column(),
						column.type() == null ? t("(missing)", "（缺失）") : column.type(),
						column.usable() ? t("yes", "是") : t("no", "否") });
			}
		}
		Tables.fill(sourceTables, tables);
		Tables.fill(sourceColumns, columns);
		String text = String.format(t("Source %s, %s: the analyses run inside it, as of %s by default.",
				"数据源 %s，%s：分析在其中运行，默认截至 %s。"), WorkbenchSession.title(source), c.product(),
				WorkbenchSession.defaultAsOf(c));
		if (!c.ok()) {
			text += "\n" + t("Problems: ", "问题：") + String.join("; ", c.problems());
			showError(t("The source's mapping has problems: ", "数据源映射有问题：") + String.join("; ", c.problems()));
		}
		sourceStatus.setText(text);
		root.layout(true, true);
	}

	/** The last check of the active source shown, or null. */
	public SourceCheck sourceCheck() {
		return check;
	}

	public Table sourceTablesTable() {
		return sourceTables;
	}

	public Table sourceColumnsTable() {
		return sourceColumns;
	}

	/** The chooser's items, the workspace's data first. */
	public List<String> sourceChoices() {
		return List.of(sourceCombo.getItems());
	}

	@Override
	protected void stateChanged() {
		WorkbenchSession s = session();
		workspaceLabel.setText(t("Workspace: ", "工作区：") + (s.directory() == null ? s.message() : s.directory())
				+ "  [" + s.state().name().toLowerCase() + "]");
	}

	private void refreshInfo() {
		stateChanged();
		run(t("Reading the workspace summary", "读取工作区概况"), monitor -> session().info(), info -> {
			CustomerDataset d = session().dataset();
			StringBuilder text = new StringBuilder();
			text.append(t("Time zone: ", "时区：")).append(info.zone()).append('\n');
			for (FactKind kind : FactKind.values()) {
				text.append(kind.label().get(ctx.locale())).append(": ").append(Tables.count(info.counts().get(kind)))
						.append("   ");
			}
			text.append('\n').append(t("Manual tags: ", "手工标签：")).append(Tables.count(info.tags()));
			if (d != null) {
				text.append(t("   Customers in memory: ", "   内存中客户：")).append(Tables.count(d.customerCount()))
						.append(t(", loaded in ", "，载入用时 ")).append(session().loadMillis()).append(" ms");
			}
			info.orders().ifPresent(r -> text.append('\n').append(t("Orders from ", "订单时间：")).append(r.first().toLocalDate())
					.append(t(" to ", " 至 ")).append(r.last().toLocalDate()));
			info.events().ifPresent(r -> text.append('\n').append(t("Events from ", "行为时间：")).append(r.first().toLocalDate())
					.append(t(" to ", " 至 ")).append(r.last().toLocalDate()));
			summary.setText(text.toString());
			imports = info.imports();
			List<String[]> rows = new ArrayList<>();
			for (WorkspaceInfo.ImportRecord r : imports) {
				rows.add(new String[] { r.importId(), r.kind().id(), r.connector(), r.source() == null ? "" : r.source(),
						r.state(), Tables.count(r.read()), Tables.count(r.imported()), Tables.count(r.rejected()),
						Tables.count(r.unchanged()), r.started().toString(), r.message() == null ? "" : r.message() });
			}
			Tables.fill(history, rows);
			root.layout(true, true);
		});
	}

	private void chooseWorkspace(boolean create) {
		DirectoryDialog dialog = new DirectoryDialog(root.getShell());
		dialog.setMessage(create ? t("An empty folder for the new workspace", "新工作区的空文件夹")
				: t("The workspace folder", "工作区文件夹"));
		String chosen = dialog.open();
		if (chosen != null) {
			openWorkspace(Path.of(chosen));
		}
	}

	/** Switches the session to the workspace in a folder (created when empty). */
	public void openWorkspace(Path dir) {
		clearError();
		session().open(dir, e -> showError(WorkbenchSession.text(e)));
	}

	/** Fills the import form and starts the import (the analyst's Import button; also for tests). */
	public void importFile(String connectorId, FactKind kind, Path file, Map<String, String> params) {
		int index = indexOf(connectorId);
		if (index < 0) {
			throw new IllegalArgumentException("no connector " + connectorId);
		}
		connectorCombo.select(index);
		connectorChosen();
		kindCombo.setText(kind.id());
		fileText.setText(file == null ? "" : file.toString());
		params.forEach(form::set);
		startImport();
	}

	private void startImport() {
		DataConnector connector = connector();
		if (connector == null) {
			showError(t("No connector is installed.", "没有安装连接器。"));
			return;
		}
		FactKind kind = FactKind.fromId(kindCombo.getText());
		Optional<Path> file = fileText.getText().isBlank() ? Optional.empty() : Optional.of(Path.of(fileText.getText().trim()));
		if (connector.needsFile() && file.isEmpty()) {
			showError(t("Choose the file to import.", "请选择要导入的文件。"));
			return;
		}
		clearError();
		result.setText(t("Importing…", "正在导入…"));
		importButton.setEnabled(false);
		session().importFacts(connector, kind, file, form.values(), r -> {
			if (root.isDisposed()) {
				return;
			}
			importButton.setEnabled(true);
			result.setText(resultText(r));
			if (r.rejectsFile() != null) {
				showRejects(r.rejectsFile());
			}
		}, e -> {
			if (root.isDisposed()) {
				return;
			}
			importButton.setEnabled(true);
			result.setText("");
			showError(t("Nothing imported: ", "未导入任何数据：") + WorkbenchSession.text(e));
			if (e instanceof TooManyRejectsException tooMany && tooMany.rejectsFile() != null) {
				showRejects(tooMany.rejectsFile());
			}
			refreshInfo();
		});
	}

	private String resultText(ImportResult r) {
		String counts = String.format(t("%s: read %,d, imported %,d, unchanged %,d, rejected %,d in %.1f s",
				"%s：读取 %,d，导入 %,d，未变 %,d，拒绝 %,d，用时 %.1f 秒"), r.kind().label().get(ctx.locale()), r.read(),
				r.imported(), r.unchanged(), r.rejected(), r.took().toMillis() / 1000.0);
		// the connector's notes (the encoding it detected, …) are its own words, shown as they are
		return r.notes().isEmpty() ? counts : counts + "\n" + String.join("\n", r.notes());
	}

	/** The text under the Import button: the last import's counts. */
	public String resultText() {
		return result.getText();
	}

	private void showSelectedRejects() {
		int index = history.getSelectionIndex();
		if (index < 0 || index >= imports.size()) {
			return;
		}
		WorkspaceInfo.ImportRecord record = imports.get(index);
		Path file = record.rejectsFile();
		if (file == null || !Files.isRegularFile(file)) {
			// a failed import without rejected rows failed as a whole: its reason is what the user needs
			rejectsTitle.setText(record.message() != null
					? t("This import failed, nothing of it was kept: ", "此次导入失败，未保留任何数据：") + record.message()
					: t("This import rejected no row.", "此次导入没有被拒绝的行。"));
			rejects.removeAll();
			return;
		}
		showRejects(file);
	}

	/** Shows a rejects file (line, field, reason, raw) in the table at the bottom. */
	public void showRejects(Path file) {
		List<String[]> rows;
		try {
			rows = readRejects(file, 10_000);
		} catch (IOException e) {
			showError(t("Cannot read ", "无法读取 ") + file + ": " + e.getMessage());
			return;
		}
		rejectsTitle.setText(t("Rejected rows of ", "被拒绝的行：") + file + " (" + Tables.count(rows.size()) + ")");
		Tables.fill(rejects, inLanguage(rows, ctx.zh()));
	}

	public Table rejectsTable() {
		return rejects;
	}

	public Table historyTable() {
		return history;
	}

	/**
	 * The rows as the table shows them (line, field, reason, raw), the reason in the UI's language:
	 * in Chinese the file's {@code reason_zh} (files of older imports have none: their English reason).
	 */
	static List<String[]> inLanguage(List<String[]> rows, boolean zh) {
		List<String[]> shown = new ArrayList<>(rows.size());
		for (String[] row : rows) {
			String[] r = java.util.Arrays.copyOf(row, 4);
			for (int i = 0; i < 4; i++) {
				r[i] = r[i] == null ? "" : r[i];
			}
			if (zh && row.length > 4 && !row[4].isEmpty()) {
				r[2] = row[4];
			}
			shown.add(r);
		}
		return shown;
	}

	/** Reads the rows of a rejects file (RFC 4180: quoted values may hold commas, quotes and line breaks). */
	static List<String[]> readRejects(Path file, int max) throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<String> fields = new ArrayList<>();
			StringBuilder value = new StringBuilder();
			boolean quoted = false;
			boolean header = true;
			int ch;
			while ((ch = in.read()) != -1 && rows.size() < max) {
				char c = (char) ch;
				if (quoted) {
					if (c == '"') {
						in.mark(1);
						int next = in.read();
						if (next == '"') {
							value.append('"');
						} else {
							quoted = false;
							if (next != -1) {
								in.reset();
							}
						}
					} else {
						value.append(c);
					}
				} else if (c == '"') {
					quoted = true;
				} else if (c == ',') {
					fields.add(value.toString());
					value.setLength(0);
				} else if (c == '\n') {
					fields.add(value.toString());
					value.setLength(0);
					if (!header) {
						rows.add(fields.toArray(new String[0]));
					}
					header = false;
					fields = new ArrayList<>();
				} else if (c != '\r') {
					value.append(c);
				}
			}
			if (!fields.isEmpty() || value.length() > 0) {
				fields.add(value.toString());
				if (!header) {
					rows.add(fields.toArray(new String[0]));
				}
			}
		}
		for (int i = 0; i < rows.size(); i++) {
			String[] row = rows.get(i);
			if (row.length > 3) {
				row[3] = row[3].replace("\r\n", " ⏎ ").replace("\n", " ⏎ ");
			}
		}
		return Collections.unmodifiableList(rows);
	}

	List<TableItem> historyItems() {
		return List.of(history.getItems());
	}
}
