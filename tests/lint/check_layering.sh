#!/usr/bin/env bash
# Layering rules (style.md rule 1): the protocol core never sees ODBC; ifxlite
# shares only byte-level helpers with the driver core.
set -euo pipefail
cd "$(dirname "$0")/../.."
fail=0

if grep -rnE '#include *[<"](sql|sqlext|sqltypes|sqlucode|odbcinst)\.h[>"]' driver/sqli; then
    echo "layering: driver/sqli must not include ODBC headers"; fail=1
fi
allowed='sq_buf.h|sq_rd.h|sq_wr.h|sq_alloc.h|sq_opcodes.h|sq_types.h|sq_limits.h|sq_rc.h'
bad=$(grep -rhoE '#include *"sq_[a-z_]+\.h"' server | grep -vE "\"($allowed)\"" || true)
if [ -n "$bad" ]; then
    echo "layering: server/ may only include the shared byte-level headers, found:"; echo "$bad"; fail=1
fi
if grep -rnE 'sq_(value|conn|result|response|request|login)' server --include='*.c' --include='*.h' \
        | grep -v '^server/.*:.*/\*' | grep -E '\bsq_(value|conn|result|response|request|login)_[a-z]+\(' ; then
    echo "layering: server/ calls client message or value code"; fail=1
fi
[ $fail -eq 0 ] && echo "layering: ok"
exit $fail
