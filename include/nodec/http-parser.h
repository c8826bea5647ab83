/*
 * nodec/http-parser.h - an incremental, zero-copy HTTP/1.1 parser.
 *
 * The parser reads requests or responses from input handed to it in pieces
 * of any size and reports what it finds through callbacks that point into
 * that input; it allocates nothing, and all its state is the caller's
 * nd_http_parser_t.  See nd_http_parser(3).
 */
#ifndef NODEC_HTTP_PARSER_H
#define NODEC_HTTP_PARSER_H

#include <stdint.h>
#include <sys/types.h>

#include "common.h"

/*
 * Parser errors, outside errno's range (and libuv's).  XX(name, message):
 * nd_err_name() and nd_strerror() know them like every other code.
 */
#define ND__EHTTP_BASE (-4200)
#define ND_HTTP_ERRNO_MAP(XX)                                                \
  XX(EHTTP_INVALID_METHOD, 0, "unknown or malformed request method")        \
  XX(EHTTP_INVALID_TARGET, 1, "invalid character in request target")        \
  XX(EHTTP_INVALID_VERSION, 2, "malformed or unsupported HTTP version")     \
  XX(EHTTP_INVALID_STATUS, 3, "malformed status line")                      \
  XX(EHTTP_INVALID_HEADER_NAME, 4, "invalid character in header name")      \
  XX(EHTTP_INVALID_HEADER_VALUE, 5, "invalid character in header value")    \
  XX(EHTTP_BARE_CR, 6, "CR not followed by LF")                             \
  XX(EHTTP_BARE_LF, 7, "line ended by LF without CR")                       \
  XX(EHTTP_OBS_FOLD, 8, "obsolete line folding in a header")                \
  XX(EHTTP_HEADER_OVERFLOW, 9, "header section larger than the limit")      \
  XX(EHTTP_TOO_MANY_HEADERS, 10, "more header fields than the limit")       \
  XX(EHTTP_INVALID_CONTENT_LENGTH, 11, "malformed Content-Length")          \
  XX(EHTTP_CONTENT_LENGTH_OVERFLOW, 12, "Content-Length too large")         \
  XX(EHTTP_DUPLICATE_CONTENT_LENGTH, 13, "Content-Length given twice")      \
  XX(EHTTP_CONFLICTING_CONTENT_LENGTH, 14,                                  \
     "Content-Length given twice with different values")                    \
  XX(EHTTP_CL_AND_TE, 15, "both Content-Length and Transfer-Encoding")      \
  XX(EHTTP_INVALID_TRANSFER_ENCODING, 16,                                   \
     "Transfer-Encoding does not end in a single chunked")                  \
  XX(EHTTP_INVALID_CHUNK_SIZE, 17, "malformed chunk size")                  \
  XX(EHTTP_CHUNK_SIZE_OVERFLOW, 18, "chunk size too large")                 \
  XX(EHTTP_INVALID_CHUNK_EXTENSION, 19, "invalid character in chunk extension") \
  XX(EHTTP_INVALID_CHUNK_DATA, 20, "chunk data not followed by CRLF")       \
  XX(EHTTP_DATA_AFTER_CLOSE, 21, "data after a message ending the connection") \
  XX(EHTTP_INCOMPLETE, 22, "input ended inside a message")                  \
  XX(EHTTP_CALLBACK, 23, "a callback stopped the parser")

typedef enum {
#define ND__EHTTP_ENUM(name, n, msg) ND_##name = ND__EHTTP_BASE - (n),
  ND_HTTP_ERRNO_MAP(ND__EHTTP_ENUM)
#undef ND__EHTTP_ENUM
  ND_EHTTP_LAST = ND__EHTTP_BASE - 24
} nd_http_errno_t;

/*
 * Request methods: the IANA HTTP Method Registry (WebDAV, versioning,
 * CalDAV, binding, ...) and the ones Node's http.METHODS adds (UPnP,
 * PURGE, SOURCE).  XX(enum name, method as sent).
 */
