# SPDX-License-Identifier: MIT
# test_charset.py - database code sets through pyodbc (W family for text):
# an ISO-8859-1 and a CP1252 database on ifxlite, accented text and the
# whole A0..FF range round-tripping through parameters and literals, byte
# lengths in the database code set, 22018 for a character the code set
# cannot hold (nothing written), -23197's 08004 on a DB_LOCALE mismatch, and
# emoji in a UTF-8 database.  See docs/charsets.md.
# Env: IFXLITE_PATH, IFXODBC_DRIVER_PATH.
import sys
import unittest

from ifxlite_harness import Server

try:
    import pyodbc
except ImportError:  # pragma: no cover
    print("SKIP: python3-pyodbc is not installed")
    sys.exit(77)

SRV = None


def setUpModule():
    # like the other modules: a private odbcinst.ini/odbc.ini (the DM and
    # pyodbc keep one environment per process, so every module sets these)
    global SRV
    SRV = Server("ifx_pycs.", ["lat:logged:en_US.8859-1", "win:logged:en_US.1252",
                               "uni:logged:en_US.utf8"],
                 {"cs_lat": "lat", "cs_win": "win", "cs_uni": "uni"}).start()


def tearDownModule():
    if SRV is not None:
        SRV.stop()


def connect(db, locale):
    return pyodbc.connect("DSN=cs_%s;DB_LOCALE=%s" % (db, locale), autocommit=True)


class CharsetTest(unittest.TestCase):
    def test_latin1_round_trip(self):
        c = connect("lat", "en_US.819")
        cur = c.cursor()
        cur.execute("create table p (id int, v varchar(100), c char(4))")
        upper = "".join(chr(x) for x in range(0xA0, 0x100))
        cur.execute("insert into p values (1, ?, ?)", upper, "éüßñ")
        cur.execute("insert into p values (2, 'Grüße aus Köln', 'ñ')")
        rows = cur.execute("select v, c from p order by id").fetchall()
        self.assertEqual(rows[0][0], upper)
        self.assertEqual(rows[0][1], "éüßñ")          # four bytes fill CHAR(4)
        self.assertEqual(rows[1][0], "Grüße aus Köln")
        self.assertEqual(rows[1][1], "ñ   ")          # blank padded to 4 bytes
        self.assertEqual(cur.execute("select id from p where v = ?", "Grüße aus Köln")
                         .fetchone()[0], 2)
        c.close()

    def test_unrepresentable_is_22018(self):
        c = connect("lat", "en_US.8859-1")
        cur = c.cursor()
        cur.execute("create table q (v varchar(10))")
        with self.assertRaises(pyodbc.Error) as cm:
            cur.execute("insert into q values (?)", "10 €")
        self.assertEqual(cm.exception.args[0], "22018")
        with self.assertRaises(pyodbc.Error) as cm:
            cur.execute("insert into q values ('中文')")
        self.assertEqual(cm.exception.args[0], "22018")
        self.assertEqual(cur.execute("select count(*) from q").fetchone()[0], 0)
        c.close()

    def test_cp1252_euro(self):
        c = connect("win", "en_US.CP1252")
        cur = c.cursor()
        cur.execute("create table e (v varchar(2))")
        cur.execute("insert into e values (?)", "€‰")   # 0x80 0x89: two bytes
        self.assertEqual(cur.execute("select v from e").fetchone()[0], "€‰")
        c.close()

    def test_mismatch_is_refused(self):
        with self.assertRaises(pyodbc.Error) as cm:
            connect("lat", "en_US.utf8")
        self.assertEqual(cm.exception.args[0], "08004")
        self.assertIn("-23197", str(cm.exception))

    def test_utf8_emoji(self):
        c = connect("uni", "en_US.57372")
        cur = c.cursor()
        cur.execute("create table m (v varchar(20))")
        cur.execute("insert into m values (?)", "a😀é")
        self.assertEqual(cur.execute("select v from m").fetchone()[0], "a😀é")
        c.close()


if __name__ == "__main__":
    unittest.main()
