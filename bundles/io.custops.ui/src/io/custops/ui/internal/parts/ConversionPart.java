package io.custops.ui.internal.parts;

import org.eclipse.swt.widgets.Composite;

import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.views.ConversionView;
import io.custops.ui.internal.views.View;

/** The Conversion part: a {@link ConversionView}. */
public class ConversionPart extends ViewPart {

	@Override
	protected View createView(Composite parent, ViewContext context) {
		return new ConversionView(parent, context);
	}
}
