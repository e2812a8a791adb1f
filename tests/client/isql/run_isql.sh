#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# run_isql.sh - black-box isql tests: start ifxlite on an ephemeral port, write a
# private odbcinst.ini/odbc.ini for the built driver, run every *.sql here (or the
# ones named) through `isql -b -v -3 ifxtest` and diff against *.expected, which
# holds stdout, a "--- stderr ---" line, then stderr.
# Usage: run_isql.sh IFXLITE DRIVER_SO [script.sql ...]   (exit 77 = skipped)
set -u
IFXLITE=${1:?ifxlite path}
DRIVER=${2:?driver path}
shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
command -v isql >/dev/null 2>&1 || { echo "SKIP: isql (unixodbc) is not installed"; exit 77; }

T=$(mktemp -d /tmp/ifx_isql.XXXXXX)
SRV_PID=
cleanup() {
    [ -n "$SRV_PID" ] && kill "$SRV_PID" 2>/dev/null && wait "$SRV_PID" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
mkdir -p "$T/data" "$T/etc"
"$IFXLITE" --listen 127.0.0.1:0 --data "$T/data" --user informix:secret \
    --create-db testdb:logged --create-db plain:unlogged >"$T/srv.out" 2>"$T/srv.err" &
SRV_PID=$!
PORT=
for _ in $(seq 1 100); do
    PORT=$(sed -n 's/^listening on [^:]*:\([0-9]*\).*/\1/p' "$T/srv.out" | head -1)
    [ -n "$PORT" ] && break
    sleep 0.1
done
[ -n "$PORT" ] || { echo "ifxlite did not start"; cat "$T/srv.err"; exit 1; }

cat >"$T/etc/odbcinst.ini" <<INI
[ifxodbc]
Driver = $DRIVER
Threading = 0
INI
for dsn in ifxtest:testdb ifxplain:plain; do
    cat >>"$T/etc/odbc.ini" <<INI
[${dsn%%:*}]
Driver = ifxodbc
Server = ol_ifxlite
Host = 127.0.0.1
Service = $PORT
Database = ${dsn#*:}
UID = informix
PWD = secret

INI
done
export ODBCSYSINI="$T/etc" ODBCINSTINI=odbcinst.ini ODBCINI="$T/etc/odbc.ini" ODBCSEARCH=ODBC_BOTH_DSN

if [ $# -eq 0 ]; then
    set -- "$HERE"/*.sql
fi
fail=0
for sql in "$@"; do
    name=$(basename "$sql" .sql)
    dsn=ifxtest
    case "$name" in plain_*) dsn=ifxplain ;; esac
    timeout 60 isql -b -v -3 "$dsn" <"$sql" >"$T/$name.out" 2>"$T/$name.err"
    { cat "$T/$name.out"; echo "--- stderr ---"; cat "$T/$name.err"; } >"$T/$name.got"
    [ -n "${IFX_ISQL_BLESS:-}" ] && cp "$T/$name.got" "${sql%.sql}.expected"
    if diff -u "${sql%.sql}.expected" "$T/$name.got"; then
        echo "PASS $name"
    else
        echo "FAIL $name"
        fail=1
    fi
done
exit $fail
