#!/usr/bin/env bash
# The HTTP load run (docs/performance.md, "Load run"): seeds a fresh SQLite file with 200 products, 50 customers and
# 1,000 orders, starts the real server (Release, Production), the raw minimal-API baseline and, when node and npm are
# on PATH, the Node comparison server (Load/NodeBaseline: Mercurius + graphql-jit, `npm ci` first) on loopback, all on
# that one file; drives S1–S3 against ours and Node's and the baseline with the `load` mode of this project, rounds
# interleaved, and prints ours ÷ Node and S1 ÷ raw from this one run; then stops the servers it started.
# Both servers write to the file in S3, one scenario at a time (the products are restocked to 1,000,000 first).
# Usage (from anywhere): [ALLOC=1] [NODE=0] tests/GraphApi.Benchmarks/load-run.sh [connections] [seconds] [rounds]
#   NODE=0 skips the Node server; NODE_WORKERS=2 runs it as 2 processes (node:cluster, default 1: the usual
#   single-process Mercurius figure); WARMUP=12 warms each scenario 12 s instead of 3 (the JIT settles later than
#   3 s on two busy cores); PORT / RAW_PORT / NODE_PORT pick ports.
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
node_port="${NODE_PORT:-$(free_port)}"
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
node_server=""
trap 'kill $server $raw $node_server 2>/dev/null; wait $server $raw $node_server 2>/dev/null; rm -rf "$work"' EXIT

wait_live() { # url pid: the process we started must be the one answering
  for _ in $(seq 1 90); do
    kill -0 "$2" 2>/dev/null || break
    curl -fs "$1/health/live" >/dev/null && return 0
    sleep 1
  done
  echo "not live: $1" >&2
  cat "$work/server.log" "$work/raw.log" "$work/node.log" >&2 2>/dev/null
  return 1
}
wait_live "http://127.0.0.1:$port" "$server"

# The baseline reads the database the server created and seeded.
dotnet "$bench" raw --urls "http://127.0.0.1:$raw_port" --database "$work/load.db" >"$work/raw.log" 2>&1 &
raw=$!
wait_live "http://127.0.0.1:$raw_port" "$raw"

# The Node comparison server reads and writes the same file.
node_args=()
if [ "${NODE:-1}" != 0 ] && command -v node >/dev/null && command -v npm >/dev/null; then
  node_dir="$root/tests/GraphApi.Benchmarks/Load/NodeBaseline"
  # npm ci compiles better-sqlite3 (about a minute): skipped while the installed tree is newer than the lock.
  if [ ! "$node_dir/node_modules/.package-lock.json" -nt "$node_dir/package-lock.json" ]; then
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1) \
      || { cat "$work/npm.log" >&2; exit 1; }
  fi
  node "$node_dir/server.mjs" --port "$node_port" --database "$work/load.db" --signing-key "$key" \
    --workers "${NODE_WORKERS:-1}" >"$work/node.log" 2>&1 &
  node_server=$!
  wait_live "http://127.0.0.1:$node_port" "$node_server"
  node_args=(--node-url "http://127.0.0.1:$node_port")
else
  echo "Node comparison skipped (NODE=0, or node/npm not on PATH)." >&2
fi

dotnet "$bench" load \
  --url "http://127.0.0.1:$port" --raw-url "http://127.0.0.1:$raw_port" "${node_args[@]}" --signing-key "$key" \
  --clients "$clients" --seconds "$seconds" --rounds "$rounds" --warmup "${WARMUP:-3}"

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
