/*
 * http-parser.c - an incremental, zero-copy HTTP/1.1 parser (RFC 9110,
 * RFC 9112).
 *
 * The parser is one state machine over the bytes of a connection.  Its
 * states that cover a run of bytes (the request target, a header name or
 * value, a reason phrase, a body) scan the run with a table of character
 * classes and report it with one callback per piece of input, pointing into
 * the caller's buffer; nothing is copied except the few bytes that decide
 * framing (the method, the names and tokens of the framing headers, and
 * whitespace that may turn out to end a header value).
 *
 * Strictness is the default, because a parser that is more forgiving than
 * the proxy in front of it lets a request be smuggled past the proxy: lines
 * end in CRLF; a request may not carry both Content-Length and
 * Transfer-Encoding, nor a Transfer-Encoding whose last coding is not
 * chunked, nor two Content-Lengths; header names are tokens and values hold
 * no control characters; folded header lines are refused.  Each refusal is
 * its own error code, with the offset of the byte that decided it.  The
 * lenient mode (ND_HTTP_LENIENT) accepts what Node's --insecure-http-parser
 * does; see nd_http_parser(3) for the list.
 *
 * The header section (start line included) is bounded by max_header_size:
 * while counting, every state reads no further than `lim`, the byte at
 * which the section would pass the limit, so the error comes at the same
 * offset however the input is split.  A chunk-size line is bounded the same
 * way, which also bounds chunk extensions.
 */
#include <string.h>

#include "loop/internal.h"

enum {
  S_START,           /* between messages */
  S_METHOD,
  S_TARGET_START,
  S_TARGET,
  S_REQ_VERSION,
  S_RES_VERSION,
  S_STATUS_CODE,
  S_STATUS_SP,
  S_REASON,
  S_LF,              /* a CR was read; an LF must follow, then p->eol */
  S_HEADER_START,    /* at the start of a header line */
  S_HEADER_NAME,
  S_VALUE_START,     /* skipping the OWS before a value */
  S_VALUE,
  S_BODY_LENGTH,
  S_BODY_CLOSE,
  S_CHUNK_SIZE_START,
  S_CHUNK_SIZE,
  S_CHUNK_SIZE_WS,   /* lenient: spaces after the chunk size */
  S_CHUNK_EXT,
  S_CHUNK_DATA,
  S_CHUNK_DATA_END,
  S_CLOSED,          /* the last message said the connection ends */
  S_UPGRADED,        /* the rest belongs to another protocol */
  S_DEAD             /* stopped by an error */
};

/* What a line ending finishes. */
enum {
  EOL_START,
  EOL_REQUEST_LINE,
  EOL_STATUS_LINE,
  EOL_VALUE,
  EOL_HEADERS,
  EOL_CHUNK_SIZE,
  EOL_CHUNK_DATA
};

/* Framing headers. */
enum { H_OTHER, H_CONTENT_LENGTH, H_TRANSFER_ENCODING, H_CONNECTION,
       H_UPGRADE };

/* Token list parsing (Connection, Transfer-Encoding). */
enum { T_BETWEEN, T_IN, T_AFTER, T_SKIP };
#define TOK_OTHER 0xff

/* Character classes. */
#define C_TCHAR 0x01    /* token: header names, methods */
#define C_TARGET 0x02   /* request target, strict: VCHAR */
#define C_TARGET_L 0x04 /* request target, lenient: VCHAR and obs-text */
#define C_VALUE 0x08    /* field value, strict: HTAB SP VCHAR obs-text */
#define C_VALUE_L 0x10  /* field value, lenient: all but NUL CR LF */
#define C_WS 0x20       /* SP HTAB */
#define C_HEX 0x40

#define V_ (C_VALUE | C_VALUE_L)
#define VCH (C_TARGET | C_TARGET_L | V_)      /* visible, not a token byte */
#define TOK (C_TCHAR | VCH)                   /* RFC 9110 section 5.6.2 */
#define HEX (C_HEX | TOK)

static const uint8_t cls[256] = {
  [0x01 ... 0x08] = C_VALUE_L,
  ['\t'] = V_ | C_WS,
  [0x0b ... 0x0c] = C_VALUE_L,
  [0x0e ... 0x1f] = C_VALUE_L,
  [' '] = V_ | C_WS,
  ['!'] = TOK,
  ['"'] = VCH,
  ['#' ... '\''] = TOK,
  ['(' ... ')'] = VCH,
  ['*' ... '+'] = TOK,
  [','] = VCH,
  ['-' ... '.'] = TOK,
  ['/'] = VCH,
  ['0' ... '9'] = HEX,
  [':' ... '@'] = VCH,
  ['A' ... 'F'] = HEX,
  ['G' ... 'Z'] = TOK,
  ['[' ... ']'] = VCH,
  ['^' ... '`'] = TOK,
  ['a' ... 'f'] = HEX,
  ['g' ... 'z'] = TOK,
  ['{'] = VCH,
  ['|'] = TOK,
  ['}'] = VCH,
  ['~'] = TOK,
  [0x7f] = C_VALUE_L,
  [0x80 ... 0xff] = C_TARGET_L | V_,
};

static const char *const method_names[] = {
  NULL,
#define METHOD_NAME(name, str) str,
  ND_HTTP_METHOD_MAP(METHOD_NAME)
#undef METHOD_NAME
};

#define MAX_METHOD_LEN 17 /* UPDATEREDIRECTREF */
#define MAX_FRAMING_NAME 17 /* transfer-encoding */

const char *nd_http_method_str(int method) {
  if (method <= ND_HTTP_METHOD_NONE || method >= ND_HTTP_METHOD_COUNT)
    return "<unknown>";
  return method_names[method];
}

