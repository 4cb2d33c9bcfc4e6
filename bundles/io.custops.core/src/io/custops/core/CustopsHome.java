package io.custops.core;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The one folder where a user's CustOps state lives (installed plugins, secure storage, the
 * default workspace), the same the {@code ./custops} script uses for the framework's state: the
 * system property {@code custops.home}, else the environment's {@code CUSTOPS_HOME}, else
 * {@code $HOME/.custops}. The shell's {@code $HOME} wins over the JVM's {@code user.home}
 * (they differ under sudo, in containers, or when {@code -Duser.home} is set): only without
 * {@code $HOME} does the JVM's guess count.
 */
public final class CustopsHome {

	private CustopsHome() {
	}

	/** The folder (not created). */
	public static Path dir() {
		return resolve(System::getProperty, System::getenv);
	}

	/** The workspace used when none is named: {@code $CUSTOPS_WORKSPACE}, else {@code dir()/workspace}. */
	public static Path defaultWorkspace() {
		return defaultWorkspace(System::getProperty, System::getenv);
	}

	/** {@link #dir()} for the given system properties and environment (for tests). */
	public static Path resolve(UnaryOperator<String> properties, UnaryOperator<String> environment) {
		String home = properties.apply("custops.home");
		if (blank(home)) {
			home = environment.apply("CUSTOPS_HOME");
		}
		if (!blank(home)) {
			return Path.of(home).toAbsolutePath().normalize();
		}
		String user = environment.apply("HOME");
		if (blank(user)) {
			user = properties.apply("user.home");
		}
		return Path.of(user, ".custops").toAbsolutePath().normalize();
	}

	/** {@link #defaultWorkspace()} for the given system properties and environment (for tests). */
	public static Path defaultWorkspace(UnaryOperator<String> properties, UnaryOperator<String> environment) {
		String ws = environment.apply("CUSTOPS_WORKSPACE");
		if (!blank(ws)) {
			return Path.of(ws).toAbsolutePath().normalize();
		}
		return resolve(properties, environment).resolve("workspace");
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
