#!/usr/bin/env bash
# Measures the workbench's cold start: launches `./custops` (the workbench, under Xvfb when there
# is no display) N times on an already-seeded demo workspace and prints, for each run and as the
# median, the time from launch to a usable window with its breakdown.
#
#   releng/scripts/startup-time.sh [N]          N measured runs (default 7), after one warm-up run
#
# "Usable window" (io.custops.ui.internal.startup.StartupTimerAddon): the main window is shown,
# the workspace's dataset is loaded, the visible part has shown its data (no background job left),
# its paints are flushed and the UI thread is back in its event loop. The workbench closes itself
# then (-Dcustops.startup.exit=true).
#
# Environment: CUSTOPS_WORKSPACE (default: a demo workspace of CUSTOPS_DEMO_CUSTOMERS=20000
# customers under target/startup-time, seeded on the first run), CUSTOPS_HOME (framework state,
# default under target/startup-time), CUSTOPS_VMARGS (extra JVM options to compare),
# STARTUP_WARMUP=0 to skip the warm-up run, and STARTUP_CSV=FILE to keep the raw lines.
set -uo pipefail
. "$(dirname "$(readlink -f "$0")")/common.sh"
pick_jdk

runs=${1:-7}
out=$CUSTOPS_ROOT/releng/io.custops.repository/target/startup-time
mkdir -p "$out"
# measures the product as built: never rebuilds it in the middle of the runs
export CUSTOPS_NO_BUILD=1 CUSTOPS_HOME=${CUSTOPS_HOME:-$out/home} CUSTOPS_WORKSPACE=${CUSTOPS_WORKSPACE:-$out/workspace}
export CUSTOPS_DEMO_CUSTOMERS=${CUSTOPS_DEMO_CUSTOMERS:-20000}
[ -d "$CUSTOPS_PRODUCT" ] || { say "no product at $CUSTOPS_PRODUCT: build it first (./mvnw -B -DskipTests verify)"; exit 1; }
ensure_packages "${UI_PACKAGES[@]}"
ensure_display
trap stop_display EXIT

report=$out/runs.txt
: > "$report"
launch() { # $1: label; appends one line to $report
	local before after t0 t1 rc
	before=$(cut -d' ' -f1 /proc/loadavg)
	t0=$(date +%s%3N)
	CUSTOPS_STARTUP_T0=$t0 CUSTOPS_VMARGS="-Dcustops.startup.report=$out/last.txt -Dcustops.startup.exit=true ${CUSTOPS_VMARGS:-}" \
		timeout 300 "$CUSTOPS_ROOT/custops" > "$out/$1.log" 2>&1; rc=$?
	t1=$(date +%s%3N)
	after=$(cut -d' ' -f1 /proc/loadavg)
	if [ $rc -ne 0 ] || [ ! -s "$out/last.txt" ]; then
		say "run $1 failed (exit $rc): see $out/$1.log"
		return 1
	fi
	echo "run=$1 $(tail -1 "$out/last.txt") process_ended=$((t1 - t0)) load_before=$before load_after=$after" >> "$report"
	rm -f "$out/last.txt"
}

echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC'); $(nproc) cores; uptime:$(uptime | sed 's/.*load average/ load average/')"
echo "# JVM: $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p); extra options: ${CUSTOPS_VMARGS:-none}"
rm -f "$out/last.txt"
# the first run seeds the workspace when missing, writes the framework's configuration area and
# fills the OS's file cache: it is shown but not counted
[ "${STARTUP_WARMUP:-1}" = 0 ] && [ -d "$CUSTOPS_WORKSPACE" ] || launch warmup || exit 1
for i in $(seq 1 "$runs"); do
	launch "$i" || exit 1
done
[ -n "${STARTUP_CSV:-}" ] && cp "$report" "$STARTUP_CSV"
echo "# after: uptime:$(uptime | sed 's/.*load average/ load average/')"

python3 - "$report" <<'PY'
import statistics, sys
rows = []
for line in open(sys.argv[1]):
    kv = dict(p.split("=", 1) for p in line.split())
    rows.append(kv)
# the moments, in the order they happen; each phase is the time since the previous moment
moments = [
    ("exec_java", "./custops script (JDK check, packages, display) until java is exec'd"),
    ("jvm_started", "JVM created"),
    ("launcher_started", "Equinox launcher's main()"),
    ("e4_application_started", "framework started, start levels reached, e4 application started"),
    ("e4_model_loaded", "e4 application model loaded"),
    ("session_addon_started", "addons created"),
    ("services_registered", "the workbench's services registered"),
    ("window_shown", "window created and shown (visible part created)"),
    ("data_shown", "dataset loaded, visible part filled and painted"),
    ("UI_idle", "UI thread idle: USABLE WINDOW"),
    ("process_ended", "workbench closed, process ended"),
]
def value(row, key):
    v = row.get(key)
    return int(v) if v is not None and v.lstrip("-").isdigit() else None
print("%-8s %8s  %s" % ("run", "usable", "breakdown (ms since launch): " + " ".join(k for k, _ in moments)))
for r in rows:
    print("%-8s %6s ms  %s  cpu %s ms  load %s→%s" % (r["run"], r.get("UI_idle"), " ".join(str(r.get(k, "-")) for k, _ in moments),
                                    r.get("cpu_ms"), r.get("load_before"), r.get("load_after")))
measured = [r for r in rows if r["run"] != "warmup"]
if not measured:
    sys.exit(0)
print()
print("median of %d runs (warm-up excluded):" % len(measured))
previous = 0
for key, label in moments:
    vals = [value(r, key) for r in measured if value(r, key) is not None]
    if not vals:
        continue
    m = statistics.median(vals)
    print("  %7.0f ms  (+%5.0f)  %s" % (m, m - previous, label))
    previous = m
usable = sorted(value(r, "UI_idle") for r in measured)
cpu = [value(r, "cpu_ms") for r in measured if value(r, "cpu_ms") is not None]
print("USABLE WINDOW: median %.0f ms, min %d, max %d (%d runs); CPU time of the process until then: median %s ms;"
      " dataset loaded in %s ms, %s customers"
      % (statistics.median(usable), usable[0], usable[-1], len(usable), statistics.median(cpu) if cpu else "?",
         statistics.median(value(r, "dataset_load_ms") for r in measured), measured[-1].get("customers")))
PY
