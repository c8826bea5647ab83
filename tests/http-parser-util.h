/*
 * http-parser-util.h - what the HTTP parser's test and fuzz targets share:
 * the log of what a parse did (one line per event, the pieces of a data
 * callback joined), parsing with ours and with the oracle (Debian's
 * http-parser 2.9) into such a log, and the rules under which the oracle
 * is known to refuse or misread what we accept.
 *
 * HPU_CHECK(cond) is how a broken expectation fails: cmocka's assert_true
 * in the test (defined before including this), abort() elsewhere.
 */
#ifndef ND_HTTP_PARSER_UTIL_H
#define ND_HTTP_PARSER_UTIL_H

#include <http_parser.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nodec.h"

#ifndef HPU_CHECK
#define HPU_CHECK(cond)                                                      \
  do {                                                                       \
    if (!(cond))                                                             \
      abort();                                                               \
  } while (0)
#endif

/* --- the log ------------------------------------------------------------- */

#define LOG_MAX (256 * 1024)

enum { K_NONE, K_URL, K_STATUS, K_FIELD, K_VALUE, K_BODY, K_EXT };

struct log {
  char buf[LOG_MAX];
  size_t len;
  int kind;          /* the data callback being joined */
  int trim_values;   /* the oracle's values keep trailing OWS: trim them */
  int head;          /* on_headers_complete returns 1 */
  int fail_at_body;  /* a callback that fails */
  int ext;           /* log chunk extensions (ours only) */
};

static inline void log_raw(struct log *l, const char *s, size_t n) {
  HPU_CHECK(l->len + n < sizeof(l->buf));
  memcpy(l->buf + l->len, s, n);
  l->len += n;
}

static inline void log_close_kind(struct log *l) {
  if (l->kind == K_VALUE && l->trim_values)
    while (l->len > 0 &&
           (l->buf[l->len - 1] == ' ' || l->buf[l->len - 1] == '\t'))
      l->len--;
  if (l->kind != K_NONE)
    log_raw(l, "\n", 1);
  l->kind = K_NONE;
}

__attribute__((format(printf, 2, 3)))
static inline void log_event(struct log *l, const char *fmt, ...) {
  char line[256];
  va_list ap;
  int n;

  log_close_kind(l);
  va_start(ap, fmt);
  n = vsnprintf(line, sizeof(line), fmt, ap);
  va_end(ap);
  HPU_CHECK(n > 0 && (size_t)n < sizeof(line));
  log_raw(l, line, (size_t)n);
  log_raw(l, "\n", 1);
}

static inline void log_data(struct log *l, int kind, const char *tag,
                     const char *at, size_t n) {
  if (l->kind != kind) {
    log_close_kind(l);
    log_raw(l, tag, strlen(tag));
    log_raw(l, "=", 1);
    l->kind = kind;
  }
  log_raw(l, at, n);
}

/* Empties l for a new parse; head: on_headers_complete returns 1. */
static inline void log_clear(struct log *l, int head) {
  l->len = 0;
  l->kind = K_NONE;
  l->trim_values = 0;
  l->head = head;
  l->fail_at_body = 0;
  l->ext = 0;
}

/* --- ours ---------------------------------------------------------------- */

static struct log *ours_log(nd_http_parser_t *p) { return p->data; }

