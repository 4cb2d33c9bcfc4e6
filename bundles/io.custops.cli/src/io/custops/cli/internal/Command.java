package io.custops.cli.internal;

/** One {@code ./custops <command>}. */
interface Command {

	String name();

	/** One line for the command list. */
	String summary();

	/** The full usage, printed by {@code --help} and on bad usage. */
	String usage();

	/** Runs the command; returns the exit status. */
	int run(Invocation invocation, CliServices services) throws Exception;
}
