#!/usr/bin/env bash
# The login flood: starts the real server (Release, Production, fresh SQLite) on loopback, floods `login` with
# login-flood.py while probing /health/live, then stops the server it started. Extra server settings go in the
# environment, e.g. RateLimits__Login__PerIpPerMinute=1000000 to flood the hashing queue instead of the address limit.
# Usage (from the repository root): tests/GraphApi.Benchmarks/login-flood-run.sh [clients] [seconds] [once|spray|spray-once]
set -euo pipefail
clients="${1:-120}"
seconds="${2:-15}"
mode="${3:-once}"
port="${PORT:-5081}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"

dotnet build "$root/src/GraphApi" -c Release -v quiet -nologo >/dev/null

ASPNETCORE_ENVIRONMENT=Production \
ASPNETCORE_URLS="http://127.0.0.1:$port" \
ConnectionStrings__Database="Data Source=$work/flood.db" \
Jwt__SigningKey="login-flood-signing-key-$(date +%s%N)-0123456789abcdef" \
Logging__LogLevel__Default=Warning \
  dotnet "$root/src/GraphApi/bin/Release/net10.0/GraphApi.dll" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health/live" >/dev/null && break
  sleep 1
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$root/tests/GraphApi.Benchmarks/login-flood.py" "http://127.0.0.1:$port" "$clients" "$seconds" "$mode"
