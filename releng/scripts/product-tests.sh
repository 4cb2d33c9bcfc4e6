#!/usr/bin/env bash
# End-to-end tests of the materialized product, run by the build (integration-test phase of
# releng/io.custops.repository) after the product is made: the command line as users call it,
# and the workbench window under X (Xvfb when there is no display), with a screenshot.
set -uo pipefail
. "$(dirname "$(readlink -f "$0")")/common.sh"
pick_jdk

out=$CUSTOPS_ROOT/releng/io.custops.repository/target/product-tests
rm -rf "$out"; mkdir -p "$out"
export CUSTOPS_HOME=$out/home CUSTOPS_NO_BUILD=1 CUSTOPS_WORKSPACE=$out/workspace
touch "$CUSTOPS_PRODUCT/.custops-built"
failures=0
pass() { printf 'PASS %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }

custops() { "$CUSTOPS_ROOT/custops" "$@"; }

# --- command line -----------------------------------------------------------------------
custops services --json > "$out/services.json" 2> "$out/services.err"   # first run resolves the bundles
start=$(date +%s%N)
custops services --json > "$out/services.json" 2> "$out/services.err"; rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "$ms" > "$out/services-millis.txt"
if [ $rc -eq 0 ] && python3 - "$out/services.json" "${EXPECTED_SERVICES:-}" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
services = doc["services"]
for s in services:
    assert set(["id", "kind", "name", "bundle", "version"]) <= set(s), s
    assert s["kind"] in ("connector", "strategy", "model", "template"), s
ids = {s["kind"] + ":" + s["id"] for s in services}
missing = [e for e in sys.argv[2].split() if e not in ids]
assert not missing, "missing services: %s" % missing
PY
then pass "services --json is valid JSON listing the built-in services (${ms} ms)"
else fail "services --json (exit $rc): $(head -c 400 "$out/services.err")"; fi

custops bogus > "$out/bogus.out" 2> "$out/bogus.err"; rc=$?
if [ $rc -eq 2 ] && grep -q "unknown command 'bogus'" "$out/bogus.err" && grep -q "usage:" "$out/bogus.err" && [ ! -s "$out/bogus.out" ]
then pass "an unknown command exits 2 with a usage message on stderr"
else fail "bogus: exit $rc"; fi

custops services --kind nonsense > /dev/null 2> "$out/kind.err"; rc=$?
[ $rc -eq 2 ] && grep -q -- "--kind" "$out/kind.err" && pass "a bad option value exits 2 naming it" || fail "services --kind nonsense: exit $rc"

custops services --help > "$out/help.out" 2>&1; rc=$?
[ $rc -eq 0 ] && grep -q "usage: ./custops services" "$out/help.out" && pass "--help prints the usage" || fail "services --help: exit $rc"

custops > /dev/null 2>&1 --help; rc=$?
[ $rc -eq 0 ] && pass "./custops --help exits 0" || fail "./custops --help: exit $rc"

# --- importing data into the workspace ($CUSTOPS_WORKSPACE) ---------------------------------
data=$out/data
mkdir -p "$data"
printf 'order_id,customer_id,order_time,amount,status\no1,c1,2026-01-05 10:00:00,10.00,paid\no2,c2,2026-02-06,abc,paid\no3,c2,2026-03-07,5,refunded\n' > "$data/orders.csv"
custops import --kind orders --connector csv --file "$data/orders.csv" --json > "$out/import.json" 2> "$out/import.err"; rc=$?
if [ $rc -eq 0 ] && python3 - "$out/import.json" <<'PY'
import json, os, sys
d = json.load(open(sys.argv[1]))
assert (d["read"], d["imported"], d["rejected"]) == (3, 2, 1), d
assert os.path.exists(d["rejects_file"]), d
PY
then pass "import --json: read 3 = imported 2 + rejected 1, the rejects file exists"
else fail "import (exit $rc): $(head -c 400 "$out/import.err")"; fi

custops import --kind orders --connector csv --file "$data/missing.csv" > /dev/null 2> "$out/import-missing.err"; rc=$?
[ $rc -eq 2 ] && grep -q "missing.csv: no such file" "$out/import-missing.err" \
	&& pass "an unreadable file exits 2 naming it" || fail "import of a missing file: exit $rc"

custops import --kind orders --connector csv --file "$data/orders.csv" --param delimeter=';' > /dev/null 2> "$out/import-param.err"; rc=$?
[ $rc -eq 2 ] && grep -q "parameter 'delimeter': unknown" "$out/import-param.err" \
	&& pass "an unknown import parameter exits 2 naming it" || fail "import with a bad parameter: exit $rc"

custops workspace info --json > "$out/info.json" 2> "$out/info.err"; rc=$?
if [ $rc -eq 0 ] && python3 - "$out/info.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["counts"]["orders"] == 2, d["counts"]
assert d["date_range"]["orders"]["first"].startswith("2026-01-05"), d["date_range"]
assert d["imports"][0]["state"] == "failed" and d["imports"][-1]["state"] == "done", d["imports"]
PY
then pass "workspace info --json: counts, date range and import history"
else fail "workspace info (exit $rc): $(head -c 400 "$out/info.err")"; fi

if grep -q '"id": "demo"' "$out/services.json"; then
	custops demo --param customers=200 --workspace "$out/demo-workspace" --json > "$out/demo.json" 2> "$out/demo.err"; rc=$?
	[ $rc -eq 0 ] && pass "demo imports the demo shop" || fail "demo (exit $rc): $(head -c 400 "$out/demo.err")"
else
	custops demo > /dev/null 2> "$out/demo.err"; rc=$?
	[ $rc -eq 1 ] && grep -q "no connector 'demo' installed" "$out/demo.err" \
		&& pass "demo without a demo connector exits 1 saying so" || fail "demo without connector: exit $rc"
fi

# --- campaigns (issue 5): demo shop → campaign from an RFM segment with a control group → ROI → target list
cws=$out/campaign-workspace
start=$(date +%s%N)
from=$(date -d "-75 days" +%F); to=$(date -d "-46 days" +%F)
custops demo --param customers=1000 --workspace "$cws" > "$out/campaign-demo.out" 2>&1 \
	&& custops campaign create --id winback --name "Win back at-risk" --start "$from" --end "$to" --cost 500 \
		--margin 35% --target strategy:rfm=at_risk --param control=20% --param seed=7 --workspace "$cws" --json \
		> "$out/campaign-create.json" 2> "$out/campaign-create.err" \
	&& custops roi --campaign winback --param breakdown=target --workspace "$cws" --json \
		> "$out/campaign-roi.json" 2> "$out/campaign-roi.err" \
	&& custops campaign export --id winback --out "$out/winback.csv" --workspace "$cws" > "$out/campaign-export.out" 2>&1
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ $rc -eq 0 ] && python3 - "$out/campaign-create.json" "$out/campaign-roi.json" "$out/winback.csv" <<'PY'
import csv, json, re, sys
created = json.load(open(sys.argv[1]))
assert created["seed"] == 7 and created["control_size"] > 0 and created["treatment_size"] > 0, created
roi = json.load(open(sys.argv[2]))
for key in ("treatment_revenue", "control_revenue", "incremental_revenue", "cost", "roi", "treatment_response_rate",
            "control_response_rate", "uplift", "by_segment", "uplift_ci", "incremental_revenue_ci", "roi_ci",
            "p_value", "significant", "warnings"):
    assert key in roi, key
