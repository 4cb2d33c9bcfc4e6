/**
 * Campaigns over a workspace: choosing the members from a target (a segment of any strategy or
 * model, manual tags, a funnel drop-off, a list), holding out a control group, loading a stored
 * campaign as the engine's {@link io.custops.engine.Campaign} ({@link io.custops.campaign.CampaignLoader}),
 * measuring it ({@link io.custops.campaign.CampaignRois}) and exporting its target list with
 * personal data masked ({@link io.custops.campaign.TargetListExport}).
 */
@Version("1.1.0")
package io.custops.campaign;

import org.osgi.annotation.versioning.Version;
