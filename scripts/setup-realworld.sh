#!/usr/bin/env bash
# Installs what `make realworld` needs on a fresh machine, idempotently, on
# top of scripts/setup.sh: Debian's python3 (/usr/bin/python3) with the real
# libraries the seed thread's asker used (httpx, Flask, psycopg) and aiohttp
# and uvloop, and the PostgreSQL server binaries (the experiment starts its
# own cluster in a temporary directory; the package's default cluster is not
# used). Debian packages only, no PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

need=()
[ -x /usr/bin/python3 ] || need+=(python3)
for mod in httpx:python3-httpx flask:python3-flask psycopg:python3-psycopg aiohttp:python3-aiohttp uvloop:python3-uvloop; do
  if ! /usr/bin/python3 -c "import ${mod%%:*}" >/dev/null 2>&1; then
    need+=("${mod##*:}")
  fi
done
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup-realworld: installing ${need[*]}" >&2
  SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  # The package may create and start its default cluster; the experiment
  # does not use it (it runs its own in a temporary directory).
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
