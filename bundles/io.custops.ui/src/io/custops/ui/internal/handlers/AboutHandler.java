package io.custops.ui.internal.handlers;

import java.util.Locale;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

/** Help › About. */
public class AboutHandler {

	@Execute
	public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		boolean zh = "zh".equals(Locale.getDefault().getLanguage());
		MessageBox box = new MessageBox(shell, SWT.ICON_INFORMATION | SWT.OK);
		box.setText(zh ? "关于 CustOps 工作台" : "About CustOps Workbench");
		box.setMessage((zh ? "CustOps 客户运营工作台 " : "CustOps Workbench ")
				+ FrameworkUtil.getBundle(getClass()).getVersion());
		box.open();
	}
}
