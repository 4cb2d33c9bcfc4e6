package io.custops.report.schedule.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.custops.core.data.CustomerDataset;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Campaign;
import io.custops.report.CampaignSource;
import io.custops.store.Workspace;

/**
 * The workspace's imported campaigns ({@code campaigns} and {@code campaign_members}, see
 * docs/formats.md) as the ROI analysis reads them. The one place that loads campaigns for
 * reports: when the store offers its own campaign API, this class is what changes.
 */
final class StoreCampaigns implements CampaignSource {

	private final Workspace workspace;

	StoreCampaigns(Workspace workspace) {
		this.workspace = workspace;
	}

	@Override
	public List<Campaign> campaigns(CustomerDataset dataset) throws Exception {
		record Head(String id, String name, LocalDate start, LocalDate end, BigDecimal cost, BigDecimal margin) {
		}
		List<Head> heads = new ArrayList<>();
		Map<String, int[][]> members = new HashMap<>(); // id → {treatment, control}, grown below
		Map<String, int[]> sizes = new HashMap<>();
		try (Connection c = workspace.connection(); Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery(
					"SELECT campaign_id, name, start_date, end_date, cost, margin FROM campaigns ORDER BY start_date, campaign_id")) {
				while (rs.next()) {
					heads.add(new Head(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
							rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getBigDecimal(6)));
					members.put(rs.getString(1), new int[][] { new int[64], new int[16] });
					sizes.put(rs.getString(1), new int[2]);
				}
			}
			try (ResultSet rs = s.executeQuery("SELECT campaign_id, customer_id, member_group FROM campaign_members")) {
				while (rs.next()) {
					int[][] groups = members.get(rs.getString(1));
					if (groups == null) {
						continue; // cannot happen: members of unknown campaigns are rejected at import
					}
					int customer = dataset.indexOf(rs.getString(2));
					if (customer < 0) {
						throw new AnalysisInputException("campaign '" + rs.getString(1) + "': member " + rs.getString(2)
								+ " is not a customer of the dataset");
					}
					int g = "control".equals(rs.getString(3)) ? 1 : 0;
					int[] size = sizes.get(rs.getString(1));
					if (size[g] == groups[g].length) {
						groups[g] = java.util.Arrays.copyOf(groups[g], groups[g].length * 2);
					}
					groups[g][size[g]++] = customer;
				}
			}
		}
		List<Campaign> campaigns = new ArrayList<>();
		for (Head h : heads) {
			int[][] groups = members.get(h.id());
			int[] size = sizes.get(h.id());
			int[] treatment = java.util.Arrays.copyOf(groups[0], size[0]);
			int[] control = java.util.Arrays.copyOf(groups[1], size[1]);
			java.util.Arrays.sort(treatment);
			java.util.Arrays.sort(control);
			campaigns.add(new Campaign(h.id(), h.name(), h.start(), h.end(), h.cost(), h.margin(), treatment, control));
		}
		return campaigns;
	}
}
