package io.custops.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.custops.core.param.ParameterSpec;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceEntry;

/** {@code ./custops services}: the registered connectors, strategies, models and templates. */
final class ServicesCommand implements Command {

	@Override
	public String name() {
		return "services";
	}

	@Override
	public String summary() {
		return "list the registered connectors, strategies, models and report templates";
	}

	@Override
	public String usage() {
		return """
				usage: ./custops services [--kind connector|strategy|model|template] [--json]
				  Lists every registered service with its id, kind, name, bundle and version.
				  --kind K   only services of one kind
				  --json     a JSON document {"services": [{"id", "kind", "name", "bundle", "version", …}]}
				""";
	}

	@Override
	public int run(Invocation inv, CliServices services) {
		inv.allowOnly(Set.of("kind"));
		ServiceKind only = null;
		if (inv.option("kind") != null) {
			only = java.util.Arrays.stream(ServiceKind.values()).filter(k -> k.id().equals(inv.option("kind")))
					.findFirst().orElseThrow(() -> new UsageException(
							"--kind must be connector, strategy, model or template, not '" + inv.option("kind") + "'"));
		}
		List<ServiceEntry> entries = only == null ? services.catalog().services() : services.catalog().services(only);
		if (inv.json()) {
			List<Object> list = new ArrayList<>();
			for (ServiceEntry e : entries) {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("id", e.id());
				item.put("kind", e.kind().id());
				item.put("name", e.service().name().en());
				item.put("name_zh", e.service().name().zh());
				item.put("bundle", e.bundle());
				item.put("version", e.bundleVersion());
				item.put("parameters", e.service().parameters().stream().map(ServicesCommand::describe).toList());
				list.add(item);
			}
			inv.out.print(Json.write(Map.of("services", list)));
			return 0;
		}
		if (entries.isEmpty()) {
			inv.out.println("no services registered");
			return 0;
		}
		inv.out.printf("%-10s %-20s %-36s %s%n", "KIND", "ID", "NAME", "BUNDLE");
		for (ServiceEntry e : entries) {
			inv.out.printf("%-10s %-20s %-36s %s %s%n", e.kind().id(), e.id(), e.service().name().get(Locale.getDefault()),
					e.bundle(), e.bundleVersion());
		}
		return 0;
	}

	private static Map<String, Object> describe(ParameterSpec spec) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("key", spec.key());
		p.put("type", spec.type().name().toLowerCase(Locale.ROOT));
		p.put("default", spec.defaultValue());
		p.put("required", spec.required());
		if (!spec.choices().isEmpty()) {
			p.put("choices", spec.choices());
		}
		p.put("label", spec.label().en());
		p.put("label_zh", spec.label().zh());
		return p;
	}
}
