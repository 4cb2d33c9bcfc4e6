package io.custops.ui.internal.parts;

import org.eclipse.swt.widgets.Composite;

import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.views.BehaviourView;
import io.custops.ui.internal.views.View;

/** The Behaviour part: a {@link BehaviourView}. */
public class BehaviourPart extends ViewPart {

	@Override
	protected View createView(Composite parent, ViewContext context) {
		return new BehaviourView(parent, context);
	}
}
