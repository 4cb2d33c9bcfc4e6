package io.custops.ui.internal;

import java.time.ZoneId;
import java.util.Locale;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.custops.ui.internal.session.UiPreferences;

/**
 * The analyst's preferences: the analysis defaults (dormancy window, fan threshold, tier
 * ladder — offered to any strategy or model declaring those parameters), the model of the churn
 * warning list, the time zone of new workspaces, and the attributes masked as personal data
 * besides the built-in ones.
 */
public class PreferencesDialog extends Dialog {

	private final UiPreferences preferences;
	private Text dormant;
	private Text fan;
	private Text ladder;
	private Text churnModel;
	private Text zone;
	private Text masked;
	private Label problem;

	public PreferencesDialog(Shell parent, UiPreferences preferences) {
		super(parent);
		this.preferences = preferences;
	}

	private static String t(String en, String zh) {
		return "zh".equals(Locale.getDefault().getLanguage()) ? zh : en;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(t("Preferences", "首选项"));
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(2, false));
		dormant = field(area, t("Dormancy window (days)", "沉睡窗口（天）"), preferences.dormantDays());
		fan = field(area, t("Paid orders of a fan", "粉丝订单数"), preferences.fanOrders());
		ladder = field(area, t("Tier ladder (tier:threshold, …)", "等级阶梯（等级:门槛，…）"), preferences.tierLadder());
		churnModel = field(area, t("Model of the churn warning list", "流失预警名单的模型"), preferences.churnModel());
		zone = field(area, t("Time zone of new workspaces", "新工作区的时区"), preferences.timeZone().getId());
		masked = field(area, t("Personal attributes", "个人信息属性"), String.join(",", preferences.maskedFields()));
		problem = new Label(area, SWT.WRAP);
		problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		return area;
	}

	private static Text field(Composite parent, String label, String value) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, SWT.BORDER);
		text.setText(value);
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
		data.widthHint = 280;
		text.setLayoutData(data);
		return text;
	}

	@Override
	protected void okPressed() {
		try {
			int days = Integer.parseInt(dormant.getText().trim());
			int orders = Integer.parseInt(fan.getText().trim());
			if (days < 1 || orders < 2) {
				throw new NumberFormatException();
			}
			ZoneId.of(zone.getText().trim());
		} catch (RuntimeException e) {
			problem.setText(t("The dormancy window must be at least 1 day, a fan at least 2 orders, and the zone a region such as Asia/Shanghai.",
					"沉睡窗口至少 1 天，粉丝至少 2 单，时区须为如 Asia/Shanghai 的地区。"));
			problem.getParent().layout();
			return;
		}
		preferences.put(UiPreferences.DORMANT_DAYS, dormant.getText().trim());
		preferences.put(UiPreferences.FAN_ORDERS, fan.getText().trim());
		preferences.put(UiPreferences.TIER_LADDER, ladder.getText().trim());
		preferences.put(UiPreferences.CHURN_MODEL, churnModel.getText().isBlank() ? null : churnModel.getText().trim());
		preferences.put(UiPreferences.TIME_ZONE, zone.getText().trim());
		preferences.put(UiPreferences.MASKED_FIELDS, masked.getText().trim());
		preferences.flush();
		super.okPressed();
	}
}
