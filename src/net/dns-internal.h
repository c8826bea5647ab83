/*
 * dns-internal.h - what the DNS files share: a c-ares channel driven by a
 * loop (dns.c), used by getaddrinfo/getnameinfo (dns-addrinfo.c) and the
 * resolver (dns-resolver.c, dns-parse.c).
 */
#ifndef ND_NET_DNS_INTERNAL_H
#define ND_NET_DNS_INTERNAL_H

#include <ares.h>

#include "loop/internal.h"

struct nd__dns_sock;

/*
 * A c-ares channel whose sockets the loop watches and whose timeouts an
 * internal timer drives.  No thread is involved: c-ares runs only inside
 * the calls below and the loop's callbacks.
 */
struct nd__dns_chan {
  nd_loop_t *loop;
  ares_channel channel;
  nd_timer_t timer;               /* internal, unreferenced */
  struct nd__dns_sock *socks;     /* the channel's open sockets */
  unsigned int queries;           /* c-ares queries not yet called back */
  /*
   * Depth of calls into c-ares made by an API call (not by the loop): a
   * completion that c-ares reports inside one of them is deferred to the
   * pending phase, since callbacks never run inside the call that started
   * the operation.
   */
  unsigned int in_api;
  /*
   * Inside ares_process_fd: c-ares must not be cancelled or destroyed from
   * one of its callbacks, so what is asked for there waits until it returns.
   */
  unsigned int in_process;
  int cancel_wanted;
  int doomed;
  int owned; /* malloc'd: freed by the destroy (resolvers' channels) */
  void (*destroyed)(void *arg); /* called once the destroy is done */
  void *destroyed_arg;
  struct nd__queue resolvers; /* on the loop's list (resolvers only) */
  int no_servers;             /* set to none by nd_dns_set_servers */
};

int nd__dns_chan_init(nd_loop_t *loop, struct nd__dns_chan *c,
                      struct ares_options *options, int optmask);
/* After an API call into c-ares: arm the timer for its next timeout. */
void nd__dns_chan_update(struct nd__dns_chan *c);
/*
 * Cancel every query (callbacks see ARES_ECANCELLED, from the pending
 * phase); from inside a callback, once c-ares is back: c-ares 1.18 would
 * call the query being completed a second time.
 */
void nd__dns_chan_cancel(struct nd__dns_chan *c);
/*
 * Destroy the channel (remaining callbacks see ARES_EDESTRUCTION), free it
 * if it is owned, then call done(arg) if given; from inside one of its
 * callbacks, all that happens once c-ares is back.
 */
void nd__dns_chan_destroy(struct nd__dns_chan *c, void (*done)(void *arg),
                          void *arg);

/* The loop's shared channel for nd_getaddrinfo and nd_getnameinfo. */
int nd__dns_loop_chan(nd_loop_t *loop, struct nd__dns_chan **chan);
/*
 * Resolvers register their channel with the loop: nd_loop_close fails
 * while one is open, and nd_loop_fork renews them in the child.
 */
int nd__dns_loop_ref_resolver(nd_loop_t *loop, struct nd__dns_chan *c);
void nd__dns_loop_unref_resolver(nd_loop_t *loop, struct nd__dns_chan *c);

/*
 * The loop's copy of the hosts file (dns-hosts.c).  A lookup returns 1
 * with the addresses of that family the file has for name, in order (one,
 * or several whose order c-ares gave lately), and the line's first name;
 * 2 when it has several in no known order; 0 when none; -1 when the file
 * cannot be read.  nd__dns_hosts_remember keeps the order c-ares gave.
 */
#define ND__DNS_HOSTS_MAX 8

struct nd__dns_hosts_answer {
  size_t n;
  int family[ND__DNS_HOSTS_MAX];
  unsigned char addr[ND__DNS_HOSTS_MAX][16];
  const char *canon;
};

struct nd__dns_hosts;
struct nd__dns_hosts **nd__dns_loop_hosts(nd_loop_t *loop);
int nd__dns_hosts_lookup(struct nd__dns_hosts **hosts, const char *name,
                         int family, uint64_t now,
                         struct nd__dns_hosts_answer *out);
void nd__dns_hosts_remember(struct nd__dns_hosts *hosts, const char *name,
                            int family, uint64_t now,
                            const struct nd__dns_hosts_answer *answer);
void nd__dns_hosts_free(struct nd__dns_hosts *hosts);

/* c-ares status to our codes. */
int nd__dns_eai_error(int ares_status);
int nd__dns_error(int ares_status);

/* Parse a DNS answer into a result for a query of type qtype. */
int nd__dns_parse(const unsigned char *abuf, int alen, int qtype,
                  nd_dns_result_t **result);

#endif
