#!/usr/bin/env bash
# Import and load figures of the workspace store, outside OSGi, on the jars the build made:
#   benchmarks/import/run.sh [ORDERS] [DIR]     (default 1000000 orders under /tmp/custops-bench)
# Build first (./mvnw -B verify -DskipTests). With DUCKDB_JAR=/path/to/duckdb_jdbc.jar the same
# file is also loaded by DuckDB's read_csv and the ratio printed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/releng/scripts/common.sh"
pick_jdk
m2=${MAVEN_REPO:-$HOME/.m2/repository}
cp=$(ls "$root"/bundles/io.custops.core/target/io.custops.core-*.jar | head -1)
cp=$cp:$(ls "$root"/bundles/io.custops.store/target/io.custops.store-*.jar | head -1)
cp=$cp:$(ls "$root"/bundles/io.custops.connector.csv/target/io.custops.connector.csv-*.jar | head -1)
cp=$cp:$m2/org/hsqldb/hsqldb/2.7.4/hsqldb-2.7.4.jar:$m2/org/apache/commons/commons-csv/1.14.1/commons-csv-1.14.1.jar
cp=$cp:$(ls "$m2"/commons-io/commons-io/2.20.0/commons-io-2.20.0.jar):$(ls "$m2"/commons-codec/commons-codec/1.19.0/commons-codec-1.19.0.jar)
[ -n "${DUCKDB_JAR:-}" ] && cp=$cp:$DUCKDB_JAR
out=$root/benchmarks/import/target
mkdir -p "$out"
"$JAVA_HOME/bin/javac" -d "$out" -cp "$cp" "$root/benchmarks/import/ImportBenchmark.java"
exec "$JAVA_HOME/bin/java" -Xmx4g ${BENCH_VMARGS:-} -cp "$out:$cp" ImportBenchmark "$@"
