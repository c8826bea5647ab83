/*
 * dns-responder.h - a small DNS server for tests, benchmarks and the fuzz
 * target: UDP and TCP on 127.0.0.1 (or ::1), one ephemeral port for both,
 * answering from a table, on its own thread.
 *
 * Each table entry matches a question (name, case-insensitive, or "*" for
 * every name; and type; ANY matches every entry of the name) and says how
 * to answer: with its records, with an error code, not at all, with
 * garbage, with the wrong id, or with a truncated UDP answer (the full one
 * comes over TCP).  Names nobody listed get NXDOMAIN; a name listed for
 * other types gets an empty NOERROR answer.  Owner names in answers are compression
 * pointers to the question, as most servers write them.  The responder
 * counts the queries it saw per transport.  With a mutate hook set, every
 * answer goes through it first (the fuzz target).
 *
 * Plain C and POSIX: it does not use the library under test.
 */
#ifndef ND_TEST_DNS_RESPONDER_H
#define ND_TEST_DNS_RESPONDER_H

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

enum resp_kind {
  RESP_ANSWER = 0, /* the entry's records (none: NOERROR, no data) */
  RESP_NXDOMAIN,
  RESP_SERVFAIL,
  RESP_REFUSED,
  RESP_SILENT,     /* never answer */
  RESP_GARBAGE,    /* random bytes that keep the query's id */
  RESP_BADID,      /* the right answer with another id */
  RESP_TRUNCATE    /* UDP: TC set and no records; TCP: the records */
};

#define RESP_MAX_ENTRIES 64
#define RESP_MAX_CONNS 16
#define RESP_RR_SPACE 8192

struct resp_entry {
  char name[256];
  int type;
  enum resp_kind kind;
  /* Answer records, each [owner length][owner][type ... rdata]. */
  unsigned char rr[RESP_RR_SPACE];
  size_t rrlen;
  int count;
  char owner[256]; /* the next record's owner; "" is the question's name */
};

struct responder {
  int udp;
  int tcp;
  int wake[2];
  unsigned short port;
  int family;
  pthread_t thread;
  pthread_mutex_t lock;
  struct resp_entry entries[RESP_MAX_ENTRIES];
  int nentries;
  unsigned long udp_queries;
  unsigned long tcp_queries;
  int conns[RESP_MAX_CONNS];
  /* Called on every answer before it is sent (the fuzz target's hook). */
  size_t (*mutate)(void *arg, unsigned char *msg, size_t len, size_t cap);
  void *mutate_arg;
  unsigned int seed;
};

/* --- building records ---------------------------------------------------- */

static inline size_t resp_put_name(unsigned char *p, const char *name) {
  size_t n = 0;

  while (*name != '\0') {
    const char *dot = strchr(name, '.');
    size_t len = dot ? (size_t)(dot - name) : strlen(name);

    p[n++] = (unsigned char)len;
    memcpy(p + n, name, len);
    n += len;
    name += len;
    if (*name == '.')
      name++;
  }
  p[n++] = 0;
  return n;
}

static inline void resp_put16(unsigned char *p, unsigned int v) {
  p[0] = (unsigned char)(v >> 8);
  p[1] = (unsigned char)v;
}

static inline void resp_put32(unsigned char *p, uint32_t v) {
  p[0] = (unsigned char)(v >> 24);
  p[1] = (unsigned char)(v >> 16);
  p[2] = (unsigned char)(v >> 8);
  p[3] = (unsigned char)v;
}

static inline struct resp_entry *resp_entry(struct responder *r,
                                            const char *name, int type,
                                            enum resp_kind kind) {
  struct resp_entry *e;

  pthread_mutex_lock(&r->lock);
  e = &r->entries[r->nentries++];
  pthread_mutex_unlock(&r->lock);
  memset(e, 0, sizeof(*e));
  snprintf(e->name, sizeof(e->name), "%s", name);
  e->type = type;
  e->kind = kind;
  return e;
}

