/*
 * x509.c - X.509 certificates: parse PEM or DER, read names, alternative
 * names, serial, validity, fingerprints, and check a host name.
 *
 * mbedTLS 2.28 parses the certificate; the subject alternative names are
 * read here from the raw extension, since that release lists only DNS
 * names (and not the IP addresses host-name checks and Node need).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <mbedtls/asn1.h>
#include <mbedtls/oid.h>
#include <mbedtls/pem.h>

#include "nodec.h"
#include "tls-internal.h"

int nd_x509_parse(nd_x509_t **out, const void *data, size_t len) {
  nd_x509_t *x;
  char *copy = NULL;
  int r;

  if (out == NULL || data == NULL || len == 0)
    return ND_EINVAL;
  *out = NULL;
  x = malloc(sizeof(*x));
  if (x == NULL)
    return ND_ENOMEM;
  mbedtls_x509_crt_init(&x->crt);
  if (memmem(data, len, "-----BEGIN ", 11) != NULL) {
    /* PEM: mbedTLS wants the terminating NUL counted in the length. */
    copy = malloc(len + 1);
    if (copy == NULL) {
      free(x);
      return ND_ENOMEM;
    }
    memcpy(copy, data, len);
    copy[len] = '\0';
    r = mbedtls_x509_crt_parse(&x->crt, (const unsigned char *)copy, len + 1);
    free(copy);
    /* > 0: some blocks were not certificates; fine if one was. */
    if (r > 0 && x->crt.raw.p != NULL)
      r = 0;
  } else {
    r = mbedtls_x509_crt_parse_der(&x->crt, data, len);
  }
  if (r != 0 || x->crt.raw.p == NULL) {
    mbedtls_x509_crt_free(&x->crt);
    free(x);
    return r == MBEDTLS_ERR_X509_ALLOC_FAILED ? ND_ENOMEM : ND_ETLS_BAD_CERT;
  }
  *out = x;
  return 0;
}

void nd_x509_free(nd_x509_t *cert) {
  if (cert == NULL)
    return;
  mbedtls_x509_crt_free(&cert->crt);
  free(cert);
}

const nd_x509_t *nd_x509_next(const nd_x509_t *cert) {
  if (cert == NULL || cert->crt.next == NULL || cert->crt.next->raw.p == NULL)
    return NULL;
  return nd__x509_of(cert->crt.next);
}

/* --- output helpers ------------------------------------------------------ */

struct out {
  char *buf;
  size_t size;
  size_t len;
  int overflow;
};

static void put(struct out *o, const char *s, size_t n) {
  if (o->overflow || o->len + n + 1 > o->size) {
    o->overflow = 1;
    return;
  }
  memcpy(o->buf + o->len, s, n);
  o->len += n;
  o->buf[o->len] = '\0';
}

static void puts_(struct out *o, const char *s) {
  put(o, s, strlen(s));
}

static int out_end(struct out *o) {
  if (o->overflow)
    return ND_ENOBUFS;
  if (o->size > 0 && o->len == 0)
    o->buf[0] = '\0';
  return o->size == 0 ? ND_ENOBUFS : (int)o->len;
}

/* --- names --------------------------------------------------------------- */

static const mbedtls_x509_name *name_of(const nd_x509_t *cert,
                                        nd_x509_name_kind kind) {
  if (kind == ND_X509_SUBJECT)
    return &cert->crt.subject;
  if (kind == ND_X509_ISSUER)
    return &cert->crt.issuer;
  return NULL;
}

static const char *attr_name(const mbedtls_x509_name *n, char *tmp,
                             size_t size) {
  const char *s = NULL;

  if (mbedtls_oid_get_attr_short_name(&n->oid, &s) == 0 && s != NULL)
    return s;
  /* An attribute mbedTLS has no name for: its dotted OID. */
  if (mbedtls_oid_get_numeric_string(tmp, size, &n->oid) < 0)
    snprintf(tmp, size, "?");
  return tmp;
}

int nd_x509_get_name(const nd_x509_t *cert, nd_x509_name_kind kind, char *buf,
                     size_t size) {
  const mbedtls_x509_name *n;
  struct out o = {buf, size, 0, 0};
  char tmp[64];
  int first = 1;

  if (cert == NULL || (buf == NULL && size != 0))
    return ND_EINVAL;
  n = name_of(cert, kind);
  if (n == NULL)
    return ND_EINVAL;
  for (; n != NULL; n = n->next) {
    if (n->oid.p == NULL)
      continue;
    if (!first)
      put(&o, "\n", 1);
    first = 0;
    puts_(&o, attr_name(n, tmp, sizeof(tmp)));
    put(&o, "=", 1);
    put(&o, (const char *)n->val.p, n->val.len);
  }
  return out_end(&o);
}

