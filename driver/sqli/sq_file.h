/* SPDX-License-Identifier: MIT */
/* sq_file.h - smart large objects (BLOB, CLOB) in the protocol core, by the
 * route the protocol document marks [L] (doc §9.8): server-driven client file
 * I/O. A statement that calls lotofile(lo, 'name', 'client') makes the server
 * ask the client to open a file, then send it the data (SQ_FILE write
 * requests, SQ_FILE_WRITE blocks); filetoblob/filetoclob('name', 'client')
 * makes it ask for the file's data (SQ_FILE read requests, answered with
 * SQ_FILE_READ blocks). The requests arrive in the middle of the statement's
 * reply; the core answers them through the connection's file handler and
 * goes on reading the reply.
 *
 * What is verified and what is ours (PROTOCOL.md "Smart LOBs"):
 *   - [L] doc: the route itself, the optypes (0 open, 1 close, 2 read, 3
 *     write), the read request `u16 bufsize, i32 amount` and its answer
 *     `SQ_FILE_READ i32 total` + `SQ_FILE_READ str16` chunks + EOT, write
 *     data as SQ_FILE_WRITE blocks until EOT answered with the total,
 *     close answered by a bare EOT.
 *   - ours: the widths of the open request (str16 name, i32 mode, i32 flags,
 *     i32 offset: the doc names the fields only), the answer to an open
 *     (`SQ_FILE_READ i32 result`), the answer to a write as `SQ_FILE_READ
 *     i32 total`, and the locator bind block (UDTFIXED, prec = extended id,
 *     72 bytes).
 * No capture of a real server is known for any of these; the fast path
 * (ifx_lo_open + SQ_LODATA, [U] throughout) is not used. */
#ifndef IFXODBC_SQ_FILE_H
#define IFXODBC_SQ_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sq_conn.h"
#include "sq_rc.h"

/* SQ_FILE open modes (ours): the client's file is read (data goes to the
 * server) or written (data comes from the server). */
#define SQ_FILE_MODE_READ 0
#define SQ_FILE_MODE_WRITE 1

/* The client's side of the files the server asks for. Every function may be
 * called only between an open that succeeded and its close. */
struct sq_file_ops {
    void *ctx;
    /* Open name for mode: OK with *size = the bytes the file holds (read
     * mode; 0 in write mode); anything else refuses the open (the server
     * then ends its statement with an error). */
    enum sq_rc (*open)(void *ctx, const char *name, size_t name_n, int32_t mode, uint64_t *size);
    /* Up to max bytes of the file into buf: OK with *got (0 = end of file),
     * or an error (the connection breaks: the server was promised data). */
    enum sq_rc (*read)(void *ctx, uint8_t *buf, size_t max, size_t *got);
    /* Take n bytes of the file: OK or an error (reported to the server as a
     * failed write; the rest of the data is read and dropped). */
    enum sq_rc (*write)(void *ctx, const uint8_t *p, size_t n);
    void (*close)(void *ctx);
};

/* The handler for the file requests that come while the next requests run
 * (NULL: every open is refused, so lotofile(..., 'client') in an
 * application's own SELECT fails cleanly with the server's error). The ops
 * must stay valid until replaced. */
void sq_conn_set_file_ops(struct sq_conn *conn, const struct sq_file_ops *ops);

/* Read the smart large object named by locator (72 bytes, as a row carried
 * it) through `SELECT lotofile(?::BLOB|CLOB, 'ifxodbc_lo!', 'client') FROM
 * systables WHERE tabid = 1`: the data goes to ops->write. OK, SERVER (the
 * server's error is in sq_conn_server_error()), or a failure. Drains anything
 * outstanding first, as every request does. */
enum sq_rc sq_lo_fetch(struct sq_conn *conn, bool clob, const uint8_t locator[72],
                       const struct sq_file_ops *ops);

/* Create a smart large object from ops->read's data through `SELECT
 * filetoblob|filetoclob('ifxodbc_lo!', 'client') FROM systables WHERE tabid =
 * 1`: OK with the new object's locator in locator[72] (to be bound as an
 * SQ_T_UDTFIXED parameter), SERVER, or a failure. */
enum sq_rc sq_lo_create(struct sq_conn *conn, bool clob, const struct sq_file_ops *ops,
                        uint8_t locator[72]);

#endif
