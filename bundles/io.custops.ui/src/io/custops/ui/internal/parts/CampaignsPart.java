package io.custops.ui.internal.parts;

import org.eclipse.swt.widgets.Composite;

import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.views.CampaignsView;
import io.custops.ui.internal.views.View;

/** The Campaigns part: a {@link CampaignsView}. */
public class CampaignsPart extends ViewPart {

	@Override
	protected View createView(Composite parent, ViewContext context) {
		return new CampaignsView(parent, context);
	}
}
