package io.custops.ui.internal.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import io.custops.store.SourceRecord;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * File › Open Source…: chooses what the workbench analyses, the workspace's own data or one of
 * the sources registered in it; the parts that run on sources then run inside it.
 */
public class OpenSourceHandler {

	@Execute
	public void execute(Shell shell, WorkbenchSession session) {
		boolean zh = "zh".equals(java.util.Locale.getDefault().getLanguage());
		List<SourceRecord> sources;
		try {
			sources = session.workspace() == null ? List.of() : session.sources();
		} catch (Exception e) {
			MessageDialog.openError(shell, zh ? "打开数据源" : "Open Source", WorkbenchSession.text(e));
			return;
		}
		SourceDialog dialog = new SourceDialog(shell, sources, session.source(), zh);
		if (dialog.open() == Dialog.OK) {
			int index = dialog.selected;
			session.useSource(index <= 0 ? null : sources.get(index - 1));
		}
	}

	/** A list: the workspace's data first, then each registered source with its engine. */
	static final class SourceDialog extends Dialog {
		private final List<SourceRecord> sources;
		private final SourceRecord active;
		private final boolean zh;
		int selected;

		SourceDialog(Shell parent, List<SourceRecord> sources, SourceRecord active, boolean zh) {
			super(parent);
			this.sources = sources;
			this.active = active;
			this.zh = zh;
		}

		@Override
		protected void configureShell(Shell shell) {
			super.configureShell(shell);
			shell.setText(zh ? "打开数据源" : "Open Source");
		}

		@Override
		protected Control createDialogArea(Composite parent) {
			Composite area = (Composite) super.createDialogArea(parent);
			Label label = new Label(area, SWT.WRAP);
			label.setText(zh ? "分析对象：工作区自身的数据，或在工作区中登记的数据源（./custops source add）"
					: "What the workbench analyses: the workspace's own data, or a source registered in it (./custops source add)");
			org.eclipse.swt.widgets.List list = new org.eclipse.swt.widgets.List(area, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
			GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
			data.heightHint = 160;
			data.widthHint = 420;
			list.setLayoutData(data);
			list.add(zh ? "工作区数据（内存）" : "Workspace data (in memory)");
			selected = 0;
			for (int i = 0; i < sources.size(); i++) {
				SourceRecord s = sources.get(i);
				list.add((zh ? "数据源 " : "Source ") + WorkbenchSession.title(s) + "  " + s.url());
				if (active != null && active.id().equals(s.id())) {
					selected = i + 1;
				}
			}
			list.select(selected);
			list.addListener(SWT.Selection, e -> selected = list.getSelectionIndex());
			list.addListener(SWT.DefaultSelection, e -> {
				selected = list.getSelectionIndex();
				okPressed();
			});
			return area;
		}
	}
}
