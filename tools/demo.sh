#!/usr/bin/env bash
# demo.sh - the README's demo: install dependencies, build (Release) into
# build/demo, start ifxlite with a small shop database (customers, orders,
# items from tools/demo.sql), write a private odbcinst.ini / odbc.ini under
# ./demo (no root changes), and query the DSN "ifxdemo" with unixODBC's isql.
# Idempotent: every run starts from a fresh ./demo/data.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "== dependencies"
bash tools/install-deps.sh

echo "== build (Release) into build/demo"
cmake -S . -B build/demo -DCMAKE_BUILD_TYPE=Release -DIFX_BUILD_TESTS=OFF > build-demo.log 2>&1 ||
    { cat build-demo.log; exit 1; }
cmake --build build/demo -j2 --target ifxlite ifxodbc ifxsql >> build-demo.log 2>&1 ||
    { tail -40 build-demo.log; exit 1; }
rm -f build-demo.log
ifxlite="$root/build/demo/server/ifxlite"
driver="$root/build/demo/driver/api/libifxodbc.so"
ifxsql="$(find "$root/build/demo" -name ifxsql -type f -perm -u+x | head -n 1)"

demo="$root/demo"
rm -rf "$demo/data"
mkdir -p "$demo/data"

echo "== start ifxlite"
"$ifxlite" --listen 127.0.0.1:0 --data "$demo/data" --user informix:secret \
    --create-db shop:logged > "$demo/ifxlite.out" 2> "$demo/ifxlite.log" &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap cleanup EXIT
port=""
for _ in $(seq 1 100); do
    port="$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$demo/ifxlite.out" 2>/dev/null || true)"
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$demo/ifxlite.log"; exit 1; }
    sleep 0.1
done
[ -n "$port" ] || { echo "ifxlite did not start"; cat "$demo/ifxlite.log"; exit 1; }
echo "ifxlite (pid $pid) listens on 127.0.0.1:$port"

echo "== load tools/demo.sql"
"$ifxsql" -h 127.0.0.1 -p "$port" -u informix -P secret -d shop -f tools/demo.sql > /dev/null

echo "== write demo/odbcinst.ini and demo/odbc.ini"
cat > "$demo/odbcinst.ini" <<INI
[ifxodbc]
Description = Informix ODBC driver (SQLI)
Driver      = $driver
Threading   = 0
INI
cat > "$demo/odbc.ini" <<INI
[ifxdemo]
Driver   = ifxodbc
Server   = ol_ifxlite
Host     = 127.0.0.1
Service  = $port
Protocol = onsoctcp
Database = shop
UID      = informix
PWD      = secret
INI
export ODBCSYSINI="$demo" ODBCINSTINI=odbcinst.ini ODBCINI="$demo/odbc.ini"

echo "== isql -v ifxdemo"
query="SELECT c.lname, c.city, i.description, o.quantity FROM customers c, orders o, items i WHERE o.customer_num = c.customer_num AND o.item_num = i.item_num ORDER BY o.order_num"
echo "$query" | isql -v -b ifxdemo 2> "$demo/isql.err" | tee "$demo/isql.out"
if grep -q '\[ISQL\]ERROR' "$demo/isql.err" || ! grep -q 'rows fetched' "$demo/isql.out"; then
    cat "$demo/isql.err"
    echo "demo: the isql query failed"
    exit 1
fi

cat <<MSG

Done. To try it yourself (ifxlite is stopped now; start it again with the
same data):
  $ifxlite --listen 127.0.0.1:$port --data $demo/data --user informix:secret &
  export ODBCSYSINI=$demo ODBCINSTINI=odbcinst.ini ODBCINI=$demo/odbc.ini
  isql -v ifxdemo
MSG
