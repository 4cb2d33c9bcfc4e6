# Shared by ./custops, ./test.sh and .ci/run: finding a JDK, installing and starting what the
# product needs. Source it; it defines functions and CUSTOPS_ROOT.

CUSTOPS_ROOT=${CUSTOPS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}

say() { printf 'custops: %s\n' "$*" >&2; }

java_major() { # prints the major version of "$1/bin/java", or nothing
	# the JDK's release file says it without starting a JVM (which costs 0.1-0.4 s on every launch)
	if [ -f "$1/release" ] && [ -x "$1/bin/java" ]; then
		sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -1
		return
	fi
	"$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -1
}

# Sets JAVA_HOME to a JDK of version 21 or later: JAVA_HOME if it is one, else the newest
# under /usr/lib/jvm, else the java on the PATH. Exits with a clear message when none is found.
pick_jdk() {
	local candidate major
	if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
		major=$(java_major "$JAVA_HOME")
		if [ -n "$major" ] && [ "$major" -ge 21 ]; then export JAVA_HOME; return 0; fi
	fi
	for candidate in $(ls -d /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/ 2>/dev/null | sort -rV); do
		candidate=${candidate%/}
		[ -x "$candidate/bin/javac" ] || continue
		major=$(java_major "$candidate")
		if [ -n "$major" ] && [ "$major" -ge 21 ]; then export JAVA_HOME=$candidate; return 0; fi
	done
	if command -v javac >/dev/null 2>&1; then
		candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
		major=$(java_major "$candidate")
		if [ -n "$major" ] && [ "$major" -ge 21 ]; then export JAVA_HOME=$candidate; return 0; fi
	fi
	say "no JDK of version 21 or later found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm, PATH)."
	say "install one (e.g. apt-get install openjdk-21-jdk, or Temurin 21/25) and set JAVA_HOME to it."
	exit 1
}

# Installs Debian packages that are missing; quiet when all are there.
ensure_packages() {
	local missing=() pkg
	# one dpkg-query for all of them (the workbench's every start asks)
	[ "$(dpkg-query -W -f='${Status}\n' "$@" 2>/dev/null | grep -c "install ok installed")" -eq $# ] && return 0
	for pkg in "$@"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	say "installing ${missing[*]}"
	local sudo=""
	[ "$(id -u)" -ne 0 ] && sudo="sudo"
	$sudo apt-get update -qq >&2 || true
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# What the workbench needs to draw: GTK 3 and fonts (Latin and Chinese).
UI_PACKAGES=(libgtk-3-0 fonts-dejavu-core fonts-wqy-microhei)
# What the report tests read PDFs with (pdftotext, pdfimages, pdffonts, pdftoppm).
REPORT_TEST_PACKAGES=(poppler-utils)
# What headless UI tests need on top.
XVFB_PACKAGES=(xvfb xauth x11-utils)

# Makes sure DISPLAY points at an X server: keeps a working one, else starts Xvfb.
ensure_display() {
	if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then return 0; fi
	ensure_packages "${XVFB_PACKAGES[@]}"
	local n
	for n in $(seq 90 110); do
		[ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
		Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
		CUSTOPS_XVFB_PID=$!
		export DISPLAY=":$n"
		for _ in $(seq 1 50); do
			xdpyinfo >/dev/null 2>&1 && { say "started Xvfb on $DISPLAY"; return 0; }
			sleep 0.1
		done
		kill "$CUSTOPS_XVFB_PID" 2>/dev/null || true
	done
	say "could not start Xvfb"
	exit 1
}

stop_display() {
	[ -n "${CUSTOPS_XVFB_PID:-}" ] && kill "$CUSTOPS_XVFB_PID" 2>/dev/null || true
}

CUSTOPS_PRODUCT=$CUSTOPS_ROOT/releng/io.custops.repository/target/products/io.custops.product/linux/gtk/x86_64
