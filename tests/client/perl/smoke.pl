#!/usr/bin/perl
# SPDX-License-Identifier: MIT
# smoke.pl - DBD::ODBC smoke test: start ifxlite, private ini files, connect,
# parameterized insert, select, BLOB/CLOB/TEXT values of 300 KB both ways,
# and an error with its SQLSTATE. Exit 77 = skipped.
# Env: IFXLITE_PATH, IFXODBC_DRIVER_PATH.
use strict;
use warnings;
use File::Temp qw(tempdir);

eval { require DBI; require DBD::ODBC; 1 } or do {
    print "SKIP: DBI / DBD::ODBC (libdbd-odbc-perl) not installed\n";
    exit 77;
};
my $ifxlite = $ENV{IFXLITE_PATH} or die "IFXLITE_PATH not set\n";
my $driver = $ENV{IFXODBC_DRIVER_PATH} or die "IFXODBC_DRIVER_PATH not set\n";
my $dir = tempdir("ifx_perl.XXXXXX", TMPDIR => 1, CLEANUP => 1);
mkdir "$dir/data";
my $pid = open(my $srv, "-|", $ifxlite, "--listen", "127.0.0.1:0", "--data", "$dir/data",
               "--user", "informix:secret", "--create-db", "testdb:logged")
    or die "cannot start ifxlite: $!\n";
my $port;
while (my $line = <$srv>) {
    if ($line =~ /listening on [^:]+:(\d+)/) { $port = $1; last; }
}
die "ifxlite did not start\n" unless $port;
open(my $f, ">", "$dir/odbcinst.ini") or die;
print $f "[ifxodbc]\nDriver = $driver\nThreading = 0\n";
close $f;
open($f, ">", "$dir/odbc.ini") or die;
print $f "[ifxtest]\nDriver = ifxodbc\nServer = ol_ifxlite\nHost = 127.0.0.1\n",
         "Service = $port\nDatabase = testdb\n";
close $f;
$ENV{ODBCSYSINI} = $dir;
$ENV{ODBCINSTINI} = "odbcinst.ini";
$ENV{ODBCINI} = "$dir/odbc.ini";
$ENV{ODBCSEARCH} = "ODBC_BOTH_DSN";

my $fails = 0;
sub check { my ($ok, $what) = @_; print(($ok ? "ok" : "NOT OK"), " - $what\n"); $fails++ unless $ok; }

my $dbh = DBI->connect("dbi:ODBC:DSN=ifxtest", "informix", "secret",
                       { RaiseError => 0, PrintError => 0, AutoCommit => 1 });
check(defined $dbh, "connect") or do { print DBI->errstr, "\n"; kill 'TERM', $pid; exit 1 };
check($dbh->do("create table perl_t (id integer, name varchar(20), amount decimal(8,2))"),
      "create table");
my $ins = $dbh->prepare("insert into perl_t values (?, ?, ?)");
check($ins && $ins->execute(1, "alpha", "12.50"), "insert 1");
check($ins && $ins->execute(2, "bëta", undef), "insert 2 (UTF-8, NULL)");
my $rows = $dbh->selectall_arrayref("select id, name, amount from perl_t order by id");
check($rows && @$rows == 2, "two rows");
check($rows && $rows->[0][0] == 1 && $rows->[0][1] eq "alpha" && $rows->[0][2] == 12.5,
      "row 1 values");
check($rows && !defined $rows->[1][2], "row 2 NULL");
$dbh->{LongReadLen} = 1 << 20;
check($dbh->do("create table perl_lob (id integer, b blob, c clob, t text)"), "create lob table");
my $bin = join("", map { chr(($_ * 131 + ($_ >> 9)) % 256) } 0 .. 300_000);
my $txt = join("", map { chr(97 + ($_ * 7) % 26) } 0 .. 300_000);
my $lob = $dbh->prepare("insert into perl_lob values (?, ?, ?, ?)");
$lob->bind_param(1, 1);
$lob->bind_param(2, $bin, DBI::SQL_LONGVARBINARY());
$lob->bind_param(3, $txt, DBI::SQL_LONGVARCHAR());
$lob->bind_param(4, $txt, DBI::SQL_LONGVARCHAR());
check($lob && $lob->execute, "insert BLOB, CLOB, TEXT") or print $dbh->errstr // "", "\n";
my $lr = $dbh->selectrow_arrayref("select b, c, t from perl_lob where id = 1");
check($lr && length($lr->[0]) == length($bin) && $lr->[0] eq $bin, "BLOB round trip");
check($lr && $lr->[1] eq $txt, "CLOB round trip");
check($lr && $lr->[2] eq $txt, "TEXT round trip");
my $bad = $dbh->do("select * from perl_no_such");
check(!defined $bad && $dbh->state eq "42S02", "missing table gives 42S02 (" . ($dbh->state // "") . ")");
$dbh->disconnect;
kill 'TERM', $pid;
close $srv;
exit($fails ? 1 : 0);
