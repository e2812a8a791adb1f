/* SPDX-License-Identifier: MIT */
/* setup.c - libifxodbcS.so, the unixODBC setup library: ODBCINSTGetProperties
 * lists every DSN keyword of the driver's own table (driver/odbc/dsn.c) with
 * its help text and default; ConfigDSN adds, modifies and removes DSNs for
 * SQLConfigDataSource; ConfigDriver accepts install/remove/config requests.
 * No dialogs (Unix): a parent window handle is ignored. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <odbcinst.h>
#include <odbcinstext.h>

#include "dsn.h"
#include "sq_alloc.h"

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

/* Exported (setup/exports.txt); declared here because unixODBC's header only
 * declares ODBCINSTGetProperties in odbcinstext.h. */
BOOL INSTAPI ConfigDSN(HWND hwnd, WORD req, LPCSTR driver, LPCSTR attrs);
BOOL INSTAPI ConfigDriver(HWND hwnd, WORD req, LPCSTR driver, LPCSTR args, LPSTR msg,
                          WORD msg_max, WORD *msg_out);

/* Prompt lists. odbcinst frees aPromptData (the array) but not the strings,
 * and may unload this library before the caller reads them: so the array and
 * its strings are one allocation (pointers first, then the text). */
static const char *const yes_no[] = {"Yes", "No", NULL};
static const char *const protocols[] = {"onsoctcp", "onsocssl", NULL};
static const char *const verify_modes[] = {"full", "insecure-no-verify", NULL};

static bool is_file_keyword(enum dsn_kw id)
{
    return id == DSN_KW_TRACE_FILE || id == DSN_KW_TLS_CA_FILE || id == DSN_KW_TLS_CLIENT_CERT ||
           id == DSN_KW_TLS_CLIENT_KEY || id == DSN_KW_SQLHOSTS;
}

/* The DM itself supplies Name (DSN), Description and Driver. */
static bool dm_supplies(enum dsn_kw id)
{
    return id == DSN_KW_DSN || id == DSN_KW_DRIVER || id == DSN_KW_DESCRIPTION;
}

static bool bool_true(const char *v)
{
    return v && (strcasecmp(v, "y") == 0 || strcasecmp(v, "yes") == 0 || strcmp(v, "1") == 0 ||
                 strcasecmp(v, "true") == 0 || strcasecmp(v, "on") == 0);
}

static char **prompt_copy(const char *const *list)
{
    size_t n = 0, bytes = 0;
    while (list[n])
        bytes += strlen(list[n++]) + 1;
    char **a = sq_malloc((n + 1) * sizeof *a + bytes);
    if (!a)
        return NULL;
    char *text = (char *)(a + n + 1);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(list[i]) + 1;
        memcpy(text, list[i], len);
        a[i] = text;
        text += len;
    }
    a[n] = NULL;
    return a;
}

