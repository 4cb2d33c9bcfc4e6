import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes beside the product's OSGi framework jar a copy without its signature files
 * (plugins/org.eclipse.osgi.unsigned.jar), which ./custops starts the framework from.
 *
 * Why: the framework's classes are loaded by the launcher's class loader, which checks the
 * jar's signature as it reads it, and the JVM's start-up archive (AOT cache / CDS) leaves out
 * every class of a signed jar. Unsigned, the framework's ~460 start-up classes come from the
 * archive and no digest is computed: the framework starts 0.4-0.6 s sooner. The classes are
 * byte for byte those of the signed jar; the signed jar stays in the product for p2.
 *
 * Run by the build after the product is materialized:
 *   java releng/scripts/UnsignedFramework.java PRODUCT_DIR
 */
public class UnsignedFramework {

	private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)", Pattern.CASE_INSENSITIVE);

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: java UnsignedFramework.java PRODUCT_DIR");
			System.exit(2);
		}
		Path plugins = Path.of(args[0], "plugins");
		Path framework;
		try (var found = Files.list(plugins)) {
			framework = found.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.osgi_[^/]*\\.jar"))
					.findFirst().orElseThrow(() -> new IOException("no org.eclipse.osgi_*.jar in " + plugins));
		}
		Path target = plugins.resolve("org.eclipse.osgi.unsigned.jar");
		Path temp = plugins.resolve("org.eclipse.osgi.unsigned.jar.tmp");
		int copied = 0;
		int dropped = 0;
		try (ZipFile in = new ZipFile(framework.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temp))) {
			for (ZipEntry e : java.util.Collections.list(in.entries())) {
				if (SIGNATURE.matcher(e.getName()).matches()) {
					dropped++;
					continue;
				}
				out.putNextEntry(new ZipEntry(e.getName()));
				try (InputStream data = in.getInputStream(e)) {
					data.transferTo(out);
				}
				out.closeEntry();
				copied++;
			}
		}
		Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		System.out.println("unsigned framework: " + target + " (" + copied + " entries, " + dropped + " signature files left out)");
	}
}
