# Plugin tests of the materialized product, sourced by product-tests.sh (which defines custops,
# pass, fail, $out and CUSTOPS_HOME). Issue 7's proof: the example plugin is built on its own,
# installed, used, kept across restarts (and a lost framework state), uninstalled without a
# trace; bad plugins are refused or, when their services throw or hang, disabled while the
# product keeps working. plugin_tests leaves the example and the misbehaving plugin installed so
# that the workbench's smoke test runs with them; plugin_cleanup_tests removes them afterwards.

pout=$out/plugins
example=$CUSTOPS_ROOT/examples/repurchase-plugin
bad=$CUSTOPS_ROOT/releng/scripts/plugin-test-bundles

has_service() { # file kind id → 0 when the services JSON lists it
	python3 - "$@" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
sys.exit(0 if any(s["kind"] == sys.argv[2] and s["id"] == sys.argv[3] for s in doc["services"]) else 1)
PY
}

build_bad_bundles() {
	local core classes
	core=$(ls "$CUSTOPS_PRODUCT"/plugins/io.custops.core_*.jar | head -1)
	classes=$pout/classes
	mkdir -p "$classes" "$pout/bad"
	"$JAVA_HOME/bin/javac" -nowarn --release 21 -cp "$core" -d "$classes" $(find "$bad/misbehaving/src" -name '*.java') || return 1
	cp -r "$bad/misbehaving/OSGI-INF" "$classes/"
	"$JAVA_HOME/bin/jar" --create --file "$pout/bad/misbehaving.jar" --manifest "$bad/misbehaving/META-INF/MANIFEST.MF" -C "$classes" . || return 1
	# issue 22's hostile services: System.exit, a hanging prepare, a taken id, a bad label index
	mkdir -p "$pout/hostile-classes"
	"$JAVA_HOME/bin/javac" -nowarn --release 21 -cp "$core" -d "$pout/hostile-classes" $(find "$bad/hostile/src" -name '*.java') || return 1
	cp -r "$bad/hostile/OSGI-INF" "$pout/hostile-classes/"
	"$JAVA_HOME/bin/jar" --create --file "$pout/bad/hostile.jar" --manifest "$bad/hostile/META-INF/MANIFEST.MF" -C "$pout/hostile-classes" . || return 1
	"$JAVA_HOME/bin/jar" --create --file "$pout/bad/exports-core.jar" --manifest "$bad/exports-core/META-INF/MANIFEST.MF" -C "$bad" README.md
	"$JAVA_HOME/bin/jar" --create --file "$pout/bad/missing-package.jar" --manifest "$bad/missing-package/META-INF/MANIFEST.MF" -C "$bad" README.md
	"$JAVA_HOME/bin/jar" --create --file "$pout/bad/wrong-java.jar" --manifest "$bad/wrong-java/META-INF/MANIFEST.MF" -C "$bad" README.md
	# a plain jar (no Bundle-SymbolicName) and a file that is no jar at all
	"$JAVA_HOME/bin/jar" --create --file "$pout/bad/plain.jar" -C "$bad" README.md
	echo "this is not a zip" > "$pout/bad/not-a-jar.jar"
	# classes for a Java that does not exist yet: class file major version 143 = Java 99
	mkdir -p "$pout/newer/io/custops/test/misbehaving"
	python3 - "$classes/io/custops/test/misbehaving/WellBehavedStrategy.class" "$pout/newer/io/custops/test/misbehaving/WellBehavedStrategy.class" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
data[6:8] = (143).to_bytes(2, "big")
open(sys.argv[2], "wb").write(data)
PY
	printf 'Bundle-ManifestVersion: 2\nBundle-SymbolicName: io.custops.test.newerjava\nBundle-Version: 1.0.0\n' > "$pout/newer.mf"
	"$JAVA_HOME/bin/jar" --create --file "$pout/bad/newer-classes.jar" --manifest "$pout/newer.mf" -C "$pout/newer" .
}