static int method_lookup(const char *s, size_t n) {
  int m;

  /* The two that make up nearly all traffic first. */
  if (n == 3 && memcmp(s, "GET", 3) == 0)
    return ND_HTTP_GET;
  if (n == 4 && memcmp(s, "POST", 4) == 0)
    return ND_HTTP_POST;
  for (m = 1; m < ND_HTTP_METHOD_COUNT; m++)
    if (strlen(method_names[m]) == n && memcmp(method_names[m], s, n) == 0)
      return m;
  return ND_HTTP_METHOD_NONE;
}

static unsigned char lower(unsigned char c) {
  return (unsigned char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
}

/* Compares n bytes of s, any case, with the lower-case word w. */
static int same_word(const char *s, const char *w, size_t n) {
  size_t i;

  for (i = 0; i < n; i++)
    if (lower((unsigned char)s[i]) != (unsigned char)w[i])
      return 0;
  return 1;
}

/* Skips the run of bytes whose class has a bit of mask. */
static inline const unsigned char *scan(const unsigned char *q,
                                        const unsigned char *e,
                                        uint8_t mask) {
  while (e - q >= 8) {
    if (!(cls[q[0]] & mask)) return q;
    if (!(cls[q[1]] & mask)) return q + 1;
    if (!(cls[q[2]] & mask)) return q + 2;
    if (!(cls[q[3]] & mask)) return q + 3;
    if (!(cls[q[4]] & mask)) return q + 4;
    if (!(cls[q[5]] & mask)) return q + 5;
    if (!(cls[q[6]] & mask)) return q + 6;
    if (!(cls[q[7]] & mask)) return q + 7;
    q += 8;
  }
  while (q < e && (cls[*q] & mask))
    q++;
  return q;
}

/*
 * The runs that make up most of a request (header values, the target) are
 * checked 16 bytes at a time where SSE2 is there (every x86-64): a run
 * stops at the first byte that is outside a simple range, and the table
 * scan above takes over from it (it goes on past a tab in a value, which
 * the range test stops at).
 */
#ifdef __SSE2__
#include <emmintrin.h>

/* Strict value bytes: SP to '~' and 0x80 to 0xff (a tab stops it). */
static inline const unsigned char *skip_value16(const unsigned char *q,
                                                const unsigned char *e) {
  const __m128i flip = _mm_set1_epi8((char)0x80);
  const __m128i below_sp = _mm_set1_epi8((char)(0x20 ^ 0x80));
  const __m128i del = _mm_set1_epi8(0x7f);

  while (e - q >= 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)q);
    /* Unsigned x < 0x20 is signed (x ^ 0x80) < (0x20 ^ 0x80). */
    __m128i bad = _mm_or_si128(
        _mm_cmplt_epi8(_mm_xor_si128(x, flip), below_sp),
        _mm_cmpeq_epi8(x, del));
    int m = _mm_movemask_epi8(bad);

    if (m != 0)
      return q + __builtin_ctz((unsigned)m);
    q += 16;
  }
  return q;
}

/* Strict target bytes: '!' to '~'. */
static inline const unsigned char *skip_target16(const unsigned char *q,
                                                 const unsigned char *e) {
  const __m128i flip = _mm_set1_epi8((char)0x80);
  const __m128i above_sp = _mm_set1_epi8((char)(0x21 ^ 0x80));
  const __m128i below_del = _mm_set1_epi8((char)(0x7e ^ 0x80));

  while (e - q >= 16) {
    __m128i t = _mm_xor_si128(
        _mm_loadu_si128((const __m128i *)(const void *)q), flip);
    __m128i bad = _mm_or_si128(_mm_cmplt_epi8(t, above_sp),
                               _mm_cmpgt_epi8(t, below_del));
    int m = _mm_movemask_epi8(bad);

    if (m != 0)
      return q + __builtin_ctz((unsigned)m);
    q += 16;
  }
  return q;
}
#else
#define skip_value16(q, e) (q)
#define skip_target16(q, e) (q)
#endif

static inline const unsigned char *scan_value(const nd_http_parser_t *p,
                                              const unsigned char *q,
                                              const unsigned char *e) {
  if (p->lenient)
    return scan(q, e, C_VALUE_L);
  return scan(skip_value16(q, e), e, C_VALUE);
}

static inline const unsigned char *scan_target(const nd_http_parser_t *p,
                                               const unsigned char *q,
                                               const unsigned char *e) {
  if (p->lenient)
    return scan(q, e, C_TARGET_L);
  return scan(skip_target16(q, e), e, C_TARGET);
}

int nd_http_parser_init(nd_http_parser_t *p, nd_http_type_t type,
                        unsigned int options) {
  if (p == NULL || (type != ND_HTTP_REQUEST && type != ND_HTTP_RESPONSE) ||
      (options & ~(unsigned int)ND_HTTP_LENIENT) != 0)
    return ND_EINVAL;
  memset(p, 0, sizeof(*p));
  p->type = (uint8_t)type;
  p->lenient = (options & ND_HTTP_LENIENT) != 0;
  p->max_header_size = ND_HTTP_MAX_HEADER_SIZE;
  p->max_headers = ND_HTTP_MAX_HEADERS;
  p->state = S_START;
  return 0;
}

int nd_http_parser_set_limits(nd_http_parser_t *p, size_t max_header_size,
                              size_t max_headers) {
  if (p == NULL || max_header_size == 0 || max_header_size > UINT32_MAX ||
      max_headers > UINT32_MAX)
    return ND_EINVAL;
  p->max_header_size = (uint32_t)max_header_size;
  p->max_headers = (uint32_t)max_headers;
  return 0;
}

