#!/usr/bin/env bash
# Install the Debian packages the build, the tests and the demo need.
# Does nothing when they are all present; uses sudo when not root.
set -euo pipefail

PKGS=(build-essential cmake pkg-config check libsqlite3-dev libssl-dev
      unixodbc unixodbc-dev odbcinst python3 python3-pyodbc
      libdbd-odbc-perl php-cli php-odbc)
PKGS+=(openssl) # TLS (onsocssl): the CLI for making certificates (the tests use libssl's API)

missing=()
for p in "${PKGS[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
