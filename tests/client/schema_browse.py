# SPDX-License-Identifier: MIT
# schema_browse.py - walks a database as a BI tool's schema browser does:
# catalogs, schemas, every table and view, its columns, primary key, foreign
# keys (both ways) and indexes, through pyodbc's catalog calls (the W entry
# points), checking that the answers agree with each other, and that isql's
# "help" command (ANSI SQLTables) and "help TABLE" (ANSI SQLColumns) give
# exactly the same rows: every table, view, synonym and system table, and
# every column's name, SQL type, type name, size and nullability, for a table
# of every column type too.
# Env: IFXLITE_PATH, IFXODBC_DRIVER_PATH.  Exit 0 ok, 1 failure, 77 skipped.
import os
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "pyodbc"))
from ifxlite_harness import Server  # noqa: E402

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
    "create synonym sales for sale",
    "create table every_type (c_char char(5), c_nchar nchar(5), c_varchar varchar(20,2),"
    " c_nvarchar nvarchar(20), c_lvarchar lvarchar(200), c_smallint smallint not null,"
    " c_integer integer, c_int8 int8, c_bigint bigint, c_serial8 serial8,"
    " c_smallfloat smallfloat, c_float float, c_decimal decimal(16,4), c_money money(12,2),"
    " c_date date, c_dt datetime year to fraction(3), c_time datetime hour to second,"
    " c_interval interval day(3) to second, c_bool boolean, c_text text, c_byte byte,"
    " c_blob blob, c_clob clob)",
]

FAILS = []


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL:", what)


def start():
    try:
        return Server("ifx_browse.", ["shop:logged"], {"shop": "shop"}).start()
    except unittest.SkipTest as e:
        print("SKIP:", e)
        sys.exit(77)


def browse(conn):
    cur = conn.cursor()
    cats = [r.table_cat for r in cur.tables(catalog="%", schema="", table="")]
    check(cats == ["shop"], "catalogs %r" % cats)
    schemas = [r.table_schem for r in cur.tables(catalog="", schema="%", table="")]
    check("informix" in schemas, "schemas %r" % schemas)
    types = [r.table_type for r in cur.tables(catalog="", schema="", table="", tableType="%")]
    check(types == ["SYNONYM", "SYSTEM TABLE", "TABLE", "VIEW"], "types %r" % types)
    tables = [(r.table_name, r.table_type) for r in cur.tables(tableType="TABLE,VIEW")]
    check(tables == [("every_type", "TABLE"), ("region", "TABLE"), ("sale", "TABLE"),
                     ("store", "TABLE"), ("big_sale", "VIEW")], "tables %r" % tables)
    syns = [(r.table_name, r.table_type) for r in cur.tables(tableType="SYNONYM")]
    check(syns == [("sales", "SYNONYM")], "synonyms %r" % syns)
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
        # The primary key is one of the unique indexes, and the best row id;
        # without a unique key the best row id is Informix's ROWID.
        if pk:
            check(pk in list(idx.values()), "%s pk %r among indexes %r" % (name, pk, idx))
            check(rowid == pk, "%s rowid %r == pk %r" % (name, rowid, pk))
        else:
            check(rowid == ["rowid"], "%s rowid %r" % (name, rowid))
    check(seen["region"][0] == ["rid", "code"], "region pk")
    check(seen["region"][2] == [("store", "rid"), ("store", "code")], "region referenced")
    check(seen["store"][1] == [("rid", "region", "rid"), ("code", "region", "code")], "store fks")
    check(seen["sale"][1] == [("sid", "store", "sid")], "sale fk")
    check(seen["sale"][3].get("sale_at") == ["sid", "at"], "sale_at index")
    check(seen["sale"][3].get("sale_amount") == ["amount"], "sale_amount index")
    check(seen["every_type"][0] == [] and seen["every_type"][3] == {}, "every_type: no keys")


def isql_rows(command):
    """isql -b -d, run on one command: its result rows, split on the delimiter."""
    p = subprocess.run(["isql", "-b", "-d,", "shop"], input=command + "\n",
                       capture_output=True, text=True, timeout=60)
    check(p.returncode == 0 and "[ISQL]ERROR" not in p.stdout + p.stderr,
          "isql %r: %s%s" % (command, p.stdout, p.stderr))
    return [line.split(",") for line in p.stdout.splitlines() if line.strip()]


def cell(v):
    return "" if v is None else str(v)


def isql_help(conn):
    """isql's 'help' calls SQLTables (all types); 'help T' calls SQLColumns on
    T. Both must give the rows pyodbc's catalog calls give, value by value."""
    if not shutil.which("isql"):
        print("note: isql not installed, help comparison skipped")
        return
    cur = conn.cursor()
    want = [[cell(r.table_cat), cell(r.table_schem), r.table_name, r.table_type,
             cell(r.remarks)] for r in cur.tables()]
    got = isql_rows("help")
    check(got == want, "isql help vs tables():\n%r\n%r" % (got, want))
    for t in ("region", "store", "sale", "big_sale", "every_type"):
        rows = cur.columns(table=t).fetchall()
        want = [[cell(v) for v in r] for r in rows]
        # isql is an ODBC 2 application: DATA_TYPE is SQL_DATE / SQL_TIME /
        # SQL_TIMESTAMP (9, 10, 11) where pyodbc (ODBC 3) gets 91, 92, 93.
        for r in want:
            r[4] = {"91": "9", "92": "10", "93": "11"}.get(r[4], r[4])
        got = isql_rows("help " + t)
        check(got == want, "isql help %s vs columns():\n%r\n%r" % (t, got, want))
        check(len(got) > 0 and all(len(r) == 18 for r in got), "help %s: 18 columns" % t)


def main():
    srv = start()
    try:
        conn = pyodbc.connect("DSN=shop", autocommit=True)
        for ddl in SCHEMA:
            conn.execute(ddl)
        browse(conn)
        isql_help(conn)
        conn.close()
    finally:
        srv.stop()
    print("schema_browse: %d failure(s)" % len(FAILS))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