static inline int o_begin(nd_http_parser_t *p) {
  log_event(ours_log(p), "begin");
  return 0;
}
static inline int o_url(nd_http_parser_t *p, const char *at, size_t n) {
  log_data(ours_log(p), K_URL, "url", at, n);
  return 0;
}
static inline int o_status(nd_http_parser_t *p, const char *at, size_t n) {
  log_data(ours_log(p), K_STATUS, "status", at, n);
  return 0;
}
static inline int o_field(nd_http_parser_t *p, const char *at, size_t n) {
  log_data(ours_log(p), K_FIELD, "field", at, n);
  return 0;
}
static inline int o_value(nd_http_parser_t *p, const char *at, size_t n) {
  log_data(ours_log(p), K_VALUE, "value", at, n);
  return 0;
}
static inline int o_headers(nd_http_parser_t *p) {
  struct log *l = ours_log(p);

  if (p->type == ND_HTTP_REQUEST)
    log_event(l, "headers request %s %d.%d", nd_http_method_str(p->method),
              p->http_major, p->http_minor);
  else
    log_event(l, "headers response %d %d.%d", p->status_code, p->http_major,
              p->http_minor);
  return l->head;
}
static inline int o_body(nd_http_parser_t *p, const char *at, size_t n) {
  struct log *l = ours_log(p);

  if (l->fail_at_body)
    return -1;
  log_data(l, K_BODY, "body", at, n);
  return 0;
}
static inline int o_done(nd_http_parser_t *p) {
  log_event(ours_log(p), "done keep-alive=%d", nd_http_should_keep_alive(p));
  return 0;
}
static inline int o_chunk(nd_http_parser_t *p) {
  log_event(ours_log(p), "chunk=%llu", (unsigned long long)p->content_length);
  return 0;
}
static inline int o_ext(nd_http_parser_t *p, const char *at, size_t n) {
  struct log *l = ours_log(p);

  if (l->ext)
    log_data(l, K_EXT, "ext", at, n);
  return 0;
}
static inline int o_chunk_done(nd_http_parser_t *p) {
  log_event(ours_log(p), "chunk-done");
  return 0;
}

static const nd_http_parser_settings_t ours_settings = {
  .on_message_begin = o_begin,
  .on_url = o_url,
  .on_status = o_status,
  .on_header_field = o_field,
  .on_header_value = o_value,
  .on_headers_complete = o_headers,
  .on_body = o_body,
  .on_message_complete = o_done,
  .on_chunk_header = o_chunk,
  .on_chunk_extension = o_ext,
  .on_chunk_complete = o_chunk_done,
};

/* Result of one parse: the log, and the error (0) with its offset. */
struct outcome {
  int err;
  uint64_t off;
};

/*
 * Parses in[0, len) with ours, fed as the pieces that the cut points
 * cuts[0..ncuts) make (increasing, inside the input); then the end of the
 * input.
 */
static inline struct outcome parse_ours(int type, unsigned opts, size_t max_hdr,
                                 const char *in, size_t len,
                                 const size_t *cuts, size_t ncuts,
                                 struct log *l) {
  nd_http_parser_t p;
  struct outcome o = {0, 0};
  size_t from = 0, i;
  ssize_t n;
  int r;

  HPU_CHECK(nd_http_parser_init(&p, type, opts) == 0);
  if (max_hdr != 0)
    HPU_CHECK(nd_http_parser_set_limits(&p, max_hdr, 8) == 0);
  p.data = l;
  for (i = 0; i <= ncuts; i++) {
    size_t to = i < ncuts ? cuts[i] : len;

    n = nd_http_parser_execute(&p, &ours_settings, in + from, to - from);
    if (n < 0) {
      HPU_CHECK(n == p.error);
      o.err = p.error;
      o.off = p.error_offset;
      log_event(l, "error=%s@%llu", nd_err_name(p.error),
                (unsigned long long)p.error_offset);
      return o;
    }
    if (p.upgrade) {
      HPU_CHECK(p.nread <= len);
      log_close_kind(l);
      log_raw(l, "upgrade rest=", 13);
      log_raw(l, in + p.nread, len - (size_t)p.nread);
      log_raw(l, "\n", 1);
      return o;
    }
    HPU_CHECK((size_t)n == to - from);
    from = to;
  }
  HPU_CHECK(p.nread == len);
  r = nd_http_parser_finish(&p, &ours_settings);
  if (r < 0) {
    o.err = r;
    o.off = p.error_offset;
    log_event(l, "eof error=%s@%llu", nd_err_name(r),
              (unsigned long long)p.error_offset);
  } else {
    log_event(l, "eof");
  }
  return o;
}

