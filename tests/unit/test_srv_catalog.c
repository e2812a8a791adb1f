/* SPDX-License-Identifier: MIT */
/* test_srv_catalog.c - unit tests of ifxlite's system catalog beyond systables
 * and syscolumns: sysindexes/sysindices, sysconstraints.idxname,
 * sysreferences, sysviews, systabauth, sysxtdtypes, the seeded catalog
 * tables, and that DDL keeps them true. Talks to the engine (srv_sql.h)
 * directly; each test uses a fresh temporary data directory. */
#include "srv_sql.h"

#include "ck_util.h"
#include "srv_fixture.h"
#include "sq_opcodes.h"
#include "sq_types.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Collect all rows of a query, cells as text joined by '|', rows by '\n'. */
static void all_rows(struct srv_session *s, const char *sql, char *out, size_t cap)
{
    struct srv_err err;
    out[0] = '\0';
    struct srv_stmt *st = srv_stmt_prepare(s, sql, strlen(sql), &err);
    ck_assert_msg(st != NULL, "%s -> %d", sql, err.sqlcode);
    ck_assert_int_eq(srv_stmt_open(st, &err), 0);
    struct srv_val row[40];
    size_t used = 0;
    ck_assert_uint_le(srv_stmt_ncols(st), 40);
    while (srv_stmt_next(st, row, &err) == 1) {
        for (size_t i = 0; i < srv_stmt_ncols(st); i++) {
            char cell[160];
            switch (row[i].k) {
            case SRV_V_NULL:
                snprintf(cell, sizeof cell, "NULL");
                break;
            case SRV_V_INT:
                snprintf(cell, sizeof cell, "%lld", (long long)row[i].i);
                break;
            case SRV_V_FLOAT:
                snprintf(cell, sizeof cell, "%g", row[i].f);
                break;
            default:
                snprintf(cell, sizeof cell, "%.*s", (int)row[i].n, row[i].p);
                break;
            }
            used += (size_t)snprintf(out + used, cap - used, "%s%s", i ? "|" : "", cell);
            ck_assert_uint_lt(used, cap);
        }
        used += (size_t)snprintf(out + used, cap - used, "\n");
        ck_assert_uint_lt(used, cap);
    }
    srv_stmt_free(st);
}

static void expect_rows(struct srv_session *s, const char *sql, const char *want)
{
    static char got[8192];
    all_rows(s, sql, got, sizeof got);
    ck_assert_msg(strcmp(got, want) == 0, "%s:\ngot:\n%s\nwant:\n%s", sql, got, want);
}

static void make_schema(void)
{
    OK(g_s, "CREATE TABLE parent (a INTEGER NOT NULL, b CHAR(4) NOT NULL, note VARCHAR(20),"
            " PRIMARY KEY (a, b), UNIQUE (note))");
    OK(g_s, "CREATE TABLE child (id SERIAL PRIMARY KEY, pa INTEGER, pb CHAR(4),"
            " FOREIGN KEY (pa, pb) REFERENCES parent ON DELETE CASCADE)");
    OK(g_s, "CREATE TABLE other (x INTEGER, y INTEGER, z INTEGER,"
            " FOREIGN KEY (z) REFERENCES parent (note))");
    OK(g_s, "CREATE INDEX ix_other ON other (y DESC, x)");
    OK(g_s, "CREATE UNIQUE INDEX ux_other ON other (z)");
}

/* ---- seeded catalog ---------------------------------------------------------- */

