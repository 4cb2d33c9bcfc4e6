package io.custops.source.spark.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Spark Connect server the tests talk to: {@code CUSTOPS_SPARK_URL} when ./test.sh (or
 * releng/scripts/engines.sh) started one, else one started here by that script and stopped when
 * the test JVM ends.
 */
final class SparkServer {

	private static String url;

	private SparkServer() {
	}

	static synchronized String url() throws Exception {
		String env = System.getenv("CUSTOPS_SPARK_URL");
		if (env != null && !env.isBlank()) {
			return env;
		}
		if (url != null) {
			return url;
		}
		Path root = Path.of("").toAbsolutePath();
		while (root != null && !Files.exists(root.resolve("releng/scripts/engines.sh"))) {
			root = root.getParent();
		}
		if (root == null) {
			throw new IllegalStateException("CUSTOPS_SPARK_URL is not set and releng/scripts/engines.sh is not found");
		}
		Process p = new ProcessBuilder("bash", "-c", ". releng/scripts/common.sh && . releng/scripts/engines.sh"
				+ " && start_spark >&2 && echo \"$CUSTOPS_SPARK_URL $CUSTOPS_SPARK_PID\"").directory(root.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		if (p.waitFor() != 0) {
			throw new IllegalStateException("start_spark failed with " + p.exitValue());
		}
		String[] parts = out.split(" ");
		long pid = Long.parseLong(parts[1]);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy)));
		url = parts[0];
		return url;
	}
}
