#!/usr/bin/env bash
# ./test.sh — builds everything and runs every test: the OSGi test bundles (JUnit 5 inside
# Equinox), the UI tests and the product's end-to-end tests under Xvfb. Installs what it
# needs when missing (Xvfb, GTK 3, fonts; apt-get) and picks a JDK >= 21 by itself.
# Extra arguments go to Maven (e.g. ./test.sh -o for an offline rerun).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
. releng/scripts/common.sh
pick_jdk
ensure_packages "${UI_PACKAGES[@]}" "${XVFB_PACKAGES[@]}" "${REPORT_TEST_PACKAGES[@]}" python3
ensure_display
trap stop_display EXIT
say "JDK $JAVA_HOME, display $DISPLAY"
./mvnw -B verify "$@"
