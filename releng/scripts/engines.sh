#!/usr/bin/env bash
# The SQL engines the tests run the pushed-down analyses in: a throw-away PostgreSQL cluster, a
# single-node Trino and a Spark Connect server, on 127.0.0.1 and free ports, started once per test
# run and stopped at its end.
#
# Sourced (after common.sh) it defines start_postgres/stop_postgres, start_trino/stop_trino and
# start_spark/stop_spark; ./test.sh does that. Run as a command it starts all three, runs the rest
# of its arguments, and stops them:
#   releng/scripts/engines.sh ./mvnw -B -o verify -Dtest='Equality*' -Dcustops.failIfNoTests=false
#
# The servers come from Maven Central into the Maven local repository (~/.m2), never into git:
#   Trino:  io.trino:trino-server:476 (tar.gz, 821 MB; 476 is the newest there), unpacked under
#           target/engines with only the plugins the tests use (memory, postgresql, geospatial
#           which postgresql needs, tpch). It needs Java 24+ (Temurin 25 here).
#   Spark:  org.apache.spark:spark-connect_2.13 + spark-sql_2.13 4.2.0 and their dependencies,
#           named by releng/engines/spark-connect/pom.xml; run from ~/.m2 with a classpath file.
#
# What the servers export for the tests (the forked test JVMs inherit the environment):
#   CUSTOPS_PG_URL     jdbc:postgresql://127.0.0.1:PORT/postgres  (user postgres, trust; Debian's
#                      PostgreSQL, installed when missing, a cluster made by initdb under target/engines)
#   CUSTOPS_TRINO_URL  jdbc:trino://127.0.0.1:PORT   (any user name, no password; catalogs
#                      memory (schema "default" exists), tpch, and postgresql when
#                      CUSTOPS_PG_URL was set before start_trino: that database as catalog postgresql)
#   CUSTOPS_SPARK_URL  sc://127.0.0.1:PORT           (tables persist across sessions, in
#                      target/engines/spark/warehouse; timestamps are TIMESTAMP_NTZ)
# For the PostgreSQL catalog start_trino reads CUSTOPS_PG_URL (jdbc:postgresql://127.0.0.1:PORT/DB)
# and, if set, CUSTOPS_PG_USER / CUSTOPS_PG_PASSWORD.

