package io.custops.plugins.internal;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.tukaani.xz.XZInputStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a p2 repository without p2: its metadata ({@code content.jar}, {@code content.xml.xz} or
 * {@code content.xml}, and composites of them) says which installable units there are and which
 * of them the repository's categories offer; its artifact index ({@code artifacts.*}) maps each
 * bundle to a file through the repository's mapping rules. Only what the installer needs is read:
 * bundle units and the {@code org.eclipse.equinox.p2.iu} requirements that lead to them.
 */
final class P2Repository {

	/** A bundle unit of the repository. */
	record BundleUnit(String id, String version, boolean source) {
	}

	/** An installable unit, reduced to what selection needs. */
	record Unit(String id, String version, boolean category, boolean feature, boolean bundle, boolean source,
			List<String> requiredUnits) {
	}

	private final URI base;
	private final List<Unit> units = new ArrayList<>();
	private final Map<String, URI> bundleLocations = new HashMap<>();
	private final Map<String, String> bundleChecksums = new HashMap<>();
	private String name;

	private P2Repository(URI base) {
		this.base = base;
	}

	/**
	 * Reads the repository at {@code base} (a folder URI ending in {@code /}, or {@code jar:…!/}
	 * for a zipped one).
	 *
	 * @throws IOException when neither content nor artifact metadata is there, or it cannot be read
	 */
	static P2Repository read(URI base) throws IOException {
		P2Repository repo = new P2Repository(base);
		repo.readContent(base, new LinkedHashSet<>());
		repo.readArtifacts(base, new LinkedHashSet<>());
		return repo;
	}

	static boolean looksLikeRepository(Path dir) {
		for (String f : new String[] { "content.jar", "content.xml", "content.xml.xz", "compositeContent.jar",
				"compositeContent.xml", "compositeContent.xml.xz", "p2.index" }) {
			if (Files.isRegularFile(dir.resolve(f))) {
				return true;
			}
		}
		return false;
	}

	URI base() {
		return base;
	}

	String name() {
		return name;
	}

	List<Unit> units() {
		return units;
	}

	/**
	 * The bundles to install: those the repository's categories lead to (following unit
	 * requirements through features), or every bundle when it has no category; source bundles
	 * left out; the highest version of each.
	 */
	List<BundleUnit> selectBundles() {
		Map<String, List<Unit>> byId = new HashMap<>();
		for (Unit u : units) {
			byId.computeIfAbsent(u.id(), k -> new ArrayList<>()).add(u);
		}
		List<Unit> roots = units.stream().filter(Unit::category).toList();
		Set<Unit> reached = new LinkedHashSet<>();
		if (roots.isEmpty()) {
			reached.addAll(units);
		} else {
			Deque<Unit> todo = new ArrayDeque<>(roots);
			while (!todo.isEmpty()) {
				Unit u = todo.pop();
				if (!reached.add(u)) {
					continue;
				}
				for (String required : u.requiredUnits()) {
					List<Unit> candidates = byId.get(required);
					if (candidates != null) {
						todo.push(highest(candidates));
					}
				}
			}
		}
		Map<String, Unit> bundles = new LinkedHashMap<>();
		for (Unit u : reached) {
			if (u.bundle() && bundleLocations.containsKey(key(u.id(), u.version()))) {
				Unit other = bundles.get(u.id());
				if (other == null || Version.parseVersion(u.version()).compareTo(Version.parseVersion(other.version())) > 0) {
					bundles.put(u.id(), u);
				}
			}
		}
		return bundles.values().stream().map(u -> new BundleUnit(u.id(), u.version(), u.source())).toList();
	}

	/** The root features (or, without features, categories) the selection started from, for the plugin's id. */
	List<Unit> rootFeatures() {
		List<Unit> features = new ArrayList<>();
		for (Unit category : units.stream().filter(Unit::category).toList()) {
			for (String r : category.requiredUnits()) {
				units.stream().filter(u -> u.id().equals(r) && u.feature()).findFirst().ifPresent(features::add);
			}
		}
		if (features.isEmpty() && units.stream().noneMatch(Unit::category)) {
			units.stream().filter(Unit::feature).forEach(features::add);
		}
		return features;
	}

