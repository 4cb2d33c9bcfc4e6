package io.custops.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import io.custops.core.param.ParameterException;
import io.custops.engine.AnalysisInputException;

/**
 * The headless Equinox application behind {@code ./custops <command>}. Exit status: 0 done,
 * 2 bad usage or bad input, 1 failure (docs/cli.md).
 */
public class CustopsApplication implements IApplication {

	static final int OK = 0;
	static final int FAILURE = 1;
	static final int USAGE = 2;

	private final Map<String, Command> commands = new LinkedHashMap<>();

	public CustopsApplication() {
		for (Command command : List.<Command>of(new ServicesCommand(), new ImportCommand(),
				new WorkspaceCommand(), new DemoCommand(), AnalysisCommand.segment(), AnalysisCommand.lifecycle(),
				new ConversionCommand(), BehaviourCommand.funnel(), BehaviourCommand.paths(), new CohortsCommand(), new OverviewCommand(), new CampaignCommand(),
				new RoiCommand(), new TagsCommand(), new ReportCommand(), new ScheduleCommand(), new PlaybookCommand(), new PluginsCommand(), new SourceCommand())) {
			commands.put(command.name(), command);
		}
	}

	@Override
	public Object start(IApplicationContext context) {
		context.applicationRunning();
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
		return run(args == null ? new String[0] : args, out, err);
	}

	int run(String[] args, PrintStream out, PrintStream err) {
		Invocation inv;
		try {
			inv = Invocation.parse(args, out, err);
		} catch (UsageException e) {
			err.println("custops: " + e.getMessage());
			return USAGE;
		}
		if (inv.words.isEmpty()) {
			printCommands(inv.help() ? out : err);
			return inv.help() ? OK : USAGE;
		}
		Command command = commands.get(inv.words.get(0));
		if (command == null) {
			err.println("custops: unknown command '" + inv.words.get(0) + "'");
			printCommands(err);
			return USAGE;
		}
		if (inv.help()) {
			out.print(command.usage());
			return OK;
		}
		BundleContext bundleContext = FrameworkUtil.getBundle(getClass()).getBundleContext();
		try (CliServices services = new CliServices(bundleContext)) {
			return command.run(inv, services);
		} catch (NoWorkspaceException e) {
			err.println("custops " + command.name() + ": " + e.getMessage());
			return USAGE;
		} catch (UsageException | ParameterException | AnalysisInputException e) {
			err.println("custops " + command.name() + ": " + e.getMessage());
			err.print(command.usage());
			return USAGE;
		} catch (Exception | OutOfMemoryError | InternalError | StackOverflowError e) {
			Path workspace = null;
			try {
				workspace = inv.workspaceToCreate();
			} catch (RuntimeException ignored) {
				// a failure before the options were read
			}
			err.println("custops " + command.name() + ": failed: " + Failures.describe(e, workspace));
			if (Boolean.getBoolean("custops.debug")) {
				e.printStackTrace(err);
			}
			return FAILURE;
		}
	}

	private void printCommands(PrintStream stream) {
		stream.println("usage: ./custops                       open the workbench");
		stream.println("       ./custops <command> [options]   run headless");
		stream.println();
		stream.println("commands:");
		commands.values().forEach(c -> stream.printf("  %-12s %s%n", c.name(), c.summary()));
		stream.println();
		stream.println("options of every command:");
		stream.println("  --workspace DIR   the workspace (default ~/.custops/workspace)");
		stream.println("  --param key=value a parameter of the service (repeatable)");
		stream.println("  --out FILE|DIR    where rows or reports go");
		stream.println("  --json            a JSON summary on stdout");
		stream.println("  --help            usage of the command");
		stream.println("exit status: 0 done, 2 bad usage or input, 1 failure");
	}

	@Override
	public void stop() {
		// commands are short; nothing to interrupt
	}
}
