/*
 * dns-parse.c - a DNS answer into an nd_dns_result_t.
 *
 * One parser for every record type, so that each record carries its TTL
 * and ANY answers need nothing more, and so that types c-ares has no
 * parser for cost nothing extra.  Every length is checked against the
 * message before it is read; a compression pointer may only point
 * backwards, which also bounds the hops.  The result lives in an arena of
 * a few large blocks: nd_dns_result_free is one call.
 */
#include <stdlib.h>
#include <string.h>

#include "dns-internal.h"

#define NAME_MAX_TEXT 1025 /* 255 octets, each possibly escaped as \DDD */

struct chunk {
  struct chunk *next;
  size_t used;
  size_t cap;
  max_align_t data[];
};

/* What nd_dns_result_t points into: the result is the first member. */
struct result_block {
  nd_dns_result_t pub;
  struct chunk *chunks;
};

static void *arena_alloc(struct result_block *b, size_t size) {
  struct chunk *c = b->chunks;
  size_t align = sizeof(max_align_t);
  void *p;

  size = (size + align - 1) / align * align;
  if (c == NULL || c->cap - c->used < size) {
    size_t cap = size > 4096 ? size : 4096;
    c = malloc(sizeof(*c) + cap);
    if (c == NULL)
      return NULL;
    c->used = 0;
    c->cap = cap;
    c->next = b->chunks;
    b->chunks = c;
  }
  p = (char *)c->data + c->used;
  c->used += size;
  return p;
}

static char *arena_strndup(struct result_block *b, const void *s, size_t n) {
  char *p = arena_alloc(b, n + 1);

  if (p != NULL) {
    memcpy(p, s, n);
    p[n] = '\0';
  }
  return p;
}

void nd_dns_result_free(nd_dns_result_t *result) {
  struct result_block *b = (struct result_block *)result;
  struct chunk *c;

  if (b == NULL)
    return;
  while ((c = b->chunks) != NULL) {
    b->chunks = c->next;
    free(c);
  }
  free(b);
}

struct msg {
  const unsigned char *p;
  size_t len;
};

static unsigned int get16(const unsigned char *p) {
  return (unsigned int)p[0] << 8 | p[1];
}

static unsigned int get32(const unsigned char *p) {
  return (unsigned int)p[0] << 24 | (unsigned int)p[1] << 16 |
         (unsigned int)p[2] << 8 | p[3];
}

/*
 * Read the name at *off into text (dotted, no final dot; "." escaped in
 * labels, unprintable octets as \DDD) and move *off past it.
 */
static int read_name(const struct msg *m, size_t *off, char *text) {
  size_t pos = *off;
  size_t out = 0;
  size_t octets = 0;
  int jumped = 0;

  for (;;) {
    unsigned int l;

    if (pos >= m->len)
      return -1;
    l = m->p[pos];
    if ((l & 0xC0) == 0xC0) {
      size_t target;

      if (pos + 1 >= m->len)
        return -1;
      target = (size_t)(l & 0x3F) << 8 | m->p[pos + 1];
      if (!jumped)
        *off = pos + 2;
      /* Only backwards, and strictly: no pointer loops. */
      if (target >= pos)
        return -1;
      jumped = 1;
      pos = target;
      continue;
    }
    if (l & 0xC0)
      return -1; /* extended label types: not in answers we accept */
    if (l == 0) {
      if (!jumped)
        *off = pos + 1;
      break;
    }
    if (pos + 1 + l > m->len || (octets += l + 1) > 255)
      return -1;
    if (out > 0)
      text[out++] = '.';
    for (unsigned int i = 0; i < l; i++) {
      unsigned char c = m->p[pos + 1 + i];

      if (c == '.' || c == '\\') {
        text[out++] = '\\';
        text[out++] = (char)c;
      } else if (c <= 0x20 || c >= 0x7F) {
        text[out++] = '\\';
        text[out++] = (char)('0' + c / 100);
        text[out++] = (char)('0' + c / 10 % 10);
        text[out++] = (char)('0' + c % 10);
      } else {
        text[out++] = (char)c;
      }
    }
    pos += 1 + l;
  }
  text[out] = '\0';
  return 0;
}

static char *dup_name(struct result_block *b, const struct msg *m,
                      size_t *off) {
  char text[NAME_MAX_TEXT];

  if (read_name(m, off, text) != 0)
    return NULL;
  return arena_strndup(b, text, strlen(text));
}

/* A <character-string> at *off, which must stay below end. */
static char *dup_string(struct result_block *b, const struct msg *m,
                        size_t *off, size_t end) {
  size_t l;
  char *s;

  if (*off >= end)
    return NULL;
  l = m->p[*off];
  if (*off + 1 + l > end)
    return NULL;
  s = arena_strndup(b, m->p + *off + 1, l);
  *off += 1 + l;
  return s;
}

static int known_type(int type) {
  switch (type) {
  case ND_DNS_A:
  case ND_DNS_AAAA:
  case ND_DNS_CNAME:
  case ND_DNS_NS:
  case ND_DNS_PTR:
  case ND_DNS_MX:
  case ND_DNS_TXT:
  case ND_DNS_SRV:
  case ND_DNS_NAPTR:
  case ND_DNS_SOA:
  case ND_DNS_CAA:
    return 1;
  default:
    return 0;
  }
}

