#!/usr/bin/env bash
# The benchmarks of CustOps Workbench (see README.md beside this file):
#   benchmarks/run.sh [segment|analyses|cohorts|import|all] [SIZE]
#     segment   issue 4: rfm + stages + tiers vs DuckDB and HSQLDB SQL; BG/NBD fits  (SIZE = orders, default 10M)
#     analyses  issue 5: funnel, paths, tier conversion vs DuckDB SQL               (SIZE = events, default 20M)
#     cohorts   issue 18: monthly cohort retention vs DuckDB SQL                 (SIZE = orders, default 10M)
#     import    issue 3: CSV import vs DuckDB read_csv; open time; bytes per order   (SIZE = orders, default 10M)
#     pushdown  issue 21: rfm, stages, tiers, funnel inside PostgreSQL vs psql; the jdbc import and the
#               in-memory runs; time, peak heap, bytes over JDBC; the memory forecast (SIZE = orders, default 1M)
# Builds what is missing first: the bundle jars (the main build, tests skipped) and this project.
# Environment: BENCH_QUICK=1 runs every benchmark once, briefly (a smoke test, not a measurement);
# BENCH_CHECK=0 skips the check that the SQL agrees with the engine on a small dataset;
# BENCH_ONLY=REGEX runs only the benchmarks whose method name matches (e.g. BENCH_ONLY="engine|duckdb");
# BENCH_RUNS=N runs the import N times, each in a fresh JVM (default 3), and prints the median ratio.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$root/releng/scripts/common.sh"
pick_jdk
suite=${1:-segment}
size=${2:-}

jars=(io.custops.core io.custops.engine io.custops.segmentation.rfm io.custops.segmentation.tiers
	io.custops.lifecycle.stages io.custops.lifecycle.bgnbd io.custops.store io.custops.connector.csv)
missing=()
for b in "${jars[@]}"; do
	[ -f "$root/bundles/$b/target/$b-1.0.0-SNAPSHOT.jar" ] || missing+=("bundles/$b")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "bench: building the bundles (tests skipped): ${missing[*]}" >&2
	modules=target-platform
	for b in "${jars[@]}"; do modules="$modules,bundles/$b"; done
	(cd "$root" && ./mvnw -B -q verify -DskipTests -pl "$modules")
fi
newest_jar=$(ls -t "$root"/bundles/io.custops.*/target/io.custops.*-1.0.0-SNAPSHOT.jar | head -1)
if [ ! -f "$here/target/classpath.txt" ] || [ -n "$(find "$here/src" "$here/pom.xml" -newer "$here/target/classpath.txt")" ] \
	|| [ "$newest_jar" -nt "$here/target/classpath.txt" ]; then
	echo "bench: building benchmarks/" >&2
	(cd "$root" && ./mvnw -B -q -f benchmarks/pom.xml package -DskipTests)
fi

cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
props=(-Dcustops.bench.data="$here/data")
[ "${BENCH_QUICK:-0}" = 1 ] && props+=(-Dcustops.bench.quick=true)
[ "${BENCH_CHECK:-1}" = 0 ] && props+=(-Dcustops.bench.check=false)
[ -n "${BENCH_ONLY:-}" ] && props+=(-Dcustops.bench.only="$BENCH_ONLY")
cd "$here"
# as ./custops runs its headless commands: the throughput collector, on 2 MB pages where the
# kernel offers them
props+=(-XX:+UseParallelGC)
grep -qs '\[\(always\|madvise\)\]' /sys/kernel/mm/transparent_hugepage/enabled && props+=(-XX:+UseTransparentHugePages)
run() { "$JAVA_HOME/bin/java" -Xmx8g "${props[@]}" -cp "$cp" io.custops.bench.Bench "$@"; }
# The import is one operation of a few seconds, timed once per JVM as ./custops import runs it;
# on a shared machine one run's ratio moves by ±20 %. So it runs BENCH_RUNS times (default 3),
# each in a fresh JVM, and ends with the median of the ratios.
import_runs() {
	local runs=${BENCH_RUNS:-3} out ratios=()
	out=$(mktemp)
	for ((i = 1; i <= runs; i++)); do
		run import ${1:+"$1"} | tee "$out"
		ratios+=("$(sed -n 's/^import of the CSV.* ratio \([0-9.]*\).*/\1/p' "$out")")
	done
	rm -f "$out"
	printf '%s\n' "${ratios[@]}" | sort -n | awk -v n="$runs" '
		{ r[NR] = $1 }
		END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
			printf "\n== issue 3: import ratio over %d runs, each in a fresh JVM: median %.3f (%.3f-%.3f)  goal <= 1%s\n",
				n, m, r[1], r[NR], (m <= 1 ? "  met" : "  NOT met") }'
}
if [ "$suite" = all ]; then
	run segment ${size:+"$size"}
	run analyses
	import_runs
elif [ "$suite" = import ]; then
	import_runs ${size:+"$size"}
elif [ "$suite" = pushdown ]; then
	# the product as ./custops runs it (built when missing), and a throw-away PostgreSQL cluster
	# (kept running afterwards with its data, so that a second run skips the load; stop it with
	# `. releng/scripts/engines.sh; stop_postgres`)
	[ -f "$CUSTOPS_PRODUCT/.custops-built" ] || "$root/custops" --help >/dev/null
	. "$root/releng/scripts/engines.sh"
	start_postgres
	pg_port=${CUSTOPS_PG_URL##*:}; pg_port=${pg_port%%/*}
	props+=(-Dcustops.root="$root" -Dcustops.bench.psql="$(pg_bin)/psql" -Dcustops.bench.pgPort="$pg_port")
	[ -n "${BENCH_PUSHDOWN_HEAP:-}" ] && props+=(-Dcustops.bench.pushdownHeap="$BENCH_PUSHDOWN_HEAP")
	run pushdown ${size:+"$size"} "${BENCH_PUSHDOWN_DIR:-/tmp/custops-pushdown}"
else
	run "$suite" ${size:+"$size"}
fi
