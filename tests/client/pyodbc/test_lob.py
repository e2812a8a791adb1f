# SPDX-License-Identifier: MIT
# test_lob.py - BYTE and TEXT through pyodbc (docs/large-objects.md): bytes and
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


def pattern(n, seed):
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
        run_in_child(self, "test_lob", "IFX_LOB_CHILD")


@unittest.skipUnless(CHILD, "runs in the child process")
class LobTest(unittest.TestCase):
    def setUp(self):
        self.conn = pyodbc.connect("DSN=ifxlob", autocommit=True)
        self.cur = self.conn.cursor()

    def tearDown(self):
        self.conn.close()

    def test_round_trip_every_size(self):
        self.cur.execute("create table lob_rt (id integer, b byte, t text)")
        for i, n in enumerate(SIZES):
            self.cur.execute("insert into lob_rt values (?, ?, ?)", i, pattern(n, i), text(n, i))
        self.cur.execute("insert into lob_rt values (?, ?, ?)", 99, None, None)
        self.cur.execute("select id, b, t from lob_rt order by id")
        d = self.cur.description
        self.assertIs(d[1][1], bytearray)
        self.assertIs(d[2][1], str)
        rows = self.cur.fetchall()
        self.assertEqual(len(rows), len(SIZES) + 1)
        for i, n in enumerate(SIZES):
            self.assertEqual(rows[i].id, i)
            self.assertEqual(bytes(rows[i].b), pattern(n, i), "BYTE of %d bytes" % n)
            self.assertEqual(rows[i].t, text(n, i), "TEXT of %d bytes" % n)
        self.assertIsNone(rows[-1].b)
        self.assertIsNone(rows[-1].t)

    def test_update_and_large_value(self):
        self.cur.execute("create table lob_big (id integer, b byte, t text)")
        self.cur.execute("insert into lob_big (id) values (1)")
        big = pattern(20 << 20, 5)
        words = text(3 << 20, 3) + "é€😀"
        self.cur.execute("update lob_big set b = ?, t = ? where id = ?", big, words, 1)
        self.assertEqual(self.cur.rowcount, 1)
        self.cur.execute("select b, t from lob_big where id = 1")
        row = self.cur.fetchone()
        self.assertEqual(len(row.b), len(big))
        self.assertEqual(bytes(row.b), big)
        self.assertEqual(row.t, words)


if __name__ == "__main__":
    unittest.main()