int INSTAPI ODBCINSTGetProperties(HODBCINSTPROPERTY last)
{
    if (!last)
        return ODBCINST_ERROR;
    while (last->pNext)
        last = last->pNext;
    const struct dsn_keyword *kw = dsn_keywords();
    for (size_t i = 0; i < DSN_KW__COUNT; i++) {
        const struct dsn_keyword *k = &kw[i];
        if (dm_supplies(k->id))
            continue;
        HODBCINSTPROPERTY p = sq_calloc(1, sizeof *p);
        if (!p)
            return ODBCINST_ERROR;
        snprintf(p->szName, sizeof p->szName, "%s", k->name);
        p->nPromptType = ODBCINST_PROMPTTYPE_TEXTEDIT;
        const char *def = k->def ? k->def : "";
        const char *const *list = NULL;
        if (k->is_secret) {
            p->nPromptType = ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD;
            def = "";
        } else if (k->kind == DSN_K_BOOL) {
            list = yes_no;
            def = bool_true(k->def) ? "Yes" : "No";
        } else if (k->kind == DSN_K_PROTOCOL) {
            list = protocols;
        } else if (k->kind == DSN_K_TLS_VERIFY) {
            list = verify_modes;
        } else if (is_file_keyword(k->id)) {
            p->nPromptType = ODBCINST_PROMPTTYPE_FILENAME;
        }
        if (list) {
            p->nPromptType = ODBCINST_PROMPTTYPE_LISTBOX;
            p->aPromptData = prompt_copy(list);
        }
        snprintf(p->szValue, sizeof p->szValue, "%s", def);
        /* Help: the table's line, then the IBM spellings also accepted. */
        char help[512];
        int w = snprintf(help, sizeof help, "%s", k->help ? k->help : "");
        for (size_t a = 0; a < 3 && k->aliases[a] && w > 0 && (size_t)w < sizeof help; a++)
            w += snprintf(help + w, sizeof help - (size_t)w, "%s%s", a ? ", " : " (also: ",
                          k->aliases[a]);
        if (k->aliases[0] && w > 0 && (size_t)w < sizeof help - 1)
            snprintf(help + w, sizeof help - (size_t)w, ")");
        p->pszHelp = sq_strdup(help);
        if ((list && !p->aPromptData) || !p->pszHelp) {
            sq_free(p->aPromptData);
            sq_free(p->pszHelp);
            sq_free(p);
            return ODBCINST_ERROR;
        }
        last->pNext = p;
        last = p;
    }
    return ODBCINST_SUCCESS;
}

/* ---- ConfigDSN ---- */

/* Walk "KEY=value\0KEY=value\0\0". fn gets key/value split (not terminated
 * key: klen); returns false to stop. Bounded: at most 64 KiB in all. */
#define ATTR_MAX (64u * 1024u)

struct attr {
    char key[128];
    char value[1024];
};

static bool next_attr(const char **pp, const char *end, struct attr *a, bool *bad)
{
    const char *p = *pp;
    *bad = false;
    if (p >= end || !*p)
        return false;
    size_t len = strnlen(p, (size_t)(end - p));
    const char *eq = memchr(p, '=', len);
    size_t klen = eq ? (size_t)(eq - p) : len;
    while (klen && p[klen - 1] == ' ')
        klen--;
    const char *v = eq ? eq + 1 : p + len;
    size_t vlen = eq ? len - (size_t)(v - p) : 0;
    if (!eq || klen == 0 || klen >= sizeof a->key || vlen >= sizeof a->value)
        *bad = true;
    else {
        memcpy(a->key, p, klen);
        a->key[klen] = '\0';
        memcpy(a->value, v, vlen);
        a->value[vlen] = '\0';
    }
    *pp = p + len + 1;
    return true;
}

static size_t attrs_len(const char *attrs)
{
    size_t i = 0;
    while (i + 1 < ATTR_MAX && (attrs[i] || attrs[i + 1]))
        i++;
    return i + 1;
}

static BOOL fail(DWORD code, const char *msg)
{
    SQLPostInstallerError(code, msg);
    return FALSE;
}

