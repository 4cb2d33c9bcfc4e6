package io.custops.plugins;

import java.util.List;

/**
 * A plugin read from a jar or a p2 repository, checked and staged in a temporary folder, not
 * yet installed. Show {@link #bundles()}' signatures to the user, then pass it to
 * {@link PluginManager#install} or {@link #close()} it to throw the staged files away.
 */
public interface PluginCandidate extends AutoCloseable {

	String id();

	String version();

	/** The jar, folder or URL as the user gave it. */
	String source();

	/** The bundles that will be installed. */
	List<PluginBundle> bundles();

	/** Bundles of the repository left out, each with why (already part of the workbench, a source bundle…). */
	List<String> skipped();

	/** Whether any bundle is unsigned or signed by an untrusted signer. */
	default boolean needsConsent() {
		return bundles().stream().anyMatch(b -> b.signature().needsConsent());
	}

	/** Deletes the staged files; does nothing once installed. */
	@Override
	void close();
}