assert len(roi["uplift_ci"]) == 2 and roi["uplift_ci"][0] <= roi["uplift"] <= roi["uplift_ci"][1], roi["uplift_ci"]
assert roi["interval_method"] == "welch_t", roi
# the demo's at-risk campaign is small: its control group says so
assert any(w.startswith("too few customers to tell") for w in roi["warnings"]) == (roi["control_size"] < 100
    or roi["control_responders"] < 10 or roi["incremental_revenue_ci"][0] <= 0 <= roi["incremental_revenue_ci"][1]
    or roi["uplift_ci"][0] <= 0 <= roi["uplift_ci"][1] or roi["treatment_size"] < 100
    or roi["treatment_responders"] < 10), roi["warnings"]
assert roi["has_control"] is True and roi["cost"] == 500.0, roi
assert [s["segment"] for s in roi["by_segment"]["segments"]] == ["at_risk"], roi["by_segment"]
rows = list(csv.DictReader(open(sys.argv[3], encoding="utf-8")))
assert len(rows) == created["treatment_size"], len(rows)
assert all(r["group"] == "treatment" and r["segment"] == "at_risk" for r in rows)
assert all(re.fullmatch(r"\d{3}\*{4}\d{4}", r["phone"]) for r in rows if r["phone"]), rows[0]
assert all(r["name"][1:] == "*" * (len(r["name"]) - 1) for r in rows if r["name"]), rows[0]
PY
then pass "campaign flow: demo, campaign from rfm at_risk with a 20% control group, roi --json, masked target list (${ms} ms)"
else fail "campaign flow (exit $rc, ${ms} ms): $(cat "$out/campaign-create.err" "$out/campaign-roi.err" "$out/campaign-export.out" 2>/dev/null | head -c 600)"; fi