#define ND_HTTP_METHOD_MAP(XX)                                               \
  XX(DELETE, "DELETE")                                                       \
  XX(GET, "GET")                                                             \
  XX(HEAD, "HEAD")                                                           \
  XX(POST, "POST")                                                           \
  XX(PUT, "PUT")                                                             \
  XX(CONNECT, "CONNECT")                                                     \
  XX(OPTIONS, "OPTIONS")                                                     \
  XX(TRACE, "TRACE")                                                         \
  XX(PATCH, "PATCH")                                                         \
  XX(QUERY, "QUERY")                                                         \
  XX(ACL, "ACL")                                                             \
  XX(BASELINE_CONTROL, "BASELINE-CONTROL")                                   \
  XX(BIND, "BIND")                                                           \
  XX(CHECKIN, "CHECKIN")                                                     \
  XX(CHECKOUT, "CHECKOUT")                                                   \
  XX(COPY, "COPY")                                                           \
  XX(LABEL, "LABEL")                                                         \
  XX(LINK, "LINK")                                                           \
  XX(LOCK, "LOCK")                                                           \
  XX(MERGE, "MERGE")                                                         \
  XX(MKACTIVITY, "MKACTIVITY")                                               \
  XX(MKCALENDAR, "MKCALENDAR")                                               \
  XX(MKCOL, "MKCOL")                                                         \
  XX(MKREDIRECTREF, "MKREDIRECTREF")                                         \
  XX(MKWORKSPACE, "MKWORKSPACE")                                             \
  XX(MOVE, "MOVE")                                                           \
  XX(ORDERPATCH, "ORDERPATCH")                                               \
  XX(PRI, "PRI")                                                             \
  XX(PROPFIND, "PROPFIND")                                                   \
  XX(PROPPATCH, "PROPPATCH")                                                 \
  XX(REBIND, "REBIND")                                                       \
  XX(REPORT, "REPORT")                                                       \
  XX(SEARCH, "SEARCH")                                                       \
  XX(UNBIND, "UNBIND")                                                       \
  XX(UNCHECKOUT, "UNCHECKOUT")                                               \
  XX(UNLINK, "UNLINK")                                                       \
  XX(UNLOCK, "UNLOCK")                                                       \
  XX(UPDATE, "UPDATE")                                                       \
  XX(UPDATEREDIRECTREF, "UPDATEREDIRECTREF")                                 \
  XX(VERSION_CONTROL, "VERSION-CONTROL")                                     \
  XX(MSEARCH, "M-SEARCH")                                                    \
  XX(NOTIFY, "NOTIFY")                                                       \
  XX(SUBSCRIBE, "SUBSCRIBE")                                                 \
  XX(UNSUBSCRIBE, "UNSUBSCRIBE")                                             \
  XX(PURGE, "PURGE")                                                         \
  XX(SOURCE, "SOURCE")

typedef enum {
  ND_HTTP_METHOD_NONE = 0,
#define ND__HTTP_METHOD_ENUM(name, str) ND_HTTP_##name,
  ND_HTTP_METHOD_MAP(ND__HTTP_METHOD_ENUM)
#undef ND__HTTP_METHOD_ENUM
  ND_HTTP_METHOD_COUNT
} nd_http_method_t;

typedef enum {
  ND_HTTP_REQUEST = 1,
  ND_HTTP_RESPONSE = 2
} nd_http_type_t;

/* Options for nd_http_parser_init(). */
enum {
  /* Accept what Node's --insecure-http-parser accepts; see the man page. */
  ND_HTTP_LENIENT = 1u << 0
};

/* What on_headers_complete may return besides 0. */
#define ND_HTTP_SKIP_BODY 1    /* no body follows (a response to HEAD) */
#define ND_HTTP_SKIP_BODY_UPGRADE 2 /* no body; the bytes after are not HTTP */

/* What on_message_complete may return besides 0: stop after this message. */
#define ND_HTTP_PAUSE 1

/* Defaults, as Node's: --max-http-header-size and maxHeadersCount. */
#define ND_HTTP_MAX_HEADER_SIZE (16u * 1024u)
#define ND_HTTP_MAX_HEADERS 2000u

typedef struct nd_http_parser_s nd_http_parser_t;
typedef struct nd_http_parser_settings_s nd_http_parser_settings_t;

/* A callback returns 0 to go on; anything else stops with EHTTP_CALLBACK. */
typedef int (*nd_http_cb)(nd_http_parser_t *parser);
typedef int (*nd_http_data_cb)(nd_http_parser_t *parser, const char *at,
                               size_t len);