/* --- the oracle ---------------------------------------------------------- */

static struct log *oracle_log(http_parser *p) { return p->data; }

static inline int h_begin(http_parser *p) {
  log_event(oracle_log(p), "begin");
  return 0;
}
static inline int h_url(http_parser *p, const char *at, size_t n) {
  if (n > 0)
    log_data(oracle_log(p), K_URL, "url", at, n);
  return 0;
}
static inline int h_status(http_parser *p, const char *at, size_t n) {
  if (n > 0)
    log_data(oracle_log(p), K_STATUS, "status", at, n);
  return 0;
}
static inline int h_field(http_parser *p, const char *at, size_t n) {
  if (n > 0)
    log_data(oracle_log(p), K_FIELD, "field", at, n);
  return 0;
}
static inline int h_value(http_parser *p, const char *at, size_t n) {
  log_data(oracle_log(p), K_VALUE, "value", at, n);
  return 0;
}
static inline int h_headers(http_parser *p) {
  struct log *l = oracle_log(p);

  if (p->type == HTTP_REQUEST)
    log_event(l, "headers request %s %d.%d",
              http_method_str((enum http_method)p->method), p->http_major,
              p->http_minor);
  else
    log_event(l, "headers response %d %d.%d", p->status_code, p->http_major,
              p->http_minor);
  return l->head;
}
static inline int h_body(http_parser *p, const char *at, size_t n) {
  if (n > 0)
    log_data(oracle_log(p), K_BODY, "body", at, n);
  return 0;
}
static inline int h_done(http_parser *p) {
  log_event(oracle_log(p), "done keep-alive=%d", http_should_keep_alive(p));
  return 0;
}
static inline int h_chunk(http_parser *p) {
  log_event(oracle_log(p), "chunk=%llu",
            (unsigned long long)p->content_length);
  return 0;
}
static inline int h_chunk_done(http_parser *p) {
  log_event(oracle_log(p), "chunk-done");
  return 0;
}

static const http_parser_settings oracle_settings = {
  .on_message_begin = h_begin,
  .on_url = h_url,
  .on_status = h_status,
  .on_header_field = h_field,
  .on_header_value = h_value,
  .on_headers_complete = h_headers,
  .on_body = h_body,
  .on_message_complete = h_done,
  .on_chunk_header = h_chunk,
  .on_chunk_complete = h_chunk_done,
};

/* Returns 0 when the oracle accepted the input, -1 when it refused it. */
static inline int parse_oracle(int type, unsigned opts, const char *in, size_t len,
                        struct log *l) {
  http_parser p;
  size_t n;

  http_parser_init(&p, type == ND_HTTP_REQUEST ? HTTP_REQUEST : HTTP_RESPONSE);
  p.lenient_http_headers = (opts & ND_HTTP_LENIENT) != 0;
  p.data = l;
  l->trim_values = 1;
  n = http_parser_execute(&p, &oracle_settings, in, len);
  if (HTTP_PARSER_ERRNO(&p) != HPE_OK) {
    log_event(l, "error=%s", http_errno_name(HTTP_PARSER_ERRNO(&p)));
    return -1;
  }
  if (p.upgrade) {
    log_close_kind(l);
    log_raw(l, "upgrade rest=", 13);
    log_raw(l, in + n, len - n);
    log_raw(l, "\n", 1);
    return 0;
  }
  if (n != len)
    return -1;
  http_parser_execute(&p, &oracle_settings, NULL, 0);
  if (HTTP_PARSER_ERRNO(&p) != HPE_OK) {
    log_event(l, "eof error=%s", http_errno_name(HTTP_PARSER_ERRNO(&p)));
    return -1;
  }
  log_event(l, "eof");
  return 0;
}

static inline int same_log(const struct log *a, const struct log *b) {
  return a->len == b->len && memcmp(a->buf, b->buf, a->len) == 0;
}

