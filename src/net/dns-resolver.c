/*
 * dns-resolver.c - nd_dns_resolver_t: Node's dns.Resolver over a c-ares
 * channel of its own (its servers, timeout and tries), driven by the loop
 * like the loop's channel (dns.c).
 *
 * A query is one ares_query (no search domains, no hosts file: what
 * dns.resolve*() does); its raw answer goes through our parser
 * (dns-parse.c), so every type, CAA and ANY included, comes back as plain
 * records with TTLs.  As in Node, a server's error code is the query's
 * answer (ARES_FLAG_NOCHECKRESP): SERVFAIL, REFUSED or NXDOMAIN end the
 * query instead of moving on to the next server.
 *
 * Callbacks run from the poll phase when the network answered, else from
 * the pending phase (cancellation, closing, an error c-ares reports inside
 * the starting call).  A cancelled query is detached from its c-ares query,
 * which runs to its end unobserved.  Closing a resolver cancels its queries
 * (their callbacks run before the close callback), and while a resolver is
 * open nd_loop_close fails with ND_EBUSY, as for a handle.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dns-internal.h"

enum {
  RESOLVER_CLOSING = 1u << 0
};

/* req->status while the query is in c-ares's hands. */
#define QUERY_RUNNING 1

struct ticket {
  struct nd__dns_chan *chan;
  nd_dns_query_t *req; /* NULL once the request was cancelled */
};

/* --- the resolver -------------------------------------------------------- */

int nd_dns_resolver_init(nd_loop_t *loop, nd_dns_resolver_t *resolver,
                         const nd_dns_options_t *options) {
  struct ares_options o;
  struct nd__dns_chan *c;
  int optmask = ARES_OPT_FLAGS | ARES_OPT_LOOKUPS;
  int err;

  if (loop == NULL || resolver == NULL)
    return ND_EINVAL;
  c = malloc(sizeof(*c));
  if (c == NULL)
    return ND_ENOMEM;
  memset(&o, 0, sizeof(o));
  o.flags = ARES_FLAG_NOCHECKRESP;
  o.lookups = (char *)"fb";
  if (options != NULL && options->timeout > 0) {
    o.timeout = options->timeout;
    optmask |= ARES_OPT_TIMEOUTMS;
  }
  if (options != NULL && options->tries > 0) {
    o.tries = options->tries;
    optmask |= ARES_OPT_TRIES;
  }
  err = nd__dns_chan_init(loop, c, &o, optmask);
  if (err == 0) {
    err = nd__dns_loop_ref_resolver(loop, c);
    if (err != 0)
      nd__dns_chan_destroy(c, NULL, NULL);
  }
  if (err != 0) {
    free(c);
    return err;
  }
  c->owned = 1;
  resolver->loop = loop;
  resolver->chan = c;
  resolver->close_cb = NULL;
  resolver->flags = 0;
  return 0;
}

void nd_dns_resolver_cancel(nd_dns_resolver_t *resolver) {
  if (resolver == NULL || resolver->chan == NULL)
    return;
  nd__dns_chan_cancel(resolver->chan);
}

static void resolver_closed(nd_loop_t *loop, nd__pending_t *p) {
  nd_dns_resolver_t *resolver =
      nd__container_of(p, nd_dns_resolver_t, pending);

  assert(loop->active_reqs > 0);
  loop->active_reqs--;
  if (resolver->close_cb != NULL)
    resolver->close_cb(resolver);
}

static void resolver_destroyed(void *arg) {
  nd_dns_resolver_t *resolver = arg;

  nd__pending_add(resolver->loop, &resolver->pending, resolver_closed);
}

void nd_dns_resolver_close(nd_dns_resolver_t *resolver,
                           nd_dns_resolver_close_cb cb) {
  struct nd__dns_chan *c;

  if (resolver == NULL || (resolver->flags & RESOLVER_CLOSING))
    return;
  resolver->flags |= RESOLVER_CLOSING;
  resolver->close_cb = cb;
  c = resolver->chan;
  resolver->chan = NULL;
  nd__dns_loop_unref_resolver(resolver->loop, c);
  /* The close callback keeps the loop alive, as a request would. */
  resolver->loop->active_reqs++;
  /*
   * Now, or (from a c-ares callback) once c-ares is back: the queries'
   * callbacks are queued first, then the close callback after them.
   */
  nd__dns_chan_cancel(c);
  nd__dns_chan_destroy(c, resolver_destroyed, resolver);
}

