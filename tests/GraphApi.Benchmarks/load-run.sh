#!/usr/bin/env bash
# The HTTP load run: starts the real server (Release, Production, SQLite with sample data) on loopback,
# drives it with the `load` mode of this project, then stops the server it started.
# Usage (from the repository root): tests/GraphApi.Benchmarks/load-run.sh [clients] [seconds]
set -euo pipefail
clients="${1:-8}"
seconds="${2:-20}"
port="${PORT:-5080}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
key="load-run-signing-key-$(date +%s%N)-0123456789abcdef"

dotnet build "$root/src/GraphApi" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/tests/GraphApi.Benchmarks" -c Release -v quiet -nologo >/dev/null

ASPNETCORE_ENVIRONMENT=Production \
ASPNETCORE_URLS="http://127.0.0.1:$port" \
ConnectionStrings__Database="Data Source=$work/load.db" \
Seed__SampleData=true \
Jwt__SigningKey="$key" \
Logging__LogLevel__Default=Warning \
  dotnet "$root/src/GraphApi/bin/Release/net10.0/GraphApi.dll" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health/live" >/dev/null && break
  sleep 1
done

dotnet "$root/tests/GraphApi.Benchmarks/bin/Release/net10.0/GraphApi.Benchmarks.dll" load \
  --url "http://127.0.0.1:$port" --signing-key "$key" \
  --clients "$clients" --seconds "$seconds"
