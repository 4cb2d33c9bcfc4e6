#!/usr/bin/env bash
# Report and schedule tests of the product, sourced by product-tests.sh (which defines custops,
# pass, fail, $out and a fresh CUSTOPS_WORKSPACE): a 2,000-customer demo shop, the rfm report in
# PDF, HTML and XLSX, a schedule made due with --since and run by run-due (twice: the second
# makes nothing), its history, and the daemon stopped by SIGTERM. Leaves the demo workspace for
# the plugin tests, which render the example plugin's template on it. About 60 s.

report_tests() {
	local rout=$out/reports rc start ms
	mkdir -p "$rout"
	start=$(date +%s%N)
	custops demo --param customers=2000 --param end=2026-11-01 --param replace=true --json > "$rout/demo.json" 2> "$rout/demo.err"; rc=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	if [ $rc -eq 0 ] && grep -q '"kind": "campaign-members"' "$rout/demo.json"
	then pass "demo --param customers=2000 imports a shop with campaigns (${ms} ms)"
	else fail "demo (exit $rc): $(head -c 400 "$rout/demo.err")"; fi

	start=$(date +%s%N)
	custops report --template rfm --format pdf,html,xlsx --out "$rout/rfm" --json > "$rout/rfm.json" 2> "$rout/rfm.err"; rc=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	if [ $rc -eq 0 ] && [ -s "$rout/rfm/rfm.pdf" ] && [ -s "$rout/rfm/rfm.html" ] && [ -s "$rout/rfm/rfm.xlsx" ] \
		&& python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [f["format"] for f in d["files"]]==["pdf","html","xlsx"], d; t=d["timings_ms"]; assert t["total"]>0 and t["birt"]==t["run"]+sum(t["render"].values())' "$rout/rfm.json" \
		&& pdftotext "$rout/rfm/rfm.pdf" - | grep -q "RFM overview" \
		&& [ "$(pdfimages -list "$rout/rfm/rfm.pdf" | awk 'NR>2 && $3=="image"' | wc -l)" -ge 1 ]
	then pass "report --template rfm --format pdf,html,xlsx writes three files, the PDF with its chart (${ms} ms)"
	else fail "report rfm (exit $rc): $(head -c 400 "$rout/rfm.err")"; fi

	custops report --template no-such-report --out "$rout/x" > /dev/null 2> "$rout/nosuch.err"; rc=$?
	[ $rc -eq 2 ] && grep -q "no template 'no-such-report'" "$rout/nosuch.err" \
		&& pass "report with an unknown template exits 2 naming it" || fail "report no-such-report: exit $rc"

	custops schedule add --id weekly-rfm --cron "0 8 * * MON" --template rfm --format pdf,html \
		--out "$rout/scheduled/{date:yyyy-MM-dd}" --keep 4 --since 2026-01-01 --param asOf=@last-week.end --json \
		> "$rout/add.json" 2> "$rout/add.err"; rc=$?
	[ $rc -eq 0 ] && grep -q '"next_due"' "$rout/add.json" && pass "schedule add" || fail "schedule add (exit $rc): $(head -c 400 "$rout/add.err")"

	custops schedule run-due --json > "$rout/run-due.json" 2> "$rout/run-due.err"; rc=$?
	if [ $rc -eq 0 ] && python3 - "$rout/run-due.json" <<'PY'
import json, os, sys
runs = json.load(open(sys.argv[1]))["runs"]
assert len(runs) == 1, runs
r = runs[0]
assert r["status"] == "ok" and r["trigger"] == "catch-up", r
assert len(r["outputs"]) == 2 and all(os.path.getsize(p) > 1000 for p in r["outputs"]), r
t = r["timings_ms"]
assert sorted(t["render"]) == ["html", "pdf"] and t["birt"] == t["run"] + sum(t["render"].values()) and t["total"] <= r["duration_ms"], t
PY
	then pass "schedule run-due makes the missed run once (catch-up), pdf and html, with its timings"
	else fail "schedule run-due (exit $rc): $(head -c 600 "$rout/run-due.err") $(head -c 600 "$rout/run-due.json")"; fi

	custops schedule run-due > "$rout/run-due-2.out" 2> "$rout/run-due-2.err"; rc=$?
	[ $rc -eq 0 ] && grep -q "nothing is due" "$rout/run-due-2.out" \
		&& pass "run-due again at once makes nothing" || fail "second run-due (exit $rc): $(cat "$rout/run-due-2.out")"

	custops schedule history weekly-rfm --json > "$rout/history.json" 2> "$rout/history.err"; rc=$?
	[ $rc -eq 0 ] && python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"]; assert len(r)==1 and r[0]["status"]=="ok" and r[0]["duration_ms"]>0, r' "$rout/history.json" \
		&& pass "schedule history records the run" || fail "schedule history (exit $rc)"

	# the daemon holds the workspace, runs until SIGTERM, then releases it
	# started without the custops function, so that $! is the process that becomes the JVM (the script execs java)
	"$CUSTOPS_ROOT/custops" schedule daemon > "$rout/daemon.out" 2> "$rout/daemon.err" &
	local pid=$! i
	for i in $(seq 1 100); do grep -q "running on" "$rout/daemon.err" 2>/dev/null && break; sleep 0.2; done
	custops schedule run-due > /dev/null 2> "$rout/busy.err"; local busy=$?
	kill -TERM $pid; wait $pid; rc=$?
	kill -0 $pid 2> /dev/null && { fail "the daemon outlived SIGTERM"; kill -KILL $pid; }
	if grep -q "running on" "$rout/daemon.err" && grep -q "stopped" "$rout/daemon.err" && [ $busy -eq 1 ] \
		&& grep -q "in use by" "$rout/busy.err" && custops schedule list > /dev/null 2>&1
	then pass "schedule daemon runs, refuses run-due meanwhile (workspace in use), stops on SIGTERM and frees the workspace (exit $rc)"
	else fail "schedule daemon (exit $rc, run-due meanwhile $busy): $(head -c 400 "$rout/daemon.err") $(head -c 200 "$rout/busy.err")"; fi
}
