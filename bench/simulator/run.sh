#!/usr/bin/env bash
# Benchmark: the RingCentral simulator alone, POST .../sms with rate limits off, driven by wrk from a separate
# process on loopback. Builds, starts SimulatorMain, logs a user in through the real OAuth flow, warms up,
# measures, prints requests/s and p50/p99 latency and whether the 5,000 requests/s target was met.
#
# Usage: bench/simulator/run.sh [duration-seconds (20)] [connections (64)] [threads (2)]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20}"
CONNECTIONS="${2:-64}"
THREADS="${3:-2}"
TARGET=5000
OUT=bench/out/simulator
mkdir -p "$OUT"

JAVA_BIN="${JAVA_BIN:-}"
if [[ -z "$JAVA_BIN" ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java "${JAVA_HOME:-}/bin/java" "$(command -v java || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then JAVA_BIN="$candidate"; break; fi
  done
fi
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)"; exit 1; }

echo "== build"
./mvnw -B -q -DskipTests -pl simulator package
SIM_JAR=$(ls simulator/target/ringbridge-simulator-*-exec.jar | head -1)

echo "== start simulator (limits off)"
"$JAVA_BIN" -Xms1g -Xmx2g -XX:+UseZGC -jar "$SIM_JAR" --port 0 --no-limits \
  >"$OUT/simulator.log" 2>&1 &
SIM_PID=$!
trap 'kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true' EXIT
BASE=""
for _ in $(seq 1 100); do
  BASE="$(grep -o 'listening on http://[^ ]*' "$OUT/simulator.log" | awk '{print $3}' || true)"
  [[ -n "$BASE" ]] && break
  sleep 0.2
done
[[ -n "$BASE" ]] || { echo "simulator did not start"; cat "$OUT/simulator.log"; exit 1; }
echo "simulator at $BASE"

echo "== obtain a token through the OAuth flow"
REDIRECT="http://localhost:8080/connect/ringcentral/callback"
PAGE="$(curl -s "$BASE/restapi/oauth/authorize?response_type=code&client_id=demo-client-id&redirect_uri=$(printf %s "$REDIRECT" | jq -sRr @uri)&state=bench")"
REQUEST_ID="$(printf '%s' "$PAGE" | grep -o 'name="request_id" value="[^"]*"' | sed 's/.*value="//;s/"$//')"
LOCATION="$(curl -s -o /dev/null -w '%{redirect_url}' -X POST "$BASE/restapi/oauth/consent" \
  --data-urlencode "request_id=$REQUEST_ID" --data-urlencode "user=400000001:400000101" --data-urlencode "decision=approve")"
CODE="$(printf '%s' "$LOCATION" | sed 's/.*[?&]code=\([^&]*\).*/\1/')"
TOKEN="$(curl -s -u demo-client-id:demo-client-secret -X POST "$BASE/restapi/oauth/token" \
  --data-urlencode grant_type=authorization_code --data-urlencode "code=$CODE" --data-urlencode "redirect_uri=$REDIRECT" \
  | jq -r .access_token)"
[[ -n "$TOKEN" && "$TOKEN" != null ]] || { echo "no token"; exit 1; }
export TOKEN
URL="$BASE/restapi/v1.0/account/~/extension/~/sms"
curl -s -o /dev/null -w 'probe: HTTP %{http_code}\n' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"from":{"phoneNumber":"+16505550101"},"to":[{"phoneNumber":"+14155550100"}],"text":"probe"}' "$URL"

echo "== warm-up (10 s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s bench/simulator/sms.lua "$URL" >"$OUT/warmup.txt"

echo "== measure (${DURATION} s, ${CONNECTIONS} connections, ${THREADS} threads)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/simulator/sms.lua "$URL" | tee "$OUT/wrk.txt"

RPS="$(awk '/^Requests\/sec:/ {print $2}' "$OUT/wrk.txt")"
P50="$(awk '/^ +50%/ {print $2}' "$OUT/wrk.txt")"
P99="$(awk '/^ +99%/ {print $2}' "$OUT/wrk.txt")"
ERRORS="$(awk '/Non-2xx/ {print $5}' "$OUT/wrk.txt")"
echo
echo "requests/s: $RPS   p50: $P50   p99: $P99   non-2xx: ${ERRORS:-0}"
echo "RESULT simulator alone: POST .../sms $RPS /s | reference, none: this is the drain benchmark's reference"
if awk -v r="$RPS" -v t="$TARGET" 'BEGIN {exit !(r >= t)}'; then
  echo "target >= $TARGET requests/s: MET"
else
  echo "target >= $TARGET requests/s: NOT MET"
  exit 2
fi
