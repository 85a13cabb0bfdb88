#!/usr/bin/env bash
# The subscription fan-out run: builds the server and this project (Release), then the `fanout` mode starts a fresh
# server per subscriber count (Production, SQLite temp file with sample data, a bootstrapped admin, 127.0.0.1 on a
# free port), measures, and stops the server it started.
# Usage (from anywhere): tests/GraphApi.Benchmarks/fanout-run.sh [counts] [rounds] [selection] [init-timeout-seconds]
#   e.g. tests/GraphApi.Benchmarks/fanout-run.sh 1,1000,10000 5 lean 60
# The init timeout (server default 10 s) is raised by default: while thousands of sockets connect on a saturated
# 2-core machine, a connection_init can wait longer than 10 s and the server rightly closes it with 4408.
set -euo pipefail
counts="${1:-1,1000,10000}"
rounds="${2:-5}"
selection="${3:-lean}"
init_timeout="${4:-60}"
root="$(cd "$(dirname "$0")/../.." && pwd)"

# Every socket is a file descriptor on both sides (client and server inherit this shell's limit).
ulimit -n "$(ulimit -Hn)"

dotnet build "$root/src/GraphApi" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/tests/GraphApi.Benchmarks" -c Release -v quiet -nologo >/dev/null

dotnet "$root/tests/GraphApi.Benchmarks/bin/Release/net10.0/GraphApi.Benchmarks.dll" fanout \
  --server-dll "$root/src/GraphApi/bin/Release/net10.0/GraphApi.dll" \
  --counts "$counts" --rounds "$rounds" --selection "$selection" --init-timeout "$init_timeout"