	/** Copies a bundle's file into {@code dir}, checking its SHA-256 when the repository gives one. */
	Path download(BundleUnit bundle, Path dir) throws IOException {
		URI location = bundleLocations.get(key(bundle.id(), bundle.version()));
		if (location == null) {
			throw new IOException("the repository lists no file for bundle " + bundle.id() + " " + bundle.version());
		}
		Path target;
		try {
			target = PluginNames.inside(dir, bundle.id() + "_" + bundle.version() + ".jar");
		} catch (io.custops.plugins.PluginException e) {
			throw new IOException(e.getMessage());
		}
		try (InputStream in = open(location)) {
			if (in == null) {
				throw new IOException(location + " is missing from the repository");
			}
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
		String expected = bundleChecksums.get(key(bundle.id(), bundle.version()));
		if (expected != null) {
			String actual = sha256(target);
			if (!actual.equalsIgnoreCase(expected)) {
				throw new IOException(location + " does not match the repository's checksum (SHA-256 " + actual
						+ ", expected " + expected + "): the download is damaged or the repository was changed");
			}
		}
		return target;
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[8192];
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String key(String id, String version) {
		return id + "@" + version;
	}

	private static Unit highest(List<Unit> candidates) {
		Unit best = candidates.get(0);
		for (Unit u : candidates) {
			if (Version.parseVersion(u.version()).compareTo(Version.parseVersion(best.version())) > 0) {
				best = u;
			}
		}
		return best;
	}

	// --- metadata ---------------------------------------------------------------------------

	private void readContent(URI at, Set<URI> seen) throws IOException {
		if (!seen.add(at)) {
			return;
		}
		Document composite = document(at, "compositeContent");
		if (composite != null) {
			for (URI child : children(at, composite)) {
				readContent(child, seen);
			}
			return;
		}
		Document content = document(at, "content");
		if (content == null) {
			throw new IOException("no p2 metadata (content.jar, content.xml.xz or content.xml) at " + at);
		}
		if (name == null) {
			name = content.getDocumentElement().getAttribute("name");
		}
		NodeList list = content.getElementsByTagName("unit");
		for (int i = 0; i < list.getLength(); i++) {
			Element unit = (Element) list.item(i);
			String id = unit.getAttribute("id");
			String version = unit.getAttribute("version");
			boolean category = "true".equals(property(unit, "org.eclipse.equinox.p2.type.category"));
			boolean feature = id.endsWith(".feature.group") || "true".equals(property(unit, "org.eclipse.equinox.p2.type.group"));
			boolean bundle = false;
			boolean source = id.endsWith(".source");
			for (Element provided : children(unit, "provides", "provided")) {
				String ns = provided.getAttribute("namespace");
				if ("org.eclipse.equinox.p2.eclipse.type".equals(ns) && "source".equals(provided.getAttribute("name"))) {
					source = true;
				}
				if ("osgi.bundle".equals(ns)) {
					bundle = true;
				}
			}
			List<String> required = new ArrayList<>();
			for (Element r : children(unit, "requires", "required")) {
				if ("org.eclipse.equinox.p2.iu".equals(r.getAttribute("namespace"))) {
					required.add(r.getAttribute("name"));
				}
			}
			units.add(new Unit(id, version, category, feature, bundle && !feature, source, required));
		}
	}

	private void readArtifacts(URI at, Set<URI> seen) throws IOException {
		if (!seen.add(at)) {
			return;
		}
		Document composite = document(at, "compositeArtifacts");
		if (composite != null) {
			for (URI child : children(at, composite)) {
				readArtifacts(child, seen);
			}
			return;
		}
		Document artifacts = document(at, "artifacts");
		if (artifacts == null) {
			throw new IOException("no p2 artifact index (artifacts.jar, artifacts.xml.xz or artifacts.xml) at " + at);
		}
		List<Filter> filters = new ArrayList<>();
		List<String> outputs = new ArrayList<>();
		for (Element rule : children(artifacts.getDocumentElement(), "mappings", "rule")) {
			try {
				filters.add(FrameworkUtil.createFilter(rule.getAttribute("filter")));
				outputs.add(rule.getAttribute("output"));
			} catch (InvalidSyntaxException e) {
				throw new IOException("a mapping rule of " + at + " is not a valid filter: " + rule.getAttribute("filter"));
			}
		}
		String repoUrl = at.toString().endsWith("/") ? at.toString().substring(0, at.toString().length() - 1) : at.toString();
		NodeList list = artifacts.getElementsByTagName("artifact");
		for (int i = 0; i < list.getLength(); i++) {
			Element artifact = (Element) list.item(i);
			String classifier = artifact.getAttribute("classifier");
			if (!"osgi.bundle".equals(classifier) || artifact.getParentNode() == null
					|| !"artifacts".equals(artifact.getParentNode().getNodeName())) {
				continue;
			}
			String format = property(artifact, "format");
			if (format != null) {
				continue; // packed (pack200) and other processed forms: the canonical jar is listed too
			}
			Map<String, Object> attributes = new HashMap<>();
			attributes.put("classifier", classifier);
			attributes.put("id", artifact.getAttribute("id"));
			attributes.put("version", artifact.getAttribute("version"));
			for (int r = 0; r < filters.size(); r++) {
				if (filters.get(r).matches(attributes)) {
					String output = outputs.get(r).replace("${repoUrl}", repoUrl)
							.replace("${id}", artifact.getAttribute("id"))
							.replace("${version}", artifact.getAttribute("version"))
							.replace("${classifier}", classifier);
					String k = key(artifact.getAttribute("id"), artifact.getAttribute("version"));
					bundleLocations.put(k, toUri(output));
					String sha = property(artifact, "download.checksum.sha-256");
					if (sha != null) {
						bundleChecksums.put(k, sha);
					}
					break;
				}
			}
		}
	}

	/** {@code base.resolve(relative)}, also for a zipped repository's opaque {@code jar:…!/} base. */
	static URI resolve(URI base, String relative) throws IOException {
		if (base.isOpaque()) {
			String b = base.toString();
			return toUri(b.endsWith("/") ? b + relative : b + "/" + relative);
		}
		return base.resolve(toUri(relative));
	}

	private static URI toUri(String location) throws IOException {
		try {
			return new URI(location.replace(" ", "%20"));
		} catch (URISyntaxException e) {
			throw new IOException("bad location in the repository: " + location);
		}
	}

	private List<URI> children(URI at, Document composite) throws IOException {
		List<URI> result = new ArrayList<>();
		for (Element child : children(composite.getDocumentElement(), "children", "child")) {
			String location = child.getAttribute("location");
			URI uri = resolve(at, location.endsWith("/") ? location : location + "/");
			result.add(uri);
		}
		return result;
	}

	private static List<Element> children(Element parent, String container, String name) {
		List<Element> result = new ArrayList<>();
		for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
			if (c instanceof Element e && e.getTagName().equals(container)) {
				for (org.w3c.dom.Node d = e.getFirstChild(); d != null; d = d.getNextSibling()) {
					if (d instanceof Element f && f.getTagName().equals(name)) {
						result.add(f);
					}
				}
			}
		}
		return result;
	}

	private static String property(Element element, String name) {
		for (Element p : children(element, "properties", "property")) {
			if (name.equals(p.getAttribute("name"))) {
				return p.getAttribute("value");
			}
		}
		return null;
	}

	/** {@code <stem>.jar} (a zip holding {@code <stem>.xml}), else {@code <stem>.xml.xz}, else {@code <stem>.xml}; null if none. */
	private Document document(URI at, String stem) throws IOException {
		byte[] xml = null;
		try (InputStream jar = open(resolve(at, stem + ".jar"))) {
			if (jar != null) {
				xml = fromZip(jar, stem + ".xml");
			}
		}
		if (xml == null) {
			try (InputStream xz = open(resolve(at, stem + ".xml.xz"))) {
				if (xz != null) {
					xml = new XZInputStream(xz).readAllBytes();
				}
			}
		}
		if (xml == null) {
			try (InputStream plain = open(resolve(at, stem + ".xml"))) {
				if (plain != null) {
					xml = plain.readAllBytes();
				}
			}
		}
		if (xml == null) {
			return null;
		}
		try {
			return parser().parse(new ByteArrayInputStream(xml));
		} catch (SAXException e) {
			throw new IOException(resolve(at, stem) + " is not valid p2 metadata: " + e.getMessage());
		}
	}

	private static byte[] fromZip(InputStream in, String entry) throws IOException {
		ZipInputStream zip = new ZipInputStream(in);
		for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
			if (e.getName().equals(entry)) {
				return zip.readAllBytes();
			}
		}
		return null;
	}

	private static DocumentBuilder parser() throws IOException {
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setExpandEntityReferences(false);
			return f.newDocumentBuilder();
		} catch (ParserConfigurationException e) {
			throw new IOException("no XML parser: " + e.getMessage());
		}
	}

	/** Opens a file of the repository; null when it is not there. */
	static InputStream open(URI uri) throws IOException {
		try {
			URL url = uri.toURL();
			URLConnection connection = url.openConnection();
			connection.setConnectTimeout(15_000);
			connection.setReadTimeout(60_000);
			connection.setUseCaches(false); // a zipped repository must not stay open after reading
			if (connection instanceof HttpURLConnection http) {
				http.setInstanceFollowRedirects(true);
				int code = http.getResponseCode();
				if (code == 404 || code == 410) {
					return null;
				}
				if (code >= 400) {
					throw new IOException(uri + " answered HTTP " + code);
				}
			}
			return connection.getInputStream();
		} catch (FileNotFoundException | NoSuchFileException e) {
			return null;
		} catch (IOException e) {
			if (uri.getScheme() != null && uri.getScheme().equals("jar") && e.getMessage() != null
					&& e.getMessage().contains("not found")) {
				return null; // an entry missing from a zipped repository
			}
			throw e;
		}
	}
}
