/*
 * dns-addrinfo.c - nd_getaddrinfo and nd_getnameinfo: libuv's API over the
 * loop's c-ares channel, or over the system resolver on the worker pool.
 *
 * What getaddrinfo(3) decides without asking anyone -- a missing node, a
 * numeric host, the service and the socket types -- is decided here, the
 * way glibc decides it; c-ares only looks names up (hosts file, then DNS)
 * and orders the addresses by RFC 6724, as glibc does.  The result is
 * glibc's shape: one entry per address and socket type, the canonical name
 * on the first.  It is one allocation, which nd_freeaddrinfo frees.
 *
 * Names the hosts file holds are answered from the loop's copy of it
 * (dns-hosts.c) without c-ares.
 *
 * Callbacks: a lookup answered inside the starting call (the hosts copy, a
 * hosts file hit in c-ares, a numeric host, an error in the hints)
 * completes from the pending phase; one answered by the network completes
 * from the poll phase.  nd_cancel detaches a lookup
 * from its c-ares query (which runs to its end unobserved: c-ares cannot
 * cancel one query of a channel) and completes it with ND_EAI_CANCELED.
 */
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

#include "dns-internal.h"

/* req->dns_flags */
enum {
  GAI_SYSTEM = 1u << 0,   /* on the worker pool */
  GAI_DEFERRED = 1u << 1, /* completion queued on the pending phase */
  GAI_DONE = 1u << 2,     /* callback ran, or is about to */
  GAI_HOSTS_ORDER = 1u << 3 /* remember the order c-ares gives */
};

/* A c-ares query's link to its request; the request may leave first. */
struct ticket {
  struct nd__dns_chan *chan;
  void *req; /* NULL once the request was cancelled */
};

/* One entry of a result before it is laid out. */
struct spec {
  int family;
  int socktype;
  int protocol;
  union {
    struct sockaddr_in in;
    struct sockaddr_in6 in6;
  } addr;
};

/* A service resolved for each socket type it exists for. */
struct service {
  int n;
  int socktype[3];
  int protocol[3];
  unsigned short port[3]; /* network order */
};

#define ND__AI_KNOWN                                                         \
  (AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED | AI_ALL |       \
   AI_ADDRCONFIG | AI_NUMERICSERV)

/* --- results ------------------------------------------------------------ */

static socklen_t spec_len(const struct spec *s) {
  return s->family == AF_INET ? sizeof(struct sockaddr_in)
                              : sizeof(struct sockaddr_in6);
}

/* Lay n entries out in one block: the nodes, their addresses, the name. */
static struct addrinfo *build(const struct spec *specs, size_t n, int flags,
                              const char *canon) {
  size_t canon_len = canon != NULL ? strlen(canon) + 1 : 0;
  struct addrinfo *ai;
  char *addrs;
  size_t i;

  if (n == 0)
    return NULL;
  ai = malloc(n * (sizeof(*ai) + sizeof(struct sockaddr_in6)) + canon_len);
  if (ai == NULL)
    return NULL;
  addrs = (char *)(ai + n);
  for (i = 0; i < n; i++) {
    ai[i].ai_flags = flags;
    ai[i].ai_family = specs[i].family;
    ai[i].ai_socktype = specs[i].socktype;
    ai[i].ai_protocol = specs[i].protocol;
    ai[i].ai_addrlen = spec_len(&specs[i]);
    ai[i].ai_addr =
        (struct sockaddr *)(addrs + i * sizeof(struct sockaddr_in6));
    memcpy(ai[i].ai_addr, &specs[i].addr, ai[i].ai_addrlen);
    ai[i].ai_canonname = NULL;
    ai[i].ai_next = i + 1 < n ? &ai[i + 1] : NULL;
  }
  if (canon != NULL) {
    ai[0].ai_canonname = addrs + n * sizeof(struct sockaddr_in6);
    memcpy(ai[0].ai_canonname, canon, canon_len);
  }
  return ai;
}

void nd_freeaddrinfo(struct addrinfo *ai) {
  free(ai);
}

/* --- what getaddrinfo decides by itself ---------------------------------- */

static int check_hints(const struct addrinfo *h) {
  if (h->ai_flags & ~ND__AI_KNOWN)
    return ND_EAI_BADFLAGS;
  if (h->ai_family != AF_UNSPEC && h->ai_family != AF_INET &&
      h->ai_family != AF_INET6)
    return ND_EAI_FAMILY;
  if (h->ai_socktype != 0 && h->ai_socktype != SOCK_STREAM &&
      h->ai_socktype != SOCK_DGRAM && h->ai_socktype != SOCK_RAW)
    return ND_EAI_SOCKTYPE;
  if ((h->ai_flags & AI_CANONNAME) && h->ai_addr != NULL)
    return ND_EAI_BADFLAGS;
  return 0;
}

