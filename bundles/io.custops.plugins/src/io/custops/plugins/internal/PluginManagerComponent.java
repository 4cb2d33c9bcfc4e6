package io.custops.plugins.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.custops.core.spi.CustopsService;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceFailedException;
import io.custops.engine.ServiceGuard;
import io.custops.plugins.InstallResult;
import io.custops.plugins.InstalledPlugin;
import io.custops.plugins.PluginBundle;
import io.custops.plugins.PluginCandidate;
import io.custops.plugins.PluginException;
import io.custops.plugins.PluginManager;
import io.custops.plugins.PluginService;

/**
 * The plugin manager: installs into the running framework with the record kept under
 * {@code CUSTOPS_HOME/plugins} (see docs/plugin-guide.md for why not p2).
 */
@Component(service = PluginManager.class)
public class PluginManagerComponent implements PluginManager {

	@Reference
	private ServiceGuard guard;

	@Reference
	private ServiceComponentRuntime scr;

	private BundleContext context;
	private PluginHome home;
	private FrameworkPlugins framework;

	@Activate
	void activate(BundleContext bundleContext) {
		activate(bundleContext, PluginHome.fromEnvironment());
	}

	/** For tests: a plugin home of their own. */
	void activate(BundleContext bundleContext, PluginHome pluginHome) {
		this.context = bundleContext;
		this.home = pluginHome;
		this.framework = new FrameworkPlugins(bundleContext, pluginHome);
	}

	@Override
	public Path home() {
		return home.dir();
	}

	@Override
	public List<InstalledPlugin> installed() {
		try {
			PluginState state = home.load();
			return state.plugins().values().stream().map(e -> describe(e, state)).toList();
		} catch (IOException e) {
			throw new IllegalStateException("cannot read " + home.stateFile() + ": " + e.getMessage(), e);
		}
	}

	@Override
	public Optional<InstalledPlugin> find(String id) {
		try {
			PluginState state = home.load();
			PluginState.Entry entry = entry(state, id);
			return entry == null ? Optional.empty() : Optional.of(describe(entry, state));
		} catch (IOException e) {
			throw new IllegalStateException("cannot read " + home.stateFile() + ": " + e.getMessage(), e);
		}
	}

	// --- reading ----------------------------------------------------------------------------

	@Override
	public PluginCandidate read(String source) throws PluginException {
		if (source == null || source.isBlank()) {
			throw PluginException.refused("no plugin given: name a bundle jar, a p2 repository folder or its URL");
		}
		Path staging;
		try {
			Files.createDirectories(home.staging());
			staging = Files.createTempDirectory(home.staging(), "install-");
		} catch (IOException e) {
			throw new PluginException("cannot create a staging folder under " + home.staging() + ": " + e.getMessage(),
					false, null, e);
		}
		try {
			return readInto(source.trim(), staging);
		} catch (PluginException | RuntimeException e) {
			StagedCandidate.deleteTree(staging);
			throw e;
		}
	}

	private PluginCandidate readInto(String source, Path staging) throws PluginException {
		URI uri = remoteUri(source);
		if (uri != null) {
			String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
			if (uri.getScheme().equals("file")) {
				return readLocal(Path.of(uri), source, staging);
			}
			if (path.endsWith(".jar")) {
				Path jar = PluginNames.inside(staging, fileName(uri));
				try (var in = P2Repository.open(uri)) {
					if (in == null) {
						throw PluginException.refused(source + " does not exist (the server answered 404)");
					}
					Files.copy(in, jar);
				} catch (IOException e) {
					throw new PluginException("cannot download " + source + ": " + e.getMessage(), false, null, e);
				}
				return fromJar(jar, source, staging);
			}
			String s = uri.toString();
			return fromRepository(URI.create(s.endsWith("/") ? s : s + "/"), source, staging);
		}
		Path path;
		try {
			path = Path.of(source).toAbsolutePath().normalize();
		} catch (InvalidPathException e) {
			throw PluginException.refused("'" + source + "' is neither a file, a folder nor a URL");
		}
		return readLocal(path, path.toString(), staging);
	}