int nd_x509_get_name_field(const nd_x509_t *cert, nd_x509_name_kind kind,
                           const char *key, char *buf, size_t size) {
  const mbedtls_x509_name *n;
  struct out o = {buf, size, 0, 0};
  char tmp[64];

  if (cert == NULL || key == NULL || (buf == NULL && size != 0))
    return ND_EINVAL;
  n = name_of(cert, kind);
  if (n == NULL)
    return ND_EINVAL;
  for (; n != NULL; n = n->next) {
    if (n->oid.p == NULL || strcmp(attr_name(n, tmp, sizeof(tmp)), key) != 0)
      continue;
    put(&o, (const char *)n->val.p, n->val.len);
    return out_end(&o);
  }
  return ND_ENOENT;
}

/* --- subject alternative names ------------------------------------------- */

/* GeneralName tags (RFC 5280 4.2.1.6), context-specific. */
enum { SAN_EMAIL = 1, SAN_DNS = 2, SAN_URI = 6, SAN_IP = 7 };

typedef int (*san_visit)(void *arg, int tag, const unsigned char *p,
                         size_t len);

/*
 * Walk the subjectAltName extension, calling visit for each GeneralName
 * (its tag number and contents); stops early when visit returns non-zero
 * and returns that.  0 when there is no such extension.
 */
static int san_walk(const mbedtls_x509_crt *crt, san_visit visit, void *arg) {
  unsigned char *p = crt->v3_ext.p;
  const unsigned char *end;
  size_t len;
  int r;

  if (p == NULL || crt->v3_ext.len == 0)
    return 0;
  end = p + crt->v3_ext.len;
  /* v3_ext is the Extensions SEQUENCE, within the [3] wrapper. */
  if (mbedtls_asn1_get_tag(&p, end, &len, MBEDTLS_ASN1_CONSTRUCTED |
                                              MBEDTLS_ASN1_SEQUENCE) != 0)
    return 0;
  end = p + len;
  while (p < end) {
    const unsigned char *ext_end;
    mbedtls_x509_buf oid;
    int critical = 0;

    if (mbedtls_asn1_get_tag(&p, end, &len, MBEDTLS_ASN1_CONSTRUCTED |
                                                MBEDTLS_ASN1_SEQUENCE) != 0)
      return 0;
    ext_end = p + len;
    if (mbedtls_asn1_get_tag(&p, ext_end, &oid.len, MBEDTLS_ASN1_OID) != 0)
      return 0;
    oid.p = p;
    p += oid.len;
    (void)mbedtls_asn1_get_bool(&p, ext_end, &critical);
    if (mbedtls_asn1_get_tag(&p, ext_end, &len, MBEDTLS_ASN1_OCTET_STRING) !=
        0)
      return 0;
    if (MBEDTLS_OID_CMP(MBEDTLS_OID_SUBJECT_ALT_NAME, &oid) == 0) {
      const unsigned char *seq_end;

      if (mbedtls_asn1_get_tag(&p, ext_end, &len,
                               MBEDTLS_ASN1_CONSTRUCTED |
                                   MBEDTLS_ASN1_SEQUENCE) != 0)
        return 0;
      seq_end = p + len;
      while (p < seq_end) {
        int tag = *p;
        p++;
        if (mbedtls_asn1_get_len(&p, seq_end, &len) != 0)
          return 0;
        if ((tag & MBEDTLS_ASN1_TAG_CLASS_MASK) ==
            MBEDTLS_ASN1_CONTEXT_SPECIFIC) {
          r = visit(arg, tag & MBEDTLS_ASN1_TAG_VALUE_MASK, p, len);
          if (r != 0)
            return r;
        }
        p += len;
      }
      return 0;
    }
    p = (unsigned char *)ext_end;
  }
  return 0;
}

