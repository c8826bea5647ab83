/* nodec/dns.h - name resolution: getaddrinfo, getnameinfo, DNS queries. */
#ifndef NODEC_DNS_H
#define NODEC_DNS_H

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "loop.h"

/* --- getaddrinfo and getnameinfo (libuv's API) ------------------------- */

typedef struct nd_getaddrinfo_s nd_getaddrinfo_t;
typedef struct nd_getnameinfo_s nd_getnameinfo_t;

typedef void (*nd_getaddrinfo_cb)(nd_getaddrinfo_t *req, int status,
                                  struct addrinfo *res);
typedef void (*nd_getnameinfo_cb)(nd_getnameinfo_t *req, int status,
                                  const char *hostname, const char *service);

struct nd_getaddrinfo_s {
  ND_REQ_FIELDS
  /* read-only */
  nd_loop_t *loop;
  struct addrinfo *addrinfo;      /* the result; free with nd_freeaddrinfo */
  /* private */
  nd_getaddrinfo_cb cb;
  struct addrinfo hints;
  char *hostname;
  char *service;
  int retcode;
  unsigned int dns_flags;
  void *ticket;                   /* the c-ares query, while it runs */
  nd__work_t work_req;            /* system resolver mode */
  nd__pending_t pending;
};

struct nd_getnameinfo_s {
  ND_REQ_FIELDS
  /* read-only */
  nd_loop_t *loop;
  /* private */
  nd_getnameinfo_cb getnameinfo_cb;
  struct sockaddr_storage storage;
  int flags;
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  int retcode;
  unsigned int dns_flags;
  void *ticket;
  nd__work_t work_req;
  nd__pending_t pending;
};

/* Resolve through c-ares in the loop (sync through the system if !cb). */
ND_EXTERN int nd_getaddrinfo(nd_loop_t *loop, nd_getaddrinfo_t *req,
                             nd_getaddrinfo_cb cb, const char *node,
                             const char *service,
                             const struct addrinfo *hints);
/* Resolve with the system's getaddrinfo(3) on the pool's slow I/O class. */
ND_EXTERN int nd_getaddrinfo_system(nd_loop_t *loop, nd_getaddrinfo_t *req,
                                    nd_getaddrinfo_cb cb, const char *node,
                                    const char *service,
                                    const struct addrinfo *hints);
ND_EXTERN void nd_freeaddrinfo(struct addrinfo *ai);
/* Reverse lookup of an address and port through c-ares in the loop. */
ND_EXTERN int nd_getnameinfo(nd_loop_t *loop, nd_getnameinfo_t *req,
                             nd_getnameinfo_cb cb, const struct sockaddr *addr,
                             int flags);
/* The same with the system's getnameinfo(3) on the slow I/O class. */
ND_EXTERN int nd_getnameinfo_system(nd_loop_t *loop, nd_getnameinfo_t *req,
                                    nd_getnameinfo_cb cb,
                                    const struct sockaddr *addr, int flags);

/* --- DNS resolver (Node's dns.Resolver) -------------------------------- */

typedef struct nd_dns_resolver_s nd_dns_resolver_t;
typedef struct nd_dns_query_s nd_dns_query_t;
struct nd__dns_chan;

/* Record types, numbered as on the wire. */
enum {
  ND_DNS_A = 1,
  ND_DNS_NS = 2,
  ND_DNS_CNAME = 5,
  ND_DNS_SOA = 6,
  ND_DNS_PTR = 12,
  ND_DNS_MX = 15,
  ND_DNS_TXT = 16,
  ND_DNS_AAAA = 28,
  ND_DNS_SRV = 33,
  ND_DNS_NAPTR = 35,
  ND_DNS_ANY = 255,
  ND_DNS_CAA = 257
};

