package io.custops.ui.internal.views;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

import io.custops.campaign.Target;
import io.custops.core.data.CustomerDataset;
import io.custops.store.CampaignRecord;
import io.custops.store.Workspace;
import io.custops.ui.internal.campaigns.CampaignFormModel;

/**
 * The Campaigns part's form (create, edit until the start, delete, export) and Playbooks
 * section: widgets bound to a {@link CampaignFormModel}, which holds every rule.
 */
final class CampaignEditor {

	private final CampaignsView view;
	private final Supplier<String> selected;
	private final CampaignFormModel model = new CampaignFormModel();
	private final Text id;
	private final Text name;
	private final Text start;
	private final Text end;
	private final Text cost;
	private final Text margin;
	private final Combo kind;
	private final Text value;
	private final Text control;
	private final Text seed;
	private final Text baseline;
	private final Text uplift;
	private final Label plan;
	private final Label status;
	private final Button save;
	private final Table playbooks;

	CampaignEditor(Composite parent, CampaignsView view, Supplier<String> selected) {
		this.view = view;
		this.selected = selected;
		Composite area = new Composite(parent, SWT.NONE);
		area.setLayout(new GridLayout(2, true));
		Group form = Tables.group(area, t("Campaign", "活动"), 6);
		form.setLayoutData(Tables.fill());
		id = field(form, t("Id", "编号"), 1);
		name = field(form, t("Name", "名称"), 3);
		start = field(form, t("Start", "开始"), 1);
		end = field(form, t("End", "结束"), 1);
		cost = field(form, t("Cost", "成本"), 1);
		margin = field(form, t("Margin", "毛利率"), 1);
		control = field(form, t("Control group", "对照组"), 1);
		seed = field(form, t("Seed", "种子"), 1);
		new Label(form, SWT.NONE).setText(t("Target from", "目标来自"));
		kind = new Combo(form, SWT.READ_ONLY);
		kind.setItems(t("Strategy label (rfm=at_risk)", "策略标签（rfm=at_risk）"), t("Stage (dormant)", "生命周期阶段（dormant）"),
				t("Tag (vip-care)", "标签（vip-care）"), t("List file (CSV)", "名单文件（CSV）"));
		kind.select(0);
		value = new Text(form, SWT.BORDER);
		value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		Button browse = new Button(form, SWT.PUSH);
		browse.setText(t("File…", "文件…"));
		browse.addListener(SWT.Selection, e -> browse());
		baseline = field(form, t("Response rate", "基准响应率"), 1);
		uplift = field(form, t("Uplift to detect", "待检测提升"), 1);
		new Label(form, SWT.NONE);
		new Label(form, SWT.NONE);
		baseline.setText("5%");
		uplift.setText("2%");
		plan = new Label(form, SWT.WRAP);
		plan.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
		Composite buttons = new Composite(form, SWT.NONE);
		buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
		buttons.setLayout(new GridLayout(6, false));
		button(buttons, t("New", "新建"), this::clear);
		button(buttons, t("Check target", "检查目标"), this::check);
		save = button(buttons, t("Create", "创建"), this::save);
		button(buttons, t("Edit selected", "编辑所选"), this::editSelected);
		button(buttons, t("Delete selected", "删除所选"), this::deleteSelected);
		button(buttons, t("Export list…", "导出名单…"), this::exportSelected);
		status = new Label(form, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));

