package io.custops.ui.internal.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.custops.engine.ServiceCatalog;
import io.custops.plugins.InstallResult;
import io.custops.plugins.InstalledPlugin;
import io.custops.plugins.PluginBundle;
import io.custops.plugins.PluginCandidate;
import io.custops.plugins.PluginException;
import io.custops.plugins.PluginManager;
import io.custops.plugins.PluginService;

/**
 * The installed plugins with their bundles' signatures and their services, and the buttons to
 * install one (a p2 repository folder, a zipped repository or a bundle jar) and to uninstall
 * the selected one. Installing reads and checks the plugin off the UI thread, shows what was
 * found (signatures) and asks before installing anything unsigned. The list follows the service
 * registry, so a plugin installed from the command line meanwhile shows up too.
 */
public final class PluginsView {

	private final PluginManager manager;
	private final Locale locale;
	private final boolean zh;
	private final Table table;
	private final Label status;
	private final Display display;
	private final List<InstalledPlugin> shown = new ArrayList<>();
	private final Runnable listener;
	/** Asks the user a yes/no question (title, text); a dialog in the workbench, a stub in tests. */
	private BiPredicate<String, String> ask;
	/** Tells the user something (title, text). */
	private BiConsumerText tell;

	interface BiConsumerText {
		void show(String title, String text, boolean error);
	}

