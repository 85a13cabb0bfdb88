#!/usr/bin/env bash
# The HTTP load run (docs/performance.md, "Load run"): seeds a fresh SQLite file with 200 products, 50 customers and
# 1,000 orders, starts the real server (Release, Production) and the raw minimal-API baseline on loopback, drives
# S1–S3 and the baseline with the `load` mode of this project, then stops the servers it started.
# Usage (from anywhere): [ALLOC=1] tests/GraphApi.Benchmarks/load-run.sh [connections] [seconds] [rounds]
set -euo pipefail
clients="${1:-32}"
seconds="${2:-8}"
rounds="${3:-2}"
# A port nobody listens on (other servers may run on this machine); PORT / RAW_PORT override.
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  return 1
}
port="${PORT:-$(free_port)}"
raw_port="${RAW_PORT:-$(free_port)}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
key="load-run-signing-key-$(date +%s%N)-0123456789abcdef"
bench="$root/tests/GraphApi.Benchmarks/bin/Release/net10.0/GraphApi.Benchmarks.dll"

dotnet build "$root/src/GraphApi" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/tests/GraphApi.Benchmarks" -c Release -v quiet -nologo >/dev/null

ASPNETCORE_ENVIRONMENT=Production \
ASPNETCORE_URLS="http://127.0.0.1:$port" \
ConnectionStrings__Database="Data Source=$work/load.db" \
Seed__SampleData=true Seed__Products=200 Seed__Customers=50 Seed__Orders=1000 \
Jwt__SigningKey="$key" \
Logging__LogLevel__Default=Warning \
  dotnet "$root/src/GraphApi/bin/Release/net10.0/GraphApi.dll" >"$work/server.log" 2>&1 &
server=$!
raw=""
trap 'kill $server $raw 2>/dev/null; wait $server $raw 2>/dev/null; rm -rf "$work"' EXIT

wait_live() { # url pid: the process we started must be the one answering
  for _ in $(seq 1 90); do
    kill -0 "$2" 2>/dev/null || break
    curl -fs "$1/health/live" >/dev/null && return 0
    sleep 1
  done
  echo "not live: $1" >&2
  cat "$work/server.log" "$work/raw.log" >&2 2>/dev/null
  return 1
}
wait_live "http://127.0.0.1:$port" "$server"

# The baseline reads the database the server created and seeded.
dotnet "$bench" raw --urls "http://127.0.0.1:$raw_port" --database "$work/load.db" >"$work/raw.log" 2>&1 &
raw=$!
wait_live "http://127.0.0.1:$raw_port" "$raw"

dotnet "$bench" load \
  --url "http://127.0.0.1:$port" --raw-url "http://127.0.0.1:$raw_port" --signing-key "$key" \
  --clients "$clients" --seconds "$seconds" --rounds "$rounds"

# ALLOC=1: one more S1-only pass of 10 s while dotnet-counters (a dotnet tool, docs/performance.md) samples the
# server's allocation rate; prints the mean allocated bytes per S1 request.
if [ "${ALLOC:-0}" = 1 ]; then
  counters="$(command -v dotnet-counters || echo "$HOME/.dotnet/tools/dotnet-counters")"
  "$counters" collect -p "$server" --counters System.Runtime --format csv -o "$work/alloc.csv" \
    --duration 00:00:00:10 >/dev/null 2>&1 &
  collector=$!
  s1="$(dotnet "$bench" load --url "http://127.0.0.1:$port" --signing-key "$key" --clients "$clients" \
    --only S1 --warmup 0 --seconds 10 --rounds 1 2>/dev/null | awk -F'|' '/^\| S1/ { gsub(/ /, "", $5); print $5 }')"
  wait "$collector" || true
  awk -F, -v rps="$s1" '/total_allocated/ { sum += $5; n++ }
    END { if (n && rps) printf "\nS1 allocations: %.0f KB per request (%.1f MB/s at %s req/s, %d s sampled)\n", sum / n / rps / 1024, sum / n / 1e6, rps, n
          else print "\nS1 allocations: no samples (is dotnet-counters installed?)" }' \
    "$work/alloc.csv" 2>/dev/null || echo "S1 allocations: no samples (is dotnet-counters installed?)"
fi
