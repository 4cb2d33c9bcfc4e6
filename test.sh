#!/usr/bin/env bash
# ./test.sh — builds everything and runs every test: the OSGi test bundles (JUnit 5 inside
# Equinox), the UI tests and the product's end-to-end tests under Xvfb. Installs what it
# needs when missing (Xvfb, GTK 3, fonts; apt-get) and picks a JDK >= 21 by itself. Starts the SQL
# engines the pushdown tests run in (releng/scripts/engines.sh: PostgreSQL, Trino; Spark Connect
# when CUSTOPS_TEST_ENGINES names it; on 127.0.0.1 and free ports) once for the whole run, one
# after another, and stops them at the end.
# Extra arguments go to Maven (e.g. ./test.sh -o for an offline rerun).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
. releng/scripts/common.sh
pick_jdk
ensure_packages "${UI_PACKAGES[@]}" "${XVFB_PACKAGES[@]}" "${REPORT_TEST_PACKAGES[@]}" python3
ensure_display
. releng/scripts/engines.sh
trap 'stop_engines; stop_display' EXIT
export CUSTOPS_ENGINES_REQUIRED=1   # tests against an engine fail (not skip) when it is missing
start_postgres   # first: Trino's postgresql catalog points at it
start_trino      # TrinoSourceTest reads from it
# Spark Connect starts only when the equality suite is asked to run on it
# (CUSTOPS_TEST_ENGINES=hsqldb,duckdb,postgresql,spark): no test runs there by default yet.
case ",${CUSTOPS_TEST_ENGINES:-}," in *,spark,*) start_spark ;; esac
say "JDK $JAVA_HOME, display $DISPLAY"
./mvnw -B verify "$@"