	public PluginsView(Composite parent, PluginManager manager, ServiceCatalog catalog, Locale locale) {
		this.manager = manager;
		this.locale = locale;
		this.zh = "zh".equals(locale.getLanguage());
		this.display = parent.getDisplay();
		Composite root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		Composite bar = new Composite(root, SWT.NONE);
		bar.setLayout(new GridLayout(4, false));
		bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		status = new Label(bar, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button fromFolder = new Button(bar, SWT.PUSH);
		fromFolder.setText(zh ? "从 p2 仓库安装…" : "Install from p2 repository…");
		Button fromJar = new Button(bar, SWT.PUSH);
		fromJar.setText(zh ? "安装 jar 或 zip…" : "Install jar or zip…");
		Button uninstall = new Button(bar, SWT.PUSH);
		uninstall.setText(zh ? "卸载" : "Uninstall");

		table = new Table(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		String[] headers = zh ? new String[] { "插件", "版本", "签名", "服务", "来源" }
				: new String[] { "Plugin", "Version", "Signature", "Services", "Source" };
		int[] widths = { 260, 170, 200, 420, 360 };
		for (int i = 0; i < headers.length; i++) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(headers[i]);
			column.setWidth(widths[i]);
		}
		ask = (title, text) -> {
			MessageBox box = new MessageBox(parent.getShell(), SWT.ICON_WARNING | SWT.YES | SWT.NO);
			box.setText(title);
			box.setMessage(text);
			return box.open() == SWT.YES;
		};
		tell = (title, text, error) -> {
			MessageBox box = new MessageBox(parent.getShell(), (error ? SWT.ICON_ERROR : SWT.ICON_INFORMATION) | SWT.OK);
			box.setText(title);
			box.setMessage(text);
			box.open();
		};
		fromFolder.addListener(SWT.Selection, e -> {
			DirectoryDialog dialog = new DirectoryDialog(parent.getShell());
			dialog.setText(zh ? "选择 p2 仓库文件夹" : "Choose a p2 repository folder");
			String dir = dialog.open();
			if (dir != null) {
				install(dir, null);
			}
		});
		fromJar.addListener(SWT.Selection, e -> {
			FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
			dialog.setText(zh ? "选择插件 jar 或打包的 p2 仓库" : "Choose a plugin jar or a zipped p2 repository");
			dialog.setFilterExtensions(new String[] { "*.jar;*.zip", "*" });
			String file = dialog.open();
			if (file != null) {
				install(file, null);
			}
		});
		uninstall.addListener(SWT.Selection, e -> {
			int index = table.getSelectionIndex();
			if (index >= 0 && index < shown.size()) {
				uninstall(shown.get(index).id(), null);
			}
		});
		listener = () -> display.asyncExec(() -> {
			if (!table.isDisposed()) {
				refresh();
			}
		});
		catalog.addListener(listener);
		table.addDisposeListener(e -> catalog.removeListener(listener));
		refresh();
	}

	/** Replaces the dialogs (tests). */
	void setDialogs(BiPredicate<String, String> asker, BiConsumerText teller) {
		this.ask = asker;
		this.tell = teller;
	}

	/** Refills the table from the plugin record; call on the UI thread. */
	public void refresh() {
		List<InstalledPlugin> plugins;
		try {
			plugins = manager.installed();
		} catch (RuntimeException e) {
			status.setText(e.getMessage());
			return;
		}
		shown.clear();
		shown.addAll(plugins);
		table.setRedraw(false);
		try {
			table.removeAll();
			for (InstalledPlugin p : plugins) {
				TableItem item = new TableItem(table, SWT.NONE);
				item.setText(new String[] { p.id(), p.version(), signatures(p), services(p), p.source() });
			}
		} finally {
			table.setRedraw(true);
		}
		status.setText(zh ? "已安装插件：" + plugins.size() + "（" + manager.home() + "）"
				: plugins.size() + " plugins installed (" + manager.home() + ")");
		status.getParent().layout();
	}

	private String signatures(InstalledPlugin p) {
		return p.bundles().stream().map(b -> b.signature().describe()).distinct().reduce((a, b) -> a + "; " + b).orElse("");
	}

	private String services(InstalledPlugin p) {
		List<String> parts = new ArrayList<>();
		for (PluginService s : p.services()) {
			parts.add(s.status().equals("active") ? s.kind() + " " + s.id()
					: (zh ? "已停用 " : "disabled ") + s.id().substring(s.id().lastIndexOf('.') + 1));
		}
		return String.join(", ", parts);
	}

	/**
	 * Reads and checks a plugin in the background, asks when it is unsigned, installs it, and
	 * tells what happened. {@code done} (may be null) runs on the UI thread at the end.
	 */
	public void install(String source, Consumer<String> done) {
		status.setText((zh ? "正在读取 " : "Reading ") + source + "…");
		background(() -> {
			PluginCandidate candidate;
			try {
				candidate = manager.read(source);
			} catch (PluginException | RuntimeException e) {
				finish(zh ? "插件未安装" : "Plugin not installed", e.getMessage(), true, done);
				return;
			}
			StringBuilder found = new StringBuilder(candidate.id() + " " + candidate.version() + "\n");
			for (PluginBundle b : candidate.bundles()) {
				found.append("\n").append(b.symbolicName()).append(" ").append(b.version()).append(": ")
						.append(b.signature().describe());
			}
			boolean[] accepted = { true };
			if (candidate.needsConsent()) {
				display.syncExec(() -> accepted[0] = ask.test(zh ? "未签名的插件" : "Unsigned plugin",
						found + (zh ? "\n\n此插件没有受信任的签名，其代码将以您的权限运行。仍要安装吗？"
								: "\n\nThis plugin is not signed by a trusted signer; its code will run with your rights. Install it anyway?")));
			}
			if (!accepted[0]) {
				candidate.close();
				finish(zh ? "插件未安装" : "Plugin not installed", zh ? "未接受未签名的插件。" : "The unsigned plugin was not accepted.",
						false, done);
				return;
			}
			try {
				InstallResult result = manager.install(candidate);
				String text = (zh ? "已安装 " : "Installed ") + result.plugin().id() + " " + result.plugin().version()
						+ (result.warnings().isEmpty() ? "" : "\n\n" + String.join("\n", result.warnings()));
				finish(zh ? "插件已安装" : "Plugin installed", text, !result.warnings().isEmpty(), done);
			} catch (PluginException | RuntimeException e) {
				finish(zh ? "插件未安装" : "Plugin not installed", e.getMessage(), true, done);
			}
		});
	}

	/** Uninstalls a plugin in the background; {@code done} (may be null) runs on the UI thread at the end. */
	public void uninstall(String id, Consumer<String> done) {
		boolean[] sure = { true };
		if (done == null) {
			sure[0] = ask.test(zh ? "卸载插件" : "Uninstall plugin",
					(zh ? "卸载 " : "Uninstall ") + id + (zh ? "？其文件将被删除。" : "? Its files will be deleted."));
		}
		if (!sure[0]) {
			return;
		}
		background(() -> {
			try {
				InstalledPlugin removed = manager.uninstall(id);
				finish(zh ? "插件已卸载" : "Plugin uninstalled", (zh ? "已卸载 " : "Uninstalled ") + removed.id(), false, done);
			} catch (PluginException | RuntimeException e) {
				finish(zh ? "插件未卸载" : "Plugin not uninstalled", e.getMessage(), true, done);
			}
		});
	}

	private void finish(String title, String text, boolean problem, Consumer<String> done) {
		display.asyncExec(() -> {
			if (table.isDisposed()) {
				return;
			}
			refresh();
			if (done != null) {
				done.accept(text);
			} else {
				tell.show(title, text, problem);
			}
		});
	}

	private static void background(Runnable work) {
		Thread t = new Thread(work, "custops-plugin-install");
		t.setDaemon(true);
		t.start();
	}

	public Table table() {
		return table;
	}

	public Locale locale() {
		return locale;
	}
}
