package io.custops.ui.internal.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;

/**
 * A form for any service's parameters, made from its {@link ParameterSpec}s: a check box for a
 * boolean, a drop-down for a choice, a text field for the rest, each labelled in the analyst's
 * language with the description as tooltip. Families ({@code map.*}) get one "key=value" field.
 * The form gives back only the values that differ from the declared defaults, as raw texts:
 * the service checks them (an error names the key).
 */
public final class ParameterForm extends Composite {

	private final Locale locale;
	private final Map<String, Control> controls = new LinkedHashMap<>();
	private final Map<String, ParameterSpec> specs = new LinkedHashMap<>();
	private Text extra;
	private final List<Runnable> listeners = new ArrayList<>();

	/**
	 * @param columns  label/field pairs per row
	 * @param skip     keys the caller asks for itself (dates, steps)
	 * @param initial  values to start with instead of the defaults (the analyst's preferences), for keys declared
	 */
	public ParameterForm(Composite parent, List<ParameterSpec> parameters, Set<String> skip, Map<String, String> initial,
			int columns, Locale locale) {
		super(parent, SWT.NONE);
		this.locale = locale;
		GridLayout layout = new GridLayout(columns * 2, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		setLayout(layout);
		boolean families = false;
		for (ParameterSpec spec : parameters) {
			if (skip.contains(spec.key())) {
				continue;
			}
			if (spec.isFamily()) {
				families = true;
				specs.put(spec.key(), spec);
				continue;
			}
			specs.put(spec.key(), spec);
			Label label = new Label(this, SWT.NONE);
			label.setText(spec.label().get(locale) + (spec.required() ? " *" : ""));
			String help = spec.description().get(locale);
			label.setToolTipText(spec.key() + (help.isEmpty() ? "" : ": " + help));
			String value = initial.containsKey(spec.key()) ? initial.get(spec.key()) : spec.defaultValue();
			Control control;
			if (spec.type() == ParameterType.BOOLEAN) {
				Button check = new Button(this, SWT.CHECK);
				check.setSelection(value != null && Boolean.TRUE.equals(spec.parse(value)));
				check.addListener(SWT.Selection, e -> changed());
				control = check;
			} else if (spec.type() == ParameterType.CHOICE) {
				Combo combo = new Combo(this, SWT.READ_ONLY | SWT.DROP_DOWN);
				if (spec.defaultValue() == null) {
					combo.add("");
				}
				spec.choices().forEach(combo::add);
				combo.setText(value == null ? "" : value);
				combo.addListener(SWT.Selection, e -> changed());
				control = combo;
			} else {
				Text text = new Text(this, SWT.BORDER | SWT.SINGLE);
				text.setText(value == null ? "" : value);
				if (spec.type() == ParameterType.DATE) {
					text.setMessage("yyyy-MM-dd");
				} else if (spec.secret()) {
					text.setEchoChar('•');
				}
				text.addListener(SWT.DefaultSelection, e -> changed());
				GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
				data.widthHint = spec.type() == ParameterType.LIST || spec.type() == ParameterType.STRING ? 200 : 90;
				text.setLayoutData(data);
				control = text;
			}
			control.setToolTipText(label.getToolTipText());
			controls.put(spec.key(), control);
		}
		if (families) {
			Label label = new Label(this, SWT.NONE);
			label.setText(zh() ? "其他参数" : "More parameters");
			label.setToolTipText(String.join(", ", specs.values().stream().filter(ParameterSpec::isFamily)
					.map(ParameterSpec::key).toList()) + (zh() ? "：key=value，用分号分隔" : ": key=value; separated by semicolons"));
			extra = new Text(this, SWT.BORDER | SWT.SINGLE);
			extra.setMessage("map.customer_id=Buyer; …");
			GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
			data.widthHint = 220;
			extra.setLayoutData(data);
			extra.setToolTipText(label.getToolTipText());
		}
	}

	private boolean zh() {
		return "zh".equals(locale.getLanguage());
	}

	private void changed() {
		listeners.forEach(Runnable::run);
	}

	/** Called when a check box or choice changes, or Enter is pressed in a field. */
	public void addChangeListener(Runnable listener) {
		listeners.add(listener);
	}

	public boolean isEmpty() {
		return specs.isEmpty();
	}

	public Control control(String key) {
		return controls.get(key);
	}

	/** Sets a field's text (or check, or choice). */
	public void set(String key, String value) {
		Control control = controls.get(key);
		if (control instanceof Text text) {
			text.setText(value == null ? "" : value);
		} else if (control instanceof Combo combo) {
			combo.setText(value == null ? "" : value);
		} else if (control instanceof Button check) {
			check.setSelection(Boolean.parseBoolean(value));
		} else {
			throw new IllegalArgumentException("no field '" + key + "'");
		}
	}

	/** The field's text as the analyst left it. */
	public String get(String key) {
		Control control = controls.get(key);
		if (control instanceof Text text) {
			return text.getText().trim();
		}
		if (control instanceof Combo combo) {
			return combo.getText();
		}
		if (control instanceof Button check) {
			return Boolean.toString(check.getSelection());
		}
		return null;
	}

	/** The values that differ from the declared defaults (empty fields are left out), then the family values. */
	public Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		controls.forEach((key, control) -> {
			String value = get(key);
			ParameterSpec spec = specs.get(key);
			if (value == null || value.isEmpty()) {
				return;
			}
			if (spec.defaultValue() != null && sameAsDefault(spec, value)) {
				return;
			}
			values.put(key, value);
		});
		if (extra != null) {
			for (String pair : extra.getText().split(";")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
				}
			}
		}
		return values;
	}

	private static boolean sameAsDefault(ParameterSpec spec, String value) {
		try {
			return spec.parse(value).equals(spec.parse(spec.defaultValue()));
		} catch (RuntimeException e) {
			return false; // the service will name the bad value
		}
	}
}
