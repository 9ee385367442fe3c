#!/usr/bin/env bash
# The messaging benchmarks (drivers in bench/src/main/java/io/ringbridge/bench; see bench/README.md): the driver is
# a separate JVM that starts the simulator and the packaged gateway as processes of their own, fills and drains the
# queue, and ends each benchmark with one RESULT line: its figure, a reference measured in the same run on the same
# machine, and their ratio. PostgreSQL is a throw-away Debian cluster.
#
#   bench/messaging.sh accept            # POST /v1/sms/send vs plain JDBC insert, PostgreSQL and H2
#   bench/messaging.sh accept-postgres   # (or accept-h2) one database only
#   bench/messaging.sh drain             # queued -> sent, limits off, 0 ms and 250 ms latency (PostgreSQL),
#                                        # beside the simulator alone taking the same requests
#   bench/messaging.sh pacing            # 20 extensions, Medium 40/10 s, alone and with another client
#   RUNS=3 bench/messaging.sh pacing-shared   # only the case with another client, RUNS times
#   RUNS=5 bench/messaging.sh crash      # SIGKILL with messages sending, limits on, 1.5 s latency, 15 % lost answers
#   SECONDS_PER_RUN=30 CONCURRENCY=64 bench/messaging.sh accept
#   GATEWAY_JAR=/path/to/other-gateway.jar bench/messaging.sh drain   # measure another build, same drivers
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
WHAT=${1:-all}

JAVA=$(find_java)
./mvnw -B -q -DskipTests package
# GATEWAY_JAR: another build of the gateway to measure with these drivers (e.g. an older commit, for a before/after).
JAR=${GATEWAY_JAR:-$(ls gateway/target/ringbridge-gateway-*-exec.jar | head -1)}
CP="bench/target/classes:$(cat bench/target/classpath.txt)"

command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
start_postgres gateway baseline
# The driver's temporary files (the gateways' data directories, the H2 baseline, process logs): gigabytes per run.
SCRATCH=$(mktemp -d)
trap 'stop_postgres; rm -rf "$SCRATCH"' EXIT
driver() {
  "$JAVA" -Xmx1g -Djava.io.tmpdir="$SCRATCH" -Dbench.java="$JAVA" -Dbench.jar="$JAR" -Dbench.seconds="${SECONDS_PER_RUN:-20}" \
    -Dbench.concurrency="${CONCURRENCY:-32}" -cp "$CP" io.ringbridge.bench.BenchMain "$@"
}
fresh_db() { run_pg "$PGBIN/dropdb -h 127.0.0.1 -p $PGPORT -U postgres --if-exists $1; $PGBIN/createdb -h 127.0.0.1 -p $PGPORT -U postgres $1"; }

case "$WHAT" in
  accept|accept-postgres|all)
    DATABASE_URL="$PG_URL_BASE/gateway?user=postgres" BASELINE_URL="$PG_URL_BASE/baseline?user=postgres" driver accept postgres ;;&
  accept|accept-h2|all)
    driver accept h2 ;;&
  drain|all)
    fresh_db gateway; DATABASE_URL="$PG_URL_BASE/gateway?user=postgres" driver drain 20000 0 1000
    fresh_db gateway; DATABASE_URL="$PG_URL_BASE/gateway?user=postgres" driver drain 10000 250 400 ;;&
  pacing|all)
    fresh_db gateway; DATABASE_URL="$PG_URL_BASE/gateway?user=postgres" driver pacing 2000 false
    fresh_db gateway; DATABASE_URL="$PG_URL_BASE/gateway?user=postgres" driver pacing 2000 true ;;
  pacing-shared)
    for run in $(seq "${RUNS:-1}"); do
      fresh_db gateway; DATABASE_URL="$PG_URL_BASE/gateway?user=postgres" driver pacing 2000 true
    done ;;
  crash)
    for run in $(seq "${RUNS:-1}"); do
      fresh_db gateway; DATABASE_URL="$PG_URL_BASE/gateway?user=postgres" driver crash 200 60
    done ;;
esac
