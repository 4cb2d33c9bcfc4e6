package io.custops.cli.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.custops.plugins.InstallResult;
import io.custops.plugins.InstalledPlugin;
import io.custops.plugins.PluginBundle;
import io.custops.plugins.PluginCandidate;
import io.custops.plugins.PluginException;
import io.custops.plugins.PluginManager;
import io.custops.plugins.PluginService;

/** {@code ./custops plugins install|list|uninstall}: plugins installed at run time, per user. */
final class PluginsCommand implements Command {

	@Override
	public String name() {
		return "plugins";
	}

	@Override
	public String summary() {
		return "install, list and uninstall plugins (a bundle jar or a p2 repository)";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops plugins install <p2 repository folder or URL | zipped repository | jar> [--accept-unsigned] [--json]
				       ./custops plugins list [--json]
				       ./custops plugins uninstall ID [--json]
				  Plugins are kept per user under $CUSTOPS_HOME/plugins (default ~/.custops/plugins), apart
				  from the product, and installed again by every start of the command line and the workbench.
				  install          checks each bundle (an OSGi bundle? signed? for this Java? resolvable?),
				                   installs it and tries its services once; a bundle that does not resolve is
				                   refused with the reason and nothing is left behind. A plugin of the same id
				                   is replaced.
				  --accept-unsigned, --yes
				                   install even if a bundle is unsigned or its signer is not trusted (asked
				                   interactively otherwise; refused when there is no terminal)
				  list             the installed plugins, their bundles, signatures and services
				  uninstall ID     removes a plugin (its id, or the symbolic name of one of its bundles) and its files
				  --json           install: {"installed": {plugin}, "replaced", "warnings"}; list: {"plugins": [plugin]};
				                   uninstall: {"uninstalled": {plugin}}, where plugin is {"id", "version", "source",
				                   "installed", "bundles": [{"symbolic_name", "version", "file", "signature", "signer"}],
				                   "services": [{"kind", "id", "name", "bundle", "status", "reason"}]}
				exit status: 0 done; 2 bad usage, or the plugin was refused (the message says why); 1 failure
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) throws Exception {
		inv.allowOnly(Set.of("accept-unsigned", "yes"));
		if (inv.words.size() < 2) {
			throw new UsageException("plugins needs install, list or uninstall");
		}
		String action = inv.words.get(1);
		List<String> rest = inv.words.subList(2, inv.words.size());
		PluginManager manager = services.require(PluginManager.class);
		try {
			return switch (action) {
			case "list" -> {
				expect(rest, 0, "plugins list takes no argument");
				yield list(inv, manager);
			}
			case "install" -> {
				expect(rest, 1, "plugins install needs one jar, p2 repository folder or URL");
				yield install(inv, manager, rest.get(0));
			}
			case "uninstall" -> {
				expect(rest, 1, "plugins uninstall needs the plugin's ID (see ./custops plugins list)");
				yield uninstall(inv, manager, rest.get(0));
			}
			default -> throw new UsageException("unknown plugins action '" + action + "' (install, list or uninstall)");
			};
		} catch (PluginException e) {
			inv.err.println("custops plugins " + action + ": " + e.getMessage());
			if (e.detail() != null && Boolean.getBoolean("custops.debug")) {
				inv.err.println(e.detail());
			}
			return e.refused() ? CustopsApplication.USAGE : CustopsApplication.FAILURE;
		}
	}

	private static void expect(List<String> rest, int count, String message) {
		if (rest.size() != count) {
			throw new UsageException(message);
		}
	}

	private int list(Invocation inv, PluginManager manager) {
		List<InstalledPlugin> plugins = manager.installed();
		if (inv.json()) {
			inv.out.print(Json.write(Map.of("plugins", plugins.stream().map(PluginsCommand::json).toList())));
			return 0;
		}
		if (plugins.isEmpty()) {
			inv.out.println("no plugins installed (in " + manager.home() + ")");
			return 0;
		}
		for (InstalledPlugin p : plugins) {
			print(inv, p);
		}
		return 0;
	}