int nd_http_should_keep_alive(const nd_http_parser_t *p) {
  return (p->flags & ND_HTTP_F_KEEP_ALIVE) != 0;
}

/* --- the framing headers, read from the pieces of their values ---------- */

static int fail_at(nd_http_parser_t *p, int err, uint64_t offset) {
  p->error = err;
  p->error_offset = offset;
  p->state = S_DEAD;
  return err;
}

static void token_end(nd_http_parser_t *p) {
  const char *t = p->tok;
  unsigned n = p->tok_len;

  p->tok_state = T_BETWEEN;
  p->tok_len = 0;
  if (n == 0)
    return; /* an empty list element: allowed, ignored */
  if (p->hkind == H_TRANSFER_ENCODING) {
    if (n == 7 && memcmp(t, "chunked", 7) == 0) {
      p->flags |= ND_HTTP_F_CHUNKED;
      if (p->te_chunked < 255)
        p->te_chunked++;
    } else {
      p->flags &= ~(uint32_t)ND_HTTP_F_CHUNKED;
    }
  } else if (n == 5 && memcmp(t, "close", 5) == 0) {
    p->flags |= ND_HTTP_F_CONNECTION_CLOSE;
  } else if (n == 10 && memcmp(t, "keep-alive", 10) == 0) {
    p->flags |= ND_HTTP_F_CONNECTION_KEEP_ALIVE;
  } else if (n == 7 && memcmp(t, "upgrade", 7) == 0) {
    p->flags |= ND_HTTP_F_CONNECTION_UPGRADE;
  }
}

/* One byte of a comma-separated token list, lower-cased into p->tok. */
static void token_byte(nd_http_parser_t *p, unsigned char c) {
  if (c == ',') {
    token_end(p);
    return;
  }
  if (cls[c] & C_WS) {
    if (p->tok_state == T_IN)
      p->tok_state = T_AFTER;
    return;
  }
  switch (p->tok_state) {
  case T_BETWEEN:
    p->tok_state = T_IN;
    p->tok_len = 0;
    /* fall through */
  case T_IN:
    if (c == ';') {
      /* Parameters: a coding or option we do not act on. */
      p->tok_len = TOK_OTHER;
      p->tok_state = T_SKIP;
    } else if (p->tok_len < sizeof(p->tok)) {
      p->tok[p->tok_len++] = (char)lower(c);
    } else {
      p->tok_len = TOK_OTHER;
    }
    break;
  case T_AFTER: /* "chunked x": not a token we know */
    p->tok_len = TOK_OTHER;
    p->tok_state = T_SKIP;
    break;
  default:
    break;
  }
}

/*
 * A piece of a header value, trimmed, at absolute offset off: the framing
 * headers read it, then the callback gets it.
 */
static int value_piece(nd_http_parser_t *p, const nd_http_parser_settings_t *s,
                       const char *at, size_t n, uint64_t off) {
  size_t i;

  switch (p->hkind) {
  case H_CONTENT_LENGTH:
    for (i = 0; i < n; i++) {
      unsigned d = (unsigned char)at[i] - '0';

      /*
       * Whitespace is wrong only if something follows it, which may come
       * in a later piece: the error is then at the whitespace.
       */
      if (cls[(unsigned char)at[i]] & C_WS) {
        if (!p->cl_ws)
          p->cl_ws_offset = off + i;
        p->cl_ws = 1;
        continue;
      }
      if (p->cl_ws)
        return fail_at(p, ND_EHTTP_INVALID_CONTENT_LENGTH, p->cl_ws_offset);
      if (d > 9)
        return fail_at(p, ND_EHTTP_INVALID_CONTENT_LENGTH, off + i);
      /* Beyond what an off_t holds is beyond any real body. */
      if (p->cl_value > ((uint64_t)INT64_MAX - d) / 10)
        return fail_at(p, ND_EHTTP_CONTENT_LENGTH_OVERFLOW, off + i);
      p->cl_value = p->cl_value * 10 + d;
      p->index = 1; /* a digit was seen */
    }
    break;
  case H_TRANSFER_ENCODING:
    /*
     * A list of tokens with parameters (= and quotes only after a ';'): a
     * byte that has no place there means the value is read differently by
     * different parsers, which is all a smuggler needs.
     */
    for (i = 0; i < n; i++) {
      unsigned char c = (unsigned char)at[i];

      if ((!(cls[c] & (C_TCHAR | C_WS)) && c != ',' && c != ';' &&
           ((c != '=' && c != '"') || p->tok_state != T_SKIP)) ||
          (c == ';' && p->tok_state == T_BETWEEN)) /* no coding */
        return fail_at(p, ND_EHTTP_INVALID_TRANSFER_ENCODING, off + i);
      token_byte(p, c);
    }
    break;
  case H_CONNECTION:
    for (i = 0; i < n; i++)
      token_byte(p, (unsigned char)at[i]);
    break;
  case H_UPGRADE:
    if (n > 0)
      p->flags |= ND_HTTP_F_UPGRADE;
    break;
  default:
    break;
  }
  if (n > 0)
    p->value_seen = 1;
  if (s->on_header_value != NULL && n > 0 &&
      s->on_header_value(p, at, n) != 0)
    return fail_at(p, ND_EHTTP_CALLBACK, off + n);
  return 0;
}

/* Sends the held whitespace on as part of the value. */
static int flush_ows(nd_http_parser_t *p, const nd_http_parser_settings_t *s) {
  size_t n = p->ows_len;

  if (n == 0)
    return 0;
  p->ows_len = 0;
  return value_piece(p, s, p->ows, n, p->ows_offset);
}

