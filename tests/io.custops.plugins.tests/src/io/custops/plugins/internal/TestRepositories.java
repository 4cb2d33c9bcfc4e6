package io.custops.plugins.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * A small p2 repository written by hand, as Tycho would: a category offering a feature that
 * includes bundle com.example.a (two versions in the repository), com.example.lib and a source
 * bundle; one more bundle no category offers.
 */
final class TestRepositories {

	private TestRepositories() {
	}

	static final String CONTENT = """
			<?xml version='1.0' encoding='UTF-8'?>
			<?metadataRepository version='1.2.0'?>
			<repository name='Example plugins' type='org.eclipse.equinox.internal.p2.metadata.repository.LocalMetadataRepository' version='1'>
			  <units size='7'>
			    <unit id='example.category' version='1.0.0.qualifier'>
			      <properties size='1'><property name='org.eclipse.equinox.p2.type.category' value='true'/></properties>
			      <requires size='1'><required namespace='org.eclipse.equinox.p2.iu' name='com.example.feature.feature.group' range='[1.0.0,1.0.0]'/></requires>
			    </unit>
			    <unit id='com.example.feature.feature.group' version='1.0.0'>
			      <properties size='1'><property name='org.eclipse.equinox.p2.type.group' value='true'/></properties>
			      <requires size='3'>
			        <required namespace='org.eclipse.equinox.p2.iu' name='com.example.a' range='[1.1.0,1.1.0]'/>
			        <required namespace='org.eclipse.equinox.p2.iu' name='com.example.lib' range='[2.0.0,2.0.0]'/>
			        <required namespace='org.eclipse.equinox.p2.iu' name='com.example.a.source' range='[1.1.0,1.1.0]'/>
			      </requires>
			    </unit>
			    %s
			  </units>
			</repository>
			""".formatted(bundleUnit("com.example.a", "1.0.0", false) + bundleUnit("com.example.a", "1.1.0", false)
			+ bundleUnit("com.example.lib", "2.0.0", false) + bundleUnit("com.example.a.source", "1.1.0", true)
			+ bundleUnit("com.example.unlisted", "1.0.0", false));

	private static String bundleUnit(String id, String version, boolean source) {
		return "<unit id='" + id + "' version='" + version + "'><provides size='2'>"
				+ "<provided namespace='osgi.bundle' name='" + id + "' version='" + version + "'/>"
				+ "<provided namespace='org.eclipse.equinox.p2.eclipse.type' name='" + (source ? "source" : "bundle")
				+ "' version='1.0.0'/></provides>"
				+ "<artifacts size='1'><artifact classifier='osgi.bundle' id='" + id + "' version='" + version
				+ "'/></artifacts></unit>\n";
	}

	static String artifacts(String shaOfA110) {
		StringBuilder s = new StringBuilder("""
				<?xml version='1.0' encoding='UTF-8'?>
				<?artifactRepository version='1.1.0'?>
				<repository name='Example plugins' type='org.eclipse.equinox.p2.artifact.repository.simpleRepository' version='1'>
				  <mappings size='2'>
				    <rule filter='(&amp; (classifier=osgi.bundle))' output='${repoUrl}/plugins/${id}_${version}.jar'/>
				    <rule filter='(&amp; (classifier=org.eclipse.update.feature))' output='${repoUrl}/features/${id}_${version}.jar'/>
				  </mappings>
				  <artifacts size='5'>
				""");
		for (String[] a : new String[][] { { "com.example.a", "1.0.0" }, { "com.example.a", "1.1.0" },
				{ "com.example.lib", "2.0.0" }, { "com.example.a.source", "1.1.0" }, { "com.example.unlisted", "1.0.0" } }) {
			s.append("<artifact classifier='osgi.bundle' id='").append(a[0]).append("' version='").append(a[1]).append("'>");
			if (a[0].equals("com.example.a") && a[1].equals("1.1.0") && shaOfA110 != null) {
				s.append("<properties size='1'><property name='download.checksum.sha-256' value='").append(shaOfA110)
						.append("'/></properties>");
			}
			s.append("</artifact>\n");
		}
		return s.append("  </artifacts>\n</repository>\n").toString();
	}

	/** Writes the repository: content as content.jar, artifacts as artifacts.xml.xz (the two compressed forms). */
	static Path write(Path dir, boolean rightChecksum) throws IOException {
		Path plugins = dir.resolve("plugins");
		for (String[] b : new String[][] { { "com.example.a", "1.0.0" }, { "com.example.a", "1.1.0" },
				{ "com.example.lib", "2.0.0" }, { "com.example.a.source", "1.1.0" }, { "com.example.unlisted", "1.0.0" } }) {
			Jars.bundle(plugins.resolve(b[0] + "_" + b[1] + ".jar"), b[0], b[1]);
		}
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("content.jar")))) {
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write(CONTENT.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		String sha = P2Repository.sha256(plugins.resolve("com.example.a_1.1.0.jar"));
		try (OutputStream out = new XZOutputStream(Files.newOutputStream(dir.resolve("artifacts.xml.xz")), new LZMA2Options())) {
			out.write(artifacts(rightChecksum ? sha : (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1)).getBytes(StandardCharsets.UTF_8));
		}
		return dir;
	}

	/** A composite repository whose one child is {@code child/}. */
	static void writeComposite(Path dir) throws IOException {
		for (String kind : new String[] { "Content", "Artifacts" }) {
			Files.writeString(dir.resolve("composite" + kind + ".xml"), """
					<?xml version='1.0' encoding='UTF-8'?>
					<?composite%sRepository version='1.0.0'?>
					<repository name='Composite' type='x' version='1.0.0'>
					  <children size='1'><child location='child'/></children>
					</repository>
					""".formatted(kind));
		}
	}

	/** Zips a folder (a zipped repository, as Tycho makes next to it). */
	static Path zip(Path dir, Path zipFile) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile));
				var files = Files.walk(dir)) {
			for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				zip.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
				zip.write(Files.readAllBytes(f));
				zip.closeEntry();
			}
		}
		return zipFile;
	}
}
