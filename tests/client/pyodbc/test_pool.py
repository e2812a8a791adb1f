# SPDX-License-Identifier: MIT
# test_pool.py - pooling through unixODBC with pyodbc (Pooling=Yes, CPTimeout):
# a dirty connection (uncommitted insert, BEGIN WORK under autocommit, open
# cursor) is never handed to the next pyodbc.connect(); a clean one is, proven
# with DBINFO('sessionid'); afterwards ifxlite holds no statement of them
# (sysmaster:ifxlite_cursors). unixODBC reads odbcinst.ini once per process, and
# the other pyodbc suites share this process, so the pooled part runs in a
# child interpreter with its own private ini files.
# Env: IFXLITE_PATH, IFXODBC_DRIVER_PATH.  Run: python3 -m unittest test_pool
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

try:
    import pyodbc  # noqa: F401 (only checks that the child can run)
except ImportError:  # pragma: no cover
    print("SKIP: python3-pyodbc is not installed")
    sys.exit(77)

CHILD = r'''
import os, sys
import pyodbc

POOLED = "DSN=ifxtest"
OTHER = "DSN=ifxtest;UID=informix"   # another pool key: a fresh view of committed data


def sid(c):
    return c.cursor().execute(
        "SELECT DBINFO('sessionid') FROM systables WHERE tabid = 1").fetchone()[0]


def committed():
    c = pyodbc.connect(OTHER, autocommit=True)
    n = c.cursor().execute("SELECT COUNT(*) FROM pt").fetchone()[0]
    c.close()
    return n


c = pyodbc.connect(OTHER, autocommit=True)
c.cursor().execute("CREATE TABLE pt (id INT, v VARCHAR(20))")
c.close()

# 1. clean connections are reused
a = pyodbc.connect(POOLED, autocommit=True)
s1 = sid(a)
a.close()
b = pyodbc.connect(POOLED, autocommit=True)
assert sid(b) == s1, "clean connection was not reused"
b.close()

# 2. pyodbc's default (autocommit off): uncommitted insert, close
a = pyodbc.connect(POOLED)
s1 = sid(a)
a.cursor().execute("INSERT INTO pt VALUES (1, 'leak')")
a.close()
b = pyodbc.connect(POOLED, autocommit=True)
assert sid(b) != s1, "autocommit-off connection was reused"
assert b.cursor().execute("SELECT COUNT(*) FROM pt").fetchone()[0] == 0
b.close()
assert committed() == 0

# 3. autocommit on, BEGIN WORK as SQL, insert, close without rollback
a = pyodbc.connect(POOLED, autocommit=True)
s1 = sid(a)
a.cursor().execute("BEGIN WORK")
a.cursor().execute("INSERT INTO pt VALUES (2, 'leak')")
a.close()
b = pyodbc.connect(POOLED, autocommit=True)
assert sid(b) != s1, "connection with an open transaction was reused"
assert b.cursor().execute("SELECT COUNT(*) FROM pt").fetchone()[0] == 0
b.close()
assert committed() == 0

# 4. an open cursor left behind
a = pyodbc.connect(POOLED, autocommit=True)
s1 = sid(a)
cur = a.cursor()
cur.execute("SELECT tabname FROM systables")
cur.fetchone()
a.close()
b = pyodbc.connect(POOLED, autocommit=True)
assert sid(b) != s1, "connection with an open cursor was reused"
b.close()

# 5. ifxlite holds no statement or cursor of any of these connections (the
# pooled idle ones included); a closed session goes shortly after close().
import time
m = pyodbc.connect(OTHER, autocommit=True)
me = sid(m)
for _ in range(100):
    left = m.cursor().execute(
        "SELECT COUNT(*) FROM sysmaster:ifxlite_cursors WHERE cur_sessionid <> ?",
        me).fetchone()[0]
    if left == 0:
        break
    time.sleep(0.02)
assert left == 0, "the server still holds %d statements" % left
m.close()
print("pool checks passed")
'''


class PoolTest(unittest.TestCase):
    def setUp(self):
        ifxlite = os.environ.get("IFXLITE_PATH")
        self.driver = os.environ.get("IFXODBC_DRIVER_PATH")
        if not ifxlite or not self.driver:
            raise unittest.SkipTest("IFXLITE_PATH / IFXODBC_DRIVER_PATH not set")
        self.tmp = tempfile.mkdtemp(prefix="ifx_pypool.")
        os.makedirs(os.path.join(self.tmp, "data"))
        self.out = open(os.path.join(self.tmp, "srv.out"), "w+")  # noqa: SIM115
        self.srv = subprocess.Popen(
            [ifxlite, "--listen", "127.0.0.1:0", "--data", os.path.join(self.tmp, "data"),
             "--user", "informix:secret", "--create-db", "testdb:logged"],
            stdout=self.out, stderr=subprocess.DEVNULL)
        self.port = None
        for _ in range(100):
            self.out.seek(0)
            m = re.search(r"listening on [^:]+:(\d+)", self.out.read())
            if m:
                self.port = int(m.group(1))
                break
            time.sleep(0.1)
        self.assertIsNotNone(self.port, "ifxlite did not start")

    def tearDown(self):
        self.srv.terminate()
        self.srv.wait(10)
        self.out.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_dirty_never_reused_clean_reused(self):
        with open(os.path.join(self.tmp, "odbcinst.ini"), "w") as f:
            f.write("[ODBC]\nPooling = Yes\n\n[ifxodbc]\nDriver = %s\nThreading = 0\n"
                    "CPTimeout = 60\n" % self.driver)
        with open(os.path.join(self.tmp, "odbc.ini"), "w") as f:
            f.write("[ifxtest]\nDriver = ifxodbc\nServer = ol_ifxlite\nHost = 127.0.0.1\n"
                    "Service = %d\nDatabase = testdb\nUID = informix\nPWD = secret\n"
                    % self.port)
        env = dict(os.environ, ODBCSYSINI=self.tmp, ODBCINSTINI="odbcinst.ini",
                   ODBCINI=os.path.join(self.tmp, "odbc.ini"), ODBCSEARCH="ODBC_BOTH_DSN")
        r = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True,
                           text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("pool checks passed", r.stdout)


if __name__ == "__main__":
    unittest.main()
