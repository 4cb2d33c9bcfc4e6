package io.custops.ui.internal.parts;

import org.eclipse.swt.widgets.Composite;

import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.views.DataView;
import io.custops.ui.internal.views.View;

/** The Data part: a {@link DataView}. */
public class DataPart extends ViewPart {

	@Override
	protected View createView(Composite parent, ViewContext context) {
		return new DataView(parent, context);
	}
}
