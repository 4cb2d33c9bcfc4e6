package io.custops.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import io.custops.plugins.PluginBundle;
import io.custops.plugins.PluginException;
import io.custops.plugins.Signature;

/**
 * Checks one jar before it is installed: it is a jar, its manifest makes it an OSGi bundle, its
 * signature (if any) matches its contents, and its classes are for a Java this JVM runs.
 */
final class JarInspector {

	/** The newest class file major version this JVM loads (Java 21 → 65). */
	static final int MAX_CLASS_MAJOR = Runtime.version().feature() + 44;

	private JarInspector() {
	}

	static PluginBundle inspect(Path jar, String shownAs) throws PluginException {
		if (!Files.isRegularFile(jar)) {
			throw PluginException.refused(shownAs + " is not a file");
		}
		try (JarFile file = new JarFile(jar.toFile(), true)) {
			Manifest manifest = file.getManifest();
			if (manifest == null) {
				throw PluginException.refused(shownAs + " is not an OSGi bundle: it has no META-INF/MANIFEST.MF");
			}
			Attributes main = manifest.getMainAttributes();
			String name = headerValue(main.getValue("Bundle-SymbolicName"));
			if (name == null || name.isBlank()) {
				throw PluginException.refused(shownAs
						+ " is not an OSGi bundle: its META-INF/MANIFEST.MF has no Bundle-SymbolicName (a plain jar cannot be installed; see docs/plugin-guide.md)");
			}
			String manifestVersion = main.getValue("Bundle-ManifestVersion");
			if (manifestVersion != null && !manifestVersion.trim().equals("2")) {
				throw PluginException.refused(shownAs + " declares Bundle-ManifestVersion " + manifestVersion.trim()
						+ "; only version 2 (OSGi R4 and later) is supported");
			}
			PluginNames.checkSymbolicName(name, shownAs);
			String version = main.getValue("Bundle-Version");
			version = version == null || version.isBlank() ? "0.0.0" : version.trim();
			PluginNames.checkVersion(version, shownAs);
			for (String pkg : packages(main.getValue("Export-Package"))) {
				if (pkg.equals("io.custops") || pkg.startsWith("io.custops.")) {
					throw PluginException.refused(shownAs + " exports the package " + pkg
							+ ", a name the workbench keeps for its own packages: a plugin's packages need a name of their own");
				}
			}
			boolean fragment = main.getValue("Fragment-Host") != null;
			Signature signature = verify(file, shownAs, name);
			return new PluginBundle(name, version, jar, fragment, signature);
		} catch (ZipException e) {
			throw PluginException.refused(shownAs + " is not a jar file (" + e.getMessage() + ")");
		} catch (SecurityException e) {
			throw PluginException.refused(shownAs + " has a signature that does not match its contents (" + e.getMessage()
					+ "): it was changed after it was signed");
		} catch (IOException e) {
			throw new PluginException("cannot read " + shownAs + ": " + e.getMessage(), false, null, e);
		}
	}