START_TEST(catalog_tables_are_listed_with_ibm_tabids)
{
    expect_rows(g_s,
                "SELECT tabid, tabname, tabtype FROM systables WHERE tabid < 100 ORDER BY tabid",
                "1|systables|T\n2|syscolumns|T\n3|sysindices|T\n4|systabauth|T\n5|syscolauth|T\n"
                "6|sysviews|T\n9|syssynonyms|T\n10|syssyntable|T\n11|sysconstraints|T\n"
                "12|sysreferences|T\n16|sysprocedures|T\n17|sysprocbody|T\n18|sysprocplan|T\n"
                "30|sysxtdtypes|T\n50|sysindexes|V\n51|sysproccolumns|T\n");
    /* systables has IBM's 26 columns, each described in syscolumns. */
    expect1(g_s, "SELECT ncols FROM systables WHERE tabid = 1", "26");
    expect1(g_s, "SELECT count(*) FROM syscolumns WHERE tabid = 1", "26");
    expect1(g_s, "SELECT colname FROM syscolumns WHERE tabid = 50 AND colno = 6", "part1");
    /* ncols agrees with syscolumns for every catalog table. */
    expect1(g_s,
            "SELECT count(*) FROM systables t WHERE t.tabid < 100 AND t.ncols <>"
            " (SELECT count(*) FROM syscolumns c WHERE c.tabid = t.tabid)",
            "0");
    expect_rows(g_s, "SELECT extended_id, name FROM sysxtdtypes ORDER BY extended_id",
                "1|lvarchar\n5|boolean\n10|blob\n11|clob\n");
    /* Empty routine tables can be queried. */
    expect1(g_s, "SELECT count(*) FROM sysprocedures", "0");
}
END_TEST

START_TEST(catalog_queries_are_described_with_informix_types)
{
    struct srv_err err;
    const char *sql = "SELECT idxname, part1, idxtype FROM sysindexes";
    struct srv_stmt *st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_ptr_nonnull(st);
    ck_assert_uint_eq(srv_stmt_ncols(st), 3);
    ck_assert_uint_eq(srv_stmt_col(st, 0)->type & 0xFF, SQ_T_VARCHAR);
    ck_assert_uint_eq(srv_stmt_col(st, 1)->type & 0xFF, SQ_T_SMALLINT);
    ck_assert_uint_eq(srv_stmt_col(st, 2)->type & 0xFF, SQ_T_CHAR);
    srv_stmt_free(st);
}
END_TEST

/* ---- indexes and constraints ------------------------------------------------ */

START_TEST(constraints_get_informix_named_indexes)
{
    make_schema();
    /* parent 100: P (a, b) constrid 1, U (note) 2; child 101: P id 3, R 4; other 102: R 5. */
    expect_rows(g_s,
                "SELECT constrid, constrtype, tabid, idxname FROM sysconstraints"
                " WHERE tabid >= 100 ORDER BY constrid",
                "1|P|100| 100_1\n2|U|100| 100_2\n3|P|101| 101_3\n4|R|101| 101_4\n"
                "5|R|102| 102_5\n");
    expect_rows(g_s,
                "SELECT idxname, tabid, idxtype, part1, part2, part3 FROM sysindexes"
                " WHERE tabid >= 100 ORDER BY tabid, idxname",
                " 100_1|100|U|1|2|0\n 100_2|100|U|3|0|0\n 101_3|101|U|1|0|0\n"
                " 101_4|101|D|2|3|0\n 102_5|102|D|3|0|0\nix_other|102|D|-2|1|0\n"
                "ux_other|102|U|3|0|0\n");
    /* sysindices carries the same parts; owner is the table's owner. */
    expect1(g_s, "SELECT count(*) FROM sysindices WHERE tabid >= 100", "7");
    expect1(g_s, "SELECT TRIM(owner) FROM sysindexes WHERE idxname = 'ix_other'", "tester");
    expect_rows(g_s, "SELECT tabname, nindexes FROM systables WHERE tabid >= 100 ORDER BY tabid",
                "parent|2\nchild|2\nother|3\n");
}
END_TEST

START_TEST(references_name_the_parent_key)
{
    make_schema();
    expect_rows(g_s,
                "SELECT constrid, \"primary\", ptabid, updrule, delrule, matchtype, pendant"
                " FROM sysreferences ORDER BY constrid",
                "4|1|100|R|C|N|N\n5|2|100|R|R|N|N\n");
}
END_TEST

START_TEST(sysreferences_reads_through_star)
{
    make_schema();
    /* IBM names the second column "primary"; ifxlite's translator does not
     * accept r.primary yet (reported), so catalog readers use r.*. */
    expect_rows(g_s,
                "SELECT r.*, c.constrname FROM sysreferences r, sysconstraints c"
                " WHERE c.constrid = r.constrid ORDER BY 1",
                "4|1|100|R|C|N|N|r101_4\n5|2|100|R|R|N|N|r102_5\n");
}
END_TEST