/*
 * The input ends inside a header value: [a, b) is what this buffer holds
 * of it.  Its trailing whitespace is held back, since it is dropped if the
 * line ends next.  Up to sizeof(p->ows) bytes are held: a longer run sent
 * on as value is right if more value follows, and if the line ends instead
 * value_last refuses the run for its length, as it would unsplit.
 */
static int value_hold(nd_http_parser_t *p, const nd_http_parser_settings_t *s,
                      const char *a, const char *b, uint64_t off) {
  const char *t = b;
  size_t n;
  int r;

  while (t > a && (cls[(unsigned char)t[-1]] & C_WS))
    t--;
  if (t > a) {
    if ((r = flush_ows(p, s)) < 0)
      return r;
    if ((r = value_piece(p, s, a, (size_t)(t - a), off)) < 0)
      return r;
    off += (uint64_t)(t - a);
    p->ows_run = 0;
  }
  n = (size_t)(b - t);
  if (n == 0)
    return 0;
  p->ows_run += (uint32_t)n;
  if (p->ows_len + n > sizeof(p->ows)) {
    if ((r = flush_ows(p, s)) < 0)
      return r;
    if (n > sizeof(p->ows)) {
      size_t over = n - sizeof(p->ows);

      if ((r = value_piece(p, s, t, over, off)) < 0)
        return r;
      t += over;
      off += over;
      n -= over;
    }
  }
  if (p->ows_len == 0)
    p->ows_offset = off;
  memcpy(p->ows + p->ows_len, t, n);
  p->ows_len = (uint8_t)(p->ows_len + n);
  return 0;
}

/*
 * The line ends after [a, b): the trailing whitespace goes, unless there
 * is more of it than the parser can hold (see value_hold), which no client
 * sends: that is refused, at the line end.
 */
static int value_last(nd_http_parser_t *p, const nd_http_parser_settings_t *s,
                      const char *a, const char *b, uint64_t off) {
  const char *t = b;
  size_t run;
  int r;

  while (t > a && (cls[(unsigned char)t[-1]] & C_WS))
    t--;
  if (t > a) {
    /* The value first: an error in it comes before the line's end. */
    if ((r = flush_ows(p, s)) < 0)
      return r;
    if ((r = value_piece(p, s, a, (size_t)(t - a), off)) < 0)
      return r;
    run = (size_t)(b - t);
  } else {
    run = p->ows_run + (size_t)(b - a);
  }
  p->ows_len = 0;
  if (run > sizeof(p->ows))
    return fail_at(p, ND_EHTTP_INVALID_HEADER_VALUE, off + (size_t)(b - a));
  /* An empty value is still a value: every field gets its callback. */
  if (!p->value_seen && s->on_header_value != NULL &&
      s->on_header_value(p, b, 0) != 0)
    return fail_at(p, ND_EHTTP_CALLBACK, off + (size_t)(b - a));
  return 0;
}

/* A framing header's value is complete: act on it. off: its line end. */
static int value_end(nd_http_parser_t *p, uint64_t off) {
  switch (p->hkind) {
  case H_CONTENT_LENGTH:
    if (!p->index)
      return fail_at(p, ND_EHTTP_INVALID_CONTENT_LENGTH, off);
    if (p->flags & ND_HTTP_F_CONTENT_LENGTH) {
      if (p->content_length != p->cl_value)
        return fail_at(p, ND_EHTTP_CONFLICTING_CONTENT_LENGTH, off);
      if (!p->lenient)
        return fail_at(p, ND_EHTTP_DUPLICATE_CONTENT_LENGTH, off);
    }
    p->flags |= ND_HTTP_F_CONTENT_LENGTH;
    p->content_length = p->cl_value;
    break;
  case H_TRANSFER_ENCODING:
  case H_CONNECTION:
    token_end(p);
    break;
  default:
    break;
  }
  /* hkind stays: a folded line after a framing header is refused. */
  return 0;
}

/* The name of the header just read, from the first bytes kept in p->buf. */
static void classify_name(nd_http_parser_t *p) {
  const char *b = p->buf;

  p->hkind = H_OTHER;
  if (p->flags & ND_HTTP_F_TRAILER)
    return; /* framing headers in a trailer frame nothing */
  switch (p->index) {
  case 7:
    if (same_word(b, "upgrade", 7))
      p->hkind = H_UPGRADE; /* counts once it names a protocol */
    break;
  case 10:
    if (same_word(b, "connection", 10))
      p->hkind = H_CONNECTION;
    break;
  case 14:
    if (same_word(b, "content-length", 14)) {
      p->hkind = H_CONTENT_LENGTH;
      p->cl_value = 0;
      p->cl_ws = 0;
      p->index = 0;
    }
    break;
  case 16:
    /* Not standard, but sent and honoured as Connection by many. */
    if (same_word(b, "proxy-connection", 16))
      p->hkind = H_CONNECTION;
    break;
  case 17:
    if (same_word(b, "transfer-encoding", 17)) {
      p->hkind = H_TRANSFER_ENCODING;
      p->flags |= ND_HTTP_F_TRANSFER_ENCODING;
    }
    break;
  default:
    break;
  }
  if (p->hkind == H_TRANSFER_ENCODING || p->hkind == H_CONNECTION) {
    p->tok_state = T_BETWEEN;
    p->tok_len = 0;
  }
}

/* --- the machine --------------------------------------------------------- */

/*
 * Decides how the body is framed once the header section is complete (RFC
 * 9112 section 6.3).  Returns 0, or an error at offset off.
 */