	/** The package names of an Export-Package header (clauses split at commas outside quotes, {@code a;b;version=1} → a, b). */
	static java.util.List<String> packages(String header) {
		java.util.List<String> names = new java.util.ArrayList<>();
		if (header == null) {
			return names;
		}
		StringBuilder clause = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i <= header.length(); i++) {
			char c = i < header.length() ? header.charAt(i) : ',';
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == ',' && !quoted) {
				for (String part : clause.toString().split(";")) {
					String p = part.trim();
					if (!p.isEmpty() && !p.contains("=")) {
						names.add(p);
					}
				}
				clause.setLength(0);
			} else {
				clause.append(c);
			}
		}
		return names;
	}

	/** The part of a manifest header before its first parameter: {@code a.b;singleton:=true} → {@code a.b}. */
	static String headerValue(String header) {
		if (header == null) {
			return null;
		}
		int semi = header.indexOf(';');
		return (semi < 0 ? header : header.substring(0, semi)).trim();
	}

	/**
	 * Reads every entry (which makes {@link JarFile} check it against the signature, throwing
	 * SecurityException on a mismatch), notes which entries are signed and by whom, and checks
	 * the class file versions on the way.
	 */
	private static Signature verify(JarFile file, String shownAs, String bundle) throws IOException, PluginException {
		boolean hasSignatureFiles = false;
		int unsignedEntries = 0;
		int signedEntries = 0;
		Set<CertPath> signers = new LinkedHashSet<>();
		byte[] buffer = new byte[8192];
		Enumeration<JarEntry> entries = file.entries();
		while (entries.hasMoreElements()) {
			JarEntry entry = entries.nextElement();
			String name = entry.getName();
			String upper = name.toUpperCase(Locale.ROOT);
			if (upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".RSA")
					|| upper.endsWith(".DSA") || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-"))) {
				hasSignatureFiles = true;
				continue;
			}
			if (entry.isDirectory()) {
				continue;
			}
			try (InputStream in = file.getInputStream(entry)) {
				int total = 0;
				int n;
				byte[] head = new byte[8];
				while ((n = in.read(buffer)) > 0) {
					if (total < 8) {
						System.arraycopy(buffer, 0, head, total, Math.min(n, 8 - total));
					}
					total += n;
				}
				if (name.endsWith(".class") && !upper.startsWith("META-INF/VERSIONS/") && total >= 8
						&& (head[0] & 0xff) == 0xCA && (head[1] & 0xff) == 0xFE) {
					int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
					if (major > MAX_CLASS_MAJOR) {
						throw PluginException.refused(shownAs + " (bundle " + bundle + ") is compiled for Java "
								+ (major - 44) + " (class " + name + "), but the workbench runs on Java "
								+ Runtime.version().feature() + "; rebuild it with --release " + Runtime.version().feature()
								+ " or lower");
					}
				}
			}
			if (upper.equals("META-INF/MANIFEST.MF")) {
				continue;
			}
			CodeSigner[] codeSigners = entry.getCodeSigners();
			if (codeSigners == null || codeSigners.length == 0) {
				unsignedEntries++;
			} else {
				signedEntries++;
				for (CodeSigner s : codeSigners) {
					signers.add(s.getSignerCertPath());
				}
			}
		}
		if (!hasSignatureFiles || signedEntries == 0) {
			return Signature.unsigned(hasSignatureFiles ? "signature files without signed entries" : null);
		}
		CertPath path = signers.iterator().next();
		String subject = subject(path);
		if (unsignedEntries > 0) {
			return Signature.unsigned("partly signed by " + subject + ": " + unsignedEntries + " entries not covered");
		}
		String untrusted = trustProblem(path);
		return untrusted == null ? new Signature(Signature.Status.SIGNED_TRUSTED, subject, null)
				: new Signature(Signature.Status.SIGNED_UNTRUSTED, subject, untrusted);
	}

	private static String subject(CertPath path) {
		Certificate first = path.getCertificates().isEmpty() ? null : path.getCertificates().get(0);
		return first instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : "an unknown signer";
	}

	/** Null when the signer's chain leads to a certificate authority the JDK trusts; else why not. */
	private static String trustProblem(CertPath path) {
		try {
			Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
			KeyStore anchors = KeyStore.getInstance(cacerts.toFile(), (char[]) null);
			PKIXParameters parameters = new PKIXParameters(anchors);
			parameters.setRevocationEnabled(false);
			CertPathValidator.getInstance("PKIX").validate(path, parameters);
			return null;
		} catch (GeneralSecurityException e) {
			if (path.getCertificates().size() == 1 && path.getCertificates().get(0) instanceof X509Certificate x
					&& x.getSubjectX500Principal().equals(x.getIssuerX500Principal())) {
				return "self-signed";
			}
			return "no trusted certificate authority vouches for it";
		} catch (IOException e) {
			return "the JDK's trusted certificates could not be read";
		}
	}
}
