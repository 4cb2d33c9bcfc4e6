package io.custops.ui.internal.views;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;
import io.custops.core.spi.ReportTemplate;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceEntry;
import io.custops.report.AnalysisRunners;
import io.custops.report.RenderedReport;
import io.custops.report.ReportFormat;
import io.custops.report.ReportRenderer;
import io.custops.report.ReportRequest;
import io.custops.store.CampaignStore;
import io.custops.store.Workspace;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.widgets.ParameterForm;

/**
 * The Reports part: the registered report templates with their parameters (and the renderer's:
 * language, formats), rendered into a folder in the background; the files listed, the HTML
 * previewed in the workbench when a browser engine is available, any file opened with the
 * desktop's program.
 */
public final class ReportsView extends View {

	private final Table templates;
	private final Composite formHolder;
	private final Text folder;
	private final Table files;
	private final Label status;
	private final Composite previewHolder;
	private Browser browser;
	private ParameterForm form;
	private List<ReportTemplate> list = List.of();
	private RenderedReport rendered;

	public ReportsView(Composite parent, ViewContext ctx) {
		super(parent, ctx);
		SashForm sash = new SashForm(root, SWT.HORIZONTAL);
		sash.setLayoutData(Tables.fill());
		Composite left = new Composite(sash, SWT.NONE);
		left.setLayout(new GridLayout(3, false));
		Label title = new Label(left, SWT.NONE);
		title.setText(t("Templates", "报表模板"));
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		templates = Tables.table(left, SWT.SINGLE, ctx.zh() ? new String[] { "模板", "名称" } : new String[] { "Template", "Name" },
				new int[] { 120, 250 }, "LL");
		GridData templatesData = new GridData(SWT.FILL, SWT.FILL, true, false, 3, 1);
		templatesData.heightHint = 110;
		templates.setLayoutData(templatesData);
		templates.addListener(SWT.Selection, e -> templateChosen());
		formHolder = new Composite(left, SWT.NONE);
		formHolder.setLayout(new GridLayout(1, false));
		formHolder.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
		new Label(left, SWT.NONE).setText(t("Folder", "输出文件夹"));
		folder = new Text(left, SWT.BORDER);
		folder.setLayoutData(Tables.fillH());
		Button choose = new Button(left, SWT.PUSH);
		choose.setText(t("Browse…", "浏览…"));
		choose.addListener(SWT.Selection, e -> {
			DirectoryDialog dialog = new DirectoryDialog(root.getShell());
			String chosen = dialog.open();
			if (chosen != null) {
				folder.setText(chosen);
			}
		});
		Button render = new Button(left, SWT.PUSH);
		render.setText(t("Render", "生成报表"));
		render.addListener(SWT.Selection, e -> render());
		status = new Label(left, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		files = Tables.table(left, SWT.SINGLE, ctx.zh() ? new String[] { "文件", "大小" } : new String[] { "File", "Size" },
				new int[] { 300, 80 }, "LR");
		files.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		files.addListener(SWT.DefaultSelection, e -> openSelected());
		Button open = new Button(left, SWT.PUSH);
		open.setText(t("Open with the desktop", "用系统程序打开"));
		open.addListener(SWT.Selection, e -> openSelected());
		previewHolder = new Composite(sash, SWT.BORDER);
		previewHolder.setLayout(new org.eclipse.swt.layout.FillLayout());
		sash.setWeights(38, 62);
		Label hint = new Label(previewHolder, SWT.WRAP);
		hint.setText(t("Render a report to preview it here.", "生成报表后在此预览。"));
		fillTemplates();
		start();
	}

	private void fillTemplates() {
		list = new ArrayList<>();
		List<String[]> rows = new ArrayList<>();
		for (ServiceEntry e : ctx.services().catalog().services(ServiceKind.TEMPLATE)) {
			ReportTemplate template = (ReportTemplate) e.service();
			list.add(template);
			rows.add(new String[] { template.id(), template.name().get(ctx.locale()) });
		}
		Tables.fill(templates, rows);
		if (!list.isEmpty()) {
			templates.select(0);
			templateChosen();
		}
	}

	private ReportTemplate template() {
		int index = templates.getSelectionIndex();
		return index < 0 || index >= list.size() ? null : list.get(index);
	}

	private void templateChosen() {
		ReportTemplate template = template();
		if (form != null) {
			form.dispose();
		}
		if (template == null) {
			return;
		}
		List<ParameterSpec> specs = new ArrayList<>(ReportRequest.RENDERER_PARAMETERS);
		specs.addAll(template.parameters());
		form = new ParameterForm(formHolder, specs, Set.of(),
				Map.of(ReportRequest.LANG, ctx.zh() ? "zh" : "en", ReportRequest.FORMAT, "html,pdf"), 1, ctx.locale());
		form.setLayoutData(Tables.fillH());
		root.layout(true, true);
	}

	@Override
	protected void datasetChanged(CustomerDataset dataset) {
		Path dir = session().directory();
		if (dir != null && folder.getText().isBlank()) {
			folder.setText(dir.resolve("reports").toString());
		}
	}

	/** Selects a template by id. */
	public boolean selectTemplate(String id) {
		for (int i = 0; i < list.size(); i++) {
			if (list.get(i).id().equals(id)) {
				templates.select(i);
				templateChosen();
				return true;
			}
		}
		return false;
	}

	public ParameterForm form() {
		return form;
	}

	public void setFolder(Path dir) {
		folder.setText(dir.toString());
	}

	/** Renders the selected template into the folder, in the background. */
	public void render() {
		ReportTemplate template = template();
		CustomerDataset d = session().dataset();
		Workspace ws = session().workspace();
		if (template == null || d == null) {
			showError(t("Choose a template (and open a workspace with data).", "请选择模板（并打开有数据的工作区）。"));
			return;
		}
		Map<String, String> params = form.values();
		// the form leaves out values equal to the defaults; the renderer's language and formats are always passed
		Map<String, String> raw = new java.util.LinkedHashMap<>(params);
		raw.put(ReportRequest.LANG, form.get(ReportRequest.LANG).isEmpty() ? (ctx.zh() ? "zh" : "en") : form.get(ReportRequest.LANG));
		raw.put(ReportRequest.FORMAT, form.get(ReportRequest.FORMAT));
		Path out = Path.of(folder.getText().trim());
		LocalDate today = session().defaultAsOf();
		status.setText(t("Rendering…", "正在生成…"));
		run(t("Rendering report ", "生成报表 ") + template.id(), monitor -> {
			ReportRenderer renderer = ctx.services().renderer();
			if (renderer == null) {
				renderer = ctx.services().await(ReportRenderer.class, 10_000);
			}
			if (renderer == null) {
				throw new IllegalStateException(t("the report renderer (bundle io.custops.report) is not running",
						"报表引擎（io.custops.report）未运行"));
			}
			// the workspace's campaigns are the roi template's input (as on the command line)
			Map<Class<?>, Object> inputs = ws == null ? Map.of() : Map.of(CampaignStore.class, ws.campaigns());
			ReportRequest request = ReportRequest.of(template, d, AnalysisRunners.over(ctx.services().analyses(), d, monitor),
					ctx.locale(), today, raw, inputs, monitor);
			return renderer.render(request, out);
		}, r -> {
			rendered = r;
			List<String[]> rows = new ArrayList<>();
			for (Path file : r.files().values()) {
				long size;
				try {
					size = Files.size(file);
				} catch (IOException e) {
					size = -1;
				}
				rows.add(new String[] { file.toString(), size < 0 ? "?" : String.format("%,d KB", (size + 1023) / 1024) });
			}
			Tables.fill(files, rows);
			status.setText(String.format(t("Done in %,d ms (analyses %,d ms).", "已完成，用时 %,d 毫秒（分析 %,d 毫秒）。"),
					r.engineStartMillis() + r.prepareMillis() + r.runMillis()
							+ r.renderMillis().values().stream().mapToLong(Long::longValue).sum(), r.prepareMillis()));
			preview(r);
		});
	}

	private void preview(RenderedReport r) {
		Path html = r.files().get(ReportFormat.HTML);
		for (var child : previewHolder.getChildren()) {
			if (child != browser) {
				child.dispose();
			}
		}
		if (html == null) {
			noBrowser(t("Render HTML too to preview the report here.", "同时生成 HTML 格式即可在此预览。"), null);
			return;
		}
		if (browser == null && !browserTried) {
			browserTried = true;
			try {
				browser = new Browser(previewHolder, SWT.NONE);
			} catch (SWTError | RuntimeException e) {
				browser = null;
			}
		}
		if (browser != null) {
			browser.setUrl(html.toUri().toString());
		} else {
			noBrowser(t("No browser engine (WebKitGTK) is installed, so the report's charts are shown here; open the file with the desktop for the whole report.",
					"未安装浏览器引擎（WebKitGTK），此处显示报表中的图表；用系统程序打开文件可查看完整报表。") + "\n" + html, html);
		}
		previewHolder.layout(true, true);
	}

	/** Without a browser: the text, then the charts of the HTML (they are embedded as PNG data URIs). */
	private void noBrowser(String text, Path html) {
		ScrolledComposite scroll = new ScrolledComposite(previewHolder, SWT.V_SCROLL | SWT.H_SCROLL);
		Composite content = new Composite(scroll, SWT.NONE);
		content.setLayout(new GridLayout(1, false));
		content.setBackground(previewHolder.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		Label label = new Label(content, SWT.WRAP);
		label.setText(text);
		label.setBackground(content.getBackground());
		previewImages = 0;
		if (html != null) {
			try {
				Matcher m = DATA_PNG.matcher(Files.readString(html));
				while (m.find() && previewImages < 4) {
					byte[] png = Base64.getMimeDecoder().decode(m.group(1));
					Image image = fitted(new Image(previewHolder.getDisplay(), new ByteArrayInputStream(png)),
							Math.max(400, previewHolder.getClientArea().width - 40));
					Label picture = new Label(content, SWT.NONE);
					picture.setImage(image);
					picture.addDisposeListener(e -> image.dispose());
					previewImages++;
				}
			} catch (IOException | RuntimeException e) {
				label.setText(text + "\n" + e.getMessage());
			}
		}
		scroll.setContent(content);
		scroll.setExpandHorizontal(true);
		scroll.setExpandVertical(true);
		scroll.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
		previewHolder.layout(true, true);
	}

	/** The image scaled down (smoothly) to a width, the original disposed. */
	private static Image fitted(Image image, int width) {
		org.eclipse.swt.graphics.Rectangle size = image.getBounds();
		if (size.width <= width) {
			return image;
		}
		int height = Math.max(1, size.height * width / size.width);
		Image scaled = new Image(image.getDevice(), width, height);
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(scaled);
		try {
			gc.setAntialias(SWT.ON);
			gc.setInterpolation(SWT.HIGH);
			gc.drawImage(image, 0, 0, size.width, size.height, 0, 0, width, height);
		} finally {
			gc.dispose();
			image.dispose();
		}
		return scaled;
	}

	private static final Pattern DATA_PNG = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=\\s]+)");
	private boolean browserTried;
	private int previewImages;

	/** Charts shown in the preview when there is no browser engine. */
	public int previewImages() {
		return previewImages;
	}

	private void openSelected() {
		int index = files.getSelectionIndex();
		if (index >= 0) {
			TableItem item = files.getItem(index);
			if (!Program.launch(item.getText(0))) {
				showError(t("No program opens ", "没有程序可以打开 ") + item.getText(0));
			}
		}
	}

	// ------------------------------------------------------------------ for tests

	public RenderedReport rendered() {
		return rendered;
	}

	public Table filesTable() {
		return files;
	}

	public boolean hasBrowser() {
		return browser != null;
	}
}
