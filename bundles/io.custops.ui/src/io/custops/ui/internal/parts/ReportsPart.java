package io.custops.ui.internal.parts;

import org.eclipse.swt.widgets.Composite;

import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.views.ReportsView;
import io.custops.ui.internal.views.View;

/** The Reports part: a {@link ReportsView}. */
public class ReportsPart extends ViewPart {

	@Override
	protected View createView(Composite parent, ViewContext context) {
		return new ReportsView(parent, context);
	}
}
