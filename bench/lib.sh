# Shared helpers for the benchmark scripts (sourced, not run).

# A java >= 21 for running the gateway jar: $JAVA_HOME if it is new enough, else the newest JDK under /usr/lib/jvm.
find_java() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
    [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$candidate/bin/java"
      return 0
    fi
  done
  echo "No JDK >= 21 found (set JAVA_HOME)" >&2
  return 1
}

wait_for_http() {
  local url=$1 tries=${2:-120}
  for _ in $(seq 1 "$tries"); do
    curl -fs "$url" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "Timed out waiting for $url" >&2
  return 1
}

# wrk's summary for one URL: "<requests/s> <p50> <p99>" (latencies as wrk prints them, e.g. 1.23ms).
wrk_run() {
  local duration=$1 connections=$2 url=$3; shift 3
  local out
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$@" "$url")
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  local non2xx
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  if [ -n "$non2xx" ]; then
    echo "wrk saw $non2xx non-2xx answers from $url" >&2
    return 1
  fi
  echo "$rps $p50 $p99"
}

# A throw-away PostgreSQL cluster (Debian's server binaries; installed if missing) on port $PGPORT.
# Sets PG_URL_BASE (append a database name). Stop it with stop_postgres.
PGPORT=${PGPORT:-55432}
start_postgres() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/postgres" ]; then
    apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  PGDIR=$(mktemp -d)
  PG_AS_POSTGRES=""
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PGDIR"; PG_AS_POSTGRES=yes; fi
  run_pg "$PGBIN/initdb -D $PGDIR/data -A trust -U postgres" >/dev/null
  run_pg "$PGBIN/pg_ctl -D $PGDIR/data -l $PGDIR/log -w -o '-p $PGPORT -k $PGDIR -c max_connections=300 -c shared_buffers=256MB' start" >/dev/null
  PG_URL_BASE="jdbc:postgresql://127.0.0.1:$PGPORT"
  for db in "$@"; do run_pg "$PGBIN/createdb -h 127.0.0.1 -p $PGPORT -U postgres $db"; done
}
# Runs a command line as the cluster's owner (root may not run PostgreSQL).
run_pg() { if [ -n "${PG_AS_POSTGRES:-}" ]; then su postgres -c "$*"; else sh -c "$*"; fi; }
stop_postgres() {
  [ -n "${PGDIR:-}" ] || return 0
  run_pg "$PGBIN/pg_ctl -D $PGDIR/data -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
