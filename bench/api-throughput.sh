#!/usr/bin/env bash
# API throughput: authenticated GET /v1/apps versus GET /health (the reference), measured side by side in one run
# by wrk, a separate load-generating process on loopback. Prints both throughputs, p50/p99 and the ratio
# apps / health (target >= 0.7), and ends with one RESULT line like the messaging benchmarks'.
#
# The gateway runs as a user would start it (the packaged jar, embedded H2 database, default settings) except
# that the per-key request budget is raised so the limiter counts every request without refusing any:
# the benchmark measures the cost of authenticating and limiting, not the 429 path.
#
#   bench/api-throughput.sh                 # 20 s per measurement, 2 rounds
#   DURATION=30s ROUNDS=3 bench/api-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-18080}

JAVA=$(find_java)
./mvnw -B -q -DskipTests package
JAR=$(ls gateway/target/ringbridge-gateway-*-exec.jar | head -1)
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

"$JAVA" -jar "$JAR" --server.port="$PORT" --ringbridge.data-dir="$WORK/data" \
  --ringbridge.limits.app-requests-per-minute=2000000000 >"$WORK/gateway.log" 2>&1 &
PID=$!
wait_for_http "http://127.0.0.1:$PORT/health"
KEY=$(grep -o 'sgw_[0-9a-f]\{32\}' "$WORK/gateway.log" | head -1)
[ -n "$KEY" ] || { echo "No bootstrap key printed" >&2; exit 1; }

HEALTH="http://127.0.0.1:$PORT/health"
APPS="http://127.0.0.1:$PORT/v1/apps"
AUTH=(-H "Authorization: Bearer $KEY")

echo "Warming up ($WARMUP each)..."
wrk_run "$WARMUP" "$CONNECTIONS" "$HEALTH" >/dev/null
wrk_run "$WARMUP" "$CONNECTIONS" "$APPS" "${AUTH[@]}" >/dev/null

health_sum=0; apps_sum=0
for round in $(seq 1 "$ROUNDS"); do
  read -r h_rps h_p50 h_p99 < <(wrk_run "$DURATION" "$CONNECTIONS" "$HEALTH")
  read -r a_rps a_p50 a_p99 < <(wrk_run "$DURATION" "$CONNECTIONS" "$APPS" "${AUTH[@]}")
  printf 'round %d  GET /health   %10.0f req/s  p50 %-8s p99 %s\n' "$round" "$h_rps" "$h_p50" "$h_p99"
  printf 'round %d  GET /v1/apps  %10.0f req/s  p50 %-8s p99 %s\n' "$round" "$a_rps" "$a_p50" "$a_p99"
  health_sum=$(echo "$health_sum + $h_rps" | bc -l); apps_sum=$(echo "$apps_sum + $a_rps" | bc -l)
done
ratio=$(echo "$apps_sum / $health_sum" | bc -l)
printf 'mean    GET /health %.0f req/s, GET /v1/apps %.0f req/s\n' "$(echo "$health_sum / $ROUNDS" | bc -l)" "$(echo "$apps_sum / $ROUNDS" | bc -l)"
printf 'ratio   apps/health = %.2f (target >= 0.70): %s\n' "$ratio" "$(echo "$ratio >= 0.7" | bc -l | sed 's/1/PASS/;s/0/FAIL/')"
printf '\nRESULT api: GET /v1/apps %.1f /s | reference, GET /health %.1f /s | ratio %.2f\n' \
  "$(echo "$apps_sum / $ROUNDS" | bc -l)" "$(echo "$health_sum / $ROUNDS" | bc -l)" "$ratio"