/* The owner of the records added next (NULL: the question's name). */
static inline void resp_owner(struct resp_entry *e, const char *owner) {
  snprintf(e->owner, sizeof(e->owner), "%s", owner ? owner : "");
}

/* Append one record (type, ttl, rdata) to an entry. */
static inline void resp_rr(struct resp_entry *e, int type, uint32_t ttl,
                           const void *rdata, size_t rdlen) {
  unsigned char *p = e->rr + e->rrlen;
  size_t olen = 0;

  if (e->owner[0] != '\0')
    olen = resp_put_name(p + 1, e->owner);
  p[0] = (unsigned char)olen;
  e->rrlen += 1 + olen;
  p += 1 + olen;
  resp_put16(p, (unsigned int)type);
  resp_put16(p + 2, 1);
  resp_put32(p + 4, ttl);
  resp_put16(p + 8, (unsigned int)rdlen);
  memcpy(p + 10, rdata, rdlen);
  e->rrlen += 10 + rdlen;
  e->count++;
}

static inline void resp_a(struct resp_entry *e, uint32_t ttl, const char *ip) {
  struct in_addr a;

  inet_pton(AF_INET, ip, &a);
  resp_rr(e, 1, ttl, &a, 4);
}

static inline void resp_aaaa(struct resp_entry *e, uint32_t ttl,
                             const char *ip) {
  struct in6_addr a;

  inet_pton(AF_INET6, ip, &a);
  resp_rr(e, 28, ttl, &a, 16);
}

/* CNAME, NS, PTR: one name. */
static inline void resp_namerr(struct resp_entry *e, int type, uint32_t ttl,
                               const char *target) {
  unsigned char buf[300];

  resp_rr(e, type, ttl, buf, resp_put_name(buf, target));
}

static inline void resp_mx(struct resp_entry *e, uint32_t ttl,
                           unsigned int prio, const char *exchange) {
  unsigned char buf[300];

  resp_put16(buf, prio);
  resp_rr(e, 15, ttl, buf, 2 + resp_put_name(buf + 2, exchange));
}

/* TXT: its character-strings, a NULL-terminated list. */
static inline void resp_txt(struct resp_entry *e, uint32_t ttl,
                            const char *const *chunks) {
  unsigned char buf[4096];
  size_t n = 0;

  for (; *chunks != NULL; chunks++) {
    size_t len = strlen(*chunks);
    buf[n++] = (unsigned char)len;
    memcpy(buf + n, *chunks, len);
    n += len;
  }
  resp_rr(e, 16, ttl, buf, n);
}

static inline void resp_srv(struct resp_entry *e, uint32_t ttl,
                            unsigned int prio, unsigned int weight,
                            unsigned int port, const char *target) {
  unsigned char buf[300];

  resp_put16(buf, prio);
  resp_put16(buf + 2, weight);
  resp_put16(buf + 4, port);
  resp_rr(e, 33, ttl, buf, 6 + resp_put_name(buf + 6, target));
}

static inline size_t resp_put_string(unsigned char *p, const char *s) {
  size_t len = strlen(s);

  p[0] = (unsigned char)len;
  memcpy(p + 1, s, len);
  return len + 1;
}

static inline void resp_naptr(struct resp_entry *e, uint32_t ttl,
                              unsigned int order, unsigned int pref,
                              const char *flags, const char *service,
                              const char *regexp, const char *replacement) {
  unsigned char buf[1024];
  size_t n = 4;

  resp_put16(buf, order);
  resp_put16(buf + 2, pref);
  n += resp_put_string(buf + n, flags);
  n += resp_put_string(buf + n, service);
  n += resp_put_string(buf + n, regexp);
  n += resp_put_name(buf + n, replacement);
  resp_rr(e, 35, ttl, buf, n);
}

