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

#endif
