#!/usr/bin/env bash
# The subscription fan-out run: builds the server and this project (Release), then the `fanout` mode starts a fresh
# server per subscriber count (Production, SQLite temp file with sample data, a bootstrapped admin, 127.0.0.1 on a
# free port), subscribes N ADMIN sockets to `orderEvents { kind order { id status total } }`, places orders one by
# one, prints last-subscriber p50/p99 and KiB per idle socket, and stops the server it started.
# Usage (from anywhere): tests/GraphApi.Benchmarks/fanout-run.sh [counts] [orders] [init-timeout-seconds] [results-file]
#   e.g. tests/GraphApi.Benchmarks/fanout-run.sh 1,1000,2000,10000 8 10 /tmp/after.tsv
# The init timeout defaults to the server's own (10 s). With two results files (before/after), draw the chart:
#   dotnet tests/GraphApi.Benchmarks/bin/Release/net10.0/GraphApi.Benchmarks.dll fanout-chart \
#     --before /tmp/before.tsv --after /tmp/after.tsv --out docs/fanout.svg
# SERVER_DLL=path/GraphApi.dll measures another build of the server (e.g. the commit before a change).
set -euo pipefail
counts="${1:-1,1000,2000,10000}"
orders="${2:-8}"
init_timeout="${3:-10}"
results="${4:-}"
root="$(cd "$(dirname "$0")/../.." && pwd)"

# Every socket is a file descriptor on both sides (client and server inherit this shell's limit).
ulimit -n "$(ulimit -Hn)"

server_dll="${SERVER_DLL:-}"
if [ -z "$server_dll" ]; then
  dotnet build "$root/src/GraphApi" -c Release -v quiet -nologo >/dev/null
  server_dll="$root/src/GraphApi/bin/Release/net10.0/GraphApi.dll"
fi
dotnet build "$root/tests/GraphApi.Benchmarks" -c Release -v quiet -nologo >/dev/null

extra=()
if [ -n "$results" ]; then extra=(--results "$results"); fi
dotnet "$root/tests/GraphApi.Benchmarks/bin/Release/net10.0/GraphApi.Benchmarks.dll" fanout \
  --server-dll "$server_dll" --counts "$counts" --orders "$orders" --warmup-orders "${WARMUP_ORDERS:-2}" \
  --warmup-alone "${WARMUP_ALONE:-200}" \
  --init-timeout "$init_timeout" "${extra[@]}"