START_TEST(drop_index_and_drop_table_keep_the_catalog_true)
{
    make_schema();
    OK(g_s, "DROP INDEX ix_other");
    expect1(g_s, "SELECT count(*) FROM sysindexes WHERE idxname = 'ix_other'", "0");
    expect1(g_s, "SELECT nindexes FROM systables WHERE tabname = 'other'", "2");
    OK(g_s, "DROP TABLE other");
    expect1(g_s, "SELECT count(*) FROM sysindexes WHERE tabid = 102", "0");
    expect1(g_s, "SELECT count(*) FROM sysreferences", "1");
    expect1(g_s, "SELECT count(*) FROM systabauth WHERE tabid = 102", "0");
    OK(g_s, "DROP TABLE child");
    expect1(g_s, "SELECT count(*) FROM sysreferences", "0");
    expect1(g_s, "SELECT count(*) FROM sysindexes WHERE tabid >= 100", "2");
}
END_TEST

START_TEST(alter_and_rename_keep_indexes)
{
    make_schema();
    OK(g_s, "ALTER TABLE other ADD (w INTEGER)");
    OK(g_s, "RENAME TABLE other TO another");
    expect_rows(g_s,
                "SELECT i.idxname, i.part1 FROM sysindexes i, systables t WHERE t.tabid = i.tabid"
                " AND t.tabname = 'another' ORDER BY 1",
                " 102_5|3\nix_other|-2\nux_other|3\n");
}
END_TEST

/* ---- views, privileges -------------------------------------------------------- */

START_TEST(views_keep_their_text_in_sysviews)
{
    OK(g_s, "CREATE TABLE t1 (a INTEGER, b VARCHAR(10))");
    const char *ddl = "CREATE VIEW v1 (x, y) AS SELECT a, b FROM t1 WHERE a > 1000000"
                      " AND b <> 'a long enough literal to need two pieces'";
    OK(g_s, ddl);
    expect1(g_s, "SELECT tabtype FROM systables WHERE tabname = 'v1'", "V");
    expect1(g_s,
            "SELECT count(*) FROM sysviews v, systables t WHERE t.tabid = v.tabid"
            " AND t.tabname = 'v1'",
            "2");
    char want[256];
    snprintf(want, sizeof want, "%.64s\n%-64s\n", ddl, ddl + 64); /* CHAR(64) pieces */
    expect_rows(g_s, "SELECT viewtext FROM sysviews ORDER BY seqno", want);
    OK(g_s, "DROP VIEW v1");
    expect1(g_s, "SELECT count(*) FROM sysviews", "0");
}
END_TEST

START_TEST(new_tables_grant_owner_and_public)
{
    OK(g_s, "CREATE TABLE t1 (a INTEGER)");
    expect_rows(g_s,
                "SELECT TRIM(grantor), TRIM(grantee), tabauth FROM systabauth WHERE tabid = 100"
                " ORDER BY grantee DESC",
                "tester|tester|SU-IDXAR-\ntester|public|su-idx---\n");
    struct srv_session *ansi = open_db("ansidb", SRV_DB_ANSI);
    OK(ansi, "CREATE TABLE t2 (a INTEGER)");
    expect1(ansi, "SELECT count(*) FROM systabauth WHERE grantee = 'public'", "0");
    srv_session_free(ansi);
}
END_TEST

START_TEST(temp_tables_stay_out_of_the_permanent_catalog)
{
    OK(g_s, "CREATE TEMP TABLE tt (a INTEGER PRIMARY KEY)");
    expect1(g_s, "SELECT count(*) FROM sysindexes WHERE tabid >= 100", "0");
    OK(g_s, "DROP TABLE tt");
}
END_TEST


/* ---- synonyms (IBM SYSSYNTABLE / SYSSYNONYMS, systables.tabtype S/P) ---------- */