int nd_dns_set_servers(nd_dns_resolver_t *resolver,
                       const struct sockaddr_storage *servers, size_t count) {
  struct ares_addr_port_node *nodes;
  size_t i;
  int r;

  if (resolver == NULL || resolver->chan == NULL ||
      (servers == NULL && count > 0))
    return ND_EINVAL;
  nodes = calloc(count ? count : 1, sizeof(*nodes));
  if (nodes == NULL)
    return ND_ENOMEM;
  for (i = 0; i < count; i++) {
    struct ares_addr_port_node *n = &nodes[i];
    unsigned short port;

    n->next = i + 1 < count ? &nodes[i + 1] : NULL;
    n->family = servers[i].ss_family;
    if (n->family == AF_INET) {
      const struct sockaddr_in *sin = (const void *)&servers[i];
      memcpy(&n->addr.addr4, &sin->sin_addr, 4);
      port = ntohs(sin->sin_port);
    } else if (n->family == AF_INET6) {
      const struct sockaddr_in6 *sin6 = (const void *)&servers[i];
      memcpy(&n->addr.addr6, &sin6->sin6_addr, 16);
      port = ntohs(sin6->sin6_port);
    } else {
      free(nodes);
      return ND_EAFNOSUPPORT;
    }
    n->udp_port = n->tcp_port = port != 0 ? port : 53;
  }
  r = ares_set_servers_ports(resolver->chan->channel,
                             count > 0 ? nodes : NULL);
  free(nodes);
  if (r == ARES_ENOTIMP)
    return ND_EBUSY; /* queries are in flight */
  if (r != ARES_SUCCESS)
    return nd__dns_error(r);
  resolver->chan->no_servers = count == 0;
  return 0;
}

int nd_dns_get_servers(nd_dns_resolver_t *resolver,
                       struct sockaddr_storage *servers, size_t *count) {
  struct ares_addr_port_node *list;
  struct ares_addr_port_node *n;
  size_t cap;
  size_t i = 0;
  int r;

  if (resolver == NULL || resolver->chan == NULL || count == NULL ||
      (servers == NULL && *count > 0))
    return ND_EINVAL;
  cap = *count;
  r = ares_get_servers_ports(resolver->chan->channel, &list);
  if (r != ARES_SUCCESS)
    return nd__dns_error(r);
  for (n = list; n != NULL; n = n->next, i++) {
    unsigned short port = n->udp_port != 0 ? (unsigned short)n->udp_port : 53;

    if (i >= cap)
      continue;
    memset(&servers[i], 0, sizeof(servers[i]));
    if (n->family == AF_INET) {
      struct sockaddr_in *sin = (struct sockaddr_in *)&servers[i];
      sin->sin_family = AF_INET;
      sin->sin_port = htons(port);
      memcpy(&sin->sin_addr, &n->addr.addr4, 4);
    } else {
      struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&servers[i];
      sin6->sin6_family = AF_INET6;
      sin6->sin6_port = htons(port);
      memcpy(&sin6->sin6_addr, &n->addr.addr6, 16);
    }
  }
  ares_free_data(list);
  *count = i;
  return 0;
}

/* --- queries ------------------------------------------------------------- */

static void query_finish(nd_dns_query_t *req) {
  nd_dns_resolver_t *resolver = req->resolver;

  req->ticket = NULL;
  req->cancel = NULL;
  nd__req_unregister(resolver->loop, (nd_req_t *)req);
  req->cb(req, req->status, req->result);
}

static void query_pending(nd_loop_t *loop, nd__pending_t *p) {
  (void)loop;
  query_finish(nd__container_of(p, nd_dns_query_t, pending));
}

static void query_defer(nd_dns_query_t *req) {
  req->ticket = NULL;
  nd__pending_add(req->resolver->loop, &req->pending, query_pending);
}

