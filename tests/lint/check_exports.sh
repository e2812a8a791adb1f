#!/usr/bin/env bash
# check_exports.sh LIB - style.md rule 8: the symbols libifxodbc.so exports
# (nm -D), driver/exports.txt, and the functions SQLGetFunctions reports must
# agree. Every W export needs its ANSI form exported too.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
lib="${1:?usage: check_exports.sh path/to/libifxodbc.so}"
exports="$here/driver/exports.txt"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0

grep -E '^SQL[A-Za-z]+$' "$exports" | sort -u > "$tmp/listed"
nm -D --defined-only "$lib" | awk '$2 ~ /^[TtWiV]$/ {print $3}' | sed 's/@.*//' | sort -u > "$tmp/exported"

if ! diff -u "$tmp/listed" "$tmp/exported" > "$tmp/diff1"; then
    echo "exports: nm -D of $lib differs from driver/exports.txt (- listed, + exported):"
    grep -E '^[-+]SQL' "$tmp/diff1" || true
    fail=1
fi

# W functions need their ANSI twin.
while read -r w; do
    base="${w%W}"
    grep -qx "$base" "$tmp/listed" || { echo "exports: $w without $base"; fail=1; }
done < <(grep -E 'W$' "$tmp/listed" || true) # no ANSI ODBC function name ends in W

# SQLGetFunctions' bitmap (SQL_API_ODBC3_ALL_FUNCTIONS) vs the non-W exports.
grep -hE '^#define[[:space:]]+SQL_API_SQL[A-Z]+[[:space:]]+[0-9]+' \
    /usr/include/sql.h /usr/include/sqlext.h | awk '{print $2, $3}' > "$tmp/ids"
preload=""
if ldd "$lib" 2>/dev/null | grep -q libasan; then
    preload="$(cc -print-file-name=libasan.so)"
fi
if ! LD_PRELOAD="$preload" ASAN_OPTIONS=detect_leaks=0 python3 - "$lib" "$tmp/ids" > "$tmp/claimed" <<'PY'
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
for fn in ("SQLAllocHandle", "SQLSetEnvAttr", "SQLGetFunctions", "SQLFreeHandle"):
    getattr(lib, fn).restype = ctypes.c_short
ids = {}
for line in open(sys.argv[2]):
    name, num = line.split()
    ids.setdefault(int(num), name[len("SQL_API_"):])
env, dbc = ctypes.c_void_p(), ctypes.c_void_p()
assert lib.SQLAllocHandle(1, None, ctypes.byref(env)) == 0
assert lib.SQLSetEnvAttr(env, 200, ctypes.c_void_p(3), 0) == 0
assert lib.SQLAllocHandle(2, env, ctypes.byref(dbc)) == 0
bitmap = (ctypes.c_ushort * 250)()
assert lib.SQLGetFunctions(dbc, 999, bitmap) == 0
for fid in range(250 * 16):
    if bitmap[fid >> 4] & (1 << (fid & 15)):
        print(ids.get(fid, "UNKNOWN_%d" % fid))
lib.SQLFreeHandle(2, dbc)
lib.SQLFreeHandle(1, env)
PY
then
    echo "exports: could not call SQLGetFunctions through $lib"; exit 1
fi
sort -u "$tmp/claimed" > "$tmp/claimed.s"
grep -vE 'W$' "$tmp/listed" | tr '[:lower:]' '[:upper:]' | sort -u > "$tmp/listed_ansi"
if ! diff -u "$tmp/listed_ansi" "$tmp/claimed.s" > "$tmp/diff2"; then
    echo "exports: SQLGetFunctions differs from the ANSI names in exports.txt (- listed, + claimed):"
    grep -E '^[-+]SQL|^[-+]UNKNOWN' "$tmp/diff2" || true
    fail=1
fi
[ $fail -eq 0 ] && echo "exports: ok ($(wc -l < "$tmp/listed") symbols)"
exit $fail
