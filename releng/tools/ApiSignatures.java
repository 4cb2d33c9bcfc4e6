import java.io.IOException;
import java.lang.classfile.Annotation;
import java.lang.classfile.AnnotationValue;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.RuntimeInvisibleAnnotationsAttribute;
import java.lang.classfile.attribute.RuntimeVisibleAnnotationsAttribute;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.reflect.AccessFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The API check. There is no earlier p2 release to baseline against, so the public signatures of
 * every exported package are kept as text in {@code releng/api/PACKAGE.txt} (first line: the
 * package's version) and compared with the compiled classes of {@code bundles/}. A difference
 * needs the package's version raised (in the MANIFEST.MF and its package-info.java): minor for
 * additions, major for removals and changes, and for an abstract method added to a
 * {@code @ConsumerType} interface (every plugin implementing it breaks). Also checks that each
 * exported package's {@code @Version} equals its Export-Package version.
 *
 * <pre>
 * java releng/tools/ApiSignatures.java check ROOT   # exit 1 naming each type that changed
 * java releng/tools/ApiSignatures.java write ROOT   # rewrites releng/api/ from the classes
 * </pre>
 *
 * Reads class files only (java.lang.classfile), so it needs nothing but a JDK 24+ and runs in
 * well under a second.
 */
public final class ApiSignatures {

	private static final Pattern EXPORT = Pattern.compile("([\\w.]+)((?:;[^,;]+)*)");
	private static final Pattern VERSION = Pattern.compile(";\\s*version=\"?([\\d.]+)\"?");
	private static final String CONSUMER = "Lorg/osgi/annotation/versioning/ConsumerType;";
	private static final String PROVIDER = "Lorg/osgi/annotation/versioning/ProviderType;";
	private static final String VERSION_ANNOTATION = "Lorg/osgi/annotation/versioning/Version;";

	record Export(String pkg, String version, Path classes) {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2 || !Set.of("check", "write").contains(args[0])) {
			System.err.println("usage: java ApiSignatures.java check|write ROOT");
			System.exit(2);
		}
		Path root = Path.of(args[1]).toAbsolutePath().normalize();
		Path apiDir = root.resolve("releng/api");
		List<String> problems = new ArrayList<>();
		Map<String, Export> exports = exports(root, problems);
		Map<String, List<String>> current = new TreeMap<>();
		for (Export e : exports.values()) {
			current.put(e.pkg(), signatures(e, problems));
		}
		if (args[0].equals("write")) {
			Files.createDirectories(apiDir);
			try (Stream<Path> old = Files.list(apiDir)) {
				for (Path p : old.filter(p -> p.toString().endsWith(".txt")).toList()) {
					Files.delete(p);
				}
			}
			for (Map.Entry<String, List<String>> e : current.entrySet()) {
				List<String> lines = new ArrayList<>();
				lines.add("version " + exports.get(e.getKey()).version());
				lines.addAll(e.getValue());
				Files.write(apiDir.resolve(e.getKey() + ".txt"), lines);
			}
			System.out.println("api: wrote " + current.size() + " package signatures to " + root.relativize(apiDir));
		} else {
			check(apiDir, exports, current, problems);
		}
		if (!problems.isEmpty()) {
			problems.forEach(p -> System.err.println("api: " + p));
			System.err.println("api: " + problems.size() + " problem(s); after raising a version, refresh the snapshot with"
					+ " java releng/tools/ApiSignatures.java write . (docs/build.md, \"API check\")");
			System.exit(1);
		}
	}

	private static void check(Path apiDir, Map<String, Export> exports, Map<String, List<String>> current, List<String> problems)
			throws IOException {
		int changedButRaised = 0;
		for (Map.Entry<String, List<String>> e : current.entrySet()) {
			String pkg = e.getKey();
			Path file = apiDir.resolve(pkg + ".txt");
			if (!Files.exists(file)) {
				problems.add(pkg + ": exported but has no snapshot " + file.getFileName() + " in releng/api");
				continue;
			}
			List<String> lines = Files.readAllLines(file);
			String was = lines.isEmpty() ? "" : lines.get(0).replaceFirst("^version ", "");
			Set<String> before = new TreeSet<>(lines.subList(Math.min(1, lines.size()), lines.size()));
			Set<String> now = new TreeSet<>(e.getValue());
			if (before.equals(now)) {
				continue;
			}
			Set<String> removed = new TreeSet<>(before);
			removed.removeAll(now);
			Set<String> added = new TreeSet<>(now);
			added.removeAll(before);
			Set<String> consumerTypes = new TreeSet<>();
			for (String l : now) {
				if (l.contains(" @ConsumerType")) {
					consumerTypes.add(typeOf(l));
				}
			}
			boolean major = !removed.isEmpty()
					|| added.stream().anyMatch(l -> l.contains("#") && l.contains(" abstract") && consumerTypes.contains(typeOf(l)));
			String needed = major ? "major" : "minor";
			String is = exports.get(pkg).version();
			if (raised(was, is, major)) {
				changedButRaised++;
				continue;
			}
			Map<String, List<String>> byType = new TreeMap<>();
			removed.forEach(l -> byType.computeIfAbsent(typeOf(l), k -> new ArrayList<>()).add("- " + l));
			added.forEach(l -> byType.computeIfAbsent(typeOf(l), k -> new ArrayList<>()).add("+ " + l));
			for (Map.Entry<String, List<String>> t : byType.entrySet()) {
				problems.add(pkg + " " + is + ": type " + t.getKey() + " changed without a " + needed + " version raise of the package:");
				t.getValue().forEach(l -> problems.add("    " + l));
			}
		}
		try (Stream<Path> files = Files.list(apiDir)) {
			for (Path p : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
				String pkg = p.getFileName().toString().replaceFirst("\\.txt$", "");
				if (!exports.containsKey(pkg)) {
					problems.add(pkg + ": has a snapshot in releng/api but no bundle exports it (removing a package is a major change for"
							+ " its users; delete the snapshot if that is meant)");
				}
			}
		}
		if (problems.isEmpty()) {
			System.out.println("api: " + current.size() + " exported packages match releng/api"
					+ (changedButRaised == 0 ? "" : " (" + changedButRaised + " changed with their version raised: refresh the snapshot)"));
		}
	}

	private static boolean raised(String was, String is, boolean major) {
		int[] a = parts(was);
		int[] b = parts(is);
		if (major) {
			return b[0] > a[0];
		}
		return b[0] > a[0] || (b[0] == a[0] && b[1] > a[1]);
	}

	private static int[] parts(String v) {
		String[] s = v.split("\\.");
		int[] r = new int[3];
		for (int i = 0; i < 3 && i < s.length; i++) {
			r[i] = s[i].isEmpty() ? 0 : Integer.parseInt(s[i]);
		}
		return r;
	}

	private static String typeOf(String line) {
		int hash = line.indexOf('#');
		int space = line.indexOf(' ');
		int end = hash >= 0 && (space < 0 || hash < space) ? hash : space;
		return end < 0 ? line : line.substring(0, end);
	}

	/** The exported packages of bundles/*, with their versions, from the MANIFEST.MFs. */
	private static Map<String, Export> exports(Path root, List<String> problems) throws IOException {
		Map<String, Export> result = new LinkedHashMap<>();
		try (Stream<Path> bundles = Files.list(root.resolve("bundles"))) {
			for (Path bundle : bundles.sorted().toList()) {
				Path mf = bundle.resolve("META-INF/MANIFEST.MF");
				if (!Files.exists(mf)) {
					continue;
				}
				String header = header(Files.readAllLines(mf), "Export-Package");
				if (header == null) {
					continue;
				}
				for (String clause : splitClauses(header)) {
					Matcher m = EXPORT.matcher(clause.trim());
					if (!m.matches()) {
						problems.add(mf + ": cannot read the Export-Package clause '" + clause + "'");
						continue;
					}
					Matcher v = VERSION.matcher(m.group(2));
					String version = v.find() ? v.group(1) : "0.0.0";
					result.put(m.group(1), new Export(m.group(1), version, bundle.resolve("target/classes")));
				}
			}
		}
		return result;
	}

	private static String header(List<String> lines, String name) {
		StringBuilder value = null;
		for (String line : lines) {
			if (value != null) {
				if (line.startsWith(" ")) {
					value.append(line.substring(1));
					continue;
				}
				break;
			}
			if (line.startsWith(name + ":")) {
				value = new StringBuilder(line.substring(name.length() + 1).trim());
			}
		}
		return value == null ? null : value.toString();
	}

	/** Splits at commas outside quotes. */
	private static List<String> splitClauses(String header) {
		List<String> clauses = new ArrayList<>();
		StringBuilder b = new StringBuilder();
		boolean quoted = false;
		for (char c : header.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == ',' && !quoted) {
				clauses.add(b.toString());
				b.setLength(0);
			} else {
				b.append(c);
			}
		}
		if (!b.isEmpty()) {
			clauses.add(b.toString());
		}
		return clauses;
	}

	/** One line per public or protected type and member of the package, sorted. */
	private static List<String> signatures(Export export, List<String> problems) throws IOException {
		Path dir = export.classes().resolve(export.pkg().replace('.', '/'));
		List<String> lines = new ArrayList<>();
		if (!Files.isDirectory(dir)) {
			problems.add(export.pkg() + ": no compiled classes in " + dir + " (build the bundles first)");
			return lines;
		}
		String packageVersion = null;
		List<Path> classFiles;
		try (Stream<Path> files = Files.list(dir)) {
			classFiles = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
		}
		for (Path file : classFiles) {
			ClassModel c = ClassFile.of().parse(file);
			String name = c.thisClass().asInternalName().replace('/', '.');
			if (name.endsWith(".package-info")) {
				packageVersion = annotations(c.findAttribute(Attributes.runtimeInvisibleAnnotations()),
						c.findAttribute(Attributes.runtimeVisibleAnnotations())).stream()
						.filter(a -> a.className().stringValue().equals(VERSION_ANNOTATION))
						.flatMap(a -> a.elements().stream())
						.filter(e -> e.name().stringValue().equals("value"))
						.map(e -> ((AnnotationValue.OfString) e.value()).stringValue())
						.findFirst().orElse(null);
				continue;
			}
			if (!visible(c)) {
				continue;
			}
			String type = name.replace('$', '.');
			StringBuilder head = new StringBuilder(type).append(' ').append(flags(c.flags().flags()));
			c.superclass().ifPresent(s -> {
				if (!s.asInternalName().equals("java/lang/Object")) {
					head.append(" extends ").append(s.asInternalName().replace('/', '.'));
				}
			});
			List<String> interfaces = c.interfaces().stream().map(ClassEntry::asInternalName).map(s -> s.replace('/', '.')).sorted().toList();
			if (!interfaces.isEmpty()) {
				head.append(" implements ").append(String.join(",", interfaces));
			}
			c.findAttribute(Attributes.signature()).ifPresent(s -> head.append(" <").append(s.signature().stringValue()).append('>'));
			for (Annotation a : annotations(c.findAttribute(Attributes.runtimeInvisibleAnnotations()),
					c.findAttribute(Attributes.runtimeVisibleAnnotations()))) {
				String d = a.className().stringValue();
				if (d.equals(CONSUMER)) {
					head.append(" @ConsumerType");
				} else if (d.equals(PROVIDER)) {
					head.append(" @ProviderType");
				}
			}
			lines.add(head.toString());
			for (FieldModel f : c.fields()) {
				Set<AccessFlag> fl = f.flags().flags();
				if (fl.contains(AccessFlag.PUBLIC) || fl.contains(AccessFlag.PROTECTED)) {
					lines.add(type + "#" + f.fieldName().stringValue() + " " + f.fieldType().stringValue() + " " + flags(fl)
							+ f.findAttribute(Attributes.signature()).map(s -> " <" + s.signature().stringValue() + ">").orElse(""));
				}
			}
			for (MethodModel m : c.methods()) {
				Set<AccessFlag> fl = m.flags().flags();
				if ((fl.contains(AccessFlag.PUBLIC) || fl.contains(AccessFlag.PROTECTED)) && !fl.contains(AccessFlag.SYNTHETIC)
						&& !fl.contains(AccessFlag.BRIDGE)) {
					String exceptions = m.findAttribute(Attributes.exceptions())
							.map(x -> x.exceptions().stream().map(ClassEntry::asInternalName).map(s -> s.replace('/', '.')).sorted().toList())
							.filter(l -> !l.isEmpty()).map(l -> " throws " + String.join(",", l)).orElse("");
					lines.add(type + "#" + m.methodName().stringValue() + m.methodType().stringValue() + " " + flags(fl) + exceptions
							+ m.findAttribute(Attributes.signature()).map(s -> " <" + s.signature().stringValue() + ">").orElse(""));
				}
			}
		}
		if (packageVersion == null) {
			problems.add(export.pkg() + ": package-info.java has no @Version (the Export-Package says " + export.version() + ")");
		} else if (!packageVersion.equals(export.version())) {
			problems.add(export.pkg() + ": package-info.java says @Version(\"" + packageVersion + "\") but the MANIFEST.MF exports "
					+ export.version());
		}
		lines.sort(null);
		return lines;
	}

	/** A top-level public type, or a nested type public or protected all the way out (the InnerClasses flags). */
	private static boolean visible(ClassModel c) {
		String self = c.thisClass().asInternalName();
		if (!self.contains("$")) {
			return c.flags().has(AccessFlag.PUBLIC);
		}
		return c.findAttribute(Attributes.innerClasses()).map(ic -> ic.classes().stream()
				.filter(i -> self.equals(i.innerClass().asInternalName()) || self.startsWith(i.innerClass().asInternalName() + "$"))
				.allMatch(i -> i.flags().contains(AccessFlag.PUBLIC) || i.flags().contains(AccessFlag.PROTECTED))
				&& ic.classes().stream().anyMatch(i -> self.equals(i.innerClass().asInternalName()))).orElse(false);
	}

	private static List<Annotation> annotations(Optional<RuntimeInvisibleAnnotationsAttribute> invisible,
			Optional<RuntimeVisibleAnnotationsAttribute> visible) {
		List<Annotation> all = new ArrayList<>();
		invisible.ifPresent(a -> all.addAll(a.annotations()));
		visible.ifPresent(a -> all.addAll(a.annotations()));
		return all;
	}

	private static String flags(Set<AccessFlag> flags) {
		List<String> names = new ArrayList<>();
		for (AccessFlag f : List.of(AccessFlag.PUBLIC, AccessFlag.PROTECTED, AccessFlag.STATIC, AccessFlag.FINAL, AccessFlag.ABSTRACT,
				AccessFlag.INTERFACE, AccessFlag.ENUM, AccessFlag.ANNOTATION, AccessFlag.VARARGS)) {
			if (flags.contains(f)) {
				names.add(f.name().toLowerCase());
			}
		}
		return String.join(" ", names);
	}
}