static int parse_port(const char *s, unsigned long *port) {
  char *end;

  if (*s < '0' || *s > '9')
    return 0;
  *port = strtoul(s, &end, 10);
  return *end == '\0' && *port <= 65535;
}

/*
 * The socket types a result has, and the port for each: glibc's rules.
 * With no type asked for, a numeric service (or none) gives stream,
 * datagram and raw; a named one only the types it is registered for.
 */
static int resolve_service(const char *service, const struct addrinfo *h,
                           struct service *out) {
  static const int types[3] = {SOCK_STREAM, SOCK_DGRAM, SOCK_RAW};
  static const int protos[3] = {IPPROTO_TCP, IPPROTO_UDP, 0};
  unsigned long port = 0;
  int numeric = 1;
  int i;

  out->n = 0;
  if (service != NULL && !parse_port(service, &port)) {
    if (h->ai_flags & AI_NUMERICSERV)
      return ND_EAI_NONAME;
    numeric = 0;
  }
  for (i = 0; i < 3; i++) {
    if (h->ai_socktype != 0 && h->ai_socktype != types[i])
      continue;
    if (h->ai_protocol != 0 && protos[i] != 0 && h->ai_protocol != protos[i])
      continue;
    if (service != NULL && types[i] == SOCK_RAW) {
      if (h->ai_socktype == SOCK_RAW)
        return ND_EAI_SERVICE;
      if (!numeric)
        continue;
    }
    if (!numeric) {
      struct servent se;
      struct servent *res = NULL;
      char buf[1024];

      if (getservbyname_r(service, i == 0 ? "tcp" : "udp", &se, buf,
                          sizeof(buf), &res) != 0 ||
          res == NULL)
        continue;
      out->port[out->n] = (unsigned short)res->s_port;
    } else {
      out->port[out->n] = htons((unsigned short)port);
    }
    out->socktype[out->n] = types[i];
    out->protocol[out->n] =
        types[i] == SOCK_RAW ? h->ai_protocol : protos[i];
    out->n++;
  }
  if (out->n == 0)
    return service != NULL ? ND_EAI_SERVICE : ND_EAI_SOCKTYPE;
  return 0;
}

/* Is an address of this family configured, loopback aside (AI_ADDRCONFIG)? */
static void configured_families(int *v4, int *v6) {
  struct ifaddrs *ifa;
  struct ifaddrs *it;

  *v4 = *v6 = 0;
  if (getifaddrs(&ifa) != 0) {
    *v4 = *v6 = 1; /* cannot tell: filter nothing */
    return;
  }
  for (it = ifa; it != NULL; it = it->ifa_next) {
    if (it->ifa_addr == NULL || (it->ifa_flags & IFF_LOOPBACK))
      continue;
    if (it->ifa_addr->sa_family == AF_INET)
      *v4 = 1;
    else if (it->ifa_addr->sa_family == AF_INET6)
      *v6 = 1;
  }
  freeifaddrs(ifa);
}

/* An address for each socket type of the service, with its port. */
static size_t expand(struct spec *out, int family, const void *addr,
                     uint32_t scope, const struct service *svc) {
  int i;

  for (i = 0; i < svc->n; i++) {
    memset(&out[i], 0, sizeof(out[i]));
    out[i].family = family;
    out[i].socktype = svc->socktype[i];
    out[i].protocol = svc->protocol[i];
    if (family == AF_INET) {
      out[i].addr.in.sin_family = AF_INET;
      out[i].addr.in.sin_port = svc->port[i];
      memcpy(&out[i].addr.in.sin_addr, addr, 4);
    } else {
      out[i].addr.in6.sin6_family = AF_INET6;
      out[i].addr.in6.sin6_port = svc->port[i];
      out[i].addr.in6.sin6_scope_id = scope;
      memcpy(&out[i].addr.in6.sin6_addr, addr, 16);
    }
  }
  return (size_t)svc->n;
}

/* AF_INET6 with AI_V4MAPPED: IPv4 answers become ::ffff:a.b.c.d. */
static int v4mapped(const struct addrinfo *h) {
  return h->ai_family == AF_INET6 && (h->ai_flags & AI_V4MAPPED);
}

static void map_v4(const void *v4, struct in6_addr *out) {
  memset(out, 0, sizeof(*out));
  out->s6_addr[10] = 0xff;
  out->s6_addr[11] = 0xff;
  memcpy(&out->s6_addr[12], v4, 4);
}

