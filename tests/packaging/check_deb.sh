#!/usr/bin/env bash
# check_deb.sh BUILD_DIR - build the .deb with cpack and inspect it with
# dpkg-deb: the driver, setup library, header, docs, the odbcinst template,
# and maintainer scripts that register (postinst) and unregister (prerm) the
# driver with odbcinst. Does not install the package.
set -euo pipefail
build="${1:?usage: check_deb.sh BUILD_DIR}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cd "$build"
cpack -G DEB -B "$out" > "$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
deb="$(ls "$out"/*.deb | head -1)"
[ -f "$deb" ] || { echo "no .deb produced"; exit 1; }
fail=0
contents="$(dpkg-deb -c "$deb")"
for f in lib/odbc/libifxodbc.so lib/odbc/libifxodbcS.so share/ifxodbc/odbcinst.ini.template \
         share/doc/ifxodbc/odbcinst.ini.sample share/doc/ifxodbc/README.md \
         share/doc/ifxodbc/dsn-keywords.md bin/ifxlite; do
    grep -q "\./usr/$f\$" <<< "$contents" || { echo "missing in package: /usr/$f"; fail=1; }
done
src="$(cd "$(dirname "$0")/../.." && pwd)"
if [ -f "$src/include/sqlifx.h" ]; then
    grep -q '\./usr/include/sqlifx.h$' <<< "$contents" || { echo "missing: /usr/include/sqlifx.h"; fail=1; }
fi
info="$(dpkg-deb -I "$deb")"
grep -q "Package: ifxodbc" <<< "$info" || { echo "bad control: $info"; fail=1; }
grep -q "Depends:.*odbcinst" <<< "$info" || { echo "no odbcinst dependency"; fail=1; }
dpkg-deb -e "$deb" "$out/ctl"
grep -q 'odbcinst -i -d -f /usr/share/ifxodbc/odbcinst.ini.template' "$out/ctl/postinst" ||
    { echo "postinst does not register the driver"; fail=1; }
grep -q 'odbcinst -u -d -n ifxodbc' "$out/ctl/prerm" ||
    { echo "prerm does not unregister the driver"; fail=1; }
[ -x "$out/ctl/postinst" ] && [ -x "$out/ctl/prerm" ] || { echo "scripts not executable"; fail=1; }
dpkg-deb -x "$deb" "$out/root"
grep -q '^Driver *= /usr/lib/odbc/libifxodbc.so$' "$out/root/usr/share/ifxodbc/odbcinst.ini.template" ||
    { echo "template Driver path wrong"; fail=1; }
# The registration the postinst performs, against a private odbcinst.ini.
mkdir -p "$out/sys"
: > "$out/sys/odbcinst.ini"
ODBCSYSINI="$out/sys" odbcinst -i -d -f "$out/root/usr/share/ifxodbc/odbcinst.ini.template" >/dev/null
ODBCSYSINI="$out/sys" odbcinst -q -d | grep -qx '\[ifxodbc\]' || { echo "odbcinst -q -d misses it"; fail=1; }
ODBCSYSINI="$out/sys" odbcinst -u -d -n ifxodbc >/dev/null
if ODBCSYSINI="$out/sys" odbcinst -q -d | grep -qx '\[ifxodbc\]'; then
    echo "still registered after odbcinst -u"; fail=1
fi
exit $fail