/* One answer record.  Strings end with a NUL; the result owns all memory. */
typedef struct {
  int type;                       /* ND_DNS_A, ... */
  unsigned int ttl;               /* seconds */
  char *name;                     /* owner name */
  union {
    struct in_addr a;
    struct in6_addr aaaa;
    char *target;                 /* CNAME, NS, PTR */
    struct {
      unsigned int priority;
      char *exchange;
    } mx;
    struct {
      char **chunks;              /* the character-strings of the record */
      size_t count;
    } txt;
    struct {
      unsigned int priority;
      unsigned int weight;
      unsigned int port;
      char *target;
    } srv;
    struct {
      unsigned int order;
      unsigned int preference;
      char *flags;
      char *service;
      char *regexp;
      char *replacement;
    } naptr;
    struct {
      char *nsname;
      char *hostmaster;
      unsigned int serial;
      unsigned int refresh;
      unsigned int retry;
      unsigned int expire;
      unsigned int minttl;
    } soa;
    struct {
      unsigned int critical;      /* the flags octet */
      char *tag;
      char *value;                /* value_len bytes, NUL-terminated too */
      size_t value_len;
    } caa;
  } u;
} nd_dns_record_t;

typedef struct {
  nd_dns_record_t *records;
  size_t count;
} nd_dns_result_t;

typedef void (*nd_dns_query_cb)(nd_dns_query_t *req, int status,
                                nd_dns_result_t *result);
typedef void (*nd_dns_resolver_close_cb)(nd_dns_resolver_t *resolver);

typedef struct {
  int timeout;                    /* ms per try; <= 0: 5000 */
  int tries;                      /* tries per server; <= 0: 4 */
} nd_dns_options_t;

struct nd_dns_resolver_s {
  /* public */
  void *data;
  /* read-only */
  nd_loop_t *loop;
  /* private */
  struct nd__dns_chan *chan;
  nd_dns_resolver_close_cb close_cb;
  unsigned int flags;
  nd__pending_t pending;
};

struct nd_dns_query_s {
  ND_REQ_FIELDS
  /* read-only */
  nd_dns_resolver_t *resolver;
  int qtype;
  /* private */
  nd_dns_query_cb cb;
  void *ticket;
  int status;
  nd_dns_result_t *result;
  nd__pending_t pending;
};

ND_EXTERN int nd_dns_resolver_init(nd_loop_t *loop, nd_dns_resolver_t *resolver,
                                   const nd_dns_options_t *options);
ND_EXTERN void nd_dns_resolver_close(nd_dns_resolver_t *resolver,
                                     nd_dns_resolver_close_cb cb);
/* Servers with their ports (port 0 means 53), IPv4 or IPv6. */
ND_EXTERN int nd_dns_set_servers(nd_dns_resolver_t *resolver,
                                 const struct sockaddr_storage *servers,
                                 size_t count);
ND_EXTERN int nd_dns_get_servers(nd_dns_resolver_t *resolver,
                                 struct sockaddr_storage *servers,
                                 size_t *count);
/* Cancel every query in flight; each ends with ND_DNS_ECANCELLED. */
ND_EXTERN void nd_dns_resolver_cancel(nd_dns_resolver_t *resolver);
/* nd_getaddrinfo through this resolver's servers. */
ND_EXTERN int nd_dns_getaddrinfo(nd_dns_resolver_t *resolver,
                                 nd_getaddrinfo_t *req, nd_getaddrinfo_cb cb,
                                 const char *node, const char *service,
                                 const struct addrinfo *hints);
ND_EXTERN int nd_dns_query(nd_dns_resolver_t *resolver, nd_dns_query_t *req,
                           nd_dns_query_cb cb, const char *name, int type);
/* PTR query for an IPv4 or IPv6 address in text form. */
ND_EXTERN int nd_dns_reverse(nd_dns_resolver_t *resolver, nd_dns_query_t *req,
                             nd_dns_query_cb cb, const char *ip);
ND_EXTERN void nd_dns_result_free(nd_dns_result_t *result);

#endif