refused() { # name jar pattern → install must exit 2, say pattern, leave nothing
	local name=$1 jar=$2 pattern=$3 rc
	custops plugins install "$jar" --yes > "$pout/$name.out" 2> "$pout/$name.err"; rc=$?
	if [ $rc -eq 2 ] && grep -q -- "$pattern" "$pout/$name.err" && [ -z "$(ls -A "$CUSTOPS_HOME/plugins/bundles" 2>/dev/null | grep -v repurchase)" ] \
		&& ! grep -q "test\.\(missing\|wrong\|newer\)" "$CUSTOPS_HOME/plugins/plugins.properties" 2>/dev/null
	then pass "$name is refused with the reason and leaves nothing: $(grep -o -- "$pattern.*" "$pout/$name.err" | head -1 | cut -c1-150)"
	else fail "$name (exit $rc): $(head -c 600 "$pout/$name.err")"; fi
}

plugin_tests() {
	rm -rf "$pout"; mkdir -p "$pout"
	local start rc repo jar

	# --- the example, built on its own against the product's p2 repository ---------------
	start=$(date +%s)
	(cd "$example" && ./mvnw -B -q ${CUSTOPS_EXAMPLE_MVN_ARGS:-} verify) > "$pout/example-build.log" 2>&1; rc=$?
	repo=$example/repository/target/repository
	jar=$(ls "$example"/io.custops.example.repurchase/target/io.custops.example.repurchase-*.jar 2>/dev/null | head -1)
	if [ $rc -eq 0 ] && [ -f "$repo/content.jar" ] && [ -n "$jar" ]
	then pass "the example plugin builds on its own, with its tests, into a p2 repository and a jar ($(( $(date +%s) - start )) s)"
	else fail "example build (exit $rc): $(grep -m5 -E 'ERROR|FAIL' "$pout/example-build.log")"; return; fi

	custops plugins install "$repo" > "$pout/unsigned.out" 2> "$pout/unsigned.err" < /dev/null; rc=$?
	if [ $rc -eq 2 ] && grep -q "unsigned" "$pout/unsigned.out" && grep -q -- "--accept-unsigned" "$pout/unsigned.err" \
		&& [ ! -s "$CUSTOPS_HOME/plugins/plugins.properties" -o -z "$(grep repurchase "$CUSTOPS_HOME/plugins/plugins.properties" 2>/dev/null)" ]
	then pass "an unsigned plugin is shown as unsigned and not installed without --accept-unsigned"
	else fail "unsigned install without consent (exit $rc): $(cat "$pout/unsigned.err")"; fi

	find "$CUSTOPS_PRODUCT" -type f -newer "$CUSTOPS_PRODUCT/.custops-built" > "$pout/product-changed-before.txt"
	custops plugins install "$repo" --accept-unsigned --json > "$pout/install.json" 2> "$pout/install.err"; rc=$?
	if [ $rc -eq 0 ] && python3 - "$pout/install.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
p = doc["installed"]
assert p["id"] == "io.custops.example.repurchase", p
assert p["bundles"][0]["signature"] == "unsigned", p
kinds = {(s["kind"], s["id"], s["status"]) for s in p["services"]}
for k in [("strategy", "repurchase-cycle", "active"), ("template", "repurchase-due", "active"), ("connector", "orders-jsonl", "active")]:
    assert k in kinds, kinds
assert doc["warnings"] == [], doc["warnings"]
PY
	then pass "plugins install <p2 repository> --accept-unsigned installs the example with its three services"
	else fail "install of the example (exit $rc): $(head -c 600 "$pout/install.err")"; fi

	custops services --json > "$pout/services-after-install.json" 2> "$pout/services.err"; rc=$?
	if [ $rc -eq 0 ] && has_service "$pout/services-after-install.json" strategy repurchase-cycle \
		&& has_service "$pout/services-after-install.json" template repurchase-due \
		&& has_service "$pout/services-after-install.json" connector orders-jsonl
	then pass "a new run of ./custops services lists the example's strategy, template and connector"
	else fail "services after install (exit $rc)"; fi

	if custops segment --help > /dev/null 2>&1; then
		custops segment --strategy repurchase-cycle --json > "$pout/segment.json" 2> "$pout/segment.err"; rc=$?
		if ! grep -q "no strategy 'repurchase-cycle'" "$pout/segment.err"
		then pass "./custops segment --strategy repurchase-cycle finds the plugin's strategy (exit $rc)"
		else fail "segment --strategy repurchase-cycle: $(head -c 400 "$pout/segment.err")"; fi
	fi

	if custops report --help > /dev/null 2>&1; then
		custops report --template repurchase-due --out "$pout/report" > "$pout/report.out" 2> "$pout/report.err"; rc=$?
		if ! grep -q "no template 'repurchase-due'" "$pout/report.err"
		then pass "./custops report --template repurchase-due finds the plugin's template (exit $rc)"
		else fail "report --template repurchase-due: $(head -c 400 "$pout/report.err")"; fi
	fi

	# a lost framework state (what a rebuild of the product can cause) loses no plugin
	rm -rf "$CUSTOPS_HOME/configuration/cli"
	custops services --json > "$pout/services-after-restart.json" 2>/dev/null; rc=$?
	custops plugins list --json > "$pout/list-after-restart.json" 2>/dev/null
	if [ $rc -eq 0 ] && has_service "$pout/services-after-restart.json" strategy repurchase-cycle \
		&& grep -q '"id": "io.custops.example.repurchase"' "$pout/list-after-restart.json"
	then pass "after a restart with a fresh framework state the example is still installed and its strategy registered"
	else fail "example after restart (exit $rc)"; fi

	# the plain bundle jar installs too, replacing the same plugin
	custops plugins install "$jar" --yes > "$pout/install-jar.out" 2> "$pout/install-jar.err"; rc=$?
	if [ $rc -eq 0 ] && grep -q "^replaced " "$pout/install-jar.out" && [ "$(ls "$CUSTOPS_HOME/plugins/bundles" | wc -l)" -eq 1 ]
	then pass "installing the example's bundle jar replaces the plugin installed from the repository"
	else fail "install of the example jar (exit $rc): $(head -c 400 "$pout/install-jar.err")"; fi

	# …and from the repository's URL (served here by a throwaway HTTP server)
	local port http_pid
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
	(cd "$repo" && exec python3 -m http.server "$port" --bind 127.0.0.1) > "$pout/http.log" 2>&1 &
	http_pid=$!
	for _ in $(seq 1 50); do
		python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/p2.index')" 2>/dev/null && break
		sleep 0.1
	done
	custops plugins install "http://127.0.0.1:$port/" --yes > "$pout/install-http.out" 2> "$pout/install-http.err"; rc=$?
	kill "$http_pid" 2>/dev/null; wait "$http_pid" 2>/dev/null
	if [ $rc -eq 0 ] && grep -q "^replaced .* by io.custops.example.repurchase" "$pout/install-http.out" \
		&& grep -q '"GET /plugins/io.custops.example.repurchase_' "$pout/http.log"
	then pass "installing from the repository's http URL works (and replaces the jar)"
	else fail "install from http (exit $rc): $(head -c 400 "$pout/install-http.err")"; fi

	# --- bad plugins --------------------------------------------------------------------
	if ! build_bad_bundles > "$pout/bad-build.log" 2>&1; then fail "cannot build the bad test bundles: $(head -c 400 "$pout/bad-build.log")"; return; fi
	refused "a jar that is not a bundle" "$pout/bad/plain.jar" "is not an OSGi bundle"
	refused "a file that is not a jar" "$pout/bad/not-a-jar.jar" "is not a jar file"
	refused "a bundle importing a missing package" "$pout/bad/missing-package.jar" "needs the Java package org.nowhere.to.be.found"
	refused "a bundle requiring Java 99" "$pout/bad/wrong-java.jar" "needs Java 99"
	refused "a bundle compiled for Java 99" "$pout/bad/newer-classes.jar" "is compiled for Java 99"
	refused "a bundle exporting a workbench package" "$pout/bad/exports-core.jar" "exports the package io.custops.core.spi"

	start=$(date +%s)
	CUSTOPS_VMARGS="-Dcustops.plugin.checkTimeout=3" custops plugins install "$pout/bad/misbehaving.jar" --yes \
		> "$pout/misbehaving.out" 2> "$pout/misbehaving.err"; rc=$?
	local took=$(( $(date +%s) - start ))
	if [ $rc -eq 0 ] && grep -q "warning: strategy 'boom-throws'.*failed in classify.*boom: this strategy always fails.*disabled" "$pout/misbehaving.err" \
		&& grep -q "warning: strategy 'boom-hangs'.*hung in classify.*did not finish within 3 s.*disabled" "$pout/misbehaving.err" && [ $took -lt 60 ]
	then pass "a plugin whose strategies throw and hang installs with both reported and disabled (${took} s, limit 3 s)"
	else fail "misbehaving plugin (exit $rc, ${took} s): $(head -c 800 "$pout/misbehaving.err")"; fi

	custops services --json > "$pout/services-misbehaving.json" 2> "$pout/services-misbehaving.err"; rc=$?
	custops plugins list --json > "$pout/list-misbehaving.json" 2>/dev/null
	if [ $rc -eq 0 ] && has_service "$pout/services-misbehaving.json" strategy well-behaved \
		&& has_service "$pout/services-misbehaving.json" strategy repurchase-cycle \
		&& ! has_service "$pout/services-misbehaving.json" strategy boom-throws \
		&& ! has_service "$pout/services-misbehaving.json" strategy boom-hangs \
		&& python3 - "$pout/list-misbehaving.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
p = next(p for p in doc["plugins"] if p["id"] == "io.custops.test.misbehaving")
disabled = {s["id"]: s["reason"] for s in p["services"] if s["status"] == "disabled"}
assert any("ThrowingStrategy" in k for k in disabled), disabled
assert any("HangingStrategy" in k and "did not finish" in v for k, v in disabled.items()), disabled
PY
	then pass "the product still works: in a new run the failed strategies stay disabled (shown by plugins list), the others are registered"
	else fail "product after the misbehaving plugin (exit $rc): $(head -c 400 "$pout/services-misbehaving.err")"; fi
}

