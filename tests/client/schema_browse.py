# SPDX-License-Identifier: MIT
# schema_browse.py - walks a database as a BI tool's schema browser does:
# catalogs, schemas, every table and view, its columns, primary key, foreign
# keys (both ways) and indexes, through pyodbc's catalog calls (the W entry
# points), checking that the answers agree with each other, and that isql's
# "help" command (SQLTables / SQLColumns through unixODBC) lists the same.
# Env: IFXLITE_PATH, IFXODBC_DRIVER_PATH.  Exit 0 ok, 1 failure, 77 skipped.
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import pyodbc
except ImportError:  # pragma: no cover
    print("SKIP: python3-pyodbc is not installed")
    sys.exit(77)

SCHEMA = [
    "create table region (rid integer not null, code char(2) not null, rname varchar(30),"
    " primary key (rid, code))",
    "create table store (sid serial primary key, rid integer, code char(2), opened date,"
    " area decimal(8,1), foreign key (rid, code) references region)",
    "create table sale (id int8 not null, sid integer references store, amount money(12,2),"
    " at datetime year to second, primary key (id))",
    "create unique index sale_at on sale (sid, at)",
    "create index sale_amount on sale (amount desc)",
    "create view big_sale as select id, amount from sale where amount > 1000",
]

FAILS = []


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL:", what)


def start():
    ifxlite = os.environ.get("IFXLITE_PATH")
    driver = os.environ.get("IFXODBC_DRIVER_PATH")
    if not ifxlite or not driver:
        print("SKIP: IFXLITE_PATH / IFXODBC_DRIVER_PATH not set")
        sys.exit(77)
    tmp = tempfile.mkdtemp(prefix="ifx_browse.")
    os.makedirs(os.path.join(tmp, "data"))
    out = open(os.path.join(tmp, "srv.out"), "w+")  # noqa: SIM115 (lives with the server)
    srv = subprocess.Popen([ifxlite, "--listen", "127.0.0.1:0", "--data",
                            os.path.join(tmp, "data"), "--user", "informix:secret",
                            "--create-db", "shop:logged"],
                           stdout=out, stderr=subprocess.DEVNULL)
    port = None
    for _ in range(100):
        out.seek(0)
        m = re.search(r"listening on [^:]+:(\d+)", out.read())
        if m:
            port = int(m.group(1))
            break
        time.sleep(0.1)
    if port is None:
        srv.terminate()
        raise RuntimeError("ifxlite did not start")
    with open(os.path.join(tmp, "odbcinst.ini"), "w") as f:
        f.write("[ifxodbc]\nDriver = %s\nThreading = 0\n" % driver)
    with open(os.path.join(tmp, "odbc.ini"), "w") as f:
        f.write("[shop]\nDriver = ifxodbc\nServer = ol_ifxlite\nHost = 127.0.0.1\n"
                "Service = %d\nDatabase = shop\nUID = informix\nPWD = secret\n" % port)
    os.environ["ODBCSYSINI"] = tmp
    os.environ["ODBCINSTINI"] = "odbcinst.ini"
    os.environ["ODBCINI"] = os.path.join(tmp, "odbc.ini")
    return srv, tmp


def browse(conn):
    cur = conn.cursor()
    cats = [r.table_cat for r in cur.tables(catalog="%", schema="", table="")]
    check(cats == ["shop"], "catalogs %r" % cats)
    schemas = [r.table_schem for r in cur.tables(catalog="", schema="%", table="")]
    check("informix" in schemas, "schemas %r" % schemas)
    types = [r.table_type for r in cur.tables(catalog="", schema="", table="", tableType="%")]
    check(types == ["SYNONYM", "SYSTEM TABLE", "TABLE", "VIEW"], "types %r" % types)
    tables = [(r.table_name, r.table_type) for r in cur.tables(tableType="TABLE,VIEW")]
    check(tables == [("region", "TABLE"), ("sale", "TABLE"), ("store", "TABLE"),
                     ("big_sale", "VIEW")], "tables %r" % tables)
    seen = {}
    for name, ttype in tables:
        cols = cur.columns(table=name).fetchall()
        check(len(cols) > 0, "%s has columns" % name)
        check([c.ordinal_position for c in cols] == list(range(1, len(cols) + 1)),
              "%s ordinal positions" % name)
        # The columns agree with what a SELECT describes.
        cur.execute("select * from %s where 1 = 0" % name)
        described = [d[0] for d in cur.description]
        check(described == [c.column_name for c in cols], "%s columns vs describe" % name)
        if ttype != "TABLE":
            continue
        pk = [r.column_name for r in cur.primaryKeys(name)]
        fks = [(r.fkcolumn_name, r.pktable_name, r.pkcolumn_name)
               for r in cur.foreignKeys(foreignTable=name)]
        refs = [(r.fktable_name, r.fkcolumn_name) for r in cur.foreignKeys(table=name)]
        idx = {}
        for r in cur.statistics(name):
            if r.index_name:
                idx.setdefault(r.index_name, []).append(r.column_name)
        rowid = [r.column_name for r in cur.rowIdColumns(name)]
        seen[name] = (pk, fks, refs, idx, rowid)
        # The primary key is one of the unique indexes, and the best row id.
        check(pk in list(idx.values()), "%s pk %r among indexes %r" % (name, pk, idx))
        check(rowid == pk, "%s rowid %r == pk %r" % (name, rowid, pk))
    check(seen["region"][0] == ["rid", "code"], "region pk")
    check(seen["region"][2] == [("store", "rid"), ("store", "code")], "region referenced")
    check(seen["store"][1] == [("rid", "region", "rid"), ("code", "region", "code")], "store fks")
    check(seen["sale"][1] == [("sid", "store", "sid")], "sale fk")
    check(seen["sale"][3].get("sale_at") == ["sid", "at"], "sale_at index")
    check(seen["sale"][3].get("sale_amount") == ["amount"], "sale_amount index")


def isql_help():
    """isql's 'help' calls SQLTables; 'help <table>' calls SQLColumns."""
    if not shutil.which("isql"):
        return
    out = subprocess.run(["isql", "-b", "-d,", "shop"], input="help\n", capture_output=True,
                         text=True, timeout=60).stdout
    for t in ("region", "store", "sale", "big_sale"):
        check(re.search(r"\b%s\b" % t, out) is not None, "isql help lists %s" % t)
    out = subprocess.run(["isql", "-b", "-d,", "shop"], input="help store\n",
                         capture_output=True, text=True, timeout=60).stdout
    for c in ("sid", "rid", "code", "opened", "area"):
        check(re.search(r"\b%s\b" % c, out) is not None, "isql help store lists %s" % c)


def main():
    srv, tmp = start()
    try:
        conn = pyodbc.connect("DSN=shop", autocommit=True)
        for ddl in SCHEMA:
            conn.execute(ddl)
        browse(conn)
        conn.close()
        isql_help()
    finally:
        srv.terminate()
        srv.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)
    print("schema_browse: %d failure(s)" % len(FAILS))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
