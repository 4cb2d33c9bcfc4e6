package io.custops.ui.internal.parts;

import org.eclipse.swt.widgets.Composite;

import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.views.SegmentsView;
import io.custops.ui.internal.views.View;

/** The Segments part: a {@link SegmentsView}. */
public class SegmentsPart extends ViewPart {

	@Override
	protected View createView(Composite parent, ViewContext context) {
		return new SegmentsView(parent, context);
	}
}