# Issue 22: hostile services are refused or disabled, and the product keeps working.
hostile_plugin_tests() {
	local rc start took
	CUSTOPS_VMARGS="-Dcustops.plugin.checkTimeout=3" custops plugins install "$pout/bad/hostile.jar" --yes \
		> "$pout/hostile.out" 2> "$pout/hostile.err"; rc=$?
	if [ $rc -eq 0 ] && grep -q "warning: strategy 'rfm' (bundle io.custops.test.hostile).*which belongs to the strategy of bundle io.custops.segmentation.rfm" "$pout/hostile.err" \
		&& grep -q "warning: strategy 'boom-bad-index'.*returned the label index 5 for customer #0, but declares 1 label" "$pout/hostile.err"
	then pass "a plugin taking the built-in id 'rfm' and one returning a bad label index are disabled at install, the owner and the index named"
	else fail "hostile plugin install (exit $rc): $(head -c 800 "$pout/hostile.err")"; fi

	custops services --json > "$pout/services-hostile.json" 2>/dev/null
	if python3 - "$pout/services-hostile.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
rfm = [s for s in doc["services"] if s["kind"] == "strategy" and s["id"] == "rfm"]
assert [s["bundle"] for s in rfm] == ["io.custops.segmentation.rfm"], rfm
assert not any(s["id"] == "boom-bad-index" for s in doc["services"])
PY
	then pass "services lists 'rfm' once, owned by io.custops.segmentation.rfm"
	else fail "rfm after the takeover attempt: $(head -c 400 "$pout/services-hostile.json")"; fi

	start=$(date +%s)
	CUSTOPS_VMARGS="-Dcustops.service.timeout=3s" custops report --template boom-prepare-hangs --out "$pout/hang-report" \
		> "$pout/hang-report.out" 2> "$pout/hang-report.err"; rc=$?
	took=$(( $(date +%s) - start ))
	if [ $rc -eq 1 ] && grep -q "template 'boom-prepare-hangs'.*hung in prepare: did not finish within 3 s.*disabled" "$pout/hang-report.err" && [ $took -lt 90 ]
	then pass "a template whose prepare hangs is stopped at the service time limit and disabled (${took} s, limit 3 s)"
	else fail "hanging prepare (exit $rc, ${took} s): $(head -c 600 "$pout/hang-report.err")"; fi

	# System.exit inside a scheduled report: the daemon ends with 1, says why, and the workspace is free
	custops schedule add --id hostile-exit --cron @hourly --template boom-exits --out "$pout/hostile-sched" \
		--since "$(date -d '-3 hours' +%Y-%m-%dT%H:00)" > /dev/null 2> "$pout/hostile-add.err"
	start=$(date +%s)
	timeout 180 "$CUSTOPS_ROOT/custops" schedule daemon > "$pout/hostile-daemon.out" 2> "$pout/hostile-daemon.err"; rc=$?
	took=$(( $(date +%s) - start ))
	custops workspace info > /dev/null 2> "$pout/hostile-after.err"; local after=$?
	if [ $rc -eq 1 ] && grep -q "template 'boom-exits'.*called System.exit" "$pout/hostile-daemon.err" && [ $after -eq 0 ]
	then pass "a template calling System.exit under the schedule daemon ends it with exit 1 and the reason (${took} s), the workspace free again"
	else fail "System.exit under the daemon (exit $rc, ${took} s, info after: $after): $(head -c 600 "$pout/hostile-daemon.err") $(head -c 300 "$pout/hostile-add.err")"; fi
	custops schedule remove hostile-exit > /dev/null 2>&1

	custops services --json > "$pout/services-after-exit.json" 2>/dev/null
	if ! has_service "$pout/services-after-exit.json" template boom-exits && has_service "$pout/services-after-exit.json" strategy rfm
	then pass "the template that called System.exit stays disabled in the next run; the built-ins work"
	else fail "boom-exits after its exit: still registered"; fi

	# reinstalled (which clears its disabled state): report --json must not exit 0 with empty output
	custops plugins uninstall io.custops.test.hostile > /dev/null 2>&1
	CUSTOPS_VMARGS="-Dcustops.plugin.checkTimeout=3" custops plugins install "$pout/bad/hostile.jar" --yes > /dev/null 2>&1
	custops report --template boom-exits --out "$pout/exit-report" --json > "$pout/exit-report.out" 2> "$pout/exit-report.err"; rc=$?
	if [ $rc -eq 1 ] && grep -q "called System.exit" "$pout/exit-report.err"
	then pass "report --json of a template calling System.exit(0) exits 1 saying so, not 0"
	else fail "report of boom-exits (exit $rc): $(head -c 400 "$pout/exit-report.err")"; fi
	custops plugins uninstall io.custops.test.hostile > /dev/null 2>&1
}

