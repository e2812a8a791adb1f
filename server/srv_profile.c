/* SPDX-License-Identifier: MIT */
/* srv_profile.c - parsing of --profile KEY=VALUE into struct srv_profile. */
#include "srv_profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void srv_profile_init(struct srv_profile *p)
{
    memset(p, 0, sizeof *p);
    p->proto = SRV_PROTO_ECHO;
    p->insertdone_always = true;
    p->unlogged_begin = -256;
    snprintf(p->server_version, sizeof p->server_version, "%s", "14.10.FC10");
    p->nfetch16 = false;
}

static bool is01(const char *v, bool *out)
{
    if (strcmp(v, "0") == 0 || strcmp(v, "no") == 0 || strcmp(v, "off") == 0) {
        *out = false;
        return true;
    }
    if (strcmp(v, "1") == 0 || strcmp(v, "yes") == 0 || strcmp(v, "on") == 0) {
        *out = true;
        return true;
    }
    return false;
}

int srv_profile_set(struct srv_profile *p, const char *kv, char *err, size_t errlen)
{
    const char *eq = strchr(kv, '=');
    if (!eq) {
        snprintf(err, errlen, "profile '%s': expected KEY=VALUE", kv);
        return -1;
    }
    size_t klen = (size_t)(eq - kv);
    const char *v = eq + 1;
#define KEY_IS(k) (klen == sizeof(k) - 1 && memcmp(kv, k, klen) == 0)
    if (KEY_IS("proto")) {
        if (strcmp(v, "echo") == 0)
            p->proto = SRV_PROTO_ECHO;
        else if (strcmp(v, "zero") == 0)
            p->proto = SRV_PROTO_ZERO;
        else
            goto bad_value;
        return 0;
    }
    if (KEY_IS("insertdone")) {
        if (strcmp(v, "always") == 0)
            p->insertdone_always = true;
        else if (strcmp(v, "generated") == 0)
            p->insertdone_always = false;
        else
            goto bad_value;
        return 0;
    }
    if (KEY_IS("unlogged-begin")) {
        if (strcmp(v, "-256") == 0)
            p->unlogged_begin = -256;
        else if (strcmp(v, "-201") == 0)
            p->unlogged_begin = -201;
        else
            goto bad_value;
        return 0;
    }
    if (KEY_IS("server-version")) {
        size_t n = strlen(v);
        if (n == 0 || n >= sizeof p->server_version)
            goto bad_value;
        memcpy(p->server_version, v, n + 1);
        return 0;
    }
    if (KEY_IS("nfetch16")) {
        if (!is01(v, &p->nfetch16))
            goto bad_value;
        return 0;
    }
    if (KEY_IS("sqfile_chunk")) {
        char *end;
        unsigned long n = strtoul(v, &end, 10);
        if (*v < '0' || *v > '9' || *end || n < 1 || n > 65534)
            goto bad_value;
        p->sqfile_chunk = (unsigned)n;
        return 0;
    }
#undef KEY_IS
    snprintf(err, errlen, "profile: unknown key '%.*s' (see --help)", (int)klen, kv);
    return -1;
bad_value:
    snprintf(err, errlen, "profile: bad value '%s' for '%.*s' (see --help)", v, (int)klen, kv);
    return -1;
}

const char *srv_profile_help(void)
{
    return "  Profile keys (--profile KEY=VALUE, repeatable):\n"
           "    proto=echo|zero          SQ_PROTOCOLS reply: the client's mask with PAM and\n"
           "                             large-tuple cleared (echo, default), or all zero\n"
           "                             (u16 SQL length/error offset, i32 DONE, legacy DESCRIBE)\n"
           "    insertdone=always|generated  SQ_INSERTDONE after every INSERT (default) or only\n"
           "                             when a SERIAL8/BIGSERIAL value was generated\n"
           "    unlogged-begin=-256|-201 error for BEGIN in an unlogged database (default -256)\n"
           "    server-version=STRING    version string in the login reply (default 14.10.FC10)\n"
           "    nfetch16=0|1             SQ_NFETCH buffer size read as u16 (old servers);\n"
           "                             default 0 (u32)\n"
           "    sqfile_chunk=N           bytes per SQ_FILE_WRITE block ifxlite sends while a\n"
           "                             lotofile() runs (1..65534, default 32000)\n";
}
