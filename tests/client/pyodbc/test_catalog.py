# SPDX-License-Identifier: MIT
# test_catalog.py - pyodbc's catalog methods (tables, columns, primaryKeys,
# foreignKeys, statistics, procedures, rowIdColumns) against ifxlite, through
# the W entry points pyodbc uses, on a schema with a view, a synonym, composite
# keys, foreign keys, unique and duplicate indexes, names that need escapes,
# and two routines written into sysprocedures / sysproccolumns by hand
# (ifxlite has no CREATE PROCEDURE; a real server fills the same tables).
# unixODBC caches its ini paths at a process's first ODBC call, and
# test_pyodbc.py (same discovery run) writes its own: so under discovery this
# module re-runs itself in a child process (IFX_CATALOG_CHILD=1).
# Env: IFXLITE_PATH, IFXODBC_DRIVER_PATH.  Run: python3 -m unittest test_catalog
import os
import sys
import unittest

from ifxlite_harness import Server, run_in_child

try:
    import pyodbc
except ImportError:  # pragma: no cover
    print("SKIP: python3-pyodbc is not installed")
    sys.exit(77)

SRV = None
CHILD = os.environ.get("IFX_CATALOG_CHILD") == "1"

SCHEMA = [
    "create table dept (dno integer not null, site char(4) not null, dname varchar(40),"
    " primary key (dno, site))",
    "create table emp (id serial primary key, dno integer, site char(4), name varchar(50) not null,"
    " salary decimal(10,2), born date, foreign key (dno, site) references dept on delete cascade)",
    "create table my_t (a integer, b smallint)",
    "create table myxt (a integer)",
    "create view emp_v as select id, name from emp",
    "create index emp_name on emp (name desc, born)",
    "create unique index my_t_ab on my_t (a, b)",
    "create synonym staff for emp",
    "insert into sysprocedures (procname, owner, procid, numargs, isproc, internal)"
    " values ('raise_pay', 'informix', 1, 2, 't', 'f')",
    "insert into sysprocedures (procname, owner, procid, numargs, isproc, internal)"
    " values ('pay_of', 'informix', 2, 1, 'f', 'f')",
    "insert into sysprocedures (procname, owner, procid, numargs, isproc, internal)"
    " values ('builtin_x', 'informix', 3, 0, 'f', 't')",
    # procid, paramid, paramname, paramtype, paramlen, paramxid, paramattr
    "insert into sysproccolumns values (1, 1, 'emp_id', 2, 4, 0, 1)",
    "insert into sysproccolumns values (1, 2, 'pct', 5, 1282, 0, 2)",
    "insert into sysproccolumns values (2, 1, 'emp_id', 2, 4, 0, 1)",
    "insert into sysproccolumns values (2, 2, '', 5, 2562, 0, 5)",
]


def setUpModule():
    global SRV
    if not CHILD:
        return
    SRV = Server("ifx_pycat.", ["catdb:logged"], {"ifxcat": "catdb"}).start()
    conn = pyodbc.connect("DSN=ifxcat", autocommit=True)
    for ddl in SCHEMA:
        conn.execute(ddl)
    conn.close()


def tearDownModule():
    if SRV is not None:
        SRV.stop()


class IsolatedRun(unittest.TestCase):
    @unittest.skipIf(CHILD, "the child runs the tests themselves")
    def test_catalog_in_own_process(self):
        run_in_child(self, "test_catalog", "IFX_CATALOG_CHILD")