plugin_cleanup_tests() {
	local rc
	custops plugins uninstall io.custops.test.misbehaving > /dev/null 2>&1
	custops plugins uninstall io.custops.example.repurchase --json > "$pout/uninstall.json" 2> "$pout/uninstall.err"; rc=$?
	custops services --json > "$pout/services-after-uninstall.json" 2>/dev/null
	custops plugins list --json > "$pout/list-after-uninstall.json" 2>/dev/null
	find "$CUSTOPS_PRODUCT" -type f -newer "$CUSTOPS_PRODUCT/.custops-built" > "$pout/product-changed-after.txt"
	local traces
	traces=$(grep -rl -e "io.custops.example.repurchase" -e "io.custops.test.misbehaving" -e "io.custops.test.hostile" "$CUSTOPS_HOME" --exclude='*.log' \
		--exclude='framework.info*.tmp' 2>/dev/null)   # Equinox's half-written state of a JVM a hostile plugin ended
	if [ $rc -eq 0 ] && grep -q '"id": "io.custops.example.repurchase"' "$pout/uninstall.json" \
		&& ! has_service "$pout/services-after-uninstall.json" strategy repurchase-cycle \
		&& ! has_service "$pout/services-after-uninstall.json" strategy well-behaved \
		&& grep -q '"plugins": \[\]' "$pout/list-after-uninstall.json" \
		&& [ -z "$(ls -A "$CUSTOPS_HOME/plugins/bundles")" ] && [ -z "$traces" ] \
		&& cmp -s "$pout/product-changed-before.txt" "$pout/product-changed-after.txt"
	then pass "after uninstall the services are gone and nothing of the plugins remains (home or product)"
	else fail "uninstall (exit $rc): traces: $traces; $(head -c 400 "$pout/uninstall.err")"; fi

	custops plugins uninstall io.custops.example.repurchase > /dev/null 2> "$pout/uninstall-again.err"; rc=$?
	[ $rc -eq 2 ] && grep -q "no plugin 'io.custops.example.repurchase' is installed" "$pout/uninstall-again.err" \
		&& pass "uninstalling a plugin that is not installed exits 2 saying so" || fail "uninstall again: exit $rc"
}