	private int install(Invocation inv, PluginManager manager, String source) throws PluginException {
		// with --json, stdout carries the JSON only: what people read goes to stderr
		var talk = inv.json() ? inv.err : inv.out;
		try (PluginCandidate candidate = manager.read(source)) {
			talk.println("plugin " + candidate.id() + " " + candidate.version() + " from " + candidate.source());
			for (PluginBundle b : candidate.bundles()) {
				talk.println("  bundle " + b.symbolicName() + " " + b.version() + ": " + b.signature().describe());
			}
			for (String s : candidate.skipped()) {
				talk.println("  left out " + s);
			}
			if (candidate.needsConsent() && !inv.options.containsKey("accept-unsigned") && !inv.options.containsKey("yes")) {
				inv.err.println("warning: this plugin is not signed by a trusted signer; its code will run with your rights.");
				if (!confirm(inv)) {
					throw PluginException.refused("not installed: it is unsigned (or its signer is not trusted) and was not"
							+ " accepted; to install it anyway, add --accept-unsigned (or --yes)");
				}
			}
			InstallResult result = manager.install(candidate);
			for (String w : result.warnings()) {
				inv.err.println("warning: " + w);
			}
			if (inv.json()) {
				Map<String, Object> doc = new LinkedHashMap<>();
				doc.put("installed", json(result.plugin()));
				doc.put("replaced", result.replaced());
				doc.put("warnings", result.warnings());
				inv.out.print(Json.write(doc));
			} else {
				inv.out.println((result.replaced() == null ? "installed " : "replaced " + result.replaced() + " by ")
						+ result.plugin().id() + " " + result.plugin().version());
				print(inv, result.plugin());
			}
			return 0;
		}
	}

	private static boolean confirm(Invocation inv) {
		if (!interactive()) {
			return false;
		}
		inv.err.print("Install it anyway? [y/N] ");
		inv.err.flush();
		try {
			String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			return answer != null && Set.of("y", "yes", "是").contains(answer.trim().toLowerCase(Locale.ROOT));
		} catch (java.io.IOException e) {
			return false;
		}
	}

	/** Whether a person can answer: a console that is a terminal (Java 22+ says so; older: any console). */
	private static boolean interactive() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
		} catch (ReflectiveOperationException e) {
			return true;
		}
	}

	private int uninstall(Invocation inv, PluginManager manager, String id) throws PluginException {
		InstalledPlugin removed = manager.uninstall(id);
		if (inv.json()) {
			inv.out.print(Json.write(Map.of("uninstalled", json(removed))));
		} else {
			inv.out.println("uninstalled " + removed.id() + " " + removed.version() + " ("
					+ removed.bundles().size() + (removed.bundles().size() == 1 ? " bundle" : " bundles") + " removed)");
		}
		return 0;
	}

	private static void print(Invocation inv, InstalledPlugin p) {
		inv.out.println(p.id() + " " + p.version() + "  (installed " + p.installed() + " from " + p.source() + ")");
		for (PluginBundle b : p.bundles()) {
			inv.out.println("  bundle   " + b.symbolicName() + " " + b.version() + "  " + b.signature().describe());
		}
		for (PluginService s : p.services()) {
			inv.out.printf("  %-8s %-24s %s%s%n", s.kind(), s.id(), s.name() == null ? "" : s.name(),
					s.status().equals("active") ? "" : "  [" + s.status() + ": " + s.reason() + "]");
		}
	}

	static Map<String, Object> json(InstalledPlugin p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", p.id());
		m.put("version", p.version());
		m.put("source", p.source());
		m.put("installed", p.installed().toString());
		List<Object> bundles = new ArrayList<>();
		for (PluginBundle b : p.bundles()) {
			Map<String, Object> bm = new LinkedHashMap<>();
			bm.put("symbolic_name", b.symbolicName());
			bm.put("version", b.version());
			bm.put("file", b.file().toString());
			bm.put("signature", b.signature().status().id());
			bm.put("signer", b.signature().signer());
			bundles.add(bm);
		}
		m.put("bundles", bundles);
		List<Object> services = new ArrayList<>();
		for (PluginService s : p.services()) {
			Map<String, Object> sm = new LinkedHashMap<>();
			sm.put("kind", s.kind());
			sm.put("id", s.id());
			sm.put("name", s.name());
			sm.put("bundle", s.bundle());
			sm.put("status", s.status());
			sm.put("reason", s.reason());
			services.add(sm);
		}
		m.put("services", services);
		return m;
	}
}
