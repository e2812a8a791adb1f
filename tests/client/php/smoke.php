<?php
// SPDX-License-Identifier: MIT
// smoke.php - PHP odbc extension smoke test: start ifxlite, private ini files,
// connect, parameterized insert, select, and an error with its SQLSTATE.
// Exit 77 = skipped. Env: IFXLITE_PATH, IFXODBC_DRIVER_PATH.
if (!function_exists('odbc_connect')) {
    echo "SKIP: php-odbc is not installed\n";
    exit(77);
}
$ifxlite = getenv('IFXLITE_PATH');
$driver = getenv('IFXODBC_DRIVER_PATH');
if (!$ifxlite || !$driver) { fwrite(STDERR, "IFXLITE_PATH / IFXODBC_DRIVER_PATH not set\n"); exit(1); }
$dir = sys_get_temp_dir() . '/ifx_php.' . getmypid();
@mkdir("$dir/data", 0700, true);
// exec: proc_open runs the command through sh; without exec, proc_terminate
// would stop the shell and leave ifxlite running.
$cmd = "exec " . escapeshellarg($ifxlite) . " --listen 127.0.0.1:0 --data " . escapeshellarg("$dir/data")
     . " --user informix:secret --create-db testdb:logged";
$srv = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
$port = null;
while (($line = fgets($pipes[1])) !== false) {
    if (preg_match('/listening on [^:]+:(\d+)/', $line, $m)) { $port = (int)$m[1]; break; }
}
if (!$port) { fwrite(STDERR, "ifxlite did not start\n"); exit(1); }
file_put_contents("$dir/odbcinst.ini", "[ifxodbc]\nDriver = $driver\nThreading = 0\n");
file_put_contents("$dir/odbc.ini", "[ifxtest]\nDriver = ifxodbc\nServer = ol_ifxlite\n"
    . "Host = 127.0.0.1\nService = $port\nDatabase = testdb\n");
putenv("ODBCSYSINI=$dir");
putenv("ODBCINSTINI=odbcinst.ini");
putenv("ODBCINI=$dir/odbc.ini");
putenv("ODBCSEARCH=ODBC_BOTH_DSN");

$fails = 0;
function check($ok, $what) { global $fails; echo ($ok ? "ok" : "NOT OK") . " - $what\n"; if (!$ok) $fails++; }

$c = odbc_connect("ifxtest", "informix", "secret");
check($c !== false, "connect");
if ($c === false) { echo odbc_errormsg(), "\n"; proc_terminate($srv); exit(1); }
check(odbc_exec($c, "create table php_t (id integer, name varchar(20))") !== false, "create");
$st = odbc_prepare($c, "insert into php_t values (?, ?)");
check($st !== false && odbc_execute($st, [1, "alpha"]), "insert 1");
check($st !== false && odbc_execute($st, [2, "beta"]), "insert 2");
$r = odbc_exec($c, "select id, name from php_t order by id");
$got = [];
while ($r && ($row = odbc_fetch_array($r))) { $got[] = $row['id'] . ':' . $row['name']; }
check($got === ["1:alpha", "2:beta"], "select: " . implode(",", $got));
// CLOB and TEXT: 300 KB of text each way (odbc_longreadlen for the fetch)
check(odbc_exec($c, "create table php_lob (id integer, c clob, t text)") !== false, "create lob");
$txt = "";
for ($i = 0; $i < 300000; $i++) { $txt .= chr(97 + ($i * 7) % 26); }
$st = odbc_prepare($c, "insert into php_lob values (?, ?, ?)");
check($st !== false && odbc_execute($st, [1, $txt, $txt]), "insert CLOB, TEXT");
$r = odbc_exec($c, "select c, t from php_lob where id = 1");
if ($r) { odbc_longreadlen($r, 1 << 20); }
$row = $r ? odbc_fetch_array($r) : false;
check($row !== false && $row["c"] === $txt, "CLOB round trip");
check($row !== false && $row['t'] === $txt, "TEXT round trip");
$bad = @odbc_exec($c, "select * from php_no_such");
check($bad === false && in_array(odbc_error($c), ["42S02", "S0002"], true),
      "missing table gives 42S02 (ODBC 2 form S0002 through the DM) (" . odbc_error($c) . ")");
odbc_close($c);
proc_terminate($srv);
proc_close($srv);
exec("rm -rf " . escapeshellarg($dir));
exit($fails ? 1 : 0);
