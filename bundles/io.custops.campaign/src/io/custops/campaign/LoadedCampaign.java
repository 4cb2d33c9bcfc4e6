package io.custops.campaign;

import io.custops.engine.Campaign;
import io.custops.store.CampaignRecord;

/**
 * A stored campaign made ready for the engine: its record, the engine's {@link Campaign} (members
 * as indexes of the dataset it was loaded over) and the segment each member was in when the
 * campaign was created (null when not recorded), parallel to the treatment and control arrays.
 */
public record LoadedCampaign(CampaignRecord record, Campaign campaign, String[] treatmentSegments,
		String[] controlSegments) {

	/** Whether any member has a recorded segment (campaigns created from a target do). */
	public boolean hasSegments() {
		for (String s : treatmentSegments) {
			if (s != null) {
				return true;
			}
		}
		for (String s : controlSegments) {
			if (s != null) {
				return true;
			}
		}
		return false;
	}
}