static int headers_framing(nd_http_parser_t *p, uint64_t off) {
  uint32_t f = p->flags;
  int keep;

  if (f & ND_HTTP_F_TRANSFER_ENCODING) {
    if (f & ND_HTTP_F_CONTENT_LENGTH) {
      if (!p->lenient)
        return fail_at(p, ND_EHTTP_CL_AND_TE, off);
      /* Transfer-Encoding wins; the connection cannot be trusted after. */
      p->flags &= ~(uint32_t)ND_HTTP_F_CONTENT_LENGTH;
      p->flags |= ND_HTTP_F_CONNECTION_CLOSE;
      p->flags &= ~(uint32_t)ND_HTTP_F_CONNECTION_KEEP_ALIVE;
    }
    if (p->te_chunked > 1)
      return fail_at(p, ND_EHTTP_INVALID_TRANSFER_ENCODING, off);
    if (!(f & ND_HTTP_F_CHUNKED)) {
      /*
       * A request body must have a length we can find; a response's
       * ends with the connection.
       */
      if (p->type == ND_HTTP_REQUEST && !p->lenient)
        return fail_at(p, ND_EHTTP_INVALID_TRANSFER_ENCODING, off);
      p->flags |= ND_HTTP_F_UNTIL_CLOSE;
    }
  }
  if (p->http_minor >= 1)
    keep = !(p->flags & ND_HTTP_F_CONNECTION_CLOSE);
  else
    keep = (p->flags & ND_HTTP_F_CONNECTION_KEEP_ALIVE) &&
           !(p->flags & ND_HTTP_F_CONNECTION_CLOSE);
  if (keep)
    p->flags |= ND_HTTP_F_KEEP_ALIVE;
  /*
   * Whether the connection switches protocols after this message; the
   * parser stops there, and only then says so in p->upgrade.  RFC 9110
   * requires Upgrade in a 101; one without it (or without Connection:
   * upgrade) is taken as an interim response, as by http-parser and llhttp.
   */
  if (p->type == ND_HTTP_REQUEST ? p->method == ND_HTTP_CONNECT ||
                                       ((p->flags & ND_HTTP_F_UPGRADE) &&
                                        (p->flags &
                                         ND_HTTP_F_CONNECTION_UPGRADE))
                                 : p->status_code == 101 &&
                                       (p->flags & ND_HTTP_F_UPGRADE) &&
                                       (p->flags &
                                        ND_HTTP_F_CONNECTION_UPGRADE))
    p->flags |= ND_HTTP_F_SWITCH;
  return 0;
}

/* Resets what a message leaves behind, for the next one. */
static void message_reset(nd_http_parser_t *p) {
  p->flags = 0;
  p->method = ND_HTTP_METHOD_NONE;
  p->status_code = 0;
  p->http_major = p->http_minor = 0;
  p->content_length = 0;
  p->upgrade = 0;
  p->te_chunked = 0;
  p->nheaders = 0;
  p->nheader_bytes = 0;
  p->index = 0;
  p->hkind = H_OTHER;
  p->ows_len = 0;
}

#define OFF(ptr) (p->nread + (uint64_t)((ptr) - base))
#define FAIL(err, ptr)                                                       \
  do {                                                                       \
    fail_at(p, (err), OFF(ptr));                                             \
    goto failed;                                                             \
  } while (0)
#define CALLBACK(name, ptr)                                                  \
  do {                                                                       \
    if (s->name != NULL && s->name(p) != 0)                                  \
      FAIL(ND_EHTTP_CALLBACK, ptr);                                          \
  } while (0)
#define DATA(name, a, b)                                                     \
  do {                                                                       \
    if (s->name != NULL && (b) > (a) &&                                      \
        s->name(p, (const char *)(a), (size_t)((b) - (a))) != 0)             \
      FAIL(ND_EHTTP_CALLBACK, b);                                            \
  } while (0)
#define CHECK(expr)                                                          \
  do {                                                                       \
    if ((expr) < 0)                                                          \
      goto failed;                                                           \
  } while (0)
/*
 * A line ends at q (CR or LF): go on to the action for `what` with q past
 * the line end, or wait for the LF in S_LF.
 */
#define LINE_END(what)                                                       \
  do {                                                                       \
    p->eol = (what);                                                         \
    if (*q == '\n') {                                                        \
      if (!p->lenient)                                                       \
        FAIL(ND_EHTTP_BARE_LF, q);                                           \
      q++;                                                                   \
      goto eol;                                                              \
    }                                                                        \
    if (q + 1 < lim) {                                                       \
      if (q[1] != '\n')                                                      \
        FAIL(ND_EHTTP_BARE_CR, q);                                           \
      q += 2;                                                                \
      goto eol;                                                              \
    }                                                                        \
    if (lim < end)                                                           \
      FAIL(ND_EHTTP_HEADER_OVERFLOW, lim);                                   \
    q++;                                                                     \
    p->state = S_LF;                                                         \
    goto out;                                                                \
  } while (0)

/* Starts counting a header section (or a chunk-size line) at q. */
#define HEADER_SECTION_BEGIN()                                               \
  do {                                                                       \
    p->in_header = 1;                                                        \
    p->nheader_bytes = 0;                                                    \
    hbase = q;                                                               \
    lim = (size_t)(end - q) > p->max_header_size ? q + p->max_header_size    \
                                                 : end;                      \
  } while (0)
#define HEADER_SECTION_END()                                                 \
  do {                                                                       \
    p->in_header = 0;                                                        \
    lim = end;                                                               \
  } while (0)

