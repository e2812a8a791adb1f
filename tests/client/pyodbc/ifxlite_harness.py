# SPDX-License-Identifier: MIT
# ifxlite_harness.py - what every Python client test needs before its first
# query: an ifxlite on an ephemeral port with the databases the test names,
# a private odbcinst.ini / odbc.ini pointing at the driver under test, and the
# unixODBC environment variables that make the driver manager read them.
# unixODBC caches the ini paths at a process's first ODBC call (odbc-notes
# §6), so a module that needs DSNs of its own after another module has made
# ODBC calls re-runs itself in a child process (run_in_child).
# Env: IFXLITE_PATH, IFXODBC_DRIVER_PATH.
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest


def paths():
    """(ifxlite, driver) from the environment, or SkipTest."""
    ifxlite = os.environ.get("IFXLITE_PATH")
    driver = os.environ.get("IFXODBC_DRIVER_PATH")
    if not ifxlite or not driver:
        raise unittest.SkipTest("IFXLITE_PATH / IFXODBC_DRIVER_PATH not set")
    return ifxlite, driver


class Server:
    """One ifxlite with --create-db specs ("name:kind[:locale]") and DSNs
    {dsn: database}; start() writes the ini files and sets the environment."""

    def __init__(self, prefix, create_dbs, dsns):
        self.prefix = prefix
        self.create_dbs = list(create_dbs)
        self.dsns = dict(dsns)
        self.proc = None
        self.tmp = None
        self.port = None
        self.driver = None

    def start(self):
        ifxlite, self.driver = paths()
        self.tmp = tempfile.mkdtemp(prefix=self.prefix)
        data = os.path.join(self.tmp, "data")
        os.makedirs(data)
        args = [ifxlite, "--listen", "127.0.0.1:0", "--data", data, "--user", "informix:secret"]
        for spec in self.create_dbs:
            args += ["--create-db", spec]
        out = open(os.path.join(self.tmp, "srv.out"), "w+")  # noqa: SIM115 (lives with the server)
        self.proc = subprocess.Popen(args, stdout=out, stderr=subprocess.DEVNULL)
        for _ in range(100):
            out.seek(0)
            m = re.search(r"listening on [^:]+:(\d+)", out.read())
            if m:
                self.port = int(m.group(1))
                break
            time.sleep(0.1)
        if self.port is None:
            self.stop()
            raise RuntimeError("ifxlite did not start")
        with open(os.path.join(self.tmp, "odbcinst.ini"), "w") as f:
            f.write("[ifxodbc]\nDriver = %s\nThreading = 0\n" % self.driver)
        with open(os.path.join(self.tmp, "odbc.ini"), "w") as f:
            for dsn, db in self.dsns.items():
                f.write("[%s]\nDriver = ifxodbc\nServer = ol_ifxlite\nHost = 127.0.0.1\n"
                        "Service = %d\nDatabase = %s\nUID = informix\nPWD = secret\n\n"
                        % (dsn, self.port, db))
        os.environ["ODBCSYSINI"] = self.tmp
        os.environ["ODBCINSTINI"] = "odbcinst.ini"
        os.environ["ODBCINI"] = os.path.join(self.tmp, "odbc.ini")
        os.environ["ODBCSEARCH"] = "ODBC_BOTH_DSN"
        return self

    def stop(self):
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None


def run_in_child(case, module, flag, timeout=240):
    """Run `module`'s tests in a fresh interpreter with env `flag`=1 and
    fail `case` with the child's output unless they all pass."""
    env = dict(os.environ, **{flag: "1"})
    p = subprocess.run([sys.executable, "-W", "ignore", "-m", "unittest", "-v", module],
                       cwd=os.path.dirname(os.path.abspath(__file__)), env=env,
                       capture_output=True, text=True, timeout=timeout)
    case.assertEqual(p.returncode, 0, p.stdout + p.stderr)
