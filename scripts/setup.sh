#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, idempotently:
# Go modules (from the module proxy), python3 (the CPython oracle) and
# Debian's python3-trio (Trio 0.22 for /usr/bin/python3, the second Trio
# oracle; the first is pyenv's CPython 3.11 with Trio 0.22.2) and Debian's
# uvloop for /usr/bin/python3 (the uvloop driver, oracle.StartUVLoop;
# Node.js 20 for oracle.StartNode comes with the machine image).
# With --tex it also installs the LaTeX packages that `make paper` needs.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v python3 >/dev/null 2>&1 || need+=(python3)
/usr/bin/python3 -I -c 'import trio' >/dev/null 2>&1 || need+=(python3-trio)
if [ ! -x /usr/bin/python3 ] || ! /usr/bin/python3 -I -c 'import uvloop' >/dev/null 2>&1; then
  need+=(python3-uvloop)
fi
if [ "${1:-}" = "--tex" ]; then
  command -v latexmk >/dev/null 2>&1 || need+=(latexmk)
  command -v pdflatex >/dev/null 2>&1 || need+=(texlive-latex-base texlive-latex-recommended)
  kpsewhich booktabs.sty >/dev/null 2>&1 || need+=(texlive-latex-recommended)
  # lmodern is only a Recommends of texlive-base, and we install without
  # recommends: ask for it by name (the paper's fonts).
  kpsewhich lmodern.sty >/dev/null 2>&1 || need+=(lmodern)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
go mod download