	private PluginCandidate readLocal(Path path, String source, Path staging) throws PluginException {
		if (Files.isDirectory(path)) {
			if (!P2Repository.looksLikeRepository(path)) {
				throw PluginException.refused(source
						+ " is a folder but not a p2 repository (it has no content.jar, content.xml.xz, content.xml or compositeContent.*)");
			}
			return fromRepository(path.toUri(), source, staging);
		}
		if (!Files.isRegularFile(path)) {
			throw PluginException.refused(source + " does not exist");
		}
		if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
			return fromRepository(URI.create("jar:" + path.toUri() + "!/"), source, staging);
		}
		Path copy = PluginNames.inside(staging, path.getFileName().toString());
		try {
			Files.copy(path, copy);
		} catch (IOException e) {
			throw new PluginException("cannot read " + source + ": " + e.getMessage(), false, null, e);
		}
		return fromJar(copy, source, staging);
	}

	private static URI remoteUri(String source) {
		int colon = source.indexOf(':');
		if (colon < 2) {
			return null; // a plain path (or a Windows drive letter)
		}
		String scheme = source.substring(0, colon).toLowerCase(Locale.ROOT);
		if (!Set.of("http", "https", "file", "jar").contains(scheme)) {
			return null;
		}
		try {
			return new URI(source);
		} catch (URISyntaxException e) {
			return null;
		}
	}

	private static String fileName(URI uri) {
		String p = uri.getPath();
		return p.substring(p.lastIndexOf('/') + 1);
	}

	private PluginCandidate fromJar(Path jar, String source, Path staging) throws PluginException {
		PluginBundle bundle = JarInspector.inspect(jar, source);
		refuseProductBundle(bundle);
		return new StagedCandidate(bundle.symbolicName(), bundle.version(), source, List.of(bundle), List.of(), staging);
	}

	private void refuseProductBundle(PluginBundle bundle) throws PluginException {
		Bundle existing = framework.productBundle(bundle.symbolicName());
		if (existing != null) {
			throw PluginException.refused("bundle " + bundle.symbolicName() + " is part of the workbench itself (version "
					+ existing.getVersion() + "); a plugin cannot replace it");
		}
	}

	private PluginCandidate fromRepository(URI uri, String source, Path staging) throws PluginException {
		P2Repository repo;
		try {
			repo = P2Repository.read(uri);
		} catch (IOException e) {
			throw new PluginException("cannot read the p2 repository " + source + ": " + e.getMessage(), false, null, e);
		}
		List<P2Repository.BundleUnit> units = repo.selectBundles();
		// every name is checked before the first file is written: a unit id is a file name below
		for (P2Repository.BundleUnit unit : units) {
			PluginNames.checkSymbolicName(unit.id(), "a unit of the p2 repository " + source);
			PluginNames.checkVersion(unit.version(), "the unit " + unit.id() + " of the p2 repository " + source);
		}
		List<PluginBundle> bundles = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (P2Repository.BundleUnit unit : units) {
			if (unit.source()) {
				skipped.add(unit.id() + " " + unit.version() + ": a source bundle");
				continue;
			}
			Bundle existing = framework.productBundle(unit.id());
			if (existing != null) {
				skipped.add(unit.id() + " " + unit.version() + ": already part of the workbench (" + existing.getVersion() + ")");
				continue;
			}
			Path jar;
			try {
				jar = repo.download(unit, staging);
			} catch (IOException e) {
				throw new PluginException("cannot fetch " + unit.id() + " from " + source + ": " + e.getMessage(), false,
						null, e);
			}
			bundles.add(JarInspector.inspect(jar, unit.id() + " " + unit.version() + " from " + source));
		}
		if (bundles.isEmpty()) {
			throw PluginException.refused("the p2 repository " + source + " offers no bundle the workbench lacks"
					+ (skipped.isEmpty() ? "" : " (left out: " + String.join("; ", skipped) + ")"));
		}
		String id;
		String version;
		List<P2Repository.Unit> features = repo.rootFeatures();
		if (bundles.size() == 1) {
			id = bundles.get(0).symbolicName();
			version = bundles.get(0).version();
		} else if (features.size() == 1) {
			id = features.get(0).id().replaceFirst("\\.feature\\.group$", "");
			version = features.get(0).version();
		} else {
			id = bundles.get(0).symbolicName();
			version = bundles.get(0).version();
		}
		return new StagedCandidate(id, version, source, bundles, skipped, staging);
	}

	// --- installing -------------------------------------------------------------------------

	@Override
	public InstallResult install(PluginCandidate candidate) throws PluginException {
		List<Bundle> installed;
		PluginState.Entry entry;
		String replaced;
		try (candidate; PluginHome.Lock lock = home.lock()) {
			PluginState state = home.load();
			framework.sync(state, true); // another process may have changed the record meanwhile
			PluginState.Entry old = state.plugins().get(candidate.id());
			for (PluginBundle b : candidate.bundles()) {
				refuseProductBundle(b);
				PluginState.Entry owner = state.ownerOf(b.symbolicName());
				if (owner != null && owner != old) {
					throw PluginException.refused("bundle " + b.symbolicName() + " belongs to the installed plugin "
							+ owner.id() + "; uninstall that first");
				}
			}
			Files.createDirectories(home.bundles());
			Set<String> oldFiles = new HashSet<>();
			if (old != null) {
				old.bundles().forEach(b -> oldFiles.add(b.file()));
			}
			List<Path> files = new ArrayList<>();
			List<PluginState.BundleRecord> records = new ArrayList<>();
			for (PluginBundle b : candidate.bundles()) {
				String name = b.symbolicName() + "_" + b.version() + "_" + P2Repository.sha256(b.file()).substring(0, 8)
						+ ".jar";
				Path target = PluginNames.inside(home.bundles(), name);
				if (!Files.exists(target)) {
					Files.move(b.file(), target, StandardCopyOption.ATOMIC_MOVE);
				}
				files.add(target);
				records.add(new PluginState.BundleRecord(name, b.symbolicName(), b.version(), b.fragment(), b.signature()));
			}
			List<Bundle> oldBundles = bundlesOf(old);
			framework.uninstall(oldBundles);
			installed = new ArrayList<>();
			try {
				installed.addAll(framework.install(files));
				framework.resolve(installed);
				for (Bundle b : installed) {
					try {
						framework.start(b);
					} catch (BundleException e) {
						throw new PluginException("bundle " + b.getSymbolicName() + " does not start: " + e.getMessage(),
								true, e.toString(), e);
					}
				}
			} catch (PluginException | RuntimeException e) {
				// leave the installation as it was: new bundles out, new files gone, the old version back
				framework.uninstall(installed);
				for (PluginState.BundleRecord r : records) {
					if (!oldFiles.contains(r.file())) {
						deleteInside(r.file());
					}
				}
				framework.sync(state, true);
				throw e;
			}
			entry = new PluginState.Entry(candidate.id(), candidate.version(), candidate.source(), Instant.now(), records);
			state.plugins().remove(candidate.id());
			state.plugins().put(entry.id(), entry);
			records.forEach(r -> state.forgetDisabled(r.symbolicName()));
			home.save(state);
			Set<String> kept = records.stream().map(PluginState.BundleRecord::file).collect(Collectors.toSet());
			oldFiles.stream().filter(f -> !kept.contains(f)).forEach(this::deleteInside);
			replaced = old == null ? null : old.version();
		} catch (IOException e) {
			throw new PluginException("cannot install into " + home.dir() + ": " + e.getMessage(), false, null, e);
		}
		// outside the lock: a failing service is recorded (under the lock) by FailureRecorder
		List<String> warnings = new ServiceProbe(context, guard, scr).check(installed);
		try {
			PluginState state = home.load();
			return new InstallResult(describe(state.plugins().get(entry.id()), state), replaced, warnings);
		} catch (IOException e) {
			throw new PluginException("cannot read " + home.stateFile() + ": " + e.getMessage(), false, null, e);
		}
	}

	@Override
	public InstalledPlugin uninstall(String id) throws PluginException {
		try (PluginHome.Lock lock = home.lock()) {
			PluginState state = home.load();
			PluginState.Entry entry = entry(state, id);
			if (entry == null) {
				throw PluginException.refused("no plugin '" + id + "' is installed"
						+ (state.plugins().isEmpty() ? "" : "; installed: " + String.join(", ", state.plugins().keySet())));
			}
			InstalledPlugin before = describe(entry, state);
			framework.uninstall(bundlesOf(entry));
			state.plugins().remove(entry.id());
			entry.bundles().forEach(b -> state.forgetDisabled(b.symbolicName()));
			home.save(state);
			for (PluginState.BundleRecord b : entry.bundles()) {
				deleteInside(b.file());
			}
			return before;
		} catch (IOException e) {
			throw new PluginException("cannot uninstall from " + home.dir() + ": " + e.getMessage(), false, null, e);
		}
	}

	/** Deletes a recorded bundle file, only when the record names a file inside the bundles folder. */
	private void deleteInside(String file) {
		try {
			FrameworkPlugins.deleteQuietly(PluginNames.inside(home.bundles(), file));
		} catch (PluginException e) {
			System.err.println("custops: the plugin record names " + file + ", outside " + home.bundles()
					+ ": it is left alone");
		}
	}

	private static PluginState.Entry entry(PluginState state, String id) {
		PluginState.Entry entry = state.plugins().get(id);
		return entry != null ? entry : state.ownerOf(id);
	}

	private List<Bundle> bundlesOf(PluginState.Entry entry) {
		List<Bundle> result = new ArrayList<>();
		if (entry == null) {
			return result;
		}
		Map<String, Bundle> present = framework.pluginBundles();
		for (PluginState.BundleRecord b : entry.bundles()) {
			Bundle bundle = present.get(framework.location(home.bundles().resolve(b.file())));
			if (bundle != null) {
				result.add(bundle);
			}
		}
		return result;
	}

	// --- describing -------------------------------------------------------------------------

	private InstalledPlugin describe(PluginState.Entry entry, PluginState state) {
		List<PluginBundle> bundles = new ArrayList<>();
		for (PluginState.BundleRecord r : entry.bundles()) {
			bundles.add(new PluginBundle(r.symbolicName(), r.version(), home.bundles().resolve(r.file()), r.fragment(),
					r.signature()));
		}
		List<PluginService> services = new ArrayList<>();
		for (Bundle bundle : bundlesOf(entry)) {
			ServiceReference<?>[] refs = bundle.getRegisteredServices();
			for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
				if (ServiceProbe.isCustopsService(ref)) {
					services.add(describe(bundle, ref));
				}
			}
			for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
				if (!scr.isComponentEnabled(d)) {
					String reason = state.disabled().get(bundle.getSymbolicName() + "/" + d.name);
					services.add(new PluginService("component", d.name, null, bundle.getSymbolicName(), "disabled",
							reason == null ? "disabled" : reason));
				}
			}
		}
		return new InstalledPlugin(entry.id(), entry.version(), entry.source(), entry.installed(), bundles, services);
	}

	private PluginService describe(Bundle bundle, ServiceReference<?> ref) {
		String kind = "service";
		Object classes = ref.getProperty("objectClass");
		for (ServiceKind k : ServiceKind.values()) {
			if (classes instanceof String[] names && List.of(names).contains(k.type().getName())) {
				kind = k.id();
			}
		}
		Object object = context.getService(ref);
		try {
			if (!(object instanceof CustopsService service)) {
				return new PluginService(kind, String.valueOf(ref.getProperty("component.name")), null,
						bundle.getSymbolicName(), "disabled", "its component could not be created");
			}
			String[] idAndName = guard.call(service, "describing itself", Duration.ofSeconds(5),
					() -> new String[] { service.id(), service.name().en() });
			return new PluginService(kind, idAndName[0], idAndName[1], bundle.getSymbolicName(), "active", null);
		} catch (ServiceFailedException e) {
			return new PluginService(kind, String.valueOf(ref.getProperty("component.name")), null,
					bundle.getSymbolicName(), "disabled", e.getMessage());
		} finally {
			if (object != null) {
				context.ungetService(ref);
			}
		}
	}
}