		Group section = Tables.group(area, t("Playbooks (./custops playbook add)", "自动化剧本（./custops playbook add）"), 1);
		section.setLayoutData(Tables.fill());
		playbooks = Tables.table(section, SWT.SINGLE, view.ctx.zh()
				? new String[] { "剧本", "计划", "目标", "上次运行", "状态", "下次运行" }
				: new String[] { "Playbook", "Cron", "Target", "Last run", "Status", "Next run" },
				new int[] { 110, 90, 170, 150, 60, 130 }, "LLLLLL");
		clear();
	}

	private String t(String en, String zh) {
		return view.ctx.zh() ? zh : en;
	}

	private static Text field(Composite parent, String label, int span) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, SWT.BORDER);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
		return text;
	}

	private static Button button(Composite parent, String label, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(label);
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	/** Form → model. */
	private void read() {
		model.id = id.getText();
		model.name = name.getText();
		model.start = start.getText();
		model.end = end.getText();
		model.cost = cost.getText();
		model.margin = margin.getText();
		model.targetKind = CampaignFormModel.TargetKind.values()[Math.max(0, kind.getSelectionIndex())];
		model.targetValue = value.getText();
		model.control = control.getText();
		model.seed = seed.getText();
	}

	/** Model → form. */
	private void write() {
		id.setText(model.id);
		name.setText(model.name);
		start.setText(model.start);
		end.setText(model.end);
		cost.setText(model.cost);
		margin.setText(model.margin);
		kind.select(model.targetKind.ordinal());
		value.setText(model.targetValue);
		control.setText(model.control);
		seed.setText(model.seed);
		save.setText(model.editing == null ? t("Create", "创建") : t("Save", "保存"));
		save.getParent().layout();
	}

	private void say(String text) {
		status.setText(text == null ? "" : text);
		status.getParent().layout();
	}

	void clear() {
		model.clear();
		LocalDate next = LocalDate.now().plusDays(1);
		model.start = next.toString();
		model.end = next.plusDays(13).toString();
		write();
		say("");
		plan.setText("");
	}

	private void browse() {
		FileDialog dialog = new FileDialog(value.getShell(), SWT.OPEN);
		dialog.setFilterExtensions(new String[] { "*.csv", "*" });
		String chosen = dialog.open();
		if (chosen != null) {
			kind.select(CampaignFormModel.TargetKind.FILE.ordinal());
			value.setText(chosen);
		}
	}

	private boolean valid() {
		read();
		List<CampaignFormModel.Problem> problems = model.problems();
		if (!problems.isEmpty()) {
			say(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
			return false;
		}
		return true;
	}

	/** Resolves the target and shows its size with the control group the power calculation asks for. */
	void check() {
		if (!valid()) {
			return;
		}
		CustomerDataset data = view.session().dataset();
		if (data == null) {
			return;
		}
		double rate = rate(baseline.getText());
		double up = rate(uplift.getText());
		view.run(t("Checking the target", "正在检查目标"), monitor -> {
			Target target = model.resolve(data, view.ctx.services().analyses(), view.ctx.services().funnel());
			String planned;
			try {
				planned = CampaignFormModel.describePlan(CampaignFormModel.plan(rate, up, target.size()), view.ctx.zh());
			} catch (IllegalArgumentException e) {
				planned = e.getMessage();
			}
			return target.description() + ": " + target.size() + t(" customers; ", " 人；") + planned;
		}, text -> {
			plan.setText(text);
			plan.getParent().layout();
			say("");
		});
	}

	private static double rate(String text) {
		String t = text.strip();
		try {
			return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
		} catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	void save() {
		if (!valid()) {
			return;
		}
		Workspace ws = view.session().workspace();
		CustomerDataset data = view.session().dataset();
		if (ws == null || data == null) {
			return;
		}
		view.run(t("Saving the campaign", "正在保存活动"), monitor -> model.save(ws, data, view.ctx.services().analyses(),
				view.ctx.services().funnel(), LocalDate.now()), r -> {
					say(String.format(t("Campaign %s saved: %d to contact, %d held out.", "活动 %s 已保存：触达 %d 人，对照 %d 人。"),
							r.id(), r.treatmentSize(), r.controlSize()));
					write();
					view.compute();
				});
	}

	void editSelected() {
		String chosen = selected.get();
		Workspace ws = view.session().workspace();
		if (chosen == null || ws == null) {
			say(t("Select a campaign first.", "请先选择一个活动。"));
			return;
		}
		try {
			CampaignRecord r = ws.campaigns().get(chosen).orElseThrow();
			model.edit(r, LocalDate.now());
			write();
			say(t("Editing ", "正在编辑 ") + chosen);
		} catch (Exception e) {
			say(e.getMessage());
		}
	}

	void deleteSelected() {
		String chosen = selected.get();
		Workspace ws = view.session().workspace();
		if (chosen == null || ws == null) {
			say(t("Select a campaign first.", "请先选择一个活动。"));
			return;
		}
		view.run(t("Deleting the campaign", "正在删除活动"), monitor -> {
			CampaignFormModel.delete(ws, chosen);
			return chosen;
		}, d -> {
			say(t("Campaign deleted: ", "活动已删除：") + d);
			view.compute();
		});
	}

	void exportSelected() {
		String chosen = selected.get();
		Workspace ws = view.session().workspace();
		CustomerDataset data = view.session().dataset();
		if (chosen == null || ws == null || data == null) {
			say(t("Select a campaign first.", "请先选择一个活动。"));
			return;
		}
		FileDialog dialog = new FileDialog(value.getShell(), SWT.SAVE);
		dialog.setFileName(chosen + "-targets.csv");
		dialog.setOverwrite(true);
		String file = dialog.open();
		if (file == null) {
			return;
		}
		view.run(t("Exporting the target list", "正在导出目标名单"),
				monitor -> CampaignFormModel.export(ws, data, chosen, Path.of(file)),
				r -> say(String.format(t("%d members written to %s, masked (audit #%d).", "已写入 %d 人到 %s（已脱敏，审计 #%d）。"),
						r.rows(), r.file(), r.audit().seq())));
	}

	/** Reads the playbooks of the workspace into the section. */
	void refresh() {
		Workspace ws = view.session().workspace();
		if (ws == null) {
			return;
		}
		boolean zh = view.ctx.zh();
		view.run(t("Reading playbooks", "正在读取剧本"), monitor -> CampaignFormModel.playbooks(ws, zh), rows -> {
			List<String[]> cells = new ArrayList<>();
			for (CampaignFormModel.PlaybookRow r : rows) {
				cells.add(new String[] { r.id(), r.cron(), r.target(), r.lastRun(), r.lastStatus(), r.nextRun() });
			}
			Tables.fill(playbooks, cells);
		});
	}

	CampaignFormModel model() {
		return model;
	}

	/** Shows the model's fields (after a test or a caller set them). */
	void show() {
		write();
	}

	String planText() {
		return plan.getText();
	}

	Table playbooksTable() {
		return playbooks;
	}

	Label statusLabel() {
		return status;
	}
}