/*
 * A numeric host: IPv4 in any form inet_aton takes (as glibc), or IPv6
 * with an optional %scope.  Returns 1 with *res set (or *err), 0 if the
 * node is a name.
 */
static int numeric_host(const char *node, const struct addrinfo *h,
                        const struct service *svc, struct addrinfo **res,
                        int *err) {
  struct spec specs[3];
  struct in_addr a4;
  struct in6_addr a6;
  char buf[INET6_ADDRSTRLEN + IF_NAMESIZE + 2];
  const char *pct;
  uint32_t scope = 0;
  size_t n = 0;

  *err = 0;
  if (inet_aton(node, &a4)) {
    if (v4mapped(h)) {
      map_v4(&a4, &a6);
      n = expand(specs, AF_INET6, &a6, 0, svc);
    } else if (h->ai_family == AF_INET6) {
      *err = ND_EAI_ADDRFAMILY;
    } else {
      n = expand(specs, AF_INET, &a4, 0, svc);
    }
  } else {
    pct = strchr(node, '%');
    if (pct != NULL) {
      if ((size_t)(pct - node) >= INET6_ADDRSTRLEN)
        return 0;
      memcpy(buf, node, (size_t)(pct - node));
      buf[pct - node] = '\0';
      node = buf;
    }
    if (inet_pton(AF_INET6, node, &a6) != 1)
      return 0;
    if (pct != NULL) {
      unsigned long v;
      if (parse_port(pct + 1, &v))
        scope = (uint32_t)v;
      else if ((scope = if_nametoindex(pct + 1)) == 0)
        return 0;
    }
    if (h->ai_family == AF_INET)
      *err = ND_EAI_ADDRFAMILY;
    else
      n = expand(specs, AF_INET6, &a6, scope, svc);
  }
  if (*err == 0) {
    *res = build(specs, n, h->ai_flags,
                 (h->ai_flags & AI_CANONNAME) ? node : NULL);
    if (*res == NULL)
      *err = ND_EAI_MEMORY;
  }
  return 1;
}

/* No node: the wildcard address (AI_PASSIVE) or loopback, glibc's order. */
static int no_host(const struct addrinfo *h, const struct service *svc,
                   struct addrinfo **res) {
  static const struct in6_addr any6 = IN6ADDR_ANY_INIT;
  static const struct in6_addr lo6 = IN6ADDR_LOOPBACK_INIT;
  struct spec specs[6];
  struct in_addr a4;
  size_t n = 0;
  int passive = (h->ai_flags & AI_PASSIVE) != 0;

  a4.s_addr = htonl(passive ? INADDR_ANY : INADDR_LOOPBACK);
  if (!passive && h->ai_family != AF_INET)
    n += expand(specs + n, AF_INET6, &lo6, 0, svc);
  if (h->ai_family != AF_INET6)
    n += expand(specs + n, AF_INET, &a4, 0, svc);
  if (passive && h->ai_family != AF_INET)
    n += expand(specs + n, AF_INET6, &any6, 0, svc);
  *res = build(specs, n, h->ai_flags, NULL);
  return *res == NULL ? ND_EAI_MEMORY : 0;
}

/* c-ares's answer in glibc's shape. */
static int from_ares(const struct ares_addrinfo *ai, const struct addrinfo *h,
                     const struct service *svc, struct addrinfo **res) {
  const struct ares_addrinfo_node *node;
  const struct ares_addrinfo_cname *cn;
  const char *canon = NULL;
  struct spec *specs;
  size_t count = 0;
  size_t n = 0;
  int v4 = 1;
  int v6 = 1;
  int mapped = 0;

  if (h->ai_flags & AI_ADDRCONFIG)
    configured_families(&v4, &v6);
  for (node = ai->nodes; node != NULL; node = node->ai_next)
    count++;
  /*
   * V4MAPPED asked c-ares for both families: IPv4 answers count, mapped,
   * when there is no IPv6 one (or with AI_ALL); otherwise only IPv6 does.
   */
  if (v4mapped(h)) {
    mapped = 1;
    if (!(h->ai_flags & AI_ALL))
      for (node = ai->nodes; node != NULL; node = node->ai_next)
        if (node->ai_family == AF_INET6)
          mapped = 0;
    v4 = 0;
  }
  specs = malloc((count ? count : 1) * (size_t)svc->n * sizeof(*specs));
  if (specs == NULL)
    return ND_EAI_MEMORY;
  for (node = ai->nodes; node != NULL; node = node->ai_next) {
    if (node->ai_family == AF_INET && mapped) {
      const struct sockaddr_in *sin = (const void *)node->ai_addr;
      struct in6_addr a6;
      map_v4(&sin->sin_addr, &a6);
      n += expand(specs + n, AF_INET6, &a6, 0, svc);
    } else if (node->ai_family == AF_INET && v4) {
      const struct sockaddr_in *sin = (const void *)node->ai_addr;
      n += expand(specs + n, AF_INET, &sin->sin_addr, 0, svc);
    } else if (node->ai_family == AF_INET6 && v6) {
      const struct sockaddr_in6 *sin6 = (const void *)node->ai_addr;
      n += expand(specs + n, AF_INET6, &sin6->sin6_addr, sin6->sin6_scope_id,
                  svc);
    }
  }
  if (h->ai_flags & AI_CANONNAME) {
    /* The end of the alias chain, else the name as asked. */
    canon = ai->name;
    for (cn = ai->cnames; cn != NULL; cn = cn->next)
      if (cn->name != NULL)
        canon = cn->name;
  }
  *res = build(specs, n, h->ai_flags, canon);
  free(specs);
  if (n == 0)
    return ND_EAI_NONAME;
  return *res == NULL ? ND_EAI_MEMORY : 0;
}

