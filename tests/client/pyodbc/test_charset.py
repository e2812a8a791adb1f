# SPDX-License-Identifier: MIT
# test_charset.py - database code sets through pyodbc (W family for text):
# an ISO-8859-1 and a CP1252 database on ifxlite, accented text and the
# whole A0..FF range round-tripping through parameters and literals, byte
# lengths in the database code set, 22018 for a character the code set
# cannot hold (nothing written), -23197's 08004 on a DB_LOCALE mismatch, and
# emoji in a UTF-8 database.  See docs/charsets.md.
# Env: IFXLITE_PATH, IFXODBC_DRIVER_PATH.
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

try:
    import pyodbc
except ImportError:  # pragma: no cover
    print("SKIP: python3-pyodbc is not installed")
    sys.exit(77)

SRV = None
TMP = None
PORT = None
DRIVER = None


def setUpModule():
    global SRV, TMP, PORT, DRIVER
    ifxlite = os.environ.get("IFXLITE_PATH")
    DRIVER = os.environ.get("IFXODBC_DRIVER_PATH")
    if not ifxlite or not DRIVER:
        raise unittest.SkipTest("IFXLITE_PATH / IFXODBC_DRIVER_PATH not set")
    TMP = tempfile.mkdtemp(prefix="ifx_pycs.")
    os.makedirs(os.path.join(TMP, "data"))
    out = open(os.path.join(TMP, "srv.out"), "w+")  # noqa: SIM115 (lives with the server)
    SRV = subprocess.Popen([ifxlite, "--listen", "127.0.0.1:0", "--data",
                            os.path.join(TMP, "data"), "--user", "informix:secret",
                            "--create-db", "lat:logged:en_US.8859-1",
                            "--create-db", "win:logged:en_US.1252",
                            "--create-db", "uni:logged:en_US.utf8"],
                           stdout=out, stderr=subprocess.DEVNULL)
    for _ in range(100):
        out.seek(0)
        m = re.search(r"listening on [^:]+:(\d+)", out.read())
        if m:
            PORT = int(m.group(1))
            break
        time.sleep(0.1)
    if PORT is None:
        raise RuntimeError("ifxlite did not start")
    # like the other modules: a private odbcinst.ini/odbc.ini (the DM and
    # pyodbc keep one environment per process, so every module sets these)
    with open(os.path.join(TMP, "odbcinst.ini"), "w") as f:
        f.write("[ifxodbc]\nDriver = %s\nThreading = 0\n" % DRIVER)
    with open(os.path.join(TMP, "odbc.ini"), "w") as f:
        for db in ("lat", "win", "uni"):
            f.write("[cs_%s]\nDriver = ifxodbc\nServer = ol_ifxlite\nHost = 127.0.0.1\n"
                    "Service = %d\nDatabase = %s\nUID = informix\nPWD = secret\n\n"
                    % (db, PORT, db))
    os.environ["ODBCSYSINI"] = TMP
    os.environ["ODBCINSTINI"] = "odbcinst.ini"
    os.environ["ODBCINI"] = os.path.join(TMP, "odbc.ini")
    os.environ["ODBCSEARCH"] = "ODBC_BOTH_DSN"


def tearDownModule():
    if SRV is not None:
        SRV.terminate()
        SRV.wait(10)
    if TMP:
        shutil.rmtree(TMP, ignore_errors=True)


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
