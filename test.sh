#!/usr/bin/env bash
# ./test.sh — builds everything and runs every test: the OSGi test bundles (JUnit 5 inside
# Equinox), the UI tests and the product's end-to-end tests under Xvfb. Installs what it
# needs when missing (Xvfb, GTK 3, fonts; apt-get) and picks a JDK >= 21 by itself. Starts the SQL
# engines the pushdown tests run in (releng/scripts/engines.sh: PostgreSQL, Trino, Spark Connect;
# on 127.0.0.1 and free ports) once for the whole run, one after another, and stops them at the
# end. The equality suite runs on every engine whose URL is set (CUSTOPS_TEST_ENGINES narrows it).
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
start_trino      # TrinoSourceTest and the equality suite read from it
start_spark      # the Spark Connect adapter's tests and the equality suite
say "JDK $JAVA_HOME, display $DISPLAY"
./mvnw -B verify "$@"
