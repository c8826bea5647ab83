/*
 * dns.c - c-ares channels driven by the loop, and the loop's own channel.
 *
 * c-ares tells us which sockets it wants watched through its socket state
 * callback; each gets a descriptor watcher on the loop's backend, and a
 * readiness event hands the socket back to ares_process_fd.  Its timeouts
 * (retries, the end of a query) run from one internal timer per channel,
 * re-armed from ares_timeout after every call that may have changed them.
 * Nothing runs on another thread.
 *
 * The loop's channel (nd_getaddrinfo, nd_getnameinfo) is made on the first
 * lookup and lives until nd_loop_close, whose check (ours) does this:
 * fail with ND_EBUSY while a resolver is open; cancel the lookups still in
 * flight (their callbacks run with ND_EAI_CANCELED on the next turn of the
 * loop, so the close fails once more); free the channel when it is idle.
 * The channel's timer is internal and unreferenced, and its watchers are
 * not handles: only the lookups themselves (requests) keep the loop alive.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "dns-internal.h"

struct nd__dns_sock {
  nd__io_t io;
  struct nd__dns_chan *chan;
  struct nd__dns_sock *next;
};

struct dns_loop {
  struct nd__dns_chan chan;
  int chan_ready;
  unsigned int resolvers;
  struct nd__queue resolver_chans;
  struct nd__dns_hosts *hosts;
};

static pthread_once_t library_once = PTHREAD_ONCE_INIT;
static int library_status;

static void library_init(void) {
  library_status = ares_library_init(ARES_LIB_INIT_ALL);
}

/* --- sockets ------------------------------------------------------------ */

static void chan_teardown(struct nd__dns_chan *c);

/* Hand c-ares its sockets' events (or its timeouts), then re-arm. */
static void process(struct nd__dns_chan *c, ares_socket_t rfd,
                    ares_socket_t wfd) {
  c->in_process++;
  ares_process_fd(c->channel, rfd, wfd);
  c->in_process--;
  if (c->cancel_wanted)
    nd__dns_chan_cancel(c);
  if (c->doomed)
    chan_teardown(c);
  else
    nd__dns_chan_update(c);
}

static void sock_io(nd_loop_t *loop, nd__io_t *w, unsigned int events) {
  struct nd__dns_sock *s = nd__container_of(w, struct nd__dns_sock, io);
  struct nd__dns_chan *c = s->chan;
  ares_socket_t rfd = ARES_SOCKET_BAD;
  ares_socket_t wfd = ARES_SOCKET_BAD;

  (void)loop;
  /* An error or hang-up is reported through the read: c-ares sees it there. */
  if (events & (ND__POLLIN | ND__POLLERR | ND__POLLHUP | ND__POLLRDHUP))
    rfd = w->fd;
  if (events & ND__POLLOUT)
    wfd = w->fd;
  /* c-ares may close this socket (and free s) inside: s is not used after. */
  process(c, rfd, wfd);
}

static void sock_forget(struct nd__dns_chan *c, struct nd__dns_sock *s) {
  struct nd__dns_sock **link;

  for (link = &c->socks; *link != s; link = &(*link)->next)
    ;
  *link = s->next;
  nd__io_close(c->loop, &s->io);
  free(s);
}

static void sock_state(void *data, ares_socket_t fd, int readable,
                       int writable) {
  struct nd__dns_chan *c = data;
  struct nd__dns_sock *s;
  unsigned int want = 0;

  for (s = c->socks; s != NULL; s = s->next)
    if (s->io.fd == fd)
      break;

  if (!readable && !writable) {
    /* c-ares is about to close the socket: forget it first. */
    if (s != NULL)
      sock_forget(c, s);
    return;
  }
  if (s == NULL) {
    s = malloc(sizeof(*s));
    if (s == NULL)
      return; /* the query times out instead of hearing its answer */
    nd__io_init(&s->io, sock_io, fd);
    s->chan = c;
    s->next = c->socks;
    c->socks = s;
  }
  if (readable)
    want |= ND__POLLIN;
  if (writable)
    want |= ND__POLLOUT;
  nd__io_stop(c->loop, &s->io, (ND__POLLIN | ND__POLLOUT) & ~want);
  if (nd__io_start(c->loop, &s->io, want) != 0)
    sock_forget(c, s); /* c-ares then times the query out */
}

/* --- timeouts ----------------------------------------------------------- */