/*
 * The loop's hosts copy: 1 if it answered.  When the file has several
 * addresses in no known order, the lookup goes to c-ares, and the order
 * it gives is remembered (gai_answer).
 */
static int hosts_lookup(nd_loop_t *loop, const char *node,
                        const struct service *svc, nd_getaddrinfo_t *req) {
  struct nd__dns_hosts **hosts = nd__dns_loop_hosts(loop);
  struct spec specs[3 * ND__DNS_HOSTS_MAX];
  struct nd__dns_hosts_answer a;
  size_t n = 0;
  size_t i;
  int r;

  if (hosts == NULL)
    return 0;
  r = nd__dns_hosts_lookup(hosts, node, req->hints.ai_family, nd_now(loop),
                           &a);
  if (r == 0 && v4mapped(&req->hints)) {
    r = nd__dns_hosts_lookup(hosts, node, AF_INET, nd_now(loop), &a);
    if (r == 1) {
      for (i = 0; i < a.n; i++) {
        struct in6_addr a6;
        map_v4(a.addr[i], &a6);
        memcpy(a.addr[i], &a6, 16);
        a.family[i] = AF_INET6;
      }
    } else {
      return 0;
    }
  }
  if (r == 2 && !v4mapped(&req->hints))
    req->dns_flags |= GAI_HOSTS_ORDER;
  if (r != 1)
    return 0;
  for (i = 0; i < a.n; i++)
    n += expand(specs + n, a.family[i], a.addr[i], 0, svc);
  req->addrinfo = build(specs, n, req->hints.ai_flags,
                        (req->hints.ai_flags & AI_CANONNAME) ? a.canon : NULL);
  req->retcode = req->addrinfo != NULL ? 0 : ND_EAI_MEMORY;
  return 1;
}

/* Keep the order c-ares gave a name of the hosts file. */
static void hosts_remember(nd_getaddrinfo_t *req,
                           const struct ares_addrinfo *ai) {
  struct nd__dns_hosts **hosts = nd__dns_loop_hosts(req->loop);
  const struct ares_addrinfo_node *node;
  struct nd__dns_hosts_answer a;

  if (hosts == NULL || req->hostname == NULL)
    return;
  a.n = 0;
  for (node = ai->nodes; node != NULL; node = node->ai_next) {
    if (a.n == ND__DNS_HOSTS_MAX)
      return;
    a.family[a.n] = node->ai_family;
    if (node->ai_family == AF_INET)
      memcpy(a.addr[a.n],
             &((const struct sockaddr_in *)(const void *)node->ai_addr)
                  ->sin_addr,
             4);
    else if (node->ai_family == AF_INET6)
      memcpy(a.addr[a.n],
             &((const struct sockaddr_in6 *)(const void *)node->ai_addr)
                  ->sin6_addr,
             16);
    else
      return;
    a.n++;
  }
  a.canon = NULL;
  nd__dns_hosts_remember(*hosts, req->hostname, req->hints.ai_family,
                         nd_now(req->loop), &a);
}

/* --- completion ---------------------------------------------------------- */

static void gai_finish(nd_getaddrinfo_t *req) {
  req->dns_flags |= GAI_DONE;
  req->ticket = NULL;
  req->cancel = NULL;
  nd__req_unregister(req->loop, (nd_req_t *)req);
  if (req->retcode != 0) {
    nd_freeaddrinfo(req->addrinfo);
    req->addrinfo = NULL;
  }
  free(req->hostname); /* holds the service too */
  req->hostname = NULL;
  req->service = NULL;
  if (req->cb != NULL)
    req->cb(req, req->retcode, req->addrinfo);
}