static inline void resp_soa(struct resp_entry *e, uint32_t ttl,
                            const char *ns, const char *mbox, uint32_t serial,
                            uint32_t refresh, uint32_t retry, uint32_t expire,
                            uint32_t minttl) {
  unsigned char buf[700];
  size_t n = 0;

  n += resp_put_name(buf + n, ns);
  n += resp_put_name(buf + n, mbox);
  resp_put32(buf + n, serial);
  resp_put32(buf + n + 4, refresh);
  resp_put32(buf + n + 8, retry);
  resp_put32(buf + n + 12, expire);
  resp_put32(buf + n + 16, minttl);
  resp_rr(e, 6, ttl, buf, n + 20);
}

static inline void resp_caa(struct resp_entry *e, uint32_t ttl,
                            unsigned int flags, const char *tag,
                            const char *value) {
  unsigned char buf[600];
  size_t tlen = strlen(tag);
  size_t vlen = strlen(value);

  buf[0] = (unsigned char)flags;
  buf[1] = (unsigned char)tlen;
  memcpy(buf + 2, tag, tlen);
  memcpy(buf + 2 + tlen, value, vlen);
  resp_rr(e, 257, ttl, buf, 2 + tlen + vlen);
}

/* --- answering ------------------------------------------------------------ */

/* The question's name in dotted form; the offset after the question. */
static inline size_t resp_question(const unsigned char *q, size_t len,
                                   char *name, int *type) {
  size_t off = 12;
  size_t n = 0;

  name[0] = '\0';
  while (off < len && q[off] != 0) {
    size_t l = q[off];
    if (l > 63 || off + 1 + l > len || n + l + 2 > 256)
      return 0;
    if (n > 0)
      name[n++] = '.';
    memcpy(name + n, q + off + 1, l);
    n += l;
    off += 1 + l;
  }
  name[n] = '\0';
  if (off + 5 > len)
    return 0;
  *type = (q[off + 1] << 8) | q[off + 2];
  return off + 5;
}

/* Build the answer to query q into out; 0 means send nothing. */
static inline size_t resp_answer(struct responder *r, const unsigned char *q,
                                 size_t qlen, unsigned char *out, size_t cap,
                                 int tcp) {
  char name[256];
  int type = 0;
  size_t qend = resp_question(q, qlen, name, &type);
  size_t n;
  int rcode = 0;
  int found = 0;
  int ancount = 0;
  int tc = 0;
  int i;

  if (qend == 0 || qend > cap)
    return 0;
  memcpy(out, q, qend);
  n = qend;
  pthread_mutex_lock(&r->lock);
  for (i = 0; i < r->nentries; i++) {
    struct resp_entry *e = &r->entries[i];

    if (strcmp(e->name, "*") != 0 && strcasecmp(e->name, name) != 0)
      continue;
    if (e->type != type && type != 255 && e->kind == RESP_ANSWER)
      {
        found = 1; /* the name exists: NOERROR, no data */
        continue;
      }
    if (e->type != type && type != 255)
      continue;
    found = 1;
    switch (e->kind) {
    case RESP_NXDOMAIN:
      rcode = 3;
      break;
    case RESP_SERVFAIL:
      rcode = 2;
      break;
    case RESP_REFUSED:
      rcode = 5;
      break;
    case RESP_SILENT:
      pthread_mutex_unlock(&r->lock);
      return 0;
    case RESP_GARBAGE: {
      size_t j;
      size_t glen = 12 + (size_t)(rand_r(&r->seed) % 200);
      pthread_mutex_unlock(&r->lock);
      for (j = 2; j < glen && j < cap; j++)
        out[j] = (unsigned char)rand_r(&r->seed);
      return glen;
    }
    case RESP_TRUNCATE:
      if (!tcp) {
        tc = 1;
        break;
      }
      /* fall through */
    case RESP_BADID:
    case RESP_ANSWER: {
      unsigned char *p = e->rr;
      int k;

      for (k = 0; k < e->count; k++) {
        size_t olen = p[0];
        size_t rdlen = (size_t)((p[olen + 9] << 8) | p[olen + 10]);
        size_t own = olen ? olen : 2;
        if (n + own + 10 + rdlen > cap) {
          tc = 1; /* what does not fit is cut, as servers do */
          break;
        }
        if (olen)
          memcpy(out + n, p + 1, olen);
        else
          resp_put16(out + n, 0xC00C);
        memcpy(out + n + own, p + 1 + olen, 10 + rdlen);
        n += own + 10 + rdlen;
        p += 1 + olen + 10 + rdlen;
        ancount++;
      }
      if (e->kind == RESP_BADID)
        resp_put16(out, (unsigned int)(((q[0] << 8) | q[1]) ^ 0x5a5a));
      break;
    }
    }
  }
  pthread_mutex_unlock(&r->lock);
  if (!found)
    rcode = 3;
  out[2] = (unsigned char)(0x84 | (tc ? 0x02 : 0) | (q[2] & 0x01));
  out[3] = (unsigned char)(0x80 | rcode);
  resp_put16(out + 4, 1);
  resp_put16(out + 6, (unsigned int)ancount);
  resp_put16(out + 8, 0);
  resp_put16(out + 10, 0);
  if (r->mutate != NULL)
    n = r->mutate(r->mutate_arg, out, n, cap);
  return n;
}