/* Any callback may be NULL.  Data callbacks may come in several pieces. */
struct nd_http_parser_settings_s {
  nd_http_cb on_message_begin;
  nd_http_data_cb on_url;          /* request target */
  nd_http_data_cb on_status;       /* reason phrase */
  nd_http_data_cb on_header_field; /* also trailer fields */
  nd_http_data_cb on_header_value; /* without leading or trailing OWS;
                                      an empty value: once, length 0 */
  nd_http_cb on_headers_complete;  /* may return ND_HTTP_SKIP_BODY[_UPGRADE] */
  nd_http_data_cb on_body;         /* decoded: chunk framing removed */
  nd_http_cb on_message_complete;
  nd_http_cb on_chunk_header;      /* content_length is the chunk's size */
  nd_http_data_cb on_chunk_extension; /* after the size, from the first ';' */
  nd_http_cb on_chunk_complete;
};

/* Flags (nd_http_parser_t.flags). */
enum {
  ND_HTTP_F_CHUNKED = 1u << 0,         /* Transfer-Encoding: ... chunked */
  ND_HTTP_F_CONTENT_LENGTH = 1u << 1,  /* a Content-Length was given */
  ND_HTTP_F_CONNECTION_CLOSE = 1u << 2,
  ND_HTTP_F_CONNECTION_KEEP_ALIVE = 1u << 3,
  ND_HTTP_F_CONNECTION_UPGRADE = 1u << 4,
  ND_HTTP_F_UPGRADE = 1u << 5,         /* an Upgrade naming a protocol */
  ND_HTTP_F_TRAILER = 1u << 6,         /* parsing the trailer section */
  ND_HTTP_F_TRANSFER_ENCODING = 1u << 7,
  ND_HTTP_F_SKIP_BODY = 1u << 8,
  ND_HTTP_F_UNTIL_CLOSE = 1u << 9,     /* the body ends with the input */
  ND_HTTP_F_KEEP_ALIVE = 1u << 10,     /* nd_http_should_keep_alive() */
  ND_HTTP_F_SWITCH = 1u << 11          /* Upgrade or CONNECT: HTTP ends */
};

struct nd_http_parser_s {
  /* public */
  void *data;
  /* read-only: the message being parsed, valid from on_headers_complete */
  uint8_t type;                 /* ND_HTTP_REQUEST or ND_HTTP_RESPONSE */
  uint8_t method;               /* nd_http_method_t (requests) */
  uint8_t http_major, http_minor;
  uint16_t status_code;         /* responses */
  uint8_t upgrade;              /* stopped: the rest is another protocol */
  uint8_t lenient;
  uint32_t flags;               /* ND_HTTP_F_* */
  uint64_t content_length;      /* body (or chunk) bytes still to come */
  uint64_t nread;               /* bytes consumed since nd_http_parser_init */
  int error;                    /* 0 or the error that stopped the parser */
  uint64_t error_offset;        /* where: counted like nread */
  uint32_t max_header_size;
  uint32_t max_headers;
  /* private */
  uint8_t state, eol, index, hkind;
  uint8_t tok_len, tok_state, ows_len, te_chunked;
  uint8_t in_header;            /* counting bytes against the limit */
  uint8_t cl_ws;                /* whitespace seen in a Content-Length */
  uint8_t value_seen;           /* a piece of this value was delivered */
  uint32_t ows_run;             /* whitespace so far at a value's end */
  uint32_t nheader_bytes;       /* of the current header section */
  uint32_t nheaders;
  uint64_t cl_value;            /* Content-Length being read */
  uint64_t ows_offset;          /* where the held whitespace began */
  uint64_t cl_ws_offset;        /* where that whitespace began */
  char buf[20];                 /* method or framing header name so far */
  char tok[16];                 /* Connection / Transfer-Encoding token */
  char ows[64];                 /* whitespace held inside a header value */
};

ND_EXTERN int nd_http_parser_init(nd_http_parser_t *parser,
                                  nd_http_type_t type, unsigned int options);
ND_EXTERN int nd_http_parser_set_limits(nd_http_parser_t *parser,
                                        size_t max_header_size,
                                        size_t max_headers);
ND_EXTERN ssize_t nd_http_parser_execute(nd_http_parser_t *parser,
                                         const nd_http_parser_settings_t *s,
                                         const char *data, size_t len);
ND_EXTERN int nd_http_parser_finish(nd_http_parser_t *parser,
                                    const nd_http_parser_settings_t *s);
ND_EXTERN int nd_http_should_keep_alive(const nd_http_parser_t *parser);
ND_EXTERN const char *nd_http_method_str(int method);

#endif
