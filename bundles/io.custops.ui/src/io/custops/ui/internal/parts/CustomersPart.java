package io.custops.ui.internal.parts;

import org.eclipse.swt.widgets.Composite;

import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.views.CustomersView;
import io.custops.ui.internal.views.View;

/** The Customers part: a {@link CustomersView}. */
public class CustomersPart extends ViewPart {

	@Override
	protected View createView(Composite parent, ViewContext context) {
		return new CustomersView(parent, context);
	}
}
