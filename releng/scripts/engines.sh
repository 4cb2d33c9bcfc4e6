# Real database engines for the tests, started on 127.0.0.1 and a free port, once per test run.
# Source it (after common.sh) and call start_postgres / stop_postgres; other engines add their
# start_X / stop_X beside these. Each start exports the URL the tests read:
#   CUSTOPS_TEST_POSTGRES_URL   jdbc:postgresql://127.0.0.1:PORT/postgres (user postgres, trust)
# The servers keep their files under target/engines/ of the repository.

ENGINES_DIR=${ENGINES_DIR:-$CUSTOPS_ROOT/target/engines}

free_port() { # prints a TCP port nothing listens on
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_bin() { # the newest installed PostgreSQL's bin directory
	ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# A throw-away PostgreSQL cluster made with initdb (Debian's package, installed when missing;
# Debian's policy keeps the packaged cluster stopped, and this one is ours alone).
start_postgres() {
	[ -n "$(pg_bin)" ] || ensure_packages postgresql
	local bin dir port as=()
	bin=$(pg_bin)
	dir=$ENGINES_DIR/postgres
	if [ -f "$dir/port" ] && [ -f "$dir/data/postmaster.pid" ]; then
		port=$(cat "$dir/port")
		if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
			export CUSTOPS_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/postgres"
			return 0
		fi
	fi
	rm -rf "$dir"
	mkdir -p "$dir"
	# initdb refuses to run as root: the cluster belongs to the postgres user then
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --home "$dir" postgres
		chown postgres "$dir"
		as=(runuser -u postgres --)
	fi
	port=$(free_port)
	"${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-locale -E UTF8 >"$dir/initdb.log" 2>&1 \
		|| { cat "$dir/initdb.log" >&2; return 1; }
	"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
		start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
	echo "$port" >"$dir/port"
	export CUSTOPS_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/postgres"
	say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_postgres() {
	local bin dir as=()
	bin=$(pg_bin)
	dir=$ENGINES_DIR/postgres
	[ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ] || return 0
	[ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
	"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# Run as a script: engines.sh start_postgres | stop_postgres (prints the exported URLs).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -euo pipefail
	. "$(dirname "$0")/common.sh"
	"$1"
	env | grep '^CUSTOPS_TEST_' || true
fi