static void gai_pending(nd_loop_t *loop, nd__pending_t *p) {
  (void)loop;
  gai_finish(nd__container_of(p, nd_getaddrinfo_t, pending));
}

static void gai_defer(nd_getaddrinfo_t *req) {
  req->dns_flags |= GAI_DEFERRED;
  req->ticket = NULL;
  nd__pending_add(req->loop, &req->pending, gai_pending);
}

static void gai_answer(void *arg, int status, int timeouts,
                       struct ares_addrinfo *ai) {
  struct ticket *t = arg;
  nd_getaddrinfo_t *req = t->req;
  struct nd__dns_chan *c = t->chan;
  struct service svc;

  (void)timeouts;
  c->queries--;
  free(t);
  if (req == NULL) {
    if (ai != NULL)
      ares_freeaddrinfo(ai);
    return;
  }
  req->retcode = nd__dns_eai_error(status);
  req->addrinfo = NULL;
  if (status == ARES_SUCCESS) {
    /* The service was checked when the lookup started. */
    resolve_service(req->service, &req->hints, &svc);
    req->retcode = from_ares(ai, &req->hints, &svc, &req->addrinfo);
    if (req->retcode == 0 && (req->dns_flags & GAI_HOSTS_ORDER))
      hosts_remember(req, ai);
  }
  if (ai != NULL)
    ares_freeaddrinfo(ai);
  if (c->in_api)
    gai_defer(req);
  else
    gai_finish(req);
}

static int addrinfo_cancel(nd_req_t *r) {
  nd_getaddrinfo_t *req = (nd_getaddrinfo_t *)r;
  struct ticket *t = req->ticket;

  if (req->dns_flags & (GAI_DEFERRED | GAI_DONE))
    return ND_EBUSY;
  if (req->dns_flags & GAI_SYSTEM)
    return nd__work_cancel(&req->work_req);
  if (t != NULL)
    t->req = NULL;
  req->retcode = ND_EAI_CANCELED;
  req->addrinfo = NULL;
  gai_defer(req);
  return 0;
}

/* The name and service outlive the call: one copy holds both. */
static int copy_strings(nd_getaddrinfo_t *req, const char *node,
                        const char *service) {
  size_t nlen = node != NULL ? strlen(node) + 1 : 0;
  size_t slen = service != NULL ? strlen(service) + 1 : 0;
  char *p;

  req->hostname = req->service = NULL;
  if (nlen + slen == 0)
    return 0;
  p = malloc(nlen + slen);
  if (p == NULL)
    return ND_ENOMEM;
  if (node != NULL)
    req->hostname = memcpy(p, node, nlen);
  if (service != NULL)
    req->service = memcpy(p + nlen, service, slen);
  if (req->hostname == NULL)
    req->hostname = p; /* freed through hostname in every case */
  return 0;
}

/* --- the system resolver ------------------------------------------------- */

static int from_sys_eai(int e) {
  switch (e) {
  case 0:
    return 0;
#ifdef EAI_ADDRFAMILY
  case EAI_ADDRFAMILY:
    return ND_EAI_ADDRFAMILY;
#endif
  case EAI_AGAIN:
    return ND_EAI_AGAIN;
  case EAI_BADFLAGS:
    return ND_EAI_BADFLAGS;
  case EAI_FAIL:
    return ND_EAI_FAIL;
  case EAI_FAMILY:
    return ND_EAI_FAMILY;
  case EAI_MEMORY:
    return ND_EAI_MEMORY;
#ifdef EAI_NODATA
  case EAI_NODATA:
    return ND_EAI_NODATA;
#endif
  case EAI_NONAME:
    return ND_EAI_NONAME;
  case EAI_OVERFLOW:
    return ND_EAI_OVERFLOW;
  case EAI_SERVICE:
    return ND_EAI_SERVICE;
  case EAI_SOCKTYPE:
    return ND_EAI_SOCKTYPE;
#ifdef EAI_CANCELED
  case EAI_CANCELED:
    return ND_EAI_CANCELED;
#endif
  case EAI_SYSTEM:
    return errno != 0 ? -errno : ND_EAI_FAIL;
  default:
    return ND_EAI_FAIL;
  }
}