/*
 * Inputs we accept where http-parser refuses or sees something else, by a
 * rule of its own (each also a listed sample of the corpus):
 *   - a header name that begins with a framing header's name: http-parser
 *     mistakes Transfer-Encodingx for Transfer-Encoding;
 *   - a Connection list with a token it does not know: http-parser then
 *     misses the known ones after it (keep-aliv, Upgrade is no upgrade);
 *   - a Transfer-Encoding element that is a proper prefix of chunked
 *     ("chunke"): http-parser then misses the chunked after it;
 *   - an empty element in a Transfer-Encoding or Connection list, which
 *     RFC 9110 5.6.1 says to ignore and http-parser refuses;
 *   - Content-Length or Transfer-Encoding in a trailer section, which
 *     frame nothing there (we pass them on as fields) and which http-parser
 *     checks as if they did;
 *   - a registered method http-parser does not know (QUERY, LABEL, ...);
 *   - a tab inside (or after) a Content-Length, Transfer-Encoding or
 *     Connection value: OWS, but http-parser takes only spaces there;
 *   - a target not in origin-form: http-parser checks the URL syntax of
 *     absolute-form and authority-form targets; we check their bytes and
 *     leave URL syntax to the caller, who has to parse it anyway.
 */
static inline int connection_tokens_known(const char *v, size_t len) {
  size_t i = 0, a, b;

  while (i < len && v[i] != '\r' && v[i] != '\n') {
    while (i < len && (v[i] == ' ' || v[i] == '\t' || v[i] == ','))
      i++;
    a = i;
    while (i < len && v[i] != ',' && v[i] != '\r' && v[i] != '\n')
      i++;
    b = i;
    while (b > a && (v[b - 1] == ' ' || v[b - 1] == '\t'))
      b--;
    if (b > a && !((b - a == 5 && strncasecmp(v + a, "close", 5) == 0) ||
                   (b - a == 10 && strncasecmp(v + a, "keep-alive", 10) == 0) ||
                   (b - a == 7 && strncasecmp(v + a, "upgrade", 7) == 0)))
      return 0;
  }
  return 1;
}

/* Whether the list value at v has an empty element ("a,,b", ", a"). */
static inline int list_has_empty_element(const char *v, size_t len) {
  size_t i;
  int seen = 0; /* something since the last comma */

  for (i = 0; i < len && v[i] != '\r' && v[i] != '\n'; i++) {
    if (v[i] == ',') {
      if (!seen)
        return 1;
      seen = 0;
    } else if (v[i] != ' ' && v[i] != '\t') {
      seen = 1;
    }
  }
  return !seen;
}

/* Whether http-parser knows the method [m, m + n). */
static inline int oracle_knows_method(const char *m, size_t n) {
  unsigned i;
  const char *name;

  for (i = 0; i < 64; i++) {
    name = http_method_str((enum http_method)i);
    if (strcmp(name, "<unknown>") == 0)
      break;
    if (strlen(name) == n && memcmp(name, m, n) == 0)
      return 1;
  }
  return 0;
}

/* Whether a Content-Length or Transfer-Encoding follows a last chunk. */
static inline int framing_field_in_trailer(const char *in, size_t len) {
  size_t i;

  for (i = 0; i + 2 < len; i++)
    if (in[i] == '\n' && in[i + 1] == '0' &&
        (in[i + 2] == '\r' || in[i + 2] == ';' || in[i + 2] == '\n'))
      break;
  for (; i + 19 < len; i++)
    if (in[i] == '\n' &&
        (strncasecmp(in + i + 1, "content-length:", 15) == 0 ||
         strncasecmp(in + i + 1, "transfer-encoding:", 18) == 0))
      return 1;
  return 0;
}