static inline void resp_serve_udp(struct responder *r) {
  unsigned char q[512];
  unsigned char a[65536];
  struct sockaddr_storage from;
  socklen_t fromlen;
  ssize_t len;
  size_t n;

  for (;;) {
    fromlen = sizeof(from);
    len = recvfrom(r->udp, q, sizeof(q), MSG_DONTWAIT,
                   (struct sockaddr *)&from, &fromlen);
    if (len < 0)
      return;
    __atomic_add_fetch(&r->udp_queries, 1, __ATOMIC_RELAXED);
    n = resp_answer(r, q, (size_t)len, a, 512, 0);
    if (n > 0)
      sendto(r->udp, a, n, 0, (struct sockaddr *)&from, fromlen);
  }
}

static inline int resp_read_full(int fd, unsigned char *buf, size_t len) {
  size_t got = 0;

  while (got < len) {
    ssize_t n = read(fd, buf + got, len - got);
    if (n <= 0)
      return -1;
    got += (size_t)n;
  }
  return 0;
}

/* One length-prefixed query from a TCP client; -1 when it hung up. */
static inline int resp_serve_tcp(struct responder *r, int fd) {
  unsigned char q[65536];
  unsigned char a[65536 + 2];
  size_t qlen;
  size_t n;

  if (resp_read_full(fd, q, 2) != 0)
    return -1;
  qlen = (size_t)((q[0] << 8) | q[1]);
  if (resp_read_full(fd, q, qlen) != 0)
    return -1;
  __atomic_add_fetch(&r->tcp_queries, 1, __ATOMIC_RELAXED);
  n = resp_answer(r, q, qlen, a + 2, 65535, 1);
  if (n == 0)
    return 0;
  resp_put16(a, (unsigned int)n);
  if (write(fd, a, n + 2) != (ssize_t)(n + 2))
    return -1;
  return 0;
}

