package io.custops.ui.internal.views;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

import io.custops.core.data.CustomerDataset;
import io.custops.store.SourceRecord;
import io.custops.ui.internal.session.BackgroundJobs;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * A part's content: a view of a service or an analysis over the session's dataset. It follows
 * the session (a new dataset re-runs what it shows), runs its work in background jobs, and
 * shows what went wrong in a banner at its top (never a stack trace).
 */
public abstract class View {

	static final Color ERROR_BACKGROUND = new Color(0xfd, 0xe4, 0xe4);
	static final Color INFO_BACKGROUND = new Color(0xfd, 0xf6, 0xd8);

	protected final ViewContext ctx;
	protected final Composite root;
	private final Composite banner;
	private final Label bannerText;
	private final Button bannerAction;
	private Runnable bannerRunnable;
	private String error;
	private int busy;
	private CustomerDataset shown;
	private SourceRecord shownSource;
	private final Runnable sessionListener = this::sessionChanged;

	protected View(Composite parent, ViewContext ctx) {
		this.ctx = ctx;
		root = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 6;
		layout.marginHeight = 6;
		root.setLayout(layout);
		banner = new Composite(root, SWT.NONE);
		GridLayout bannerLayout = new GridLayout(2, false);
		bannerLayout.marginHeight = 4;
		banner.setLayout(bannerLayout);
		GridData bannerData = new GridData(SWT.FILL, SWT.TOP, true, false);
		bannerData.exclude = true;
		banner.setLayoutData(bannerData);
		banner.setVisible(false);
		bannerText = new Label(banner, SWT.WRAP);
		bannerText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		bannerAction = new Button(banner, SWT.PUSH);
		bannerAction.addListener(SWT.Selection, e -> {
			if (bannerRunnable != null) {
				bannerRunnable.run();
			}
		});
		session().addListener(sessionListener);
		root.addDisposeListener(e -> session().removeListener(sessionListener));
	}

	protected WorkbenchSession session() {
		return ctx.session();
	}

	protected String t(String en, String zh) {
		return ctx.t(en, zh);
	}

	protected Display display() {
		return root.getDisplay();
	}

	public Composite control() {
		return root;
	}

	/** The error the view shows now, or null: tests check that no part shows one. */
	public String error() {
		return error;
	}

	public boolean isBusy() {
		return busy > 0;
	}

	/** Call at the end of the subclass's constructor: shows the session's state and the dataset if loaded. */
	protected void start() {
		sessionChanged();
	}

	private void sessionChanged() {
		if (root.isDisposed()) {
			return;
		}
		WorkbenchSession s = session();
		switch (s.state()) {
		case READY -> {
			SourceRecord src = s.source();
			if (src != shownSource) {
				shownSource = src;
				shown = null; // back on the workspace: show its data again
				error = null;
				hideBanner();
				if (src != null && runsOnSources()) {
					sourceChanged(src);
					return;
				}
			} else if (src != null && runsOnSources()) {
				return;
			}
			CustomerDataset d = s.dataset();
			if (d != shown) {
				shown = d;
				// what went wrong before concerned other data
				error = null;
				hideBanner();
				if (d.customerCount() == 0 && wantsData()) {
					// nothing to analyse: say so rather than run analyses that can only complain
					info(t("This workspace holds no data yet: import files in the Data part, or load the demo shop.",
							"此工作区还没有数据：请在“数据”部件中导入文件，或载入演示店铺。"), t("Load demo shop", "载入演示店铺"),
							this::loadDemo);
					return;
				}
				datasetChanged(d);
			}
			if (src != null) {
				info(String.format(t("The workbench analyses source %s; this part does not run on sources yet and shows the workspace's own data.",
						"工作台正在分析数据源 %s；此部件暂不支持数据源，显示的是工作区自身的数据。"), WorkbenchSession.title(src)),
						t("Back to the workspace", "返回工作区"), () -> session().useSource((SourceRecord) null));
			}
		}
		case LOADING -> {
			if (error == null) {
				info(t("Loading the workspace ", "正在载入工作区 ") + s.message() + " …", null, null);
			}
			stateChanged();
		}
		case FAILED -> {
			showError(s.message());
			stateChanged();
		}
		case CLOSED -> stateChanged();
		}
	}

	/** Whether the view is useless on an empty workspace (says so, and offers the demo shop). */
	protected boolean wantsData() {
		return true;
	}

	/** The session loaded a (new) dataset: show it. On the UI thread. */
	protected abstract void datasetChanged(CustomerDataset dataset);

	/**
	 * Whether the view runs its analyses inside a source when the session has one open
	 * ({@link #sourceChanged}); the others keep showing the workspace's data, with a banner saying so.
	 */
	protected boolean runsOnSources() {
		return false;
	}

	/** The session opened a source (for views that {@link #runsOnSources()}): run on it. On the UI thread. */
	protected void sourceChanged(SourceRecord source) {
	}

	/** The source this view runs on now, or null for the workspace's dataset. */
	protected SourceRecord activeSource() {
		return runsOnSources() ? session().source() : null;
	}

	/** The session is loading, failed or closed. */
	protected void stateChanged() {
	}

	protected void loadDemo() {
		session().importDemo(java.util.Map.of("customers", "20000"), r -> {
		}, e -> showError(WorkbenchSession.text(e)));
	}

	/** Runs work in a background job; {@code done} gets its result on the UI thread, failures go to the banner. */
	protected <T> BackgroundJobs.Task run(String name, BackgroundJobs.Work<T> work, Consumer<T> done) {
		busy++;
		if (error != null) {
			clearError();
		}
		return ctx.jobs().submit(name, null, work, display(), result -> {
			busy--;
			if (!root.isDisposed()) {
				done.accept(result);
			}
		}, e -> {
			busy--;
			if (!root.isDisposed()) {
				if (e instanceof java.util.concurrent.CancellationException) {
					info(t("Cancelled.", "已取消。"), null, null);
				} else {
					showError(WorkbenchSession.text(e));
				}
			}
		});
	}

	public void showError(String message) {
		error = message;
		showBanner(ERROR_BACKGROUND, message, null, null);
	}

	public void clearError() {
		error = null;
		hideBanner();
	}

	protected void info(String message, String action, Runnable onAction) {
		if (error == null) {
			showBanner(INFO_BACKGROUND, message, action, onAction);
		}
	}

	protected void hideBanner() {
		if (banner.isDisposed() || !banner.getVisible()) {
			return;
		}
		banner.setVisible(false);
		((GridData) banner.getLayoutData()).exclude = true;
		root.layout(true, true);
	}

	/** The banner's text when it is shown, else null. */
	public String bannerText() {
		return banner.getVisible() ? bannerText.getText() : null;
	}

	private void showBanner(Color background, String message, String action, Runnable onAction) {
		if (banner.isDisposed()) {
			return;
		}
		banner.setBackground(background);
		bannerText.setBackground(background);
		bannerText.setText(message == null ? "" : message);
		bannerRunnable = onAction;
		bannerAction.setVisible(action != null);
		if (action != null) {
			bannerAction.setText(action);
		}
		GridData data = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
		data.exclude = action == null;
		bannerAction.setLayoutData(data);
		banner.moveAbove(null);
		banner.setVisible(true);
		((GridData) banner.getLayoutData()).exclude = false;
		root.layout(true, true);
	}
}
