package io.custops.store;

import java.util.List;
import java.util.Optional;

/**
 * The campaigns of a workspace with their members ({@link Workspace#campaigns()}). Imported
 * campaigns (kinds {@code campaigns} and {@code campaign-members}) and created ones are read
 * alike.
 */
public interface CampaignStore {

	/** Every campaign, by start date then id, with its group sizes. */
	List<CampaignRecord> list() throws WorkspaceException;

	/** The campaign with an id, with its group sizes. */
	Optional<CampaignRecord> get(String id) throws WorkspaceException;

	/** The members of a campaign in customer id order; empty for an unknown campaign. */
	List<CampaignMember> members(String id) throws WorkspaceException;

	/**
	 * Stores a new campaign with its members, all or nothing, and records the creation in the
	 * audit log ({@code campaign-create}).
	 *
	 * @param campaign from {@link CampaignRecord#toCreate}; creation time, creator and sizes are ignored
	 * @throws IllegalArgumentException naming the campaign for an id already held, an end before
	 *                                  the start, a negative cost, a margin outside [0, 1], no
	 *                                  treatment member, or a customer listed twice
	 * @throws WorkspaceException       when the workspace cannot be written; nothing is stored
	 */
	CampaignRecord create(CampaignRecord campaign, List<CampaignMember> members) throws WorkspaceException;

	/**
	 * Deletes a campaign with its members, all or nothing, and records it in the audit log
	 * ({@code campaign-delete}); false when there was none of that id.
	 */
	boolean delete(String id) throws WorkspaceException;
}