# --- a source's password (issue 22): kept in secure storage only, and used from there --------
srcdb=$out/source-db; mkdir -p "$srcdb"
secret="Probe-$(date +%s%N)-pw"
{
	echo "$secret" | custops source add --id probe --url "jdbc:hsqldb:file:$srcdb/db" --user SA --password-stdin \
		--table orders=PUBLIC.ORDERS --json
	custops source list --json
	# the first connection makes the database with this password; the check then fails (no table)
	custops source test probe --json
	echo "wrong-pw-$$" | custops source add --id wrong --url "jdbc:hsqldb:file:$srcdb/db" --user SA --password-stdin \
		--table orders=PUBLIC.ORDERS
	custops source test wrong
} > "$out/source-secret.out" 2> "$out/source-secret.err"
leaks=$(grep -rl --binary-files=text -- "$secret" "$CUSTOPS_HOME" "$CUSTOPS_WORKSPACE" "$out/source-secret.out" "$out/source-secret.err" 2>/dev/null | head -3)
if [ -z "$leaks" ] && grep -q '"password_stored": true' "$out/source-secret.out" \
	&& grep -q 'invalid authorization' "$out/source-secret.err" && grep -q 'PUBLIC.ORDERS cannot be read' "$out/source-secret.out"
then pass "a source's password is in secure storage only (not under the home, the workspace, stdout, stderr or --json) and is the one used to connect"
else fail "source password: leaks in [${leaks}]; $(head -c 600 "$out/source-secret.err")"; fi

# --- reports and schedules (issue 6): a demo shop, a report in three formats, one scheduled run ----
. "$CUSTOPS_ROOT/releng/scripts/report-tests.sh"
report_tests

# --- plugins (issue 7): leaves the example and a misbehaving plugin installed for the window ----
. "$CUSTOPS_ROOT/releng/scripts/plugin-tests.sh"
plugin_tests
hostile_plugin_tests

# --- the README's headless commands, as written (issue 20) ----------------------------------
. "$CUSTOPS_ROOT/releng/scripts/readme-tests.sh"
readme_tests

# --- the workbench window -----------------------------------------------------------------
ensure_packages "${UI_PACKAGES[@]}"
ensure_display
# the first window run seeds the (missing) workspace with a small demo shop, as ./custops does for a user
export CUSTOPS_DEMO_CUSTOMERS=2000 CUSTOPS_WORKSPACE=$out/ui-workspace
for lang in en zh; do
	dir=$out/ui; [ $lang = zh ] && dir=$out/ui-zh
	args=""; [ $lang = zh ] && args="-nl zh"
	CUSTOPS_UI_ARGS="$args" CUSTOPS_VMARGS="-Dcustops.smoke.dir=$dir" timeout 300 "$CUSTOPS_ROOT/custops" > "$out/ui-$lang.log" 2>&1; rc=$?
	if [ $rc -eq 0 ] && head -1 "$dir/smoke.txt" 2>/dev/null | grep -q "RESULT OK" && [ -s "$dir/workbench.png" ] \
		&& [ "$(ls "$dir"/part-*.png 2>/dev/null | wc -l)" -ge 10 ] \
		&& ! grep -E "Exception|Unable to create" "$out/ui-$lang.log" | grep -v SessionManagerDBus > /dev/null
	then pass "the workbench ($lang) opens on the demo workspace, every part renders without error; $(grep -m1 'window usable' "$dir/smoke.txt"); screenshots $dir/part-*.png"
	else fail "workbench smoke test ($lang, exit $rc): $(cat "$dir/smoke.txt" 2>/dev/null) $(grep -m3 -E 'Exception|Unable' "$out/ui-$lang.log")"; fi
done
stop_display

plugin_cleanup_tests

echo "product tests: $failures failed"
[ $failures -eq 0 ]