static void put_ip(struct out *o, const unsigned char *p, size_t len) {
  char tmp[64];
  size_t i;

  if (len == 4) {
    snprintf(tmp, sizeof(tmp), "%u.%u.%u.%u", p[0], p[1], p[2], p[3]);
    puts_(o, tmp);
  } else if (len == 16) {
    /* As OpenSSL and Node print them: eight groups, no compression. */
    for (i = 0; i < 16; i += 2) {
      snprintf(tmp, sizeof(tmp), "%s%X", i ? ":" : "",
               (unsigned int)(p[i] << 8 | p[i + 1]));
      puts_(o, tmp);
    }
  } else {
    puts_(o, "<invalid>");
  }
}

static int san_print(void *arg, int tag, const unsigned char *p, size_t len) {
  struct out *o = arg;

  if (tag != SAN_DNS && tag != SAN_IP && tag != SAN_EMAIL && tag != SAN_URI)
    return 0;
  if (o->len > 0)
    puts_(o, ", ");
  switch (tag) {
  case SAN_DNS:
    puts_(o, "DNS:");
    put(o, (const char *)p, len);
    break;
  case SAN_EMAIL:
    puts_(o, "email:");
    put(o, (const char *)p, len);
    break;
  case SAN_URI:
    puts_(o, "URI:");
    put(o, (const char *)p, len);
    break;
  case SAN_IP:
    puts_(o, "IP Address:");
    put_ip(o, p, len);
    break;
  }
  return 0;
}

int nd_x509_get_subject_alt_names(const nd_x509_t *cert, char *buf,
                                  size_t size) {
  struct out o = {buf, size, 0, 0};

  if (cert == NULL || (buf == NULL && size != 0))
    return ND_EINVAL;
  if (size > 0)
    buf[0] = '\0';
  san_walk(&cert->crt, san_print, &o);
  return out_end(&o);
}

/* --- the rest of the getters --------------------------------------------- */

int nd_x509_get_serial(const nd_x509_t *cert, char *buf, size_t size) {
  struct out o = {buf, size, 0, 0};
  char tmp[4];
  size_t i = 0;

  if (cert == NULL || (buf == NULL && size != 0))
    return ND_EINVAL;
  /* Leading zero bytes are DER's sign padding, not part of the number. */
  while (i + 1 < cert->crt.serial.len && cert->crt.serial.p[i] == 0)
    i++;
  for (; i < cert->crt.serial.len; i++) {
    snprintf(tmp, sizeof(tmp), "%02X", cert->crt.serial.p[i]);
    put(&o, tmp, 2);
  }
  return out_end(&o);
}

static int64_t time_of(const mbedtls_x509_time *t) {
  struct tm tm;

  memset(&tm, 0, sizeof(tm));
  tm.tm_year = t->year - 1900;
  tm.tm_mon = t->mon - 1;
  tm.tm_mday = t->day;
  tm.tm_hour = t->hour;
  tm.tm_min = t->min;
  tm.tm_sec = t->sec;
  return (int64_t)timegm(&tm);
}

int nd_x509_get_validity(const nd_x509_t *cert, int64_t *not_before,
                         int64_t *not_after) {
  if (cert == NULL)
    return ND_EINVAL;
  if (not_before != NULL)
    *not_before = time_of(&cert->crt.valid_from);
  if (not_after != NULL)
    *not_after = time_of(&cert->crt.valid_to);
  return 0;
}

int nd_x509_get_fingerprint(const nd_x509_t *cert, nd_hash_alg alg,
                            char *buf, size_t size) {
  uint8_t md[ND_HASH_MAX_SIZE];
  struct out o = {buf, size, 0, 0};
  size_t n;
  size_t i;
  char tmp[4];
  int r;

  if (cert == NULL || (buf == NULL && size != 0))
    return ND_EINVAL;
  switch (alg) {
  case ND_HASH_SHA1:
    n = 20;
    break;
  case ND_HASH_SHA256:
    n = 32;
    break;
  case ND_HASH_SHA512:
    n = 64;
    break;
  default:
    return ND_EINVAL;
  }
  r = nd_hash(alg, cert->crt.raw.p, cert->crt.raw.len, md);
  if (r < 0)
    return r;
  for (i = 0; i < n; i++) {
    snprintf(tmp, sizeof(tmp), "%s%02X", i ? ":" : "", md[i]);
    puts_(&o, tmp);
  }
  return out_end(&o);
}

int nd_x509_get_der(const nd_x509_t *cert, const uint8_t **der, size_t *len) {
  if (cert == NULL || der == NULL || len == NULL)
    return ND_EINVAL;
  *der = cert->crt.raw.p;
  *len = cert->crt.raw.len;
  return 0;
}