/* Run getaddrinfo(3) and copy its answer into our layout. */
static int sys_getaddrinfo(const char *node, const char *service,
                           const struct addrinfo *hints,
                           struct addrinfo **res) {
  struct addrinfo *sys;
  struct addrinfo *it;
  struct spec *specs;
  size_t n = 0;
  int e;

  *res = NULL;
  e = getaddrinfo(node, service, hints, &sys);
  if (e != 0)
    return from_sys_eai(e);
  for (it = sys; it != NULL; it = it->ai_next)
    n++;
  specs = calloc(n, sizeof(*specs));
  if (specs == NULL) {
    freeaddrinfo(sys);
    return ND_EAI_MEMORY;
  }
  n = 0;
  for (it = sys; it != NULL; it = it->ai_next) {
    if ((it->ai_family != AF_INET && it->ai_family != AF_INET6) ||
        it->ai_addrlen > sizeof(specs[n].addr))
      continue;
    specs[n].family = it->ai_family;
    specs[n].socktype = it->ai_socktype;
    specs[n].protocol = it->ai_protocol;
    memcpy(&specs[n].addr, it->ai_addr, it->ai_addrlen);
    n++;
  }
  *res = build(specs, n, sys->ai_flags, sys->ai_canonname);
  freeaddrinfo(sys);
  free(specs);
  if (n == 0)
    return ND_EAI_NONAME;
  return *res == NULL ? ND_EAI_MEMORY : 0;
}

static void gai_work(nd__work_t *w) {
  nd_getaddrinfo_t *req = nd__container_of(w, nd_getaddrinfo_t, work_req);
  const char *node = req->hostname;

  /* hostname also carries the service's copy when there is no node. */
  if (node != NULL && node == req->service)
    node = NULL;
  req->retcode = sys_getaddrinfo(node, req->service, &req->hints,
                                 &req->addrinfo);
}

static void gai_work_done(nd__work_t *w, int status) {
  nd_getaddrinfo_t *req = nd__container_of(w, nd_getaddrinfo_t, work_req);

  if (status == ND_ECANCELED) {
    nd_freeaddrinfo(req->addrinfo);
    req->addrinfo = NULL;
    req->retcode = ND_EAI_CANCELED;
  }
  gai_finish(req);
}

/* --- nd_getaddrinfo ------------------------------------------------------ */

/* chan: a resolver's channel, or NULL for the loop's. */
static int gai_start(nd_loop_t *loop, nd_getaddrinfo_t *req,
                     nd_getaddrinfo_cb cb, const char *node,
                     const char *service, const struct addrinfo *hints,
                     int system, struct nd__dns_chan *chan) {
  struct ares_addrinfo_hints ah;
  struct nd__dns_chan *c;
  struct service svc;
  struct ticket *t;
  int err;

  if (loop == NULL || req == NULL || (node == NULL && service == NULL))
    return ND_EINVAL;

  req->loop = loop;
  req->cb = cb;
  req->addrinfo = NULL;
  req->retcode = 0;
  req->dns_flags = 0;
  req->ticket = NULL;
  req->hostname = req->service = NULL;
  memset(&req->hints, 0, sizeof(req->hints));
  if (hints != NULL) {
    req->hints.ai_flags = hints->ai_flags;
    req->hints.ai_family = hints->ai_family;
    req->hints.ai_socktype = hints->ai_socktype;
    req->hints.ai_protocol = hints->ai_protocol;
  }
  req->type = ND_GETADDRINFO;

  /* Synchronous, as libuv: the system resolver on this thread. */
  if (cb == NULL)
    return sys_getaddrinfo(node, service, hints, &req->addrinfo);

  if (system) {
    err = copy_strings(req, node, service);
    if (err != 0)
      return err;
    req->dns_flags |= GAI_SYSTEM;
    err = nd__work_submit(loop, &req->work_req, ND__WORK_SLOW_IO, gai_work,
                          gai_work_done);
    if (err != 0) {
      free(req->hostname);
      req->hostname = req->service = NULL;
      return err;
    }
    nd__req_register(loop, (nd_req_t *)req, ND_GETADDRINFO);
    req->cancel = addrinfo_cancel;
    return 0;
  }

  nd__req_register(loop, (nd_req_t *)req, ND_GETADDRINFO);
  req->cancel = addrinfo_cancel;

  /* Everything decided without a lookup completes from the pending phase. */
  req->retcode = check_hints(&req->hints);
  if (req->retcode == 0)
    req->retcode = resolve_service(service, &req->hints, &svc);
  if (req->retcode != 0)
    goto deferred;
  if (node == NULL) {
    req->retcode = no_host(&req->hints, &svc, &req->addrinfo);
    goto deferred;
  }
  if (node[0] == '\0') {
    req->retcode = ND_EAI_NONAME; /* as glibc: not the root, not a name */
    goto deferred;
  }
  if (numeric_host(node, &req->hints, &svc, &req->addrinfo, &req->retcode))
    goto deferred;
  if (req->hints.ai_flags & AI_NUMERICHOST) {
    req->retcode = ND_EAI_NONAME;
    goto deferred;
  }

  /* The loop's copy of the hosts file answers single addresses at once. */
  if (chan == NULL && !(req->hints.ai_flags & AI_ADDRCONFIG) &&
      hosts_lookup(loop, node, &svc, req))
    goto deferred;

  c = chan;
  err = c != NULL ? 0 : nd__dns_loop_chan(loop, &c);
  if (err == 0)
    err = copy_strings(req, node, service);
  if (err == 0 && (t = malloc(sizeof(*t))) == NULL)
    err = ND_ENOMEM;
  if (err != 0) {
    free(req->hostname);
    req->hostname = req->service = NULL;
    nd__req_unregister(loop, (nd_req_t *)req);
    req->cancel = NULL;
    return err;
  }
  t->chan = c;
  t->req = req;
  req->ticket = t;
  memset(&ah, 0, sizeof(ah));
  ah.ai_family = v4mapped(&req->hints) ? AF_UNSPEC : req->hints.ai_family;
  /* CARES_HOSTS, when set, names the hosts file instead of /etc/hosts. */
  ah.ai_flags = ARES_AI_ENVHOSTS;
  if (req->hints.ai_flags & AI_CANONNAME)
    ah.ai_flags |= ARES_AI_CANONNAME;
  c->queries++;
  c->in_api++;
  ares_getaddrinfo(c->channel, node, NULL, &ah, gai_answer, t);
  c->in_api--;
  /* Only a new first timeout needs the timer; later ones follow from it. */
  if (c->queries != 0 && !nd_is_active((nd_handle_t *)&c->timer))
    nd__dns_chan_update(c);
  return 0;

deferred:
  gai_defer(req);
  return 0;
}