START_TEST(synonyms_are_recorded_and_usable)
{
    make_schema();
    OK(g_s, "INSERT INTO parent VALUES (1, 'ab', 'n1')");
    OK(g_s, "CREATE SYNONYM par FOR parent");
    /* A synonym of a synonym stands for the table itself. */
    OK(g_s, "CREATE PRIVATE SYNONYM mine FOR par");
    expect_rows(g_s,
                "SELECT t.tabname, t.tabtype, t.ncols, b.tabname FROM systables t, syssyntable s,"
                " systables b WHERE s.tabid = t.tabid AND b.tabid = s.btabid ORDER BY 1",
                "mine|P|0|parent\npar|S|0|parent\n");
    expect_rows(g_s,
                "SELECT synname, t.tabname FROM syssynonyms s, systables t"
                " WHERE t.tabid = s.tabid ORDER BY 1",
                "mine|parent\npar|parent\n");
    expect1(g_s,
            "SELECT count(*) FROM syscolumns c, systables t WHERE c.tabid = t.tabid"
            " AND t.tabtype IN ('S', 'P')",
            "0");
    /* Queries through the synonym: plain, qualified, aliased, nested. */
    expect1(g_s, "SELECT note FROM par WHERE a = 1", "n1");
    expect1(g_s, "SELECT par.b FROM par WHERE par.a = 1", "ab  ");
    expect1(g_s, "SELECT x.note FROM par x WHERE x.a = 1", "n1");
    expect1(g_s, "SELECT m.note FROM mine AS m", "n1");
    expect1(g_s, "SELECT count(*) FROM child c, par p WHERE c.pa = p.a", "0");
    OK(g_s, "INSERT INTO par VALUES (2, 'cd', 'n2')");
    OK(g_s, "UPDATE par SET note = 'n3' WHERE a = 2");
    expect1(g_s, "SELECT note FROM parent WHERE a = 2", "n3");
    OK(g_s, "DELETE FROM par WHERE a = 2");
    expect1(g_s, "SELECT count(*) FROM parent", "1");
    /* Names are unique across tables and synonyms; DROP TABLE keeps off it. */
    ck_assert_int_eq(run(g_s, "CREATE SYNONYM par FOR child", NULL), -310);
    ck_assert_int_eq(run(g_s, "CREATE TABLE par (x INT)", NULL), -310);
    ck_assert_int_eq(run(g_s, "CREATE SYNONYM s2 FOR nosuch", NULL), -206);
    ck_assert_int_ne(run(g_s, "DROP TABLE par", NULL), 0);
    OK(g_s, "CREATE SYNONYM IF NOT EXISTS par FOR parent");
    OK(g_s, "DROP SYNONYM mine");
    ck_assert_int_eq(run(g_s, "DROP SYNONYM mine", NULL), -206);
    OK(g_s, "DROP SYNONYM IF EXISTS mine");
    expect1(g_s, "SELECT count(*) FROM systables WHERE tabname = 'mine'", "0");
    /* Dropping the table drops its synonyms. */
    OK(g_s, "CREATE SYNONYM kid FOR child");
    OK(g_s, "DROP TABLE child");
    expect1(g_s, "SELECT count(*) FROM systables WHERE tabname = 'kid'", "0");
    expect1(g_s, "SELECT count(*) FROM syssyntable s, systables t WHERE t.tabid = s.btabid"
                 " AND t.tabname = 'child'", "0");
    ck_assert_int_eq(run(g_s, "SELECT * FROM kid", NULL), -206);
    /* Renaming the table keeps the synonym pointing at it (by tabid). */
    OK(g_s, "RENAME TABLE parent TO parent2");
    expect1(g_s, "SELECT note FROM par WHERE a = 1", "n1");
}
END_TEST

/* ---- privileges (IBM SYSTABAUTH tabauth "su*idxarn", SYSCOLAUTH colauth "sur") - */