int nd_x509_get_pem(const nd_x509_t *cert, char *buf, size_t size) {
  size_t olen = 0;
  int r;

  if (cert == NULL || (buf == NULL && size != 0))
    return ND_EINVAL;
  r = mbedtls_pem_write_buffer("-----BEGIN CERTIFICATE-----\n",
                               "-----END CERTIFICATE-----\n", cert->crt.raw.p,
                               cert->crt.raw.len, (unsigned char *)buf, size,
                               &olen);
  if (r != 0)
    return ND_ENOBUFS;
  return (int)olen - 1; /* olen counts the NUL */
}

int nd_x509_is_ca(const nd_x509_t *cert) {
  return cert != NULL && cert->crt.ca_istrue != 0;
}

/* --- host names ---------------------------------------------------------- */

int nd__tls_is_ip(const char *name) {
  unsigned char tmp[16];

  return inet_pton(AF_INET, name, tmp) == 1 ||
         inet_pton(AF_INET6, name, tmp) == 1;
}

struct host_match {
  const char *host;      /* lower case, no trailing dot */
  size_t host_len;
  unsigned char ip[16];
  size_t ip_len;         /* 0: a DNS name */
  int dns_seen;
};

/*
 * One DNS pattern against the host: equal ignoring case, or a wildcard
 * that is the whole left-most label and covers exactly one label (RFC 6125
 * 6.4.3), never for a pattern with fewer than two labels after it.
 */
static int dns_match(const char *pat, size_t plen, const char *host,
                     size_t hlen) {
  const char *dot;

  if (plen > 0 && pat[plen - 1] == '.')
    plen--;
  if (plen == hlen && strncasecmp(pat, host, hlen) == 0)
    return 1;
  if (plen < 3 || pat[0] != '*' || pat[1] != '.')
    return 0;
  if (memchr(pat + 2, '.', plen - 2) == NULL)
    return 0; /* "*.com" */
  dot = memchr(host, '.', hlen);
  if (dot == NULL || dot == host)
    return 0;
  return (size_t)(host + hlen - dot) == plen - 1 &&
         strncasecmp(dot, pat + 1, plen - 1) == 0;
}

static int san_match(void *arg, int tag, const unsigned char *p, size_t len) {
  struct host_match *m = arg;

  if (tag == SAN_DNS) {
    m->dns_seen = 1;
    if (m->ip_len == 0 && dns_match((const char *)p, len, m->host,
                                    m->host_len))
      return 1;
  } else if (tag == SAN_IP && m->ip_len != 0 && len == m->ip_len &&
             memcmp(p, m->ip, len) == 0) {
    return 1;
  }
  return 0;
}

int nd__x509_check_host(const mbedtls_x509_crt *crt, const char *host) {
  struct host_match m;
  const mbedtls_x509_name *n;

  if (crt == NULL || host == NULL || host[0] == '\0')
    return ND_ETLS_HOSTNAME_MISMATCH;
  memset(&m, 0, sizeof(m));
  m.host = host;
  m.host_len = strlen(host);
  if (m.host_len > 0 && host[m.host_len - 1] == '.')
    m.host_len--;
  if (inet_pton(AF_INET, host, m.ip) == 1)
    m.ip_len = 4;
  else if (inet_pton(AF_INET6, host, m.ip) == 1)
    m.ip_len = 16;
  if (san_walk(crt, san_match, &m) == 1)
    return 0;
  /* As Node: the subject CN counts only for a DNS name, and only when the
   * certificate lists no DNS names. */
  if (m.ip_len == 0 && !m.dns_seen) {
    for (n = &crt->subject; n != NULL; n = n->next)
      if (n->oid.p != NULL && MBEDTLS_OID_CMP(MBEDTLS_OID_AT_CN, &n->oid) == 0)
        return dns_match((const char *)n->val.p, n->val.len, m.host,
                         m.host_len)
                   ? 0
                   : ND_ETLS_HOSTNAME_MISMATCH;
  }
  return ND_ETLS_HOSTNAME_MISMATCH;
}

int nd_x509_check_host(const nd_x509_t *cert, const char *host) {
  if (cert == NULL || host == NULL)
    return ND_EINVAL;
  return nd__x509_check_host(&cert->crt, host);
}