/* The rdata of one record, [off, end), into r; -1 if it is malformed. */
static int parse_rdata(struct result_block *b, const struct msg *m,
                       size_t off, size_t end, nd_dns_record_t *r) {
  size_t len = end - off;
  const unsigned char *p = m->p + off;

  switch (r->type) {
  case ND_DNS_A:
    if (len != 4)
      return -1;
    memcpy(&r->u.a, p, 4);
    return 0;
  case ND_DNS_AAAA:
    if (len != 16)
      return -1;
    memcpy(&r->u.aaaa, p, 16);
    return 0;
  case ND_DNS_CNAME:
  case ND_DNS_NS:
  case ND_DNS_PTR:
    r->u.target = dup_name(b, m, &off);
    return r->u.target != NULL && off <= end ? 0 : -1;
  case ND_DNS_MX:
    if (len < 3)
      return -1;
    r->u.mx.priority = get16(p);
    off += 2;
    r->u.mx.exchange = dup_name(b, m, &off);
    return r->u.mx.exchange != NULL && off <= end ? 0 : -1;
  case ND_DNS_SRV:
    if (len < 7)
      return -1;
    r->u.srv.priority = get16(p);
    r->u.srv.weight = get16(p + 2);
    r->u.srv.port = get16(p + 4);
    off += 6;
    r->u.srv.target = dup_name(b, m, &off);
    return r->u.srv.target != NULL && off <= end ? 0 : -1;
  case ND_DNS_TXT: {
    size_t n = 0;
    size_t o;

    for (o = off; o < end; o += 1 + m->p[o])
      n++;
    if (o != end || n == 0)
      return -1;
    r->u.txt.chunks = arena_alloc(b, n * sizeof(char *));
    if (r->u.txt.chunks == NULL)
      return -1;
    r->u.txt.count = n;
    for (n = 0; off < end; n++)
      if ((r->u.txt.chunks[n] = dup_string(b, m, &off, end)) == NULL)
        return -1;
    return 0;
  }
  case ND_DNS_NAPTR:
    if (len < 4)
      return -1;
    r->u.naptr.order = get16(p);
    r->u.naptr.preference = get16(p + 2);
    off += 4;
    if ((r->u.naptr.flags = dup_string(b, m, &off, end)) == NULL ||
        (r->u.naptr.service = dup_string(b, m, &off, end)) == NULL ||
        (r->u.naptr.regexp = dup_string(b, m, &off, end)) == NULL ||
        (r->u.naptr.replacement = dup_name(b, m, &off)) == NULL)
      return -1;
    return off <= end ? 0 : -1;
  case ND_DNS_SOA:
    if ((r->u.soa.nsname = dup_name(b, m, &off)) == NULL ||
        (r->u.soa.hostmaster = dup_name(b, m, &off)) == NULL ||
        off + 20 > end)
      return -1;
    p = m->p + off;
    r->u.soa.serial = get32(p);
    r->u.soa.refresh = get32(p + 4);
    r->u.soa.retry = get32(p + 8);
    r->u.soa.expire = get32(p + 12);
    r->u.soa.minttl = get32(p + 16);
    return 0;
  case ND_DNS_CAA: {
    size_t tlen;

    if (len < 2)
      return -1;
    r->u.caa.critical = p[0];
    tlen = p[1];
    if (tlen == 0 || 2 + tlen > len)
      return -1;
    r->u.caa.tag = arena_strndup(b, p + 2, tlen);
    r->u.caa.value_len = len - 2 - tlen;
    r->u.caa.value = arena_strndup(b, p + 2 + tlen, r->u.caa.value_len);
    return r->u.caa.tag != NULL && r->u.caa.value != NULL ? 0 : -1;
  }
  }
  return -1;
}

int nd__dns_parse(const unsigned char *abuf, int alen, int qtype,
                  nd_dns_result_t **result) {
  struct msg m = {abuf, alen > 0 ? (size_t)alen : 0};
  char text[NAME_MAX_TEXT];
  struct result_block *b;
  unsigned int qdcount;
  unsigned int ancount;
  unsigned int i;
  size_t off = 12;
  int err = ND_DNS_EBADRESP;

  *result = NULL;
  if (m.len < 12)
    return ND_DNS_EBADRESP;
  qdcount = get16(abuf + 4);
  ancount = get16(abuf + 6);
  /* A record takes at least 11 octets: no more can fit. */
  if (ancount > m.len / 11)
    return ND_DNS_EBADRESP;
  for (i = 0; i < qdcount; i++) {
    if (read_name(&m, &off, text) != 0 || off + 4 > m.len)
      return ND_DNS_EBADRESP;
    off += 4;
  }

  b = calloc(1, sizeof(*b));
  if (b == NULL)
    return ND_DNS_ENOMEM;
  if (ancount > 0) {
    b->pub.records = arena_alloc(b, ancount * sizeof(nd_dns_record_t));
    if (b->pub.records == NULL) {
      err = ND_DNS_ENOMEM;
      goto fail;
    }
  }
  for (i = 0; i < ancount; i++) {
    nd_dns_record_t *r = &b->pub.records[b->pub.count];
    size_t name_off = off;
    unsigned int type;
    unsigned int cls;
    size_t rdlen;

    if (read_name(&m, &off, text) != 0 || off + 10 > m.len)
      goto fail;
    type = get16(abuf + off);
    cls = get16(abuf + off + 2);
    rdlen = get16(abuf + off + 8);
    if (off + 10 + rdlen > m.len)
      goto fail;
    off += 10;
    if (cls == 1 && known_type((int)type) &&
        (qtype == ND_DNS_ANY || (int)type == qtype)) {
      memset(r, 0, sizeof(*r));
      r->type = (int)type;
      r->ttl = get32(abuf + off - 6);
      r->name = dup_name(b, &m, &name_off);
      if (r->name == NULL || parse_rdata(b, &m, off, off + rdlen, r) != 0)
        goto fail;
      b->pub.count++;
    }
    off += rdlen;
  }
  if (b->pub.count == 0) {
    err = ND_DNS_ENODATA;
    goto fail;
  }
  *result = &b->pub;
  return 0;

fail:
  nd_dns_result_free(&b->pub);
  return err;
}