static void chan_timer(nd_timer_t *t) {
  struct nd__dns_chan *c = nd__container_of(t, struct nd__dns_chan, timer);

  process(c, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
}

void nd__dns_chan_update(struct nd__dns_chan *c) {
  struct timeval tv;
  uint64_t ms;

  if (c->queries == 0 || ares_timeout(c->channel, NULL, &tv) == NULL) {
    nd_timer_stop(&c->timer);
    return;
  }
  /* Round up: firing a millisecond early would only re-arm the timer. */
  ms = (uint64_t)tv.tv_sec * 1000u + ((uint64_t)tv.tv_usec + 999u) / 1000u;
  nd_timer_start(&c->timer, chan_timer, ms, 0);
}

/* --- channels ----------------------------------------------------------- */

int nd__dns_chan_init(nd_loop_t *loop, struct nd__dns_chan *c,
                      struct ares_options *options, int optmask) {
  int r;

  pthread_once(&library_once, library_init);
  if (library_status != ARES_SUCCESS)
    return ND_ENOMEM;

  memset(c, 0, sizeof(*c));
  c->loop = loop;
  options->sock_state_cb = sock_state;
  options->sock_state_cb_data = c;
  optmask |= ARES_OPT_SOCK_STATE_CB;
  r = ares_init_options(&c->channel, options, optmask);
  if (r != ARES_SUCCESS)
    return r == ARES_ENOMEM ? ND_ENOMEM : ND_EAI_FAIL;
  nd_timer_init(loop, &c->timer);
  c->timer.flags |= ND__HANDLE_INTERNAL;
  nd_unref((nd_handle_t *)&c->timer);
  return 0;
}

void nd__dns_chan_cancel(struct nd__dns_chan *c) {
  if (c->in_process) {
    c->cancel_wanted = 1;
    return;
  }
  c->cancel_wanted = 0;
  c->in_api++;
  ares_cancel(c->channel);
  c->in_api--;
  nd__dns_chan_update(c);
}

void nd__dns_chan_destroy(struct nd__dns_chan *c, void (*done)(void *arg),
                          void *arg) {
  c->destroyed = done;
  c->destroyed_arg = arg;
  if (c->in_process) {
    c->doomed = 1;
    nd_timer_stop(&c->timer);
    return;
  }
  chan_teardown(c);
}

static void chan_teardown(struct nd__dns_chan *c) {
  void (*done)(void *arg) = c->destroyed;
  void *arg = c->destroyed_arg;
  struct nd__dns_sock *s;

  c->in_api++;
  ares_destroy(c->channel);
  c->in_api--;
  /* ares_destroy said goodbye to every socket; be safe about the rest. */
  while ((s = c->socks) != NULL) {
    c->socks = s->next;
    nd__io_close(c->loop, &s->io);
    free(s);
  }
  /*
   * The timer is internal and never ran a close callback: once stopped it
   * holds nothing but its place on the loop's handle queue.  Taking it off
   * lets the channel go now, even from inside nd_loop_close, when no
   * closing phase will run again.
   */
  nd_timer_stop(&c->timer);
  nd__queue_remove(&c->timer.handle_queue);
  if (c->owned)
    free(c);
  if (done != NULL)
    done(arg);
}

/* --- the loop's channel ------------------------------------------------- */

static int dns_loop_close(nd_loop_t *loop) {
  struct dns_loop *dl = loop->dns;

  if (dl == NULL)
    return 0;
  if (dl->resolvers != 0)
    return ND_EBUSY;
  if (dl->chan_ready && dl->chan.queries != 0) {
    nd__dns_chan_cancel(&dl->chan);
    if (dl->chan.queries != 0)
      return ND_EBUSY;
  }
  if (dl->chan_ready)
    nd__dns_chan_destroy(&dl->chan, NULL, NULL);
  nd__dns_hosts_free(dl->hosts);
  loop->dns = NULL;
  free(dl);
  return 0;
}

/*
 * In a child after fork, a channel's sockets are the parent's too: an
 * answer would go to whichever process reads first.  Each channel is
 * replaced by a copy of its configuration (servers, ports, options) with
 * sockets of its own; queries in flight end with a cancellation.
 */
static int chan_renew(struct nd__dns_chan *c) {
  ares_channel old = c->channel;
  ares_channel fresh;

  if (ares_dup(&fresh, old) != ARES_SUCCESS)
    return ND_ENOMEM;
  c->in_api++;
  ares_destroy(old);
  c->in_api--;
  c->channel = fresh;
  nd__dns_chan_update(c);
  return 0;
}

static int dns_loop_fork(nd_loop_t *loop) {
  struct dns_loop *dl = loop->dns;
  struct nd__queue *it;
  int err;

  if (dl == NULL)
    return 0;
  if (dl->chan_ready) {
    err = chan_renew(&dl->chan);
    if (err != 0)
      return err;
  }
  nd__queue_foreach(it, &dl->resolver_chans) {
    err = chan_renew(nd__container_of(it, struct nd__dns_chan, resolvers));
    if (err != 0)
      return err;
  }
  return 0;
}

static int dns_loop_state(nd_loop_t *loop, struct dns_loop **out) {
  struct dns_loop *dl = loop->dns;

  if (dl == NULL) {
    dl = calloc(1, sizeof(*dl));
    if (dl == NULL)
      return ND_ENOMEM;
    nd__queue_init(&dl->resolver_chans);
    nd__loop_add_close_check(dns_loop_close);
    nd__loop_add_fork_hook(dns_loop_fork);
    loop->dns = dl;
  }
  *out = dl;
  return 0;
}

int nd__dns_loop_chan(nd_loop_t *loop, struct nd__dns_chan **chan) {
  struct ares_options options;
  struct dns_loop *dl;
  int err;

  err = dns_loop_state(loop, &dl);
  if (err != 0)
    return err;
  if (!dl->chan_ready) {
    memset(&options, 0, sizeof(options));
    /*
     * The hosts file first, then DNS: what nsswitch's usual "files dns"
     * gives getaddrinfo(3).
     */
    options.lookups = (char *)"fb";
    err = nd__dns_chan_init(loop, &dl->chan, &options, ARES_OPT_LOOKUPS);
    if (err != 0)
      return err;
    dl->chan_ready = 1;
  }
  *chan = &dl->chan;
  return 0;
}

struct nd__dns_hosts **nd__dns_loop_hosts(nd_loop_t *loop) {
  struct dns_loop *dl;

  return dns_loop_state(loop, &dl) == 0 ? &dl->hosts : NULL;
}

int nd__dns_loop_ref_resolver(nd_loop_t *loop, struct nd__dns_chan *c) {
  struct dns_loop *dl;
  int err;

  err = dns_loop_state(loop, &dl);
  if (err != 0)
    return err;
  dl->resolvers++;
  nd__queue_insert_tail(&dl->resolver_chans, &c->resolvers);
  return 0;
}

void nd__dns_loop_unref_resolver(nd_loop_t *loop, struct nd__dns_chan *c) {
  struct dns_loop *dl = loop->dns;

  assert(dl != NULL && dl->resolvers > 0);
  dl->resolvers--;
  nd__queue_remove(&c->resolvers);
}

/* --- errors ------------------------------------------------------------- */

/* What getaddrinfo(3) reports for the same failure. */
int nd__dns_eai_error(int status) {
  switch (status) {
  case ARES_SUCCESS:
    return 0;
  case ARES_ENODATA:
    return ND_EAI_NODATA;
  case ARES_ENOTFOUND:
  case ARES_EBADNAME:
  case ARES_ENONAME:
    return ND_EAI_NONAME;
  case ARES_ESERVFAIL:
  case ARES_ETIMEOUT:
  case ARES_ECONNREFUSED:
  case ARES_EREFUSED:
    return ND_EAI_AGAIN;
  case ARES_ENOMEM:
    return ND_EAI_MEMORY;
  case ARES_ECANCELLED:
  case ARES_EDESTRUCTION:
    return ND_EAI_CANCELED;
  case ARES_EBADFAMILY:
  case ARES_ENOTIMP:
    return ND_EAI_FAMILY;
  case ARES_ESERVICE:
    return ND_EAI_SERVICE;
  case ARES_EBADFLAGS:
    return ND_EAI_BADFLAGS;
  case ARES_EBADHINTS:
    return ND_EAI_BADHINTS;
  default:
    return ND_EAI_FAIL;
  }
}

/* The resolver's codes are c-ares's, moved out of errno's range. */
int nd__dns_error(int status) {
  switch (status) {
  case ARES_SUCCESS:
    return 0;
#define ND__DNS_ERR_CASE(name, n, msg)                                       \
  case ARES_##name:                                                          \
    return ND_DNS_##name;
    ND_DNS_ERRNO_MAP(ND__DNS_ERR_CASE)
#undef ND__DNS_ERR_CASE
  default:
    return ND_DNS_EBADRESP;
  }
}
