package io.custops.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;

import io.custops.ui.internal.session.WorkbenchSession;

/** File › Open workspace: switches to the workspace in a folder (created when empty). */
public class OpenWorkspaceHandler {

	@Execute
	public void execute(Shell shell, WorkbenchSession session) {
		DirectoryDialog dialog = new DirectoryDialog(shell);
		dialog.setMessage("zh".equals(java.util.Locale.getDefault().getLanguage()) ? "工作区文件夹（空文件夹即新建）"
				: "The workspace folder (an empty folder makes a new workspace)");
		if (session.directory() != null) {
			dialog.setFilterPath(session.directory().toString());
		}
		String chosen = dialog.open();
		if (chosen != null) {
			session.open(Path.of(chosen), null);
		}
	}
}
