# SPDX-License-Identifier: MIT
# test_lob.py - BYTE/TEXT and BLOB/CLOB through pyodbc (docs/large-objects.md): bytes and
# str values of 0, 1, 4095, 4096, 4097 bytes and 1 MiB round-trip exactly via
# INSERT and UPDATE, NULLs, cursor.description, a 20 MiB value that pyodbc
# sends as data at execution (SQL_LEN_DATA_AT_EXEC, streamed) and reads back
# with chunked SQLGetData. Like test_catalog.py
# this module re-runs itself in a child process (unixODBC caches its ini
# paths at a process's first ODBC call). Env: IFXLITE_PATH, IFXODBC_DRIVER_PATH.
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
CHILD = os.environ.get("IFX_LOB_CHILD") == "1"
SIZES = [0, 1, 4095, 4096, 4097, 1 << 20]
# The large value of test_update_and_large_value, in MiB: 20 in the client
# suite; the bench-labelled ctest entry bench_pyodbc_lob runs 100.
BIG_MIB = int(os.environ.get("IFX_LOB_BIG_MIB", "20"))
KINDS = [("byte", "text"), ("blob", "clob")]


def pattern(n, seed):
    if n > 1 << 20:
        # large: a 65537-byte block repeated (fast to make; a prime period)
        block = pattern(65537, seed)
        return (block * (n // len(block) + 1))[:n]
    return bytes((i * 131 + seed + (i >> 9)) & 0xFF for i in range(n))


def text(n, seed):
    base = "abcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(base[(i * 7 + seed) % len(base)] for i in range(n))


def setUpModule():
    global SRV
    if CHILD:
        SRV = Server("ifx_pylob.", ["lobdb:logged"], {"ifxlob": "lobdb"}).start()


def tearDownModule():
    if SRV is not None:
        SRV.stop()


class IsolatedRun(unittest.TestCase):
    @unittest.skipIf(CHILD, "the child runs the tests themselves")
    def test_lob_in_own_process(self):
        run_in_child(self, "test_lob", "IFX_LOB_CHILD", timeout=240 + 30 * BIG_MIB)


@unittest.skipUnless(CHILD, "runs in the child process")
class LobTest(unittest.TestCase):
    def setUp(self):
        self.conn = pyodbc.connect("DSN=ifxlob", autocommit=True)
        self.cur = self.conn.cursor()

    def tearDown(self):
        self.conn.close()

    def test_round_trip_every_size(self):
        for b_type, t_type in KINDS:
            with self.subTest(kind=b_type):
                self.round_trip(b_type, t_type)

    def round_trip(self, b_type, t_type):
        table = "lob_rt_" + b_type
        self.cur.execute("create table %s (id integer, b %s, t %s)" % (table, b_type, t_type))
        for i, n in enumerate(SIZES):
            self.cur.execute("insert into %s values (?, ?, ?)" % table, i, pattern(n, i),
                             text(n, i))
        self.cur.execute("insert into %s values (?, ?, ?)" % table, 99, None, None)
        self.cur.execute("select id, b, t from %s order by id" % table)
        d = self.cur.description
        self.assertIs(d[1][1], bytearray)
        self.assertIs(d[2][1], str)
        rows = self.cur.fetchall()
        self.assertEqual(len(rows), len(SIZES) + 1)
        for i, n in enumerate(SIZES):
            self.assertEqual(rows[i].id, i)
            self.assertEqual(bytes(rows[i].b), pattern(n, i), "%s of %d bytes" % (b_type, n))
            self.assertEqual(rows[i].t, text(n, i), "%s of %d bytes" % (t_type, n))
        self.assertIsNone(rows[-1].b)
        self.assertIsNone(rows[-1].t)

    def test_update_and_large_value(self):
        for b_type, t_type in KINDS:
            with self.subTest(kind=b_type):
                self.update_large(b_type, t_type)

    def update_large(self, b_type, t_type):
        table = "lob_big_" + b_type
        self.cur.execute("create table %s (id integer, b %s, t %s)" % (table, b_type, t_type))
        self.cur.execute("insert into %s (id) values (1)" % table)
        big = pattern(BIG_MIB << 20, 5)
        words = text(65537, 3) * (BIG_MIB * 16) + "é€😀"  # BIG_MIB MiB of text
        self.cur.execute("update %s set b = ?, t = ? where id = ?" % table, big, words, 1)
        self.assertEqual(self.cur.rowcount, 1)
        self.cur.execute("select b, t from %s where id = 1" % table)
        row = self.cur.fetchone()
        self.assertEqual(len(row.b), len(big))
        self.assertEqual(bytes(row.b), big)
        self.assertEqual(row.t, words)

    def test_short_str_into_clob(self):
        # pyodbc binds a short str as SQL_WVARCHAR: for a CLOB column it still
        # becomes a smart large object (the INSERT's target is known).
        self.cur.execute("create table lob_short (id integer, c clob, b blob)")
        self.cur.execute("insert into lob_short values (?, ?, ?)", 1, "héllo", b"\x00\x01")
        self.cur.execute("select c, b from lob_short")
        row = self.cur.fetchone()
        self.assertEqual(row.c, "héllo")
        self.assertEqual(bytes(row.b), b"\x00\x01")


if __name__ == "__main__":
    unittest.main()