static void query_answer(void *arg, int status, int timeouts,
                         unsigned char *abuf, int alen) {
  struct ticket *t = arg;
  nd_dns_query_t *req = t->req;
  struct nd__dns_chan *c = t->chan;

  (void)timeouts;
  c->queries--;
  free(t);
  if (req == NULL)
    return;
  req->result = NULL;
  if (status == ARES_SUCCESS)
    req->status = nd__dns_parse(abuf, alen, req->qtype, &req->result);
  else if (status == ARES_EDESTRUCTION)
    req->status = ND_DNS_ECANCELLED;
  else
    req->status = nd__dns_error(status);
  if (c->in_api)
    query_defer(req);
  else
    query_finish(req);
}

static int query_cancel(nd_req_t *r) {
  nd_dns_query_t *req = (nd_dns_query_t *)r;
  struct ticket *t = req->ticket;

  if (t == NULL)
    return ND_EBUSY; /* answered; the callback is on its way */
  t->req = NULL;
  req->status = ND_DNS_ECANCELLED;
  req->result = NULL;
  query_defer(req);
  return 0;
}

static int valid_type(int type) {
  switch (type) {
  case ND_DNS_A:
  case ND_DNS_NS:
  case ND_DNS_CNAME:
  case ND_DNS_SOA:
  case ND_DNS_PTR:
  case ND_DNS_MX:
  case ND_DNS_TXT:
  case ND_DNS_AAAA:
  case ND_DNS_SRV:
  case ND_DNS_NAPTR:
  case ND_DNS_ANY:
  case ND_DNS_CAA:
    return 1;
  default:
    return 0;
  }
}

int nd_dns_query(nd_dns_resolver_t *resolver, nd_dns_query_t *req,
                 nd_dns_query_cb cb, const char *name, int type) {
  struct nd__dns_chan *c;
  struct ticket *t;

  if (resolver == NULL || req == NULL || cb == NULL || name == NULL ||
      !valid_type(type))
    return ND_EINVAL;
  if (resolver->chan == NULL || (resolver->flags & RESOLVER_CLOSING))
    return ND_EINVAL;
  c = resolver->chan;
  t = malloc(sizeof(*t));
  if (t == NULL)
    return ND_ENOMEM;
  t->chan = c;
  t->req = req;
  req->resolver = resolver;
  req->qtype = type;
  req->cb = cb;
  req->ticket = t;
  req->status = QUERY_RUNNING;
  req->result = NULL;
  nd__req_register(resolver->loop, (nd_req_t *)req, ND_REQ);
  req->cancel = query_cancel;
  c->queries++;
  c->in_api++;
  /*
   * With no server, c-ares 1.18 fails the query with ESERVFAIL but leaks
   * its copy of the packet: fail it the same way without asking.
   */
  if (c->no_servers)
    query_answer(t, ARES_ESERVFAIL, 0, NULL, 0);
  else
    ares_query(c->channel, name, 1 /* IN */, type, query_answer, t);
  c->in_api--;
  if (c->queries != 0 && !nd_is_active((nd_handle_t *)&c->timer))
    nd__dns_chan_update(c);
  return 0;
}

/* The PTR name of an address: d.c.b.a.in-addr.arpa or nibbles.ip6.arpa. */
static int reverse_name(const char *ip, char *out, size_t size) {
  unsigned char a[16];
  size_t n = 0;
  int i;

  if (inet_pton(AF_INET, ip, a) == 1) {
    snprintf(out, size, "%u.%u.%u.%u.in-addr.arpa", a[3], a[2], a[1], a[0]);
    return 0;
  }
  if (inet_pton(AF_INET6, ip, a) != 1)
    return ND_EINVAL;
  for (i = 15; i >= 0; i--) {
    static const char hex[] = "0123456789abcdef";
    out[n++] = hex[a[i] & 15];
    out[n++] = '.';
    out[n++] = hex[a[i] >> 4];
    out[n++] = '.';
  }
  snprintf(out + n, size - n, "ip6.arpa");
  return 0;
}

int nd_dns_reverse(nd_dns_resolver_t *resolver, nd_dns_query_t *req,
                   nd_dns_query_cb cb, const char *ip) {
  char name[80];
  int err;

  if (ip == NULL)
    return ND_EINVAL;
  err = reverse_name(ip, name, sizeof(name));
  if (err != 0)
    return err;
  return nd_dns_query(resolver, req, cb, name, ND_DNS_PTR);
}