CUSTOPS_ROOT=${CUSTOPS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
declare -F say >/dev/null || . "$CUSTOPS_ROOT/releng/scripts/common.sh"

ENGINES_DIR=${CUSTOPS_ENGINES_DIR:-$CUSTOPS_ROOT/target/engines}
TRINO_VERSION=476
SPARK_POM=$CUSTOPS_ROOT/releng/engines/spark-connect/pom.xml
TRINO_PLUGINS=(memory postgresql geospatial tpch)

# The Maven local repository: where the wrapper caches what it downloads.
engines_m2() { printf '%s\n' "${CUSTOPS_M2_REPO:-$HOME/.m2/repository}"; }

# Runs the project's Maven wrapper (plain Maven goals; the reactor is not built).
engines_mvn() { (cd "$CUSTOPS_ROOT" && ./mvnw -B -q -Dmaven.repo.local="$(engines_m2)" "$@"); }

# Prints a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits until something accepts connections on 127.0.0.1:$1 (at most $2 seconds) while pid $3 lives.
wait_for_port() {
	local port=$1 seconds=$2 pid=$3 i
	for i in $(seq 1 $((seconds * 5))); do
		kill -0 "$pid" 2>/dev/null || return 1
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
		sleep 0.2
	done
	return 1
}

# Prints the home of a JDK of at least version $1 (JAVA_HOME first, then /usr/lib/jvm), or fails.
jdk_at_least() {
	local want=$1 candidate major
	for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/ 2>/dev/null | sort -rV); do
		candidate=${candidate%/}
		[ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
		major=$(java_major "$candidate")
		if [ -n "$major" ] && [ "$major" -ge "$want" ]; then printf '%s\n' "$candidate"; return 0; fi
	done
	return 1
}

seconds_since() { echo "$(( ($(date +%s%N) - $1) / 1000000 ))" | awk '{printf "%.1f", $1 / 1000}'; }

# --- PostgreSQL --------------------------------------------------------------------------------

pg_bin() { # the newest installed PostgreSQL's bin directory
	ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# A throw-away cluster made with initdb (Debian's package, installed when missing; Debian's
# policy-rc.d keeps the packaged cluster stopped, and this one is the tests' alone).
start_postgres() {
	local t0 bin dir port as=()
	t0=$(date +%s%N)
	[ -n "$(pg_bin)" ] || ensure_packages postgresql
	bin=$(pg_bin)
	[ -n "$bin" ] || { say "PostgreSQL is not installed (apt-get install postgresql)"; return 1; }
	dir=$ENGINES_DIR/postgres
	if [ -f "$dir/port" ] && [ -f "$dir/data/postmaster.pid" ] \
		&& "$bin/pg_isready" -q -h 127.0.0.1 -p "$(cat "$dir/port")"; then
		export CUSTOPS_PG_URL="jdbc:postgresql://127.0.0.1:$(cat "$dir/port")/postgres" CUSTOPS_PG_USER=postgres
		return 0
	fi
	rm -rf "$dir"; mkdir -p "$dir"
	# initdb refuses to run as root: the cluster belongs to the postgres user then
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
		chown postgres "$dir"
		as=(runuser -u postgres --)
	fi
	port=$(free_port)
	"${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-locale -E UTF8 >"$dir/initdb.log" 2>&1 \
		|| { say "initdb failed: $(tail -5 "$dir/initdb.log")"; return 1; }
	"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
		start >/dev/null || { say "PostgreSQL did not start: $(tail -5 "$dir/server.log")"; return 1; }
	echo "$port" >"$dir/port"
	export CUSTOPS_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres" CUSTOPS_PG_USER=postgres
	say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, ready in $(seconds_since "$t0") s"
}

stop_postgres() {
	local bin dir as=()
	bin=$(pg_bin)
	dir=$ENGINES_DIR/postgres
	[ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ] || return 0
	[ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
	"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# --- Trino -----------------------------------------------------------------------------------

# Unpacks the server (lib, bin and the plugins used) once; prints its home.
trino_home() {
	local home=$ENGINES_DIR/trino-server-$TRINO_VERSION
	local tarball
	tarball=$(engines_m2)/io/trino/trino-server/$TRINO_VERSION/trino-server-$TRINO_VERSION.tar.gz
	if [ -f "$home/.unpacked" ]; then printf '%s\n' "$home"; return 0; fi
	if [ ! -f "$tarball" ]; then
		say "downloading io.trino:trino-server:$TRINO_VERSION (821 MB, once, into the Maven repository)"
		engines_mvn dependency:get -Dartifact="io.trino:trino-server:$TRINO_VERSION:tar.gz" -Dtransitive=false >&2 \
			|| { say "could not download io.trino:trino-server:$TRINO_VERSION"; return 1; }
	fi
	rm -rf "$home"; mkdir -p "$home"
	# the whole archive: plugin folders share jars as hard links into plugins the tests do not use
	tar -xzf "$tarball" -C "$home" --strip-components=1 || { say "could not unpack $tarball"; return 1; }
	local p k keep
	for p in "$home"/plugin/*; do
		keep=0
		for k in "${TRINO_PLUGINS[@]}"; do [ "$(basename "$p")" = "$k" ] && keep=1; done
		[ $keep -eq 1 ] || rm -rf "$p"
	done
	touch "$home/.unpacked"
	printf '%s\n' "$home"
}

start_trino() {
	local t0 home jdk port dir
	t0=$(date +%s%N)
	home=$(trino_home) || return 1
	jdk=$(jdk_at_least 24) || { say "Trino $TRINO_VERSION needs Java 24 or later (e.g. Temurin 25); none found"; return 1; }
	port=$(free_port)
	dir=$ENGINES_DIR/trino
	rm -rf "$dir"; mkdir -p "$dir/etc/catalog" "$dir/data"
	cat > "$dir/etc/node.properties" <<-EOF
		node.environment=test
		node.id=custops-test
		node.data-dir=$dir/data
		node.bind-ip=127.0.0.1
		node.internal-address=127.0.0.1
	EOF
	cat > "$dir/etc/jvm.config" <<-EOF
		-server
		-Xmx${CUSTOPS_TRINO_HEAP:-3G}
		-XX:+UseG1GC
		-XX:G1HeapRegionSize=32M
		-XX:+ExitOnOutOfMemoryError
		-XX:-OmitStackTraceInFastThrow
		-XX:ReservedCodeCacheSize=256M
		-Djdk.attach.allowAttachSelf=true
		-XX:+EnableDynamicAgentLoading
		-Djdk.nio.maxCachedBufferSize=2000000
	EOF
	cat > "$dir/etc/config.properties" <<-EOF
		coordinator=true
		node-scheduler.include-coordinator=true
		http-server.http.port=$port
		discovery.uri=http://127.0.0.1:$port
		query.max-memory=${CUSTOPS_TRINO_QUERY_MEMORY:-2GB}
		query.max-memory-per-node=${CUSTOPS_TRINO_QUERY_MEMORY:-2GB}
		task.concurrency=2
	EOF
	cat > "$dir/etc/log.properties" <<-EOF
		io.trino=WARN
	EOF
	printf 'connector.name=memory\nmemory.max-data-per-node=%s\n' "${CUSTOPS_TRINO_MEMORY_DATA:-1GB}" > "$dir/etc/catalog/memory.properties"
	printf 'connector.name=tpch\n' > "$dir/etc/catalog/tpch.properties"
	if [ -n "${CUSTOPS_PG_URL:-}" ]; then
		{
			printf 'connector.name=postgresql\nconnection-url=%s\n' "$CUSTOPS_PG_URL"
			printf 'connection-user=%s\n' "${CUSTOPS_PG_USER:-postgres}"
			[ -n "${CUSTOPS_PG_PASSWORD:-}" ] && printf 'connection-password=%s\n' "$CUSTOPS_PG_PASSWORD"
		} > "$dir/etc/catalog/postgresql.properties"
	fi
	JAVA_HOME=$jdk PATH=$jdk/bin:$PATH "$home/bin/launcher" --etc-dir="$dir/etc" --data-dir="$dir/data" \
		--launcher-log-file="$dir/launcher.log" --server-log-file="$dir/server.log" start >"$dir/start.log" 2>&1 \
		|| { say "Trino did not start: $(tail -5 "$dir/start.log")"; return 1; }
	CUSTOPS_TRINO_DIR=$dir
	local pid i info
	pid=$(cat "$dir/data/var/run/launcher.pid" 2>/dev/null) || pid=
	for i in $(seq 1 600); do
		info=$(python3 - "$port" 2>/dev/null <<-'PY'
			import json, sys, urllib.request
			print(json.load(urllib.request.urlopen("http://127.0.0.1:%s/v1/info" % sys.argv[1], timeout=2))["starting"])
		PY
		) || info=
		[ "$info" = "False" ] && break
		if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
			say "Trino exited while starting: $(tail -20 "$dir/server.log" "$dir/launcher.log" 2>/dev/null)"; return 1
		fi
		sleep 0.2
	done
	[ "$info" = "False" ] || { say "Trino did not become ready in 120 s (see $dir/server.log)"; stop_trino; return 1; }
	export CUSTOPS_TRINO_URL="jdbc:trino://127.0.0.1:$port" CUSTOPS_TRINO_PORT=$port
	say "Trino $TRINO_VERSION on 127.0.0.1:$port, ready in $(seconds_since "$t0") s (catalogs: memory tpch${CUSTOPS_PG_URL:+ postgresql})"
}

stop_trino() {
	local dir=${CUSTOPS_TRINO_DIR:-}
	[ -n "$dir" ] && [ -f "$dir/data/var/run/launcher.pid" ] || return 0
	local home jdk
	home=$ENGINES_DIR/trino-server-$TRINO_VERSION
	jdk=$(jdk_at_least 24)
	JAVA_HOME=$jdk PATH=$jdk/bin:$PATH "$home/bin/launcher" --etc-dir="$dir/etc" --data-dir="$dir/data" stop >/dev/null 2>&1 || true
	unset CUSTOPS_TRINO_DIR CUSTOPS_TRINO_URL CUSTOPS_TRINO_PORT
}

# --- Spark Connect -----------------------------------------------------------------------------

# The --add-opens list of Spark's launcher (org.apache.spark.launcher.JavaModuleOptions, 4.2.0).
SPARK_JAVA_OPTIONS=(
	-XX:+IgnoreUnrecognizedVMOptions
	--add-modules=jdk.incubator.vector
	--add-opens=java.base/java.lang=ALL-UNNAMED
	--add-opens=java.base/java.lang.invoke=ALL-UNNAMED
	--add-opens=java.base/java.lang.reflect=ALL-UNNAMED
	--add-opens=java.base/java.io=ALL-UNNAMED
	--add-opens=java.base/java.net=ALL-UNNAMED
	--add-opens=java.base/java.nio=ALL-UNNAMED
	--add-opens=java.base/java.util=ALL-UNNAMED
	--add-opens=java.base/java.util.concurrent=ALL-UNNAMED
	--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
	--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
	--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
	--add-opens=java.base/sun.nio.cs=ALL-UNNAMED
	--add-opens=java.base/sun.security.action=ALL-UNNAMED
	--add-opens=java.base/sun.util.calendar=ALL-UNNAMED
	--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
	-Djdk.reflect.useDirectMethodHandle=false
	-Dio.netty.tryReflectionSetAccessible=true
	--enable-native-access=ALL-UNNAMED
)

# Resolves the server's jars into the Maven repository once; prints the classpath file.
spark_classpath_file() {
	local file=$ENGINES_DIR/spark-connect.classpath
	if [ ! -s "$file" ] || [ "$SPARK_POM" -nt "$file" ]; then
		mkdir -p "$ENGINES_DIR"
		say "resolving the Spark Connect server's jars (about 290 MB, once, into the Maven repository)"
		engines_mvn -f "$SPARK_POM" dependency:build-classpath -Dmdep.outputFile="$file.tmp" >&2 \
			|| { say "could not resolve $SPARK_POM"; return 1; }
		mv "$file.tmp" "$file"
	fi
	printf '%s\n' "$file"
}

start_spark() {
	local t0 cpfile jdk port dir
	t0=$(date +%s%N)
	cpfile=$(spark_classpath_file) || return 1
	jdk=$(jdk_at_least 17) || { say "Spark needs Java 17 or later"; return 1; }
	local options=("${SPARK_JAVA_OPTIONS[@]}")
	# Java 24+ (JEP 471/498) warns on, and later denies, sun.misc.Unsafe memory access, which Spark's
	# off-heap rows use; Spark's own launcher allows it there. Java 17 does not know the option.
	[ "$(java_major "$jdk")" -ge 24 ] && options+=(--sun-misc-unsafe-memory-access=allow)
	port=$(free_port)
	dir=$ENGINES_DIR/spark
	rm -rf "$dir"; mkdir -p "$dir/warehouse" "$dir/tmp"
	SPARK_LOCAL_IP=127.0.0.1 "$jdk/bin/java" "${options[@]}" -Xmx"${CUSTOPS_SPARK_HEAP:-2g}" \
		-Djava.io.tmpdir="$dir/tmp" \
		-Dspark.master='local[2]' -Dspark.app.name=custops-test \
		-Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
		-Dspark.connect.grpc.binding.address=127.0.0.1 -Dspark.connect.grpc.binding.port="$port" \
		-Dspark.sql.timestampType=TIMESTAMP_NTZ -Dspark.sql.shuffle.partitions=4 \
		-Dspark.ui.enabled=false -Dspark.sql.warehouse.dir="$dir/warehouse" -Dspark.local.dir="$dir/tmp" \
		-Dderby.system.home="$dir" \
		-cp "$(cat "$cpfile")" org.apache.spark.sql.connect.service.SparkConnectServer >"$dir/server.log" 2>&1 &
	CUSTOPS_SPARK_PID=$!
	if ! wait_for_port "$port" 180 "$CUSTOPS_SPARK_PID"; then
		say "Spark Connect did not start: $(grep -m3 -E 'Exception|Error' "$dir/server.log")"
		stop_spark; return 1
	fi
	# a first answer can take longer than the driver's 10 s default on a test machine whose two
	# cores are busy with the build: give the tests' connections a minute before they give up
	export CUSTOPS_SPARK_URL="sc://127.0.0.1:$port/;connect_timeout=60" CUSTOPS_SPARK_PORT=$port
	say "Spark Connect 4.2.0 (local[2]) on 127.0.0.1:$port, ready in $(seconds_since "$t0") s"
}

stop_spark() {
	local pid=${CUSTOPS_SPARK_PID:-} i
	[ -n "$pid" ] || return 0
	kill "$pid" 2>/dev/null || true
	for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
	kill -9 "$pid" 2>/dev/null || true
	unset CUSTOPS_SPARK_PID CUSTOPS_SPARK_URL CUSTOPS_SPARK_PORT
}

stop_engines() { stop_spark; stop_trino; stop_postgres; }

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -euo pipefail
	pick_jdk
	trap stop_engines EXIT
	start_postgres
	start_trino
	start_spark
	"$@"
fi