@unittest.skipUnless(CHILD, "runs in the child process")
class CatalogTest(unittest.TestCase):
    def setUp(self):
        self.conn = pyodbc.connect("DSN=ifxcat", autocommit=True)
        self.cur = self.conn.cursor()

    def tearDown(self):
        self.conn.close()

    def test_tables_user_tables_and_views(self):
        rows = self.cur.tables(tableType="TABLE,VIEW").fetchall()
        got = [(r.table_cat, r.table_schem, r.table_name, r.table_type) for r in rows]
        self.assertEqual(got, [("catdb", "informix", "dept", "TABLE"),
                               ("catdb", "informix", "emp", "TABLE"),
                               ("catdb", "informix", "my_t", "TABLE"),
                               ("catdb", "informix", "myxt", "TABLE"),
                               ("catdb", "informix", "emp_v", "VIEW")])
        names = [d[0] for d in self.cur.tables(table="dept").description]
        self.assertEqual(names, ["table_cat", "table_schem", "table_name", "table_type",
                                 "remarks"])

    def test_tables_system_tables_and_escape(self):
        system = [r.table_name for r in self.cur.tables(tableType="SYSTEM TABLE")]
        self.assertIn("systables", system)
        self.assertIn("sysindexes", system)
        self.assertEqual([r.table_name for r in self.cur.tables(table="my_t")], ["my_t", "myxt"])
        self.assertEqual([r.table_name for r in self.cur.tables(table="my\\_t")], ["my_t"])

    def test_columns(self):
        rows = self.cur.columns(table="emp").fetchall()
        self.assertEqual([r.column_name for r in rows],
                         ["id", "dno", "site", "name", "salary", "born"])
        self.assertEqual([r.data_type for r in rows],
                         [pyodbc.SQL_INTEGER, pyodbc.SQL_INTEGER, pyodbc.SQL_CHAR,
                          pyodbc.SQL_VARCHAR, pyodbc.SQL_DECIMAL, pyodbc.SQL_TYPE_DATE])
        sal = rows[4]
        self.assertEqual((sal.column_size, sal.decimal_digits, sal.num_prec_radix), (10, 2, 10))
        self.assertEqual((rows[3].nullable, rows[3].is_nullable), (0, "NO"))
        self.assertEqual([r.ordinal_position for r in rows], [1, 2, 3, 4, 5, 6])
        self.assertEqual(len(self.cur.columns(table="emp").description), 18)

    def test_primary_keys(self):
        rows = self.cur.primaryKeys("dept").fetchall()
        self.assertEqual([(r.column_name, r.key_seq) for r in rows], [("dno", 1), ("site", 2)])
        self.assertEqual(self.cur.primaryKeys("myxt").fetchall(), [])

    def test_foreign_keys_both_ways(self):
        by_pk = self.cur.foreignKeys(table="dept").fetchall()
        self.assertEqual([(r.pkcolumn_name, r.fktable_name, r.fkcolumn_name, r.key_seq)
                          for r in by_pk], [("dno", "emp", "dno", 1), ("site", "emp", "site", 2)])
        self.assertEqual(by_pk[0].delete_rule, 0)  # SQL_CASCADE
        by_fk = self.cur.foreignKeys(foreignTable="emp").fetchall()
        self.assertEqual([(r.pktable_name, r.pkcolumn_name) for r in by_fk],
                         [("dept", "dno"), ("dept", "site")])

    def test_statistics(self):
        rows = self.cur.statistics("emp").fetchall()
        self.assertEqual(rows[0].type, 0)  # SQL_TABLE_STAT first
        idx = [(r.index_name, r.ordinal_position, r.column_name, r.asc_or_desc, r.non_unique)
               for r in rows[1:] if r.index_name == "emp_name"]
        self.assertEqual(idx, [("emp_name", 1, "name", "D", True),
                               ("emp_name", 2, "born", "A", True)])
        uniq = self.cur.statistics("my_t", unique=True).fetchall()
        self.assertEqual([r.column_name for r in uniq[1:]], ["a", "b"])

    def test_procedures(self):
        rows = self.cur.procedures().fetchall()
        self.assertEqual(len(self.cur.description), 8)
        # the server's own routines (internal = 't') are not listed
        self.assertEqual([(r.procedure_cat, r.procedure_schem, r.procedure_name,
                           r.num_input_params, r.procedure_type) for r in rows],
                         [("catdb", "informix", "pay_of", 1, 2),     # SQL_PT_FUNCTION
                          ("catdb", "informix", "raise_pay", 2, 1)])  # SQL_PT_PROCEDURE
        self.assertEqual([r.procedure_name for r in self.cur.procedures(procedure="r%")],
                         ["raise_pay"])

    def test_procedure_columns(self):
        rows = self.cur.procedureColumns(procedure="pay_of").fetchall()
        self.assertEqual(len(self.cur.description), 19)
        # the return value first (ordinal 0), then the parameters in call order
        self.assertEqual([(r.column_name, r.column_type, r.data_type, r.ordinal_position)
                          for r in rows],
                         [("", 5, pyodbc.SQL_DECIMAL, 0), ("emp_id", 1, pyodbc.SQL_INTEGER, 1)])
        self.assertEqual((rows[0].column_size, rows[0].decimal_digits), (10, 2))
        rows = self.cur.procedureColumns(procedure="raise_pay").fetchall()
        self.assertEqual([(r.column_name, r.column_type, r.type_name, r.ordinal_position)
                          for r in rows],
                         [("emp_id", 1, "INTEGER", 1), ("pct", 2, "DECIMAL", 2)])
        self.assertEqual([(r.procedure_name, r.column_name)
                          for r in self.cur.procedureColumns(procedure="%")],
                         [("pay_of", ""), ("pay_of", "emp_id"), ("raise_pay", "emp_id"),
                          ("raise_pay", "pct")])
        self.assertEqual(self.cur.procedureColumns(procedure="builtin_x").fetchall(), [])

    def test_synonyms(self):
        rows = self.cur.tables(tableType="SYNONYM").fetchall()
        self.assertEqual([(r.table_name, r.table_type) for r in rows], [("staff", "SYNONYM")])
        # the synonym names the table: a query through it works
        self.assertEqual(self.conn.execute("select count(*) from staff").fetchone()[0], 0)

    def test_delimited_identifiers_keep_case(self):
        # DELIMIDENT=y: "..." is an identifier, its case and spaces kept;
        # catalog patterns then compare case-sensitively.
        d = pyodbc.connect("DSN=ifxcat;DELIMIDENT=y", autocommit=True)
        try:
            d.execute('create table if not exists "Odd Tab" ("Col A" integer, col_b integer)')
            cur = d.cursor()
            self.assertEqual([r.table_name for r in cur.tables(table="Odd%")], ["Odd Tab"])
            self.assertEqual([r.table_name for r in cur.tables(table="odd%")], [])
            self.assertEqual([r.column_name for r in cur.columns(table="Odd Tab")],
                             ["Col A", "col_b"])
            self.assertEqual(d.execute('select "Col A" from "Odd Tab"').description[0][0],
                             "Col A")
        finally:
            d.execute('drop table if exists "Odd Tab"')  # the other tests list every table
            d.close()

    def test_column_patterns(self):
        self.assertEqual([r.column_name for r in self.cur.columns(table="emp", column="s%")],
                         ["site", "salary"])
        self.assertEqual([r.column_name for r in self.cur.columns(table="my\\_t", column="_")],
                         ["a", "b"])

    def test_row_id_columns(self):
        rows = self.cur.rowIdColumns("dept").fetchall()
        self.assertEqual([r.column_name for r in rows], ["dno", "site"])
        self.assertEqual([r.column_name for r in self.cur.rowIdColumns("my_t")], ["a", "b"])


if __name__ == "__main__":
    unittest.main()