static inline void *resp_thread(void *arg) {
  struct responder *r = arg;
  struct pollfd pfd[3 + RESP_MAX_CONNS];
  int i;

  for (;;) {
    int nfds = 3;

    pfd[0].fd = r->wake[0];
    pfd[1].fd = r->udp;
    pfd[2].fd = r->tcp;
    for (i = 0; i < RESP_MAX_CONNS; i++)
      if (r->conns[i] >= 0)
        pfd[nfds++].fd = r->conns[i];
    for (i = 0; i < nfds; i++) {
      pfd[i].events = POLLIN;
      pfd[i].revents = 0;
    }
    if (poll(pfd, (nfds_t)nfds, -1) < 0 && errno != EINTR)
      break;
    if (pfd[0].revents)
      break;
    if (pfd[1].revents)
      resp_serve_udp(r);
    if (pfd[2].revents) {
      int fd = accept(r->tcp, NULL, NULL);
      for (i = 0; fd >= 0 && i < RESP_MAX_CONNS; i++)
        if (r->conns[i] < 0) {
          r->conns[i] = fd;
          fd = -1;
        }
      if (fd >= 0)
        close(fd);
    }
    for (i = 3; i < nfds; i++) {
      int k;
      if (!pfd[i].revents)
        continue;
      if (resp_serve_tcp(r, pfd[i].fd) == 0)
        continue;
      for (k = 0; k < RESP_MAX_CONNS; k++)
        if (r->conns[k] == pfd[i].fd)
          r->conns[k] = -1;
      close(pfd[i].fd);
    }
  }
  return NULL;
}

/* Start on 127.0.0.1 (AF_INET) or ::1 (AF_INET6); 0 or -errno. */
static inline int responder_start(struct responder *r, int family) {
  struct sockaddr_storage ss;
  struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
  struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
  socklen_t len = family == AF_INET ? sizeof(*sin) : sizeof(*sin6);
  int one = 1;
  int i;

  memset(r, 0, sizeof(*r));
  pthread_mutex_init(&r->lock, NULL);
  r->family = family;
  r->seed = 12345;
  for (i = 0; i < RESP_MAX_CONNS; i++)
    r->conns[i] = -1;
  if (pipe(r->wake) != 0)
    return -errno;
  /* TCP first: its ephemeral port is then taken for UDP too. */
  r->tcp = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  r->udp = socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (r->tcp < 0 || r->udp < 0)
    return -errno;
  setsockopt(r->tcp, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  memset(&ss, 0, sizeof(ss));
  if (family == AF_INET) {
    sin->sin_family = AF_INET;
    sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  } else {
    sin6->sin6_family = AF_INET6;
    sin6->sin6_addr = in6addr_loopback;
  }
  if (bind(r->tcp, (struct sockaddr *)&ss, len) != 0 ||
      getsockname(r->tcp, (struct sockaddr *)&ss, &len) != 0 ||
      bind(r->udp, (struct sockaddr *)&ss, len) != 0 ||
      listen(r->tcp, 64) != 0)
    return -errno;
  r->port = ntohs(family == AF_INET ? sin->sin_port : sin6->sin6_port);
  {
    int big = 4 << 20;
    setsockopt(r->udp, SOL_SOCKET, SO_RCVBUF, &big, sizeof(big));
    setsockopt(r->udp, SOL_SOCKET, SO_SNDBUF, &big, sizeof(big));
  }
  return -pthread_create(&r->thread, NULL, resp_thread, r);
}

static inline void responder_stop(struct responder *r) {
  int i;

  if (write(r->wake[1], "x", 1) != 1)
    abort();
  pthread_join(r->thread, NULL);
  for (i = 0; i < RESP_MAX_CONNS; i++)
    if (r->conns[i] >= 0)
      close(r->conns[i]);
  close(r->udp);
  close(r->tcp);
  close(r->wake[0]);
  close(r->wake[1]);
  pthread_mutex_destroy(&r->lock);
}

/* The responder's address, for a resolver's server list. */
static inline void responder_addr(const struct responder *r,
                                  struct sockaddr_storage *ss) {
  memset(ss, 0, sizeof(*ss));
  if (r->family == AF_INET) {
    struct sockaddr_in *sin = (struct sockaddr_in *)ss;
    sin->sin_family = AF_INET;
    sin->sin_port = htons(r->port);
    sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  } else {
    struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
    sin6->sin6_family = AF_INET6;
    sin6->sin6_port = htons(r->port);
    sin6->sin6_addr = in6addr_loopback;
  }
}

#endif