START_TEST(grant_and_revoke_update_tabauth_and_colauth)
{
    make_schema();
    const char *q = "SELECT rtrim(grantor), rtrim(grantee), tabauth FROM systabauth a, systables t"
                    " WHERE a.tabid = t.tabid AND t.tabname = 'parent' ORDER BY 2";
    OK(g_s, "GRANT SELECT, INSERT ON parent TO alice");
    OK(g_s, "GRANT DELETE ON parent TO alice, bob WITH GRANT OPTION");
    expect_rows(g_s, q,
                "tester|alice|s--iD----\ntester|bob|----D----\ntester|public|su-idx---\n"
                "tester|tester|SU-IDXAR-\n");
    /* Column-level: syscolauth rows and '*' in tabauth. */
    OK(g_s, "GRANT UPDATE (note, b), REFERENCES (a) ON parent TO carol");
    expect_rows(g_s,
                "SELECT rtrim(grantee), c.colno, colauth FROM syscolauth c, systables t"
                " WHERE c.tabid = t.tabid AND t.tabname = 'parent' ORDER BY 2",
                "carol|1|--r\ncarol|2|-u-\ncarol|3|-u-\n");
    expect1(g_s,
            "SELECT tabauth FROM systabauth WHERE grantee = 'carol' AND tabid ="
            " (SELECT tabid FROM systables WHERE tabname = 'parent')",
            "--*------");
    OK(g_s, "REVOKE UPDATE ON parent FROM carol");
    expect_rows(g_s,
                "SELECT rtrim(grantee), colno, colauth FROM syscolauth ORDER BY 2",
                "carol|1|--r\n");
    OK(g_s, "REVOKE REFERENCES ON parent FROM carol");
    expect1(g_s, "SELECT count(*) FROM syscolauth", "0");
    expect1(g_s, "SELECT count(*) FROM systabauth WHERE grantee = 'carol'", "0");
    /* REVOKE removes letters; a row with nothing left goes away. */
    OK(g_s, "REVOKE DELETE ON parent FROM bob");
    OK(g_s, "REVOKE INSERT ON parent FROM alice");
    OK(g_s, "REVOKE ALL ON parent FROM public");
    expect_rows(g_s, q, "tester|alice|s---D----\ntester|tester|SU-IDXAR-\n");
    OK(g_s, "GRANT ALL PRIVILEGES ON parent TO public AS informix");
    expect1(g_s,
            "SELECT rtrim(grantor) || ':' || tabauth FROM systabauth WHERE grantee = 'public'"
            " AND tabid = (SELECT tabid FROM systables WHERE tabname = 'parent')",
            "informix:su-idxar-");
    /* Errors and statements ifxlite accepts without catalog rows. */
    ck_assert_int_eq(run(g_s, "GRANT SELECT ON nosuch TO alice", NULL), -206);
    ck_assert_int_eq(run(g_s, "GRANT SELECT (nosuch) ON parent TO alice", NULL), -217);
    ck_assert_int_eq(run(g_s, "GRANT FLY ON parent TO alice", NULL), -201);
    OK(g_s, "GRANT CONNECT TO alice");
    OK(g_s, "GRANT RESOURCE TO alice, bob");
    OK(g_s, "GRANT EXECUTE ON PROCEDURE p TO alice");
    /* Dropping the table drops its privileges. */
    OK(g_s, "DROP TABLE other");
    OK(g_s, "DROP TABLE child");
    OK(g_s, "DROP TABLE parent");
    expect1(g_s, "SELECT count(*) FROM systabauth a WHERE a.tabid >= 100", "0");
}
END_TEST

/* ---- translator fixes ------------------------------------------------------------ */

START_TEST(rowid_is_an_integer_pseudo_column)
{
    OK(g_s, "CREATE TABLE nokey (v VARCHAR(10))");
    OK(g_s, "INSERT INTO nokey VALUES ('x')");
    OK(g_s, "INSERT INTO nokey VALUES ('y')");
    expect1(g_s, "SELECT rowid FROM nokey WHERE v = 'y'", "2");
    expect1(g_s, "SELECT v FROM nokey WHERE rowid = 1", "x");
    struct srv_err err;
    struct srv_stmt *st = srv_stmt_prepare(g_s, "SELECT rowid, v FROM nokey", 26, &err);
    ck_assert_ptr_nonnull(st);
    ck_assert_uint_eq(srv_stmt_ncols(st), 2);
    const struct srv_col *c = srv_stmt_col(st, 0);
    ck_assert_str_eq(c->name, "rowid");
    ck_assert_uint_eq(c->type & 0xFF, SQ_T_INTEGER);
    ck_assert_uint_eq(c->enc_len, 4);
    srv_stmt_free(st);
}
END_TEST

