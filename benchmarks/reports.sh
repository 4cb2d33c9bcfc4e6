#!/usr/bin/env bash
# Report times (issue 6): every built-in template made on a large demo workspace, cold and warm,
# each against BIRT's own time for the same prepared data in the same run.
#   benchmarks/reports.sh [WORKSPACE] [CUSTOMERS]      (default /tmp/custops-1m, 1000000)
# Creates the workspace when it is missing (./custops demo --param customers=CUSTOMERS); the
# product is built first when it is stale (./custops does that). Then:
#   cold  one fresh `./custops report --template T --format pdf,html,xlsx --json` per template
#   warm  one `./custops schedule run-due --json` with every template scheduled twice (ids 1-T,
#         then 2-T): the second report of a template in that process is its warm time
# and prints a table: report time, BIRT time (run + pdf + html + xlsx renders of the report's
# prepared data, from "timings_ms"), and their ratio. Outputs and the JSON of every run go to
# $BENCH_OUT (default benchmarks/target/reports). Takes ~15 min at 1M customers on 2 cores,
# plus ~20-30 min for the demo workspace when it has to be made.
# Environment: BENCH_TEMPLATES="rfm roi" to measure only some templates; CUSTOPS_VMARGS as for
# ./custops (e.g. "-XX:StartFlightRecording=filename=/tmp/r.jfr" to profile).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
workspace=${1:-/tmp/custops-1m}
customers=${2:-1000000}
out=${BENCH_OUT:-$here/target/reports}
templates=(${BENCH_TEMPLATES:-rfm lifecycle roi tier-conversion behavior-path clv})
custops() { "$root/custops" "$@"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

mkdir -p "$out"
custops --help > /dev/null # builds the product when stale, so no build is timed below
if [ ! -e "$workspace" ]; then
	echo "reports: making the demo workspace $workspace ($customers customers)…" >&2
	start=$(now_ms)
	# the connector's read runs under the service guard's limit (10 min by default), which the
	# events of a 1M-customer shop exceed on a busy machine: the guard's interrupt then closes the
	# workspace database ("connection exception: closed")
	CUSTOPS_VMARGS="${CUSTOPS_VMARGS:-} -Dcustops.service.timeout=4h" \
		custops demo --param "customers=$customers" --workspace "$workspace" > "$out/demo.out"
	echo "reports: demo workspace made in $(( ($(now_ms) - start) / 1000 )) s" >&2
fi
# a first command on the workspace: the framework's bundle cache is made here, not in a cold run
custops schedule list --workspace "$workspace" > /dev/null

{ echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"; echo "uptime before:$(uptime)"; echo "cpus: $(nproc)"
  echo "workspace: $workspace ($(du -sh "$workspace" | cut -f1))"; } > "$out/machine.txt"

for t in "${templates[@]}"; do
	echo "reports: cold $t…" >&2
	rm -rf "$out/cold/$t"
	start=$(now_ms)
	custops report --template "$t" --format pdf,html,xlsx --out "$out/cold/$t" --workspace "$workspace" --json \
		> "$out/cold-$t.json"
	echo "$(( $(now_ms) - start ))" > "$out/cold-$t.wall"
done

echo "reports: warm, ${#templates[@]} templates twice in one run-due…" >&2
for t in "${templates[@]}"; do
	for pass in 1 2; do
		custops schedule remove "bench-$pass-$t" --workspace "$workspace" > /dev/null 2>&1 || true
		# due every midnight since yesterday: run-due catches the last due time up once
		custops schedule add --id "bench-$pass-$t" --cron "0 0 * * *" --template "$t" --format pdf,html,xlsx \
			--out "$out/warm/$pass/{template}" --since "$(date -d yesterday +%F)" --workspace "$workspace" > /dev/null
	done
done
start=$(now_ms)
custops schedule run-due --workspace "$workspace" --json > "$out/warm.json" || true
echo "$(( $(now_ms) - start ))" > "$out/warm.wall"
for t in "${templates[@]}"; do
	for pass in 1 2; do
		custops schedule remove "bench-$pass-$t" --workspace "$workspace" > /dev/null 2>&1 || true
	done
done
echo "uptime after:$(uptime)" >> "$out/machine.txt"

python3 - "$out" "${templates[@]}" <<'PY'
import json, sys
out, templates = sys.argv[1], sys.argv[2:]
s = lambda ms: f"{ms / 1000:.1f}"
runs = {}
for r in json.load(open(f"{out}/warm.json"))["runs"]:
    if r["status"] != "ok":
        print(f"warm run {r['schedule']} failed: {r['error']}", file=sys.stderr)
        continue
    runs[r["schedule"]] = r["timings_ms"]
print(open(f"{out}/machine.txt").read().rstrip())
print()
print("times in seconds; BIRT = run + pdf + html + xlsx renders of the prepared data; ratio = report / BIRT")
print(f"{'template':<16}{'cold wall':>10}{'cold rep':>10}{'load':>7}{'engine':>8}{'analyses':>9}{'BIRT':>7}{'ratio':>7}"
      f"{'warm rep':>10}{'analyses':>9}{'BIRT':>7}{'ratio':>7}")
for t in templates:
    cold = json.load(open(f"{out}/cold-{t}.json"))["timings_ms"]
    wall = int(open(f"{out}/cold-{t}.wall").read())
    line = (f"{t:<16}{s(wall):>10}{s(cold['total']):>10}{s(cold['load']):>7}{s(cold['engine_start']):>8}"
            f"{s(cold['prepare']):>9}{s(cold['birt']):>7}{cold['total'] / cold['birt']:>7.2f}")
    warm = runs.get(f"bench-2-{t}")
    if warm:
        line += f"{s(warm['total']):>10}{s(warm['prepare']):>9}{s(warm['birt']):>7}{warm['total'] / warm['birt']:>7.2f}"
    else:
        line += f"{'failed':>10}"
    print(line)
    print(f"{'':<16}BIRT cold: run {s(cold['run'])} + " + " + ".join(f"{f} {s(v)}" for f, v in cold["render"].items())
          + (f"; warm: run {s(warm['run'])} + " + " + ".join(f"{f} {s(v)}" for f, v in warm["render"].items()) if warm else ""))
PY
