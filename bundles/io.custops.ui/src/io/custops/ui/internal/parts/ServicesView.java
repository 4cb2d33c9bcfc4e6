package io.custops.ui.internal.parts;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.custops.engine.ServiceCatalog;
import io.custops.engine.ServiceEntry;

/**
 * A table of the registered services that follows the registry: when a bundle is stopped,
 * started or installed, the catalog tells, and the table is refilled on the UI thread.
 */
public final class ServicesView {

	private final ServiceCatalog catalog;
	private final Locale locale;
	private final Table table;
	private final Label status;
	private final Runnable listener;

	public ServicesView(Composite parent, ServiceCatalog catalog, Locale locale) {
		this.catalog = catalog;
		this.locale = locale;
		boolean zh = "zh".equals(locale.getLanguage());
		Composite root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		status = new Label(root, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		table = new Table(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		String[] headers = zh ? new String[] { "类型", "标识", "名称", "插件", "版本" }
				: new String[] { "Kind", "Id", "Name", "Bundle", "Version" };
		int[] widths = { 170, 170, 280, 280, 170 };
		for (int i = 0; i < headers.length; i++) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(headers[i]);
			column.setWidth(widths[i]);
		}
		Display display = parent.getDisplay();
		listener = () -> display.asyncExec(() -> {
			if (!table.isDisposed()) {
				refresh();
			}
		});
		catalog.addListener(listener);
		table.addDisposeListener(e -> catalog.removeListener(listener));
		refresh();
	}

	/** Refills the table from the catalog; call on the UI thread. */
	public void refresh() {
		List<ServiceEntry> entries = catalog.services();
		table.setRedraw(false);
		try {
			table.removeAll();
			for (ServiceEntry e : entries) {
				TableItem item = new TableItem(table, SWT.NONE);
				item.setText(new String[] { e.kind().label().get(locale), e.id(), e.service().name().get(locale),
						e.bundle(), e.bundleVersion() });
			}
		} finally {
			table.setRedraw(true);
		}
		boolean zh = "zh".equals(locale.getLanguage());
		status.setText(zh ? "已注册服务：" + entries.size() : entries.size() + " services registered");
		status.getParent().layout();
	}

	public Table table() {
		return table;
	}
}
