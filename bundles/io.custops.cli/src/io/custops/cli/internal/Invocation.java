package io.custops.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line split into words and options, following the conventions of docs/cli.md:
 * {@code --param key=value} (repeatable), {@code --workspace DIR}, {@code --out F}, {@code --json},
 * {@code --help}, and the command's own {@code --name value} options.
 */
final class Invocation {

	private static final Set<String> FLAGS = Set.of("json", "help", "yes", "accept-unsigned", "unmask", "password-stdin",
			"explain", "only-new");

	/** Options that may be given more than once; every value is kept in {@link #repeated}. */
	private static final Set<String> REPEATABLE = Set.of("table", "map");

	final List<String> words = new ArrayList<>();
	final Map<String, String> options = new LinkedHashMap<>();
	final Map<String, String> params = new LinkedHashMap<>();
	final Map<String, List<String>> repeated = new LinkedHashMap<>();
	final PrintStream out;
	final PrintStream err;

	private Invocation(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	static Invocation parse(String[] args, PrintStream out, PrintStream err) {
		Invocation inv = new Invocation(out, err);
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				inv.words.add(arg);
				continue;
			}
			String name = arg.substring(2);
			String value = null;
			int eq = name.indexOf('=');
			if (eq > 0 && !name.startsWith("param")) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			if (FLAGS.contains(name)) {
				inv.options.put(name, "true");
				continue;
			}
			if (value == null) {
				if (i + 1 >= args.length) {
					throw new UsageException("option --" + name + " needs a value");
				}
				value = args[++i];
			}
			if (name.equals("param")) {
				int sep = value.indexOf('=');
				if (sep <= 0) {
					throw new UsageException("--param needs key=value, got '" + value + "'");
				}
				inv.params.put(value.substring(0, sep).trim(), value.substring(sep + 1));
			} else {
				inv.options.put(name, value);
				if (REPEATABLE.contains(name)) {
					inv.repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
				}
			}
		}
		return inv;
	}

	boolean json() {
		return options.containsKey("json");
	}

	boolean help() {
		return options.containsKey("help");
	}

	String option(String name) {
		return options.get(name);
	}

	String requireOption(String name) {
		String value = options.get(name);
		if (value == null || value.isBlank()) {
			throw new UsageException("missing --" + name);
		}
		return value;
	}

	/** Fails on an option the command does not know, so that a typo is not silently ignored. */
	void allowOnly(Set<String> known) {
		for (String name : options.keySet()) {
			if (!known.contains(name) && !FLAGS.contains(name) && !name.equals("workspace")) {
				throw new UsageException("unknown option --" + name);
			}
		}
	}

	/**
	 * The workspace a command reads or changes. A {@code --workspace} folder that holds no
	 * workspace is bad input (exit 2, "no workspace at …"): a read must never create an empty
	 * workspace and report zeros. Only the commands that bring data in create one
	 * ({@link #workspaceToCreate()}).
	 */
	Path workspace() {
		Path dir = workspaceToCreate();
		if (options.containsKey("workspace") && !isWorkspace(dir)) {
			throw new NoWorkspaceException(dir);
		}
		return dir;
	}

	/** The workspace of a command that may create it ({@code import}, {@code demo}, {@code source add}, setting the zone). */
	Path workspaceToCreate() {
		String dir = options.get("workspace");
		if (dir != null) {
			return Path.of(dir).toAbsolutePath();
		}
		return io.custops.core.CustopsHome.defaultWorkspace();
	}

	/** Whether a folder holds a workspace: its database folder is there (every workspace since the first has one). */
	static boolean isWorkspace(Path dir) {
		return java.nio.file.Files.isDirectory(dir.resolve("db"));
	}
}
