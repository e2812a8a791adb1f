/* SPDX-License-Identifier: MIT */
/* srv_profile.h - ifxlite's switchable protocol behaviours (--profile KEY=VALUE),
 * one per [U] choice of the protocol doc, so the driver can be tested against
 * each alternative. Pure data and parsing; no I/O. */
#ifndef IFXLITE_SRV_PROFILE_H
#define IFXLITE_SRV_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

enum srv_proto_mode {
    SRV_PROTO_ECHO, /* client's mask with PAM and large-tuple cleared (default) */
    SRV_PROTO_ZERO  /* all-zero mask of the client's length */
};

struct srv_profile {
    enum srv_proto_mode proto;
    bool insertdone_always;  /* SQ_INSERTDONE after every INSERT (default) or only if generated */
    int unlogged_begin;      /* -256 (default) or -201 */
    char server_version[64]; /* CONACC version string, default "14.10.FC10" */
    bool nfetch16;           /* SQ_NFETCH carries a u16 bufsize (old servers); default u32 */
    unsigned sqfile_chunk;   /* bytes per SQ_FILE_WRITE block; 0 = 32000 (srv_lofile.h) */
};

/* Defaults: proto=echo, insertdone=always, unlogged-begin=-256,
 * server-version=14.10.FC10, nfetch16=0. */
void srv_profile_init(struct srv_profile *p);

/* Apply one "KEY=VALUE". 0, or -1 with a message in err (unknown key, bad value). */
int srv_profile_set(struct srv_profile *p, const char *kv, char *err, size_t errlen);

/* Help text listing every key, for --help. */
const char *srv_profile_help(void);

#endif
