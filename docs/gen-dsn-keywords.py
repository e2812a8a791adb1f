#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# gen-dsn-keywords.py - regenerate docs/dsn-keywords.md from driver/odbc/dsn.c's keyword
# table (run from the repository root). it_setup fails when the two disagree.
import re
s=open('driver/odbc/dsn.c').read()
t=s[s.index('static const struct dsn_keyword keywords'):s.index('/* clang-format on */')]
parts=re.split(r'\n\s*\[DSN_KW_\w+\] = \{', t)[1:]
rows=[]
for b in parts:
    name=re.search(r'\.name\s*=\s*"([^"]+)"',b).group(1)
    al=re.search(r'\.aliases = \{([^}]*)\}',b).group(1)
    aliases=re.findall(r'"([^"]+)"',al)
    d=re.search(r'\.def = (NULL|"[^"]*")',b).group(1)
    d='' if d=='NULL' else d.strip('"')
    kind=re.search(r'\.kind = (\w+)',b).group(1)
    secret='true' in re.search(r'\.is_secret = (\w+)',b).group(1)
    hm=re.search(r'\.help = ((?:"(?:[^"\\]|\\.)*"\s*)+)',b)
    help=''.join(re.findall(r'"((?:[^"\\]|\\.)*)"',hm.group(1))).replace('\\"','"')
    rows.append((name,aliases,d,kind,secret,help))
kinds={'DSN_K_STRING':'text','DSN_K_BOOL':'boolean','DSN_K_UINT':'number','DSN_K_PROTOCOL':'onsoctcp / onsocssl','DSN_K_SERVICE':'port or service name','DSN_K_TLS_VERIFY':'full / insecure-no-verify'}
out=["# DSN keyword reference","",
"Every keyword the driver accepts in odbc.ini and in connection strings. This",
"table is checked against the driver's keyword table (`driver/odbc/dsn.c`) by",
"the `it_setup` test, so it cannot drift: each row's keyword, aliases and",
"default must match the table, in table order. Keywords compare",
"case-insensitively; IBM's short forms are accepted as aliases, so an odbc.ini",
"written for IBM's Informix ODBC driver works unchanged. For a repeated",
"keyword the first occurrence wins; connection-string values override",
"odbc.ini values. `odbcinst -q -d`-style tools show the same list with help",
"texts through the setup library (libifxodbcS.so).","",
"Booleans accept y/n, yes/no, 1/0, true/false, on/off.","",
"| Keyword | Aliases | Default | Kind | Description |","|---|---|---|---|---|"]
for name,aliases,d,kind,secret,help in rows:
    out.append("| `%s` | %s | %s | %s | %s |"%(name, ", ".join("`%s`"%a for a in aliases) or "-", "`%s`"%d if d else "-", kinds[kind]+(" (secret)" if secret else ""), help.replace("|","\\|")))
out+=["",
"## Notes","",
"- `PWD` is never written into the completed connection string and is",
"  redacted from logs and traces.",
"- Without `Host`/`Service`, `Server` (default: the `INFORMIXSERVER`",
"  environment variable) is looked up in the sqlhosts file: `SQLHOSTS`, else",
"  `$INFORMIXSQLHOSTS`, else `$INFORMIXDIR/etc/sqlhosts`. A group entry is",
"  tried member by member (each within `LoginTimeout`). See",
"  [migrating-from-ibm.md](migrating-from-ibm.md).",
"- `Host` may be a list: `Host=db1,db2:9089,[::1]:9090`; an item without a",
"  port uses `Service`. The hosts are tried in order, as a group is.",
"- `Trace=1` writes a trace to `TraceFile` (default",
"  `/tmp/ifxodbc_trace.log`): every ODBC call into the driver (handle, key",
"  arguments, return code, each diagnostic's SQLSTATE, native error and",
"  message) and every protocol message of the session, one line each. The",
"  environment variable `IFXODBC_TRACE=path` does the same for the whole",
"  process, and `IFXODBC_TRACE_HEX=1` adds the bytes of each message in",
"  hex. The login packet is never dumped; `PWD` shows as `***`.",""]
open('docs/dsn-keywords.md','w').write("\n".join(out))