/* Whether a Transfer-Encoding list has a proper prefix of "chunked". */
static inline int te_has_chunked_prefix(const char *v, size_t len) {
  size_t i = 0, a, b;

  while (i < len && v[i] != '\r' && v[i] != '\n') {
    while (i < len && (v[i] == ' ' || v[i] == '\t' || v[i] == ','))
      i++;
    a = i;
    while (i < len && v[i] != ',' && v[i] != '\r' && v[i] != '\n')
      i++;
    b = i;
    while (b > a && (v[b - 1] == ' ' || v[b - 1] == '\t'))
      b--;
    if (b > a && b - a < 7 && strncasecmp(v + a, "chunked", b - a) == 0)
      return 1;
  }
  return 0;
}

/*
 * Whether some method of ours followed by a space and a target that does
 * not start with '/' appears anywhere (a request may follow a body with no
 * line break between).
 */
static inline int target_not_origin_form(const char *in, size_t len) {
  size_t i, a;
  int m;

  for (i = 1; i + 1 < len; i++) {
    if (in[i] != ' ' || in[i + 1] == '/')
      continue;
    for (a = i; a > 0 && ((in[a - 1] >= 'A' && in[a - 1] <= 'Z') ||
                          in[a - 1] == '-');
         a--)
      ;
    for (m = 1; m < ND_HTTP_METHOD_COUNT; m++) {
      const char *name = nd_http_method_str(m);
      size_t n = strlen(name);

      /* The method may be glued to what precedes it: match its tail. */
      if (i - a >= n && memcmp(in + i - n, name, n) == 0)
        return 1;
    }
  }
  return 0;
}

static inline int oracle_may_be_stricter(const char *in, size_t len) {
  static const char *const framing[] = {"content-length", "transfer-encoding",
                                        "connection", "upgrade"};
  size_t i = 0, j, f, n;

  if (framing_field_in_trailer(in, len) || target_not_origin_form(in, len))
    return 1;

  while (i < len) {
    /* A method of the registry that http-parser does not know. */
    for (j = i; j < len && in[j] != ' ' && in[j] != ':' && in[j] != '\n'; j++)
      ;
    if (j > i && j < len && in[j] == ' ' && !oracle_knows_method(in + i, j - i))
      return 1;
    /* A name longer than a framing header's that starts with it. */
    for (f = 0; f < 4; f++) {
      n = strlen(framing[f]);
      if (i + n < len && strncasecmp(in + i, framing[f], n) == 0 &&
          in[i + n] != ':')
        return 1;
    }
    /* A Connection list with a token other than the three it knows. */
    if (i + 11 < len && strncasecmp(in + i, "connection:", 11) == 0 &&
        !connection_tokens_known(in + i + 11, len - i - 11))
      return 1;
    /* A Transfer-Encoding list with a proper prefix of chunked. */
    if (i + 18 < len && strncasecmp(in + i, "transfer-encoding:", 18) == 0 &&
        te_has_chunked_prefix(in + i + 18, len - i - 18))
      return 1;
    /* A Transfer-Encoding or Connection list with an empty element. */
    if ((i + 18 < len && strncasecmp(in + i, "transfer-encoding:", 18) == 0 &&
         list_has_empty_element(in + i + 18, len - i - 18)) ||
        (i + 11 < len && strncasecmp(in + i, "connection:", 11) == 0 &&
         list_has_empty_element(in + i + 11, len - i - 11)))
      return 1;
    /* A tab inside (not before) a framing header's value. */
    for (f = 0; f < 3; f++) {
      n = strlen(framing[f]);
      if (i + n < len && strncasecmp(in + i, framing[f], n) == 0 &&
          in[i + n] == ':') {
        int started = 0;

        for (j = i + n + 1; j < len && in[j] != '\n'; j++) {
          if (in[j] == '\t' && started)
            return 1;
          if (in[j] != ' ' && in[j] != '\t')
            started = 1;
        }
      }
    }
    while (i < len && in[i] != '\n')
      i++;
    i++;
  }
  return 0;
}

#endif
