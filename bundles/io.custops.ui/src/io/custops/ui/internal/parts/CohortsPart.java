package io.custops.ui.internal.parts;

import org.eclipse.swt.widgets.Composite;

import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.views.CohortsView;
import io.custops.ui.internal.views.View;

/** The Cohorts part: a {@link CohortsView}. */
public class CohortsPart extends ViewPart {

	@Override
	protected View createView(Composite parent, ViewContext context) {
		return new CohortsView(parent, context);
	}
}
