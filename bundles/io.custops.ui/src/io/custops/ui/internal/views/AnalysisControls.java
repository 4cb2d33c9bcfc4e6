package io.custops.ui.internal.views;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.custops.core.param.ParameterException;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceCatalog;
import io.custops.engine.ServiceEntry;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.widgets.ParameterForm;

/**
 * The chooser of a strategy or model found in the registry (a plugin's new one appears here
 * without code naming it), the date as of which it runs, its parameter form and a Run button.
 */
final class AnalysisControls {

	private final ViewContext ctx;
	private final List<ServiceKind> kinds;
	private final Set<String> skip;
	private final Combo combo;
	private final Text asOf;
	private final Composite formHolder;
	private final Button run;
	private ParameterForm form;
	private List<ServiceEntry> entries = List.of();
	private final Runnable catalogListener;

	AnalysisControls(Composite parent, ViewContext ctx, List<ServiceKind> kinds, String dateLabel, Set<String> skip,
			Runnable onRun) {
		this.ctx = ctx;
		this.kinds = kinds;
		this.skip = skip;
		Composite bar = new Composite(parent, SWT.NONE);
		bar.setLayoutData(Tables.fillH());
		GridLayout layout = new GridLayout(6, false);
		layout.marginWidth = 0;
		bar.setLayout(layout);
		new Label(bar, SWT.NONE).setText(kinds.contains(ServiceKind.STRATEGY) && kinds.contains(ServiceKind.MODEL)
				? ctx.t("Analysis", "分析") : kinds.contains(ServiceKind.STRATEGY) ? ctx.t("Strategy", "策略")
						: ctx.t("Model", "模型"));
		combo = new Combo(bar, SWT.READ_ONLY);
		combo.addListener(SWT.Selection, e -> chosen());
		if (dateLabel != null) {
			new Label(bar, SWT.NONE).setText(dateLabel);
			asOf = new Text(bar, SWT.BORDER);
			asOf.setMessage("yyyy-MM-dd");
			GridData data = new GridData();
			data.widthHint = 90;
			asOf.setLayoutData(data);
			asOf.addListener(SWT.DefaultSelection, e -> onRun.run());
		} else {
			asOf = null;
		}
		run = new Button(bar, SWT.PUSH);
		run.setText(ctx.t("Run", "运行"));
		run.addListener(SWT.Selection, e -> onRun.run());
		formHolder = new Composite(parent, SWT.NONE);
		GridLayout formLayout = new GridLayout(1, false);
		formLayout.marginWidth = 0;
		formLayout.marginHeight = 0;
		formHolder.setLayout(formLayout);
		formHolder.setLayoutData(Tables.fillH());
		catalogListener = () -> {
			if (!combo.isDisposed()) {
				combo.getDisplay().asyncExec(() -> {
					if (!combo.isDisposed()) {
						fill();
					}
				});
			}
		};
		ServiceCatalog catalog = ctx.services().catalog();
		catalog.addListener(catalogListener);
		combo.addDisposeListener(e -> catalog.removeListener(catalogListener));
		fill();
	}

	/**
	 * The analysis a chooser starts on: the built-in default of its kind, not whichever service
	 * sorts first, so that installing a plugin whose id sorts before {@code rfm} does not change it.
	 * The analyst's own choice then holds while the catalog changes.
	 */
	static String builtInDefault(List<ServiceKind> kinds) {
		return kinds.contains(ServiceKind.STRATEGY) ? "rfm" : "stages";
	}

	private void fill() {
		String shown = id();
		String previous = shown == null ? builtInDefault(kinds) : shown;
		entries = new ArrayList<>();
		for (ServiceKind kind : kinds) {
			entries.addAll(ctx.services().catalog().services(kind));
		}
		combo.removeAll();
		for (ServiceEntry e : entries) {
			combo.add(e.service().name().get(ctx.locale()) + " (" + e.id() + ")");
		}
		if (!entries.isEmpty()) {
			int index = 0;
			for (int i = 0; i < entries.size(); i++) {
				if (entries.get(i).id().equals(previous)) {
					index = i;
				}
			}
			combo.select(index);
			if (!entries.get(index).id().equals(shown)) {
				chosen();
			}
		}
	}

	/** The ids in the chooser, in order (for tests: a plugin's strategy appears here). */
	List<String> ids() {
		return entries.stream().map(ServiceEntry::id).toList();
	}

	/** Selects an analysis by id; false when none has it. */
	boolean select(String id) {
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).id().equals(id)) {
				combo.select(i);
				chosen();
				return true;
			}
		}
		return false;
	}

	private void chosen() {
		if (form != null) {
			form.dispose();
		}
		CustomerAnalysis analysis = analysis();
		if (analysis == null) {
			return;
		}
		form = new ParameterForm(formHolder, analysis.parameters(), skip,
				Defaults.of(analysis.parameters(), ctx.preferences()), 4, ctx.locale());
		form.setLayoutData(Tables.fillH());
		formHolder.getParent().layout(true, true);
	}

	String id() {
		int index = combo.getSelectionIndex();
		return index < 0 || index >= entries.size() ? null : entries.get(index).id();
	}

	ServiceKind kind() {
		int index = combo.getSelectionIndex();
		return index < 0 ? null : entries.get(index).kind();
	}

	CustomerAnalysis analysis() {
		int index = combo.getSelectionIndex();
		return index < 0 || index >= entries.size() ? null : (CustomerAnalysis) entries.get(index).service();
	}

	ParameterForm form() {
		return form;
	}

	/** The parameter values the analyst set (those differing from the defaults). */
	Map<String, String> values() {
		return form == null ? Map.of() : form.values();
	}

	void setDate(LocalDate date) {
		if (asOf != null) {
			asOf.setText(date == null ? "" : date.toString());
		}
	}

	/** The date typed, or the fallback when empty; a bad date is a ParameterException naming the field. */
	LocalDate date(LocalDate fallback) {
		if (asOf == null || asOf.getText().isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(asOf.getText().trim());
		} catch (DateTimeParseException e) {
			throw new ParameterException("asOf", "'" + asOf.getText() + "' is not an ISO date (yyyy-MM-dd)");
		}
	}

	Button runButton() {
		return run;
	}
}