int nd_getaddrinfo(nd_loop_t *loop, nd_getaddrinfo_t *req,
                   nd_getaddrinfo_cb cb, const char *node,
                   const char *service, const struct addrinfo *hints) {
  return gai_start(loop, req, cb, node, service, hints, 0, NULL);
}

int nd_getaddrinfo_system(nd_loop_t *loop, nd_getaddrinfo_t *req,
                          nd_getaddrinfo_cb cb, const char *node,
                          const char *service, const struct addrinfo *hints) {
  return gai_start(loop, req, cb, node, service, hints, 1, NULL);
}

int nd_dns_getaddrinfo(nd_dns_resolver_t *resolver, nd_getaddrinfo_t *req,
                       nd_getaddrinfo_cb cb, const char *node,
                       const char *service, const struct addrinfo *hints) {
  if (resolver == NULL || resolver->chan == NULL || cb == NULL)
    return ND_EINVAL;
  return gai_start(resolver->loop, req, cb, node, service, hints, 0,
                   resolver->chan);
}

/* --- nd_getnameinfo ------------------------------------------------------ */

static void gni_finish(nd_getnameinfo_t *req) {
  req->dns_flags |= GAI_DONE;
  req->ticket = NULL;
  req->cancel = NULL;
  nd__req_unregister(req->loop, (nd_req_t *)req);
  if (req->getnameinfo_cb != NULL)
    req->getnameinfo_cb(req, req->retcode,
                        req->retcode == 0 ? req->host : NULL,
                        req->retcode == 0 ? req->service : NULL);
}

static void gni_pending(nd_loop_t *loop, nd__pending_t *p) {
  (void)loop;
  gni_finish(nd__container_of(p, nd_getnameinfo_t, pending));
}

static void gni_defer(nd_getnameinfo_t *req) {
  req->dns_flags |= GAI_DEFERRED;
  req->ticket = NULL;
  nd__pending_add(req->loop, &req->pending, gni_pending);
}

static void copy_name(char *dst, size_t size, const char *src) {
  size_t len = src != NULL ? strlen(src) : 0;

  if (len >= size)
    len = size - 1;
  if (len > 0)
    memcpy(dst, src, len);
  dst[len] = '\0';
}

static void gni_answer(void *arg, int status, int timeouts, char *node,
                       char *service) {
  struct ticket *t = arg;
  nd_getnameinfo_t *req = t->req;
  struct nd__dns_chan *c = t->chan;

  (void)timeouts;
  c->queries--;
  free(t);
  if (req == NULL)
    return;
  req->retcode = nd__dns_eai_error(status);
  if (status == ARES_SUCCESS) {
    copy_name(req->host, sizeof(req->host), node);
    copy_name(req->service, sizeof(req->service), service);
  }
  if (c->in_api)
    gni_defer(req);
  else
    gni_finish(req);
}

