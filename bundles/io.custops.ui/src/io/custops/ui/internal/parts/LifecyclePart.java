package io.custops.ui.internal.parts;

import org.eclipse.swt.widgets.Composite;

import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.views.LifecycleView;
import io.custops.ui.internal.views.View;

/** The Lifecycle part: a {@link LifecycleView}. */
public class LifecyclePart extends ViewPart {

	@Override
	protected View createView(Composite parent, ViewContext context) {
		return new LifecycleView(parent, context);
	}
}