START_TEST(qualified_sqlite_keywords_are_columns)
{
    make_schema();
    /* sysreferences.primary (IBM SYSREFERENCES) read with a qualifier. */
    expect1(g_s,
            "SELECT count(*) FROM sysreferences r, sysconstraints c"
            " WHERE c.constrid = r.primary AND c.constrtype IN ('P', 'U')",
            "2");
    expect1(g_s, "SELECT count(r.primary) FROM sysreferences r WHERE r.primary > 0", "2");
}
END_TEST

START_TEST(insert_select_coerces_to_target_types)
{
    OK(g_s, "CREATE TABLE src (s VARCHAR(10), n VARCHAR(10))");
    OK(g_s, "CREATE TABLE dst (d DECIMAL(12,2), c CHAR(3), i INTEGER)");
    OK(g_s, "INSERT INTO src VALUES ('1.005', 'abcdef')");
    OK(g_s, "INSERT INTO src VALUES ('2.499', 'x')");
    OK(g_s, "INSERT INTO dst (d, c) SELECT s, n FROM src WHERE s = '1.005'");
    expect1(g_s, "SELECT d FROM dst", "1.01");
    expect1(g_s, "SELECT c FROM dst", "abc");
    OK(g_s, "INSERT INTO dst SELECT s + 0, n, 7 FROM src WHERE n = 'x' UNION ALL"
            " SELECT 3.333, 'zz', 8 FROM src WHERE n = 'x'");
    expect_rows(g_s, "SELECT d, i FROM dst WHERE i IS NOT NULL ORDER BY i", "2.50|7\n3.33|8\n");
    ck_assert_int_eq(run(g_s, "INSERT INTO dst (d, c) SELECT 'oops', n FROM src", NULL), -1213);
}
END_TEST

START_TEST(rename_column_renames_constraint_columns)
{
    make_schema();
    OK(g_s, "RENAME COLUMN parent.b TO bb");
    OK(g_s, "RENAME COLUMN parent.note TO remark");
    /* The key still covers columns 1 and 2, the unique constraint column 3. */
    expect_rows(g_s,
                "SELECT c.constrtype, i.part1, i.part2 FROM sysconstraints c, sysindexes i,"
                " systables t WHERE t.tabname = 'parent' AND c.tabid = t.tabid"
                " AND i.idxname = c.idxname ORDER BY 1",
                "P|1|2\nU|3|0\n");
    /* A later DDL sync keeps them (cat_sync rebuilds from the constraint records). */
    OK(g_s, "CREATE INDEX ix_p ON parent (remark)");
    expect1(g_s,
            "SELECT count(*) FROM sysconstraints c, sysindexes i WHERE i.idxname = c.idxname"
            " AND c.tabid = (SELECT tabid FROM systables WHERE tabname = 'parent')",
            "2");
    OK(g_s, "RENAME TABLE parent TO dad");
    expect1(g_s,
            "SELECT t.tabname FROM sysreferences r, systables t WHERE t.tabid = r.ptabid"
            " GROUP BY 1",
            "dad");
}
END_TEST

static Suite *srv_catalog_suite(void)
{
    Suite *s = suite_create("srv_catalog");
    TCase *tc = tcase_create("catalog");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, catalog_tables_are_listed_with_ibm_tabids);
    tcase_add_test(tc, catalog_queries_are_described_with_informix_types);
    tcase_add_test(tc, constraints_get_informix_named_indexes);
    tcase_add_test(tc, references_name_the_parent_key);
    tcase_add_test(tc, sysreferences_reads_through_star);
    tcase_add_test(tc, drop_index_and_drop_table_keep_the_catalog_true);
    tcase_add_test(tc, alter_and_rename_keep_indexes);
    tcase_add_test(tc, views_keep_their_text_in_sysviews);
    tcase_add_test(tc, new_tables_grant_owner_and_public);
    tcase_add_test(tc, temp_tables_stay_out_of_the_permanent_catalog);
    tcase_add_test(tc, synonyms_are_recorded_and_usable);
    tcase_add_test(tc, grant_and_revoke_update_tabauth_and_colauth);
    tcase_add_test(tc, rowid_is_an_integer_pseudo_column);
    tcase_add_test(tc, qualified_sqlite_keywords_are_columns);
    tcase_add_test(tc, insert_select_coerces_to_target_types);
    tcase_add_test(tc, rename_column_renames_constraint_columns);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(srv_catalog_suite());
}