static int nameinfo_cancel(nd_req_t *r) {
  nd_getnameinfo_t *req = (nd_getnameinfo_t *)r;
  struct ticket *t = req->ticket;

  if (req->dns_flags & (GAI_DEFERRED | GAI_DONE))
    return ND_EBUSY;
  if (req->dns_flags & GAI_SYSTEM)
    return nd__work_cancel(&req->work_req);
  if (t != NULL)
    t->req = NULL;
  req->retcode = ND_EAI_CANCELED;
  gni_defer(req);
  return 0;
}

static int sys_getnameinfo(nd_getnameinfo_t *req) {
  socklen_t len = req->storage.ss_family == AF_INET
                      ? sizeof(struct sockaddr_in)
                      : sizeof(struct sockaddr_in6);

  return from_sys_eai(getnameinfo((struct sockaddr *)&req->storage, len,
                                  req->host, sizeof(req->host), req->service,
                                  sizeof(req->service), req->flags));
}

static void gni_work(nd__work_t *w) {
  nd_getnameinfo_t *req = nd__container_of(w, nd_getnameinfo_t, work_req);

  req->retcode = sys_getnameinfo(req);
}

static void gni_work_done(nd__work_t *w, int status) {
  nd_getnameinfo_t *req = nd__container_of(w, nd_getnameinfo_t, work_req);

  if (status == ND_ECANCELED)
    req->retcode = ND_EAI_CANCELED;
  gni_finish(req);
}

static int gni_flags(int flags) {
  int f = ARES_NI_LOOKUPHOST | ARES_NI_LOOKUPSERVICE;

  if (flags & NI_NUMERICHOST)
    f |= ARES_NI_NUMERICHOST;
  if (flags & NI_NUMERICSERV)
    f |= ARES_NI_NUMERICSERV;
  if (flags & NI_NOFQDN)
    f |= ARES_NI_NOFQDN;
  if (flags & NI_NAMEREQD)
    f |= ARES_NI_NAMEREQD;
  if (flags & NI_DGRAM)
    f |= ARES_NI_DGRAM;
  return f;
}

static int gni_start(nd_loop_t *loop, nd_getnameinfo_t *req,
                     nd_getnameinfo_cb cb, const struct sockaddr *addr,
                     int flags, int system) {
  struct nd__dns_chan *c;
  struct ticket *t;
  socklen_t len;
  int err;

  if (loop == NULL || req == NULL || addr == NULL)
    return ND_EINVAL;
  if (addr->sa_family == AF_INET)
    len = sizeof(struct sockaddr_in);
  else if (addr->sa_family == AF_INET6)
    len = sizeof(struct sockaddr_in6);
  else
    return ND_EINVAL;

  memset(&req->storage, 0, sizeof(req->storage));
  memcpy(&req->storage, addr, len);
  req->loop = loop;
  req->getnameinfo_cb = cb;
  req->flags = flags;
  req->host[0] = req->service[0] = '\0';
  req->retcode = 0;
  req->dns_flags = 0;
  req->ticket = NULL;
  req->type = ND_GETNAMEINFO;

  if (cb == NULL)
    return sys_getnameinfo(req);

  if (system) {
    req->dns_flags |= GAI_SYSTEM;
    err = nd__work_submit(loop, &req->work_req, ND__WORK_SLOW_IO, gni_work,
                          gni_work_done);
    if (err != 0)
      return err;
    nd__req_register(loop, (nd_req_t *)req, ND_GETNAMEINFO);
    req->cancel = nameinfo_cancel;
    return 0;
  }

  err = nd__dns_loop_chan(loop, &c);
  if (err != 0)
    return err;
  t = malloc(sizeof(*t));
  if (t == NULL)
    return ND_ENOMEM;
  t->chan = c;
  t->req = req;
  req->ticket = t;
  nd__req_register(loop, (nd_req_t *)req, ND_GETNAMEINFO);
  req->cancel = nameinfo_cancel;
  c->queries++;
  c->in_api++;
  ares_getnameinfo(c->channel, (struct sockaddr *)&req->storage, len,
                   gni_flags(flags), gni_answer, t);
  c->in_api--;
  if (c->queries != 0 && !nd_is_active((nd_handle_t *)&c->timer))
    nd__dns_chan_update(c);
  return 0;
}

int nd_getnameinfo(nd_loop_t *loop, nd_getnameinfo_t *req,
                   nd_getnameinfo_cb cb, const struct sockaddr *addr,
                   int flags) {
  return gni_start(loop, req, cb, addr, flags, 0);
}

int nd_getnameinfo_system(nd_loop_t *loop, nd_getnameinfo_t *req,
                          nd_getnameinfo_cb cb, const struct sockaddr *addr,
                          int flags) {
  return gni_start(loop, req, cb, addr, flags, 1);
}
