package io.custops.ui.internal;

import java.util.List;

import jakarta.annotation.PostConstruct;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import io.custops.core.data.CustomerDataset;
import io.custops.ui.internal.session.BackgroundJobs;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * The status line at the bottom of the window (e4 has no progress view): the workspace and what
 * is loaded, the running job with its progress, and a button that cancels it.
 */
public class StatusLine {

	private Label workspace;
	private Label task;
	private ProgressBar bar;
	private Button cancel;
	private WorkbenchSession session;

	@PostConstruct
	public void create(Composite parent, WorkbenchSession session) {
		this.session = session;
		Composite line = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(4, false);
		layout.marginHeight = 1;
		line.setLayout(layout);
		workspace = new Label(line, SWT.NONE);
		GridData wsData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
		wsData.widthHint = 640;
		workspace.setLayoutData(wsData);
		task = new Label(line, SWT.NONE);
		GridData taskData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
		taskData.widthHint = 380;
		task.setLayoutData(taskData);
		bar = new ProgressBar(line, SWT.HORIZONTAL | SWT.INDETERMINATE);
		GridData barData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
		barData.widthHint = 140;
		bar.setLayoutData(barData);
		cancel = new Button(line, SWT.PUSH);
		cancel.setText(zh() ? "取消" : "Cancel");
		cancel.addListener(SWT.Selection, e -> {
			List<BackgroundJobs.Task> active = session.jobs().active();
			if (!active.isEmpty()) {
				active.get(active.size() - 1).cancel();
			}
		});
		update();
		tick(line);
	}

	private static boolean zh() {
		return "zh".equals(java.util.Locale.getDefault().getLanguage());
	}

	private void tick(Composite line) {
		line.getDisplay().timerExec(300, () -> {
			if (!line.isDisposed()) {
				update();
				tick(line);
			}
		});
	}

	private void update() {
		CustomerDataset d = session.dataset();
		String where = session.directory() == null ? session.message() : shortPath(session.directory());
		String text = switch (session.state()) {
		case READY -> session.source() != null
				// the analyses run inside the source: say which, always
				? (zh() ? "数据源 " : "Source ") + session.sourceTitle() + (zh() ? " · 工作区 " : " · workspace ") + where
				: (zh() ? "工作区 " : "Workspace ") + where + (d == null ? ""
						: String.format(zh() ? "：%,d 客户，%,d 订单，%,d 行为" : ": %,d customers, %,d orders, %,d events",
								d.customerCount(), d.orderCount(), d.eventCount()));
		case LOADING -> (zh() ? "正在载入 " : "Loading ") + where + " …";
		case FAILED -> (zh() ? "无法打开工作区：" : "Workspace not open: ") + session.message();
		case CLOSED -> zh() ? "未打开工作区" : "No workspace open";
		};
		if (session.source() == null && session.state() != WorkbenchSession.State.CLOSED) {
			// the memory forecast: said before the heap runs out
			text += session.memoryWarning(zh()).map(w -> (zh() ? " · 注意：" : " · Warning: ") + w).orElse("");
		}
		setText(workspace, text);
		List<BackgroundJobs.Task> active = session.jobs().active();
		boolean busy = !active.isEmpty();
		if (busy) {
			BackgroundJobs.Task last = active.get(active.size() - 1);
			setText(task, last.name() + (last.step().isEmpty() ? "" : " — " + last.step())
					+ (active.size() > 1 ? String.format(zh() ? "（另有 %d 项）" : " (+%d more)", active.size() - 1) : ""));
		} else {
			setText(task, "");
		}
		bar.setVisible(busy);
		cancel.setVisible(busy);
		setButtonText(cancel, zh() ? "取消" : "Cancel"); // follows Window › Language
	}

	/** The last two folders of a long path: …/target/ui-workspace. */
	private static String shortPath(java.nio.file.Path path) {
		String full = path.toString();
		int n = path.getNameCount();
		return full.length() <= 40 || n < 3 ? full : "…/" + path.subpath(n - 2, n);
	}

	private static void setButtonText(Button button, String text) {
		if (!text.equals(button.getText())) {
			button.setText(text);
			button.getParent().layout();
		}
	}

	private static void setText(Label label, String text) {
		if (!text.equals(label.getText())) {
			label.setText(text);
			label.setToolTipText(text);
		}
	}
}