ssize_t nd_http_parser_execute(nd_http_parser_t *p,
                               const nd_http_parser_settings_t *s,
                               const char *data, size_t len) {
  const unsigned char *base = (const unsigned char *)data;
  const unsigned char *end = base + len;
  const unsigned char *q = base, *mark = base, *hbase = base, *lim = end;
  unsigned char c;
  int r;

  if (p->error != 0)
    return p->error;
  if (p->state == S_UPGRADED)
    return 0;
  if (p->in_header) {
    size_t room = p->max_header_size - p->nheader_bytes;

    if (len > room)
      lim = base + room;
  }

  for (;;) {
    switch (p->state) {
    case S_START:
      while (q < end && (*q == '\r' || *q == '\n'))
        LINE_END(EOL_START);
      if (q == end)
        goto out;
      message_reset(p);
      HEADER_SECTION_BEGIN();
      if (p->type == ND_HTTP_REQUEST) {
        if (!(cls[*q] & C_TCHAR))
          FAIL(ND_EHTTP_INVALID_METHOD, q);
        p->state = S_METHOD;
      } else {
        p->state = S_RES_VERSION;
      }
      CALLBACK(on_message_begin, q);
      break;

    case S_METHOD: {
      const unsigned char *t = scan(q, lim, C_TCHAR);
      size_t n = (size_t)(t - q);

      if (p->index + n > MAX_METHOD_LEN)
        FAIL(ND_EHTTP_INVALID_METHOD, q + (MAX_METHOD_LEN - p->index));
      memcpy(p->buf + p->index, q, n);
      p->index = (uint8_t)(p->index + n);
      q = t;
      if (q == lim)
        goto out;
      if (*q != ' ')
        FAIL(ND_EHTTP_INVALID_METHOD, q);
      p->method = (uint8_t)method_lookup(p->buf, p->index);
      if (p->method == ND_HTTP_METHOD_NONE)
        FAIL(ND_EHTTP_INVALID_METHOD, q);
      q++;
      p->state = S_TARGET_START;
      break;
    }

    case S_TARGET_START:
      if (q == lim)
        goto out;
      if (!(cls[*q] & (p->lenient ? C_TARGET_L : C_TARGET)))
        FAIL(ND_EHTTP_INVALID_TARGET, q);
      mark = q;
      p->state = S_TARGET;
      /* fall through */
    case S_TARGET:
      q = scan_target(p, q, lim);
      if (q == lim) {
        DATA(on_url, mark, q);
        goto out;
      }
      if (*q != ' ')
        FAIL(*q == '\r' || *q == '\n' ? ND_EHTTP_INVALID_VERSION
                                      : ND_EHTTP_INVALID_TARGET, q);
      DATA(on_url, mark, q);
      q++;
      p->index = 0;
      p->state = S_REQ_VERSION;
      break;

    case S_REQ_VERSION:
    case S_RES_VERSION:
      for (; q < lim; q++) {
        c = *q;
        if (p->index < 5) {
          if (c != (unsigned char)"HTTP/"[p->index])
            FAIL(p->type == ND_HTTP_REQUEST ? ND_EHTTP_INVALID_VERSION
                                            : ND_EHTTP_INVALID_STATUS, q);
        } else if (p->index == 5) {
          if (c != '1')
            FAIL(ND_EHTTP_INVALID_VERSION, q);
          p->http_major = 1;
        } else if (p->index == 6) {
          if (c != '.')
            FAIL(ND_EHTTP_INVALID_VERSION, q);
        } else if (p->index == 7) {
          if (c < '0' || c > '9')
            FAIL(ND_EHTTP_INVALID_VERSION, q);
          p->http_minor = (uint8_t)(c - '0');
        } else {
          break;
        }
        p->index++;
      }
      if (q == lim)
        goto out;
      if (p->state == S_RES_VERSION) {
        if (*q != ' ')
          FAIL(ND_EHTTP_INVALID_VERSION, q);
        q++;
        p->index = 0;
        p->state = S_STATUS_CODE;
        break;
      }
      if (*q != '\r' && *q != '\n')
        FAIL(ND_EHTTP_INVALID_VERSION, q);
      LINE_END(EOL_REQUEST_LINE);

    case S_STATUS_CODE:
      for (; q < lim && p->index < 3; q++) {
        c = *q;
        if (c < '0' || c > '9' || (p->index == 0 && c == '0'))
          FAIL(ND_EHTTP_INVALID_STATUS, q);
        p->status_code = (uint16_t)(p->status_code * 10 + (c - '0'));
        p->index++;
      }
      if (q == lim)
        goto out;
      p->state = S_STATUS_SP;
      /* fall through */
    case S_STATUS_SP:
      if (q == lim)
        goto out;
      if (*q == '\r' || *q == '\n')
        LINE_END(EOL_STATUS_LINE); /* no reason phrase */
      if (*q != ' ')
        FAIL(ND_EHTTP_INVALID_STATUS, q);
      q++;
      mark = q;
      p->state = S_REASON;
      /* fall through */
    case S_REASON:
      q = scan_value(p, q, lim);
      DATA(on_status, mark, q);
      if (q == lim)
        goto out;
      if (*q != '\r' && *q != '\n')
        FAIL(ND_EHTTP_INVALID_STATUS, q);
      LINE_END(EOL_STATUS_LINE);

    case S_LF:
      if (q == lim) {
        if (lim < end)
          FAIL(ND_EHTTP_HEADER_OVERFLOW, lim);
        goto out;
      }
      if (*q != '\n') {
        fail_at(p, ND_EHTTP_BARE_CR, OFF(q) - 1); /* at the CR */
        goto failed;
      }
      q++;
      goto eol;

    case S_HEADER_START:
      if (q == lim)
        goto out;
      c = *q;
      if (c == '\r' || c == '\n')
        LINE_END(EOL_HEADERS);
      if (cls[c] & C_WS) {
        /* A folded line (obs-fold), or space before the first field. */
        if (p->nheaders == 0)
          FAIL(ND_EHTTP_INVALID_HEADER_NAME, q);
        if (!p->lenient || p->hkind != H_OTHER)
          FAIL(ND_EHTTP_OBS_FOLD, q);
        /* Lenient: the fold is whitespace inside the previous value. */
        p->ows[0] = ' ';
        p->ows_len = 1;
        p->ows_run = 1;
        p->ows_offset = OFF(q);
        q++;
        mark = q;
        p->state = S_VALUE;
        break;
      }
      if (!(cls[c] & C_TCHAR))
        FAIL(ND_EHTTP_INVALID_HEADER_NAME, q);
      if (++p->nheaders > p->max_headers)
        FAIL(ND_EHTTP_TOO_MANY_HEADERS, q);
      mark = q;
      p->index = 0;
      p->state = S_HEADER_NAME;
      /* fall through */
    case S_HEADER_NAME: {
      const unsigned char *t = scan(q, lim, C_TCHAR);
      size_t n = (size_t)(t - q);

      /* Only a name as short as the framing ones is kept, to compare. */
      if (p->index + n <= MAX_FRAMING_NAME) {
        memcpy(p->buf + p->index, q, n);
        p->index = (uint8_t)(p->index + n);
      } else {
        p->index = MAX_FRAMING_NAME + 1;
      }
      q = t;
      DATA(on_header_field, mark, q);
      if (q == lim)
        goto out;
      if (*q != ':')
        FAIL(ND_EHTTP_INVALID_HEADER_NAME, q);
      classify_name(p);
      q++;
      p->state = S_VALUE_START;
    }
      /* fall through */
    case S_VALUE_START:
      while (q < lim && (cls[*q] & C_WS))
        q++;
      if (q == lim)
        goto out;
      mark = q;
      p->ows_len = 0;
      p->ows_run = 0;
      p->value_seen = 0;
      p->state = S_VALUE;
      /* fall through */
    case S_VALUE:
      q = scan_value(p, q, lim);
      if (q == lim) {
        CHECK(value_hold(p, s, (const char *)mark, (const char *)q,
                         OFF(mark)));
        goto out;
      }
      if (*q != '\r' && *q != '\n') {
        CHECK(flush_ows(p, s));
        CHECK(value_piece(p, s, (const char *)mark, (size_t)(q - mark),
                          OFF(mark)));
        FAIL(ND_EHTTP_INVALID_HEADER_VALUE, q);
      }
      CHECK(value_last(p, s, (const char *)mark, (const char *)q, OFF(mark)));
      LINE_END(EOL_VALUE);

    case S_BODY_LENGTH: {
      size_t n = (size_t)(end - q);

      if (n > p->content_length)
        n = (size_t)p->content_length;
      DATA(on_body, q, q + n);
      q += n;
      p->content_length -= n;
      if (p->content_length > 0)
        goto out;
      goto message_done;
    }

    case S_BODY_CLOSE:
      DATA(on_body, q, end);
      q = end;
      goto out;

    case S_CHUNK_SIZE_START:
      if (q == lim)
        goto out;
      if (!(cls[*q] & C_HEX))
        FAIL(ND_EHTTP_INVALID_CHUNK_SIZE, q);
      p->content_length = 0;
      p->state = S_CHUNK_SIZE;
      /* fall through */
    case S_CHUNK_SIZE:
      for (; q < lim && (cls[*q] & C_HEX); q++) {
        c = *q;
        if (p->content_length >> 59)
          FAIL(ND_EHTTP_CHUNK_SIZE_OVERFLOW, q);
        p->content_length = p->content_length * 16 +
                            (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      }
      if (q == lim)
        goto out;
      c = *q;
      if (c == '\r' || c == '\n')
        LINE_END(EOL_CHUNK_SIZE);
      if (c == ';') {
        mark = q;
        p->state = S_CHUNK_EXT;
        break;
      }
      if (!(cls[c] & C_WS) || !p->lenient)
        FAIL(ND_EHTTP_INVALID_CHUNK_SIZE, q);
      p->state = S_CHUNK_SIZE_WS;
      /* fall through */
    case S_CHUNK_SIZE_WS:
      while (q < lim && (cls[*q] & C_WS))
        q++;
      if (q == lim)
        goto out;
      if (*q == '\r' || *q == '\n')
        LINE_END(EOL_CHUNK_SIZE);
      if (*q != ';')
        FAIL(ND_EHTTP_INVALID_CHUNK_SIZE, q);
      mark = q;
      p->state = S_CHUNK_EXT;
      /* fall through */
    case S_CHUNK_EXT:
      q = scan_value(p, q, lim);
      DATA(on_chunk_extension, mark, q);
      if (q == lim)
        goto out;
      if (*q != '\r' && *q != '\n')
        FAIL(ND_EHTTP_INVALID_CHUNK_EXTENSION, q);
      LINE_END(EOL_CHUNK_SIZE);

    case S_CHUNK_DATA: {
      size_t n = (size_t)(end - q);

      if (n > p->content_length)
        n = (size_t)p->content_length;
      DATA(on_body, q, q + n);
      q += n;
      p->content_length -= n;
      if (p->content_length > 0)
        goto out;
      p->state = S_CHUNK_DATA_END;
    }
      /* fall through */
    case S_CHUNK_DATA_END:
      if (q == end)
        goto out;
      if (*q != '\r' && *q != '\n')
        FAIL(ND_EHTTP_INVALID_CHUNK_DATA, q);
      LINE_END(EOL_CHUNK_DATA);

    case S_CLOSED:
      while (q < end && (*q == '\r' || *q == '\n'))
        q++;
      if (q == end)
        goto out;
      if (!p->lenient)
        FAIL(ND_EHTTP_DATA_AFTER_CLOSE, q);
      p->state = S_START;
      break;

    case S_UPGRADED:
      goto upgraded;

    default:
      FAIL(ND_EHTTP_CALLBACK, q); /* not reached: S_DEAD returns early */
    }
    continue;

  eol:
    /* A line ended; q is past its LF. */
    switch (p->eol) {
    case EOL_START:
      p->state = S_START;
      break;
    case EOL_REQUEST_LINE:
    case EOL_STATUS_LINE:
      p->state = S_HEADER_START;
      break;
    case EOL_VALUE:
      CHECK(value_end(p, OFF(q - 1)));
      p->state = S_HEADER_START;
      break;
    case EOL_HEADERS:
      HEADER_SECTION_END();
      if (p->flags & ND_HTTP_F_TRAILER) {
        CALLBACK(on_chunk_complete, q);
        goto message_done;
      }
      CHECK(headers_framing(p, OFF(q - 1)));
      goto headers_done;
    case EOL_CHUNK_SIZE:
      HEADER_SECTION_END();
      CALLBACK(on_chunk_header, q);
      if (p->content_length == 0) {
        /*
         * The last chunk: a trailer section follows, and the chunk is
         * complete at its end (where http-parser says so too).
         */
        p->flags |= ND_HTTP_F_TRAILER;
        p->nheaders = 0;
        HEADER_SECTION_BEGIN();
        p->state = S_HEADER_START;
      } else {
        p->state = S_CHUNK_DATA;
      }
      break;
    case EOL_CHUNK_DATA:
      CALLBACK(on_chunk_complete, q);
      HEADER_SECTION_BEGIN();
      p->state = S_CHUNK_SIZE_START;
      break;
    }
    continue;

  headers_done:
    r = s->on_headers_complete != NULL ? s->on_headers_complete(p) : 0;
    if (r == ND_HTTP_SKIP_BODY_UPGRADE) {
      p->flags |= ND_HTTP_F_SKIP_BODY | ND_HTTP_F_SWITCH;
    } else if (r == ND_HTTP_SKIP_BODY) {
      p->flags |= ND_HTTP_F_SKIP_BODY;
    } else if (r != 0) {
      FAIL(ND_EHTTP_CALLBACK, q);
    }
    if (p->type == ND_HTTP_RESPONSE &&
        ((p->status_code >= 100 && p->status_code < 200) ||
         p->status_code == 204 || p->status_code == 304))
      p->flags |= ND_HTTP_F_SKIP_BODY;
    if (p->type == ND_HTTP_RESPONSE && p->status_code >= 100 &&
        p->status_code < 200 && !(p->flags & ND_HTTP_F_SWITCH))
      p->flags |= ND_HTTP_F_KEEP_ALIVE; /* the final response follows */
    if ((p->flags & ND_HTTP_F_SKIP_BODY) ||
        ((p->flags & ND_HTTP_F_SWITCH) && p->method == ND_HTTP_CONNECT))
      goto message_done;
    if (p->flags & ND_HTTP_F_CHUNKED) {
      HEADER_SECTION_BEGIN();
      p->state = S_CHUNK_SIZE_START;
      continue;
    }
    if (p->flags & ND_HTTP_F_UNTIL_CLOSE) {
      p->flags &= ~(uint32_t)ND_HTTP_F_KEEP_ALIVE;
      p->state = S_BODY_CLOSE;
      continue;
    }
    if ((p->flags & ND_HTTP_F_CONTENT_LENGTH) && p->content_length > 0) {
      p->state = S_BODY_LENGTH;
      continue;
    }
    if (p->type == ND_HTTP_REQUEST || (p->flags & ND_HTTP_F_CONTENT_LENGTH))
      goto message_done;
    /* A response with no length: its body is the rest of the input. */
    p->flags = (p->flags | ND_HTTP_F_UNTIL_CLOSE) &
               ~(uint32_t)ND_HTTP_F_KEEP_ALIVE;
    p->state = S_BODY_CLOSE;
    continue;

  message_done:
    if (p->flags & ND_HTTP_F_SWITCH) {
      p->upgrade = 1;
      p->state = S_UPGRADED;
    } else {
      p->state = (p->flags & ND_HTTP_F_KEEP_ALIVE) ? S_START : S_CLOSED;
    }
    r = s->on_message_complete != NULL ? s->on_message_complete(p) : 0;
    if (r != 0 && r != ND_HTTP_PAUSE)
      FAIL(ND_EHTTP_CALLBACK, q);
    /*
     * Paused: return what this message took, so that the caller can
     * answer it before it hands the parser what follows.
     */
    if (p->upgrade || r == ND_HTTP_PAUSE)
      goto upgraded;
    continue;
  }

upgraded:
  p->nread += (uint64_t)(q - base);
  return q - base;

out:
  if (p->in_header) {
    if (q < end)
      FAIL(ND_EHTTP_HEADER_OVERFLOW, q);
    p->nheader_bytes += (uint32_t)(end - hbase);
  }
  p->nread += len;
  return (ssize_t)len;

failed:
  return p->error;
}

int nd_http_parser_finish(nd_http_parser_t *p,
                          const nd_http_parser_settings_t *s) {
  switch (p->state) {
  case S_START:
  case S_CLOSED:
  case S_UPGRADED:
    return 0;
  case S_DEAD:
    return p->error;
  case S_BODY_CLOSE:
    p->state = S_CLOSED;
    if (s->on_message_complete != NULL && s->on_message_complete(p) != 0)
      return fail_at(p, ND_EHTTP_CALLBACK, p->nread);
    return 0;
  default:
    return fail_at(p, ND_EHTTP_INCOMPLETE, p->nread);
  }
}