BOOL INSTAPI ConfigDSN(HWND hwnd, WORD req, LPCSTR driver, LPCSTR attrs)
{
    (void)hwnd; /* no dialogs on Unix */
    if (req != ODBC_ADD_DSN && req != ODBC_CONFIG_DSN && req != ODBC_REMOVE_DSN)
        return fail(ODBC_ERROR_INVALID_REQUEST_TYPE, "ConfigDSN: unknown request");
    if (!attrs)
        return fail(ODBC_ERROR_INVALID_KEYWORD_VALUE, "ConfigDSN: no attributes (DSN=...)");
    const char *end = attrs + attrs_len(attrs);
    /* First pass: the DSN name, and every key must be one of ours. */
    char dsn[SQL_MAX_DSN_LENGTH + 1] = "";
    struct attr a;
    bool bad = false;
    for (const char *p = attrs; next_attr(&p, end, &a, &bad);) {
        if (bad)
            return fail(ODBC_ERROR_INVALID_KEYWORD_VALUE, "ConfigDSN: malformed KEY=value");
        const struct dsn_keyword *k = dsn_keyword_find(a.key, strlen(a.key));
        if (!k) {
            char m[256];
            snprintf(m, sizeof m, "ConfigDSN: unknown keyword %s", a.key);
            return fail(ODBC_ERROR_INVALID_KEYWORD_VALUE, m);
        }
        if (k->id == DSN_KW_DSN) {
            if (strlen(a.value) > SQL_MAX_DSN_LENGTH || !SQLValidDSN(a.value))
                return fail(ODBC_ERROR_INVALID_DSN, "ConfigDSN: invalid DSN name");
            memcpy(dsn, a.value, strlen(a.value) + 1); /* length checked above */
        }
    }
    if (!dsn[0])
        return fail(ODBC_ERROR_INVALID_DSN, "ConfigDSN: no DSN= attribute");
    if (req == ODBC_REMOVE_DSN) {
        if (!SQLRemoveDSNFromIni(dsn))
            return fail(ODBC_ERROR_REQUEST_FAILED, "ConfigDSN: cannot remove the DSN");
        return TRUE;
    }
    if (req == ODBC_ADD_DSN) {
        if (!driver || !driver[0])
            return fail(ODBC_ERROR_INVALID_KEYWORD_VALUE, "ConfigDSN: no driver name");
        if (!SQLWriteDSNToIni(dsn, driver))
            return fail(ODBC_ERROR_REQUEST_FAILED, "ConfigDSN: cannot write the DSN");
    }
    /* Keywords under their canonical names; an empty value removes the key. */
    for (const char *p = attrs; next_attr(&p, end, &a, &bad);) {
        const struct dsn_keyword *k = dsn_keyword_find(a.key, strlen(a.key));
        if (!k || k->id == DSN_KW_DSN || k->id == DSN_KW_DRIVER)
            continue;
        if (!SQLWritePrivateProfileString(dsn, k->name, a.value[0] ? a.value : NULL, "odbc.ini"))
            return fail(ODBC_ERROR_REQUEST_FAILED, "ConfigDSN: cannot write a keyword");
    }
    return TRUE;
}

/* ---- ConfigDriver ---- */

static BOOL driver_msg(LPSTR msg, WORD max, WORD *out, const char *text)
{
    size_t n = strlen(text);
    if (out)
        *out = (WORD)(n > 0xFFFF ? 0xFFFF : n);
    if (msg && max > 0)
        snprintf(msg, max, "%s", text);
    return TRUE;
}

BOOL INSTAPI ConfigDriver(HWND hwnd, WORD req, LPCSTR driver, LPCSTR args, LPSTR msg,
                          WORD msg_max, WORD *msg_out)
{
    (void)hwnd;
    switch (req) {
    case ODBC_INSTALL_DRIVER:
        return driver_msg(msg, msg_max, msg_out, "Informix ODBC driver (SQLI) installed");
    case ODBC_REMOVE_DRIVER:
        return driver_msg(msg, msg_max, msg_out, "Informix ODBC driver (SQLI) removed");
    case ODBC_CONFIG_DRIVER: {
        /* args "KEY=value\0...\0\0" written to the driver's odbcinst.ini section. */
        if (!driver || !driver[0])
            return fail(ODBC_ERROR_INVALID_NAME, "ConfigDriver: no driver name");
        if (args) {
            const char *end = args + attrs_len(args);
            struct attr a;
            bool bad = false;
            for (const char *p = args; next_attr(&p, end, &a, &bad);) {
                if (bad)
                    return fail(ODBC_ERROR_INVALID_KEYWORD_VALUE, "ConfigDriver: bad KEY=value");
                if (!SQLWritePrivateProfileString(driver, a.key, a.value[0] ? a.value : NULL,
                                                  "odbcinst.ini"))
                    return fail(ODBC_ERROR_REQUEST_FAILED, "ConfigDriver: cannot write");
            }
        }
        return driver_msg(msg, msg_max, msg_out, "Informix ODBC driver (SQLI) configured");
    }
    default:
        return fail(ODBC_ERROR_INVALID_REQUEST_TYPE, "ConfigDriver: unknown request");
    }
}
