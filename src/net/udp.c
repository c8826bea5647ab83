/*
 * udp.c - UDP sockets.
 *
 * A UDP handle is a datagram socket watched for readiness (on an io_uring
 * loop it sends and receives with ring operations instead: udp-uring.c,
 * which keeps the contracts described here).  The socket is
 * made when its family is known: by nd_udp_init_ex with a family, or by the
 * first bind, connect, send or recv_start; the last two also bind it to the
 * wildcard address of its family, so it has a port to be answered on.
 *
 * Sending: a datagram goes to the kernel at once when nothing is queued
 * before it, else it waits in order for the socket to become writable, and
 * then every queued datagram goes out with one sendmmsg.  Datagrams sent
 * from the handle's own callbacks are batched the same way (batch_end).
 * Send callbacks never run inside nd_udp_send: finished requests collect on send_done and
 * run from the pending phase, or from the poll phase when the kernel took
 * them there.  send_queue_size and send_queue_count count what the kernel
 * has not taken yet.
 *
 * Receiving: each readable event runs alloc_cb and recv_cb for up to
 * RECVS_PER_EVENT datagrams (one busy socket cannot hold the loop), then
 * once more with nread 0 and no address when the kernel has nothing left,
 * so the last buffer goes back to the program.  With ND_UDP_RECVMMSG a
 * buffer of at least two 64 KiB chunks is filled by one recvmmsg, a
 * datagram per chunk.
 *
 * nd_close: stop reading, close the socket, fail the queued sends with
 * ND_ECANCELED; their callbacks run from the pending phase, before the
 * handle's close callback (the close is held until they have run).
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "udp-internal.h"

#define RECVS_PER_EVENT 32
/* Datagrams per sendmmsg/recvmmsg call: bounded so they fit on the stack. */
#define MMSG_BATCH 32
/* Rounds of send callbacks per phase (see run_send_callbacks). */
#define SEND_ROUNDS 8

static void udp_io(nd_loop_t *loop, nd__io_t *w, unsigned int events);
static void udp_close(nd_handle_t *h);

static socklen_t sockaddr_len(const struct sockaddr *addr) {
  if (addr->sa_family == AF_INET)
    return sizeof(struct sockaddr_in);
  if (addr->sa_family == AF_INET6)
    return sizeof(struct sockaddr_in6);
  return 0;
}

/* --- sockets ------------------------------------------------------------ */

static int adopt_fd(nd_udp_t *udp, int fd) {
  int domain = AF_INET;
  socklen_t len = sizeof(domain);
  int err;

  err = nd__set_nonblock(fd, 1);
  if (err != 0)
    return err;
  if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) != 0)
    return -errno;
  udp->io_watcher.fd = fd;
  if (domain == AF_INET6)
    udp->udp_flags |= ND__UDP_IPV6;
  return 0;
}

static int new_socket(nd_udp_t *udp, int domain) {
  int fd;

  fd = socket(domain, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -errno;
  udp->io_watcher.fd = fd;
  if (domain == AF_INET6)
    udp->udp_flags |= ND__UDP_IPV6;
  return 0;
}

static int maybe_new_socket(nd_udp_t *udp, int domain) {
  if (nd__udp_fd(udp) != -1)
    return 0;
  return new_socket(udp, domain);
}

static int set_int_option(int fd, int level, int name, int value) {
  return setsockopt(fd, level, name, &value, sizeof(value)) != 0 ? -errno
                                                                  : 0;
}

static int bind_socket(nd_udp_t *udp, const struct sockaddr *addr,
                       socklen_t len, unsigned int flags) {
  int fd = nd__udp_fd(udp);
  int v6 = addr->sa_family == AF_INET6;
  int err = 0;

  if (flags & ND_UDP_REUSEADDR)
    err = set_int_option(fd, SOL_SOCKET, SO_REUSEADDR, 1);
  if (err == 0 && (flags & ND_UDP_REUSEPORT))
    err = set_int_option(fd, SOL_SOCKET, SO_REUSEPORT, 1);
  if (err == 0 && v6)
    err = set_int_option(fd, IPPROTO_IPV6, IPV6_V6ONLY,
                         (flags & ND_UDP_IPV6ONLY) != 0);
  if (err == 0 && (flags & ND_UDP_LINUX_RECVERR)) {
    err = v6 ? set_int_option(fd, IPPROTO_IPV6, IPV6_RECVERR, 1)
             : set_int_option(fd, IPPROTO_IP, IP_RECVERR, 1);
    if (err == 0)
      udp->udp_flags |= ND__UDP_RECVERR;
  }
  if (err != 0)
    return err;
  if (bind(fd, addr, len) != 0)
    return -errno;
  udp->udp_flags |= ND__UDP_BOUND;
  return 0;
}

/* Sends and receives need a port: bind to the wildcard address if unbound. */
static int maybe_bind(nd_udp_t *udp, int domain, unsigned int flags) {
  struct sockaddr_in6 any6;
  struct sockaddr_in any4;
  int err;

  if (udp->udp_flags & ND__UDP_BOUND)
    return 0;
  err = maybe_new_socket(udp, domain);
  if (err != 0)
    return err;
  /* The socket's family decides, for one made earlier or adopted. */
  if (udp->udp_flags & ND__UDP_IPV6) {
    memset(&any6, 0, sizeof(any6));
    any6.sin6_family = AF_INET6;
    any6.sin6_addr = in6addr_any;
    return bind_socket(udp, (struct sockaddr *)&any6, sizeof(any6), flags);
  }
  memset(&any4, 0, sizeof(any4));
  any4.sin_family = AF_INET;
  any4.sin_addr.s_addr = htonl(INADDR_ANY);
  return bind_socket(udp, (struct sockaddr *)&any4, sizeof(any4), flags);
}

int nd_udp_init_ex(nd_loop_t *loop, nd_udp_t *udp, unsigned int flags) {
  int domain = (int)(flags & 0xFF);
  int err;

  if (loop == NULL || udp == NULL ||
      (flags & ~(0xFFu | ND_UDP_RECVMMSG)) != 0)
    return ND_EINVAL;
  if (domain != AF_UNSPEC && domain != AF_INET && domain != AF_INET6)
    return ND_EINVAL;
  nd__handle_set_close_hook(ND_UDP, udp_close);
  nd__handle_init(loop, (nd_handle_t *)udp, ND_UDP);
  udp->send_queue_size = 0;
  udp->send_queue_count = 0;
  udp->alloc_cb = NULL;
  udp->recv_cb = NULL;
  nd__io_init(&udp->io_watcher, udp_io, -1);
  nd__queue_init(&udp->send_queue);
  nd__queue_init(&udp->send_done);
  nd__queue_init(&udp->send_pending.queue);
  udp->udp_flags = (flags & ND_UDP_RECVMMSG) ? ND__UDP_RECVMMSG : 0;
  udp->ring = NULL;
  if (domain != AF_UNSPEC) {
    err = new_socket(udp, domain);
    if (err != 0) {
      /* Not a handle after all: the loop must not count it. */
      nd__queue_remove(&udp->handle_queue);
      return err;
    }
  }
  return 0;
}

int nd_udp_init(nd_loop_t *loop, nd_udp_t *udp) {
  return nd_udp_init_ex(loop, udp, AF_UNSPEC);
}

int nd_udp_open(nd_udp_t *udp, nd_os_sock_t sock) {
  struct sockaddr_storage ss;
  socklen_t len;
  int err;

  if (udp == NULL || sock < 0)
    return ND_EINVAL;
  if (nd__udp_fd(udp) != -1)
    return ND_EBUSY;
  if (nd__fd_watched(udp->loop, sock))
    return ND_EEXIST;
  err = adopt_fd(udp, sock);
  if (err != 0)
    return err;
  /* A socket bound or connected by its maker is used as it is. */
  len = sizeof(ss);
  if (getsockname(sock, (struct sockaddr *)&ss, &len) == 0 &&
      ((ss.ss_family == AF_INET &&
        ((struct sockaddr_in *)&ss)->sin_port != 0) ||
       (ss.ss_family == AF_INET6 &&
        ((struct sockaddr_in6 *)&ss)->sin6_port != 0)))
    udp->udp_flags |= ND__UDP_BOUND;
  len = sizeof(ss);
  if (getpeername(sock, (struct sockaddr *)&ss, &len) == 0)
    udp->udp_flags |= ND__UDP_CONNECTED;
  return 0;
}

int nd_udp_bind(nd_udp_t *udp, const struct sockaddr *addr,
                unsigned int flags) {
  socklen_t len;
  int err;

  if (udp == NULL || addr == NULL || nd_is_closing((nd_handle_t *)udp) ||
      (flags & ~(unsigned int)(ND_UDP_IPV6ONLY | ND_UDP_REUSEADDR |
                               ND_UDP_REUSEPORT | ND_UDP_LINUX_RECVERR)) != 0)
    return ND_EINVAL;
  len = sockaddr_len(addr);
  if (len == 0)
    return ND_EAFNOSUPPORT;
  if ((flags & ND_UDP_IPV6ONLY) && addr->sa_family != AF_INET6)
    return ND_EINVAL;
  if (udp->udp_flags & ND__UDP_BOUND)
    return ND_EINVAL;
  err = maybe_new_socket(udp, addr->sa_family);
  if (err != 0)
    return err;
  return bind_socket(udp, addr, len, flags);
}

int nd_udp_connect(nd_udp_t *udp, const struct sockaddr *addr) {
  struct sockaddr unspec;
  socklen_t len;
  int err;
  int r;

  if (udp == NULL || nd_is_closing((nd_handle_t *)udp))
    return ND_EINVAL;
  if (addr == NULL) {
    /* Disconnect: connect to AF_UNSPEC dissolves the association. */
    if (!(udp->udp_flags & ND__UDP_CONNECTED))
      return ND_ENOTCONN;
    memset(&unspec, 0, sizeof(unspec));
    unspec.sa_family = AF_UNSPEC;
    do
      r = connect(nd__udp_fd(udp), &unspec, sizeof(unspec));
    while (r != 0 && errno == EINTR);
    /* Some kernels answer EAFNOSUPPORT though they did disconnect. */
    if (r != 0 && errno != EAFNOSUPPORT)
      return -errno;
    udp->udp_flags &= ~ND__UDP_CONNECTED;
    return 0;
  }
  if (udp->udp_flags & ND__UDP_CONNECTED)
    return ND_EISCONN;
  len = sockaddr_len(addr);
  if (len == 0)
    return ND_EAFNOSUPPORT;
  err = maybe_bind(udp, addr->sa_family, 0);
  if (err != 0)
    return err;
  do
    r = connect(nd__udp_fd(udp), addr, len);
  while (r != 0 && errno == EINTR);
  if (r != 0)
    return -errno;
  udp->udp_flags |= ND__UDP_CONNECTED;
  return 0;
}

static int sock_name(const nd_udp_t *udp, struct sockaddr *name,
                     int *namelen, int peer) {
  socklen_t len;
  int r;

  if (udp == NULL || name == NULL || namelen == NULL || *namelen < 0)
    return ND_EINVAL;
  if (nd__udp_fd(udp) < 0)
    return peer ? ND_ENOTCONN : ND_EBADF;
  len = (socklen_t)*namelen;
  r = peer ? getpeername(nd__udp_fd(udp), name, &len)
           : getsockname(nd__udp_fd(udp), name, &len);
  if (r != 0)
    return -errno;
  *namelen = (int)len;
  return 0;
}

int nd_udp_getsockname(const nd_udp_t *udp, struct sockaddr *name,
                       int *namelen) {
  return sock_name(udp, name, namelen, 0);
}

int nd_udp_getpeername(const nd_udp_t *udp, struct sockaddr *name,
                       int *namelen) {
  return sock_name(udp, name, namelen, 1);
}

/* --- options ------------------------------------------------------------ */

/* The options below need a socket, and its family picks the option. */
static int need_socket(const nd_udp_t *udp) {
  if (udp == NULL)
    return ND_EINVAL;
  return nd__udp_fd(udp) < 0 ? ND_EBADF : 0;
}

static int is_v6(const nd_udp_t *udp) {
  return (udp->udp_flags & ND__UDP_IPV6) != 0;
}

/* An interface named by address ("fe80::1%eth0"), as an index for IPv6. */
static int parse_v6_interface(const char *interface_addr,
                              unsigned int *index) {
  struct sockaddr_in6 a;
  int err;

  *index = 0;
  if (interface_addr == NULL)
    return 0;
  err = nd_ip6_addr(interface_addr, 0, &a);
  if (err != 0)
    return err;
  *index = a.sin6_scope_id;
  return 0;
}

static int parse_v4_interface(const char *interface_addr,
                              struct in_addr *addr) {
  addr->s_addr = htonl(INADDR_ANY);
  if (interface_addr == NULL)
    return 0;
  return nd_inet_pton(AF_INET, interface_addr, addr);
}

int nd_udp_set_membership(nd_udp_t *udp, const char *multicast_addr,
                          const char *interface_addr,
                          nd_membership membership) {
  struct ipv6_mreq mreq6;
  struct ip_mreq mreq4;
  int err;

  if (udp == NULL || multicast_addr == NULL ||
      (membership != ND_JOIN_GROUP && membership != ND_LEAVE_GROUP))
    return ND_EINVAL;
  memset(&mreq4, 0, sizeof(mreq4));
  memset(&mreq6, 0, sizeof(mreq6));
  if (nd_inet_pton(AF_INET, multicast_addr, &mreq4.imr_multiaddr) == 0) {
    err = parse_v4_interface(interface_addr, &mreq4.imr_interface);
    if (err == 0)
      err = maybe_bind(udp, AF_INET, ND_UDP_REUSEADDR);
    if (err != 0)
      return err;
    if (is_v6(udp))
      return ND_EINVAL;
    if (setsockopt(nd__udp_fd(udp), IPPROTO_IP,
                   membership == ND_JOIN_GROUP ? IP_ADD_MEMBERSHIP
                                               : IP_DROP_MEMBERSHIP,
                   &mreq4, sizeof(mreq4)) != 0)
      return -errno;
    return 0;
  }
  if (nd_inet_pton(AF_INET6, multicast_addr, &mreq6.ipv6mr_multiaddr) != 0)
    return ND_EINVAL;
  err = parse_v6_interface(interface_addr, &mreq6.ipv6mr_interface);
  if (err == 0)
    err = maybe_bind(udp, AF_INET6, ND_UDP_REUSEADDR);
  if (err != 0)
    return err;
  if (!is_v6(udp))
    return ND_EINVAL;
  if (setsockopt(nd__udp_fd(udp), IPPROTO_IPV6,
                 membership == ND_JOIN_GROUP ? IPV6_ADD_MEMBERSHIP
                                             : IPV6_DROP_MEMBERSHIP,
                 &mreq6, sizeof(mreq6)) != 0)
    return -errno;
  return 0;
}

int nd_udp_set_source_membership(nd_udp_t *udp, const char *multicast_addr,
                                 const char *interface_addr,
                                 const char *source_addr,
                                 nd_membership membership) {
  struct group_source_req gsr;
  struct ip_mreq_source mreq4;
  struct sockaddr_in6 group6, source6;
  unsigned int index;
  int err;

  if (udp == NULL || multicast_addr == NULL || source_addr == NULL ||
      (membership != ND_JOIN_GROUP && membership != ND_LEAVE_GROUP))
    return ND_EINVAL;
  memset(&mreq4, 0, sizeof(mreq4));
  if (nd_inet_pton(AF_INET, multicast_addr, &mreq4.imr_multiaddr) == 0) {
    if (nd_inet_pton(AF_INET, source_addr, &mreq4.imr_sourceaddr) != 0)
      return ND_EINVAL;
    err = parse_v4_interface(interface_addr, &mreq4.imr_interface);
    if (err == 0)
      err = maybe_bind(udp, AF_INET, ND_UDP_REUSEADDR);
    if (err != 0)
      return err;
    if (is_v6(udp))
      return ND_EINVAL;
    if (setsockopt(nd__udp_fd(udp), IPPROTO_IP,
                   membership == ND_JOIN_GROUP ? IP_ADD_SOURCE_MEMBERSHIP
                                               : IP_DROP_SOURCE_MEMBERSHIP,
                   &mreq4, sizeof(mreq4)) != 0)
      return -errno;
    return 0;
  }
  if (nd_ip6_addr(multicast_addr, 0, &group6) != 0 ||
      nd_ip6_addr(source_addr, 0, &source6) != 0)
    return ND_EINVAL;
  err = parse_v6_interface(interface_addr, &index);
  if (err == 0)
    err = maybe_bind(udp, AF_INET6, ND_UDP_REUSEADDR);
  if (err != 0)
    return err;
  if (!is_v6(udp))
    return ND_EINVAL;
  memset(&gsr, 0, sizeof(gsr));
  gsr.gsr_interface = index;
  memcpy(&gsr.gsr_group, &group6, sizeof(group6));
  memcpy(&gsr.gsr_source, &source6, sizeof(source6));
  if (setsockopt(nd__udp_fd(udp), IPPROTO_IPV6,
                 membership == ND_JOIN_GROUP ? MCAST_JOIN_SOURCE_GROUP
                                             : MCAST_LEAVE_SOURCE_GROUP,
                 &gsr, sizeof(gsr)) != 0)
    return -errno;
  return 0;
}

int nd_udp_set_multicast_loop(nd_udp_t *udp, int on) {
  int err = need_socket(udp);

  if (err != 0)
    return err;
  if (is_v6(udp))
    return set_int_option(nd__udp_fd(udp), IPPROTO_IPV6, IPV6_MULTICAST_LOOP,
                          on != 0);
  return set_int_option(nd__udp_fd(udp), IPPROTO_IP, IP_MULTICAST_LOOP, on != 0);
}

/* 0 keeps multicast on this host, which makes sense, so it is allowed. */
int nd_udp_set_multicast_ttl(nd_udp_t *udp, int ttl) {
  int err = need_socket(udp);

  if (err != 0)
    return err;
  if (ttl < 0 || ttl > 255)
    return ND_EINVAL;
  if (is_v6(udp))
    return set_int_option(nd__udp_fd(udp), IPPROTO_IPV6, IPV6_MULTICAST_HOPS,
                          ttl);
  return set_int_option(nd__udp_fd(udp), IPPROTO_IP, IP_MULTICAST_TTL, ttl);
}

int nd_udp_set_multicast_interface(nd_udp_t *udp,
                                   const char *interface_addr) {
  struct in_addr addr4;
  unsigned int index;
  int err = need_socket(udp);

  if (err != 0)
    return err;
  if (is_v6(udp)) {
    err = parse_v6_interface(interface_addr, &index);
    if (err != 0)
      return err;
    if (setsockopt(nd__udp_fd(udp), IPPROTO_IPV6, IPV6_MULTICAST_IF, &index,
                   sizeof(index)) != 0)
      return -errno;
    return 0;
  }
  err = parse_v4_interface(interface_addr, &addr4);
  if (err != 0)
    return err;
  if (setsockopt(nd__udp_fd(udp), IPPROTO_IP, IP_MULTICAST_IF, &addr4,
                 sizeof(addr4)) != 0)
    return -errno;
  return 0;
}

int nd_udp_set_broadcast(nd_udp_t *udp, int on) {
  int err = need_socket(udp);

  if (err != 0)
    return err;
  return set_int_option(nd__udp_fd(udp), SOL_SOCKET, SO_BROADCAST, on != 0);
}

int nd_udp_set_ttl(nd_udp_t *udp, int ttl) {
  int err = need_socket(udp);

  if (err != 0)
    return err;
  if (ttl < 1 || ttl > 255)
    return ND_EINVAL;
  if (is_v6(udp))
    return set_int_option(nd__udp_fd(udp), IPPROTO_IPV6, IPV6_UNICAST_HOPS, ttl);
  return set_int_option(nd__udp_fd(udp), IPPROTO_IP, IP_TTL, ttl);
}

/* --- sending ------------------------------------------------------------ */

void nd__udp_update_active(nd_udp_t *udp) {
  if (nd_is_closing((nd_handle_t *)udp))
    nd__handle_stop((nd_handle_t *)udp);
  else if ((udp->udp_flags & ND__UDP_READING) || udp->send_queue_count != 0 ||
           !nd__queue_empty(&udp->send_done))
    nd__handle_start((nd_handle_t *)udp);
  else
    nd__handle_stop((nd_handle_t *)udp);
}

static size_t bufs_size(const nd_buf_t *bufs, unsigned int nbufs) {
  size_t n = 0;
  unsigned int i;

  for (i = 0; i < nbufs; i++)
    n += bufs[i].len;
  return n;
}

/* Where a datagram goes: checked against the socket's connected state. */
static int check_destination(const nd_udp_t *udp,
                             const struct sockaddr *addr,
                             socklen_t *addrlen) {
  *addrlen = 0;
  if (udp->udp_flags & ND__UDP_CONNECTED)
    return addr == NULL ? 0 : ND_EISCONN;
  if (addr == NULL)
    return ND_EDESTADDRREQ;
  *addrlen = sockaddr_len(addr);
  return *addrlen == 0 ? ND_EINVAL : 0;
}

void nd__udp_fill_msghdr(struct msghdr *msg, const void *addr,
                        socklen_t addrlen, const nd_buf_t *bufs,
                        unsigned int nbufs) {
  memset(msg, 0, sizeof(*msg));
  msg->msg_name = addrlen != 0 ? (void *)addr : NULL;
  msg->msg_namelen = addrlen;
  msg->msg_iov = (struct iovec *)(void *)bufs;
  msg->msg_iovlen = nbufs;
}

/* One datagram; -errno on failure.  Never raises SIGPIPE. */
static ssize_t send_one(int fd, const void *addr, socklen_t addrlen,
                        const nd_buf_t *bufs, unsigned int nbufs) {
  struct msghdr msg;
  ssize_t r;

  nd__udp_fill_msghdr(&msg, addr, addrlen, bufs, nbufs);
  do
    r = sendmsg(fd, &msg, MSG_NOSIGNAL);
  while (r < 0 && errno == EINTR);
  return r < 0 ? -errno : r;
}

/*
 * The kernel has no room now.  ENOBUFS (a full device queue) passes like
 * EAGAIN: the datagram waits rather than fails.
 */
static int is_full(ssize_t r) {
  return r == ND_EAGAIN || r == -EWOULDBLOCK || r == ND_ENOBUFS;
}

void nd__udp_finish_send(nd_udp_t *udp, nd_udp_send_t *req, ssize_t status) {
  req->status = status;
  udp->send_queue_size -= bufs_size(req->bufs, req->nbufs);
  udp->send_queue_count--;
  nd__queue_remove(&req->queue);
  nd__queue_insert_tail(&udp->send_done, &req->queue);
}

/*
 * Hand queued datagrams to the kernel until it takes no more, up to
 * MMSG_BATCH per system call; watch for writability when it stops short.
 */
static void send_some(nd_udp_t *udp) {
  struct mmsghdr msgs[MMSG_BATCH];
  nd_udp_send_t *reqs[MMSG_BATCH];
  struct nd__queue *q;
  unsigned int n;
  unsigned int i;
  ssize_t r;

  while (!nd__queue_empty(&udp->send_queue)) {
    n = 0;
    for (q = nd__queue_head(&udp->send_queue);
         q != &udp->send_queue && n < MMSG_BATCH; q = q->next) {
      reqs[n] = nd__container_of(q, nd_udp_send_t, queue);
      nd__udp_fill_msghdr(&msgs[n].msg_hdr, &reqs[n]->addr, reqs[n]->addrlen,
                  reqs[n]->bufs, reqs[n]->nbufs);
      msgs[n].msg_len = 0;
      n++;
    }
    if (n == 1) {
      r = send_one(nd__udp_fd(udp), &reqs[0]->addr, reqs[0]->addrlen,
                   reqs[0]->bufs, reqs[0]->nbufs);
      if (r >= 0) {
        msgs[0].msg_len = (unsigned int)r;
        r = 1;
      }
    } else {
      do
        r = sendmmsg(nd__udp_fd(udp), msgs, n, MSG_NOSIGNAL);
      while (r < 0 && errno == EINTR);
      if (r < 0)
        r = -errno;
    }
    if (is_full(r))
      break;
    if (r < 0) {
      /* The error is the first datagram's; the others are tried again. */
      nd__udp_finish_send(udp, reqs[0], r);
      continue;
    }
    for (i = 0; i < (unsigned int)r; i++)
      nd__udp_finish_send(udp, reqs[i], msgs[i].msg_len);
    if ((unsigned int)r < n)
      break; /* the kernel's buffer is full */
  }

  if (nd__queue_empty(&udp->send_queue))
    nd__io_stop(udp->loop, &udp->io_watcher, ND__POLLOUT);
  else
    nd__io_start(udp->loop, &udp->io_watcher, ND__POLLOUT);
}

void nd__udp_batch_begin(nd_udp_t *udp);
static void batch_flush(nd_udp_t *udp);
void nd__udp_schedule_pending(nd_udp_t *udp);

static void free_send_bufs(nd_udp_send_t *req) {
  if (req->bufs != req->bufsml)
    free(req->bufs);
  req->bufs = NULL;
}

/*
 * Run the callbacks of the finished sends, and again for the sends those
 * callbacks made when the kernel took them at once, up to SEND_ROUNDS
 * times: a program that sends from its send callbacks gets several
 * datagrams out per iteration, yet cannot hold the loop here for ever.
 * What is left runs from the next pending phase.
 */
void nd__udp_run_send_callbacks(nd_udp_t *udp) {
  struct nd__queue done;
  struct nd__queue *q;
  nd_udp_send_t *req;
  int rounds = SEND_ROUNDS;

  while (!nd__queue_empty(&udp->send_done) && rounds-- > 0) {
    nd__queue_move(&udp->send_done, &done);
    nd__udp_batch_begin(udp);
    while (!nd__queue_empty(&done)) {
      q = nd__queue_head(&done);
      nd__queue_remove(q);
      req = nd__container_of(q, nd_udp_send_t, queue);
      free_send_bufs(req);
      nd__req_unregister(udp->loop, (nd_req_t *)req);
      if (req->cb != NULL)
        req->cb(req, req->status < 0 ? (int)req->status : 0);
    }
    batch_flush(udp);
  }
  if (!nd__queue_empty(&udp->send_done))
    nd__udp_schedule_pending(udp);
  nd__udp_update_active(udp);
}

static void pending_cb(nd_loop_t *loop, nd__pending_t *p) {
  nd_udp_t *udp = nd__container_of(p, nd_udp_t, send_pending);

  (void)loop;
  udp->udp_flags &= ~ND__UDP_PENDING;
  if (udp->ring != NULL && !nd_is_closing((nd_handle_t *)udp))
    nd__udp_ring_pending(udp);
  nd__udp_run_send_callbacks(udp);
  /*
   * A closing handle waited for these callbacks before its own, and for
   * the kernel to finish its ring ops (the ring is gone once it has).
   */
  if (nd_is_closing((nd_handle_t *)udp) && udp->ring == NULL &&
      nd__queue_empty(&udp->send_done) && !(udp->udp_flags & ND__UDP_PENDING))
    nd__handle_close_release((nd_handle_t *)udp);
}

void nd__udp_schedule_pending(nd_udp_t *udp) {
  if (udp->udp_flags & ND__UDP_PENDING)
    return;
  udp->udp_flags |= ND__UDP_PENDING;
  nd__pending_add(udp->loop, &udp->send_pending, pending_cb);
}

/*
 * While the handle's own callbacks run, the datagrams they send only
 * queue; when the callbacks are done they leave together in one sendmmsg.
 * A program that answers each datagram, or sends again from each send
 * callback, then makes one system call per batch instead of one per
 * datagram.
 */
void nd__udp_batch_begin(nd_udp_t *udp) {
  udp->udp_flags |= ND__UDP_BATCHING;
}

static void batch_flush(nd_udp_t *udp) {
  udp->udp_flags &= ~ND__UDP_BATCHING;
  if (nd__udp_fd(udp) == -1 || nd__queue_empty(&udp->send_queue))
    return;
  if (udp->ring != NULL)
    nd__udp_ring_send(udp);
  /* With POLLOUT on, the queue was waiting for room already. */
  else if (!nd__io_active(&udp->io_watcher, ND__POLLOUT))
    send_some(udp);
}

void nd__udp_batch_end(nd_udp_t *udp) {
  batch_flush(udp);
  if (!nd__queue_empty(&udp->send_done))
    nd__udp_schedule_pending(udp);
}

int nd_udp_send(nd_udp_send_t *req, nd_udp_t *udp, const nd_buf_t bufs[],
                unsigned int nbufs, const struct sockaddr *addr,
                nd_udp_send_cb cb) {
  socklen_t addrlen;
  ssize_t r;
  int err;

  if (req == NULL || udp == NULL || (bufs == NULL && nbufs != 0) ||
      nd_is_closing((nd_handle_t *)udp))
    return ND_EINVAL;
  err = check_destination(udp, addr, &addrlen);
  if (err == 0 && addr != NULL)
    err = maybe_bind(udp, addr->sa_family, 0);
  if (err != 0)
    return err;

  req->bufs = req->bufsml;
  if (nbufs > ND__UDP_SEND_SMALL_BUFS) {
    req->bufs = malloc(nbufs * sizeof(*bufs));
    if (req->bufs == NULL)
      return ND_ENOMEM;
  }
  if (nbufs != 0)
    memcpy(req->bufs, bufs, nbufs * sizeof(*bufs));
  req->nbufs = nbufs;
  req->handle = udp;
  req->cb = cb;
  req->status = 0;
  req->addrlen = addrlen;
  if (addrlen != 0)
    memcpy(&req->addr, addr, addrlen);
  nd__req_register(udp->loop, (nd_req_t *)req, ND_UDP_SEND);

  nd__queue_insert_tail(&udp->send_queue, &req->queue);
  udp->send_queue_size += bufs_size(req->bufs, nbufs);
  udp->send_queue_count++;
  nd__udp_ring_open(udp);
  if (udp->ring != NULL) {
    /* The completion runs the callback, in the poll phase. */
    if (!(udp->udp_flags & ND__UDP_BATCHING))
      nd__udp_ring_send(udp);
  } else if (udp->send_queue_count == 1 &&
             !(udp->udp_flags & ND__UDP_BATCHING)) {
    /* Nothing before it: straight to the kernel, no watcher change. */
    r = send_one(nd__udp_fd(udp), &req->addr, addrlen, req->bufs, nbufs);
    if (is_full(r))
      nd__io_start(udp->loop, &udp->io_watcher, ND__POLLOUT);
    else
      nd__udp_finish_send(udp, req, r);
  }
  if (!nd__queue_empty(&udp->send_done))
    nd__udp_schedule_pending(udp);
  nd__udp_update_active(udp);
  return 0;
}

int nd_udp_try_send(nd_udp_t *udp, const nd_buf_t bufs[], unsigned int nbufs,
                    const struct sockaddr *addr) {
  socklen_t addrlen;
  ssize_t r;
  int err;

  if (udp == NULL || (bufs == NULL && nbufs != 0) ||
      nd_is_closing((nd_handle_t *)udp))
    return ND_EINVAL;
  /* Order: nothing jumps the queue. */
  if (udp->send_queue_count != 0)
    return ND_EAGAIN;
  err = check_destination(udp, addr, &addrlen);
  if (err == 0 && addr != NULL)
    err = maybe_bind(udp, addr->sa_family, 0);
  if (err != 0)
    return err;
  r = send_one(nd__udp_fd(udp), addr, addrlen, bufs, nbufs);
  if (is_full(r))
    return ND_EAGAIN;
  return (int)r;
}

int nd_udp_try_send2(nd_udp_t *udp, unsigned int count, nd_buf_t *bufs[],
                     unsigned int nbufs[], struct sockaddr *addrs[],
                     unsigned int flags) {
  struct mmsghdr msgs[MMSG_BATCH];
  unsigned int sent = 0;
  unsigned int n;
  socklen_t addrlen;
  int err = 0;
  int r;

  if (udp == NULL || flags != 0 || (count != 0 &&
      (bufs == NULL || nbufs == NULL || addrs == NULL)) ||
      nd_is_closing((nd_handle_t *)udp))
    return ND_EINVAL;
  if (nd__udp_fd(udp) < 0)
    return ND_EBADF;
  if (udp->send_queue_count != 0)
    return ND_EAGAIN;

  while (sent < count) {
    /* A batch ends before the first datagram whose address is wrong. */
    for (n = 0; n < MMSG_BATCH && sent + n < count; n++) {
      err = check_destination(udp, addrs[sent + n], &addrlen);
      if (err != 0)
        break;
      nd__udp_fill_msghdr(&msgs[n].msg_hdr, addrs[sent + n], addrlen,
                  bufs[sent + n], nbufs[sent + n]);
      msgs[n].msg_len = 0;
    }
    if (n == 0)
      break;
    do
      r = sendmmsg(nd__udp_fd(udp), msgs, n, MSG_NOSIGNAL);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
      err = is_full(-errno) ? ND_EAGAIN : -errno;
      break;
    }
    sent += (unsigned int)r;
    if ((unsigned int)r < n || err != 0)
      break;
  }
  /* An error counts only when nothing went out, as with sendmmsg. */
  if (sent == 0 && err != 0)
    return err;
  return (int)sent;
}

/* --- receiving ---------------------------------------------------------- */

/*
 * recvmmsg into one buffer of the program's, a datagram per 64 KiB chunk:
 * each chunk is reported with ND_UDP_MMSG_CHUNK, then the whole buffer with
 * ND_UDP_MMSG_FREE so the program can free it.  Returns the datagrams
 * received, or -1 when reading should stop for this event.
 */
static int recv_mmsg(nd_udp_t *udp, nd_buf_t *buf, int budget) {
  struct sockaddr_storage peers[MMSG_BATCH];
  struct mmsghdr msgs[MMSG_BATCH];
  struct iovec iov[MMSG_BATCH];
  nd_buf_t chunk;
  unsigned int flags;
  size_t nchunks = buf->len / ND__UDP_DGRAM_MAX;
  int i;
  int r;

  if (nchunks > MMSG_BATCH)
    nchunks = MMSG_BATCH;
  if (nchunks > (size_t)budget)
    nchunks = (size_t)budget;
  for (i = 0; i < (int)nchunks; i++) {
    iov[i].iov_base = buf->base + (size_t)i * ND__UDP_DGRAM_MAX;
    iov[i].iov_len = ND__UDP_DGRAM_MAX;
    memset(&msgs[i].msg_hdr, 0, sizeof(msgs[i].msg_hdr));
    msgs[i].msg_hdr.msg_name = &peers[i];
    msgs[i].msg_hdr.msg_namelen = sizeof(peers[i]);
    msgs[i].msg_hdr.msg_iov = &iov[i];
    msgs[i].msg_hdr.msg_iovlen = 1;
  }
  do
    r = recvmmsg(nd__udp_fd(udp), msgs, (unsigned int)nchunks, 0, NULL);
  while (r < 0 && errno == EINTR);
  if (r < 0) {
    r = (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -errno;
    udp->recv_cb(udp, r, buf, NULL, 0);
    return -1;
  }
  for (i = 0; i < r && (udp->udp_flags & ND__UDP_READING); i++) {
    chunk.base = iov[i].iov_base;
    chunk.len = msgs[i].msg_len;
    flags = ND_UDP_MMSG_CHUNK;
    if (msgs[i].msg_hdr.msg_flags & MSG_TRUNC)
      flags |= ND_UDP_PARTIAL;
    udp->recv_cb(udp, (ssize_t)chunk.len, &chunk,
                 (const struct sockaddr *)&peers[i], flags);
  }
  /* Always, even if a chunk's callback stopped or closed: it owns buf. */
  udp->recv_cb(udp, 0, buf, NULL, ND_UDP_MMSG_FREE);
  return r < (int)nchunks ? -1 : r; /* short: the kernel gave all it had */
}

static void recv_some(nd_udp_t *udp) {
  struct sockaddr_storage peer;
  struct msghdr msg;
  int budget = RECVS_PER_EVENT;
  unsigned int flags;
  nd_buf_t buf;
  ssize_t r;
  int n;

  while ((udp->udp_flags & ND__UDP_READING) && budget > 0) {
    buf.base = NULL;
    buf.len = 0;
    udp->alloc_cb((nd_handle_t *)udp, ND__UDP_DGRAM_MAX, &buf);
    if (buf.base == NULL || buf.len == 0) {
      udp->recv_cb(udp, ND_ENOBUFS, &buf, NULL, 0);
      return;
    }
    if ((udp->udp_flags & ND__UDP_RECVMMSG) && buf.len >= 2 * ND__UDP_DGRAM_MAX) {
      n = recv_mmsg(udp, &buf, budget);
      if (n < 0)
        return;
      budget -= n;
      continue;
    }
    memset(&msg, 0, sizeof(msg));
    msg.msg_name = &peer;
    msg.msg_namelen = sizeof(peer);
    msg.msg_iov = (struct iovec *)(void *)&buf;
    msg.msg_iovlen = 1;
    do
      r = recvmsg(nd__udp_fd(udp), &msg, 0);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
      /* Nothing more (the buffer goes back), or an error such as ICMP's. */
      r = (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -errno;
      udp->recv_cb(udp, r, &buf, NULL, 0);
      return;
    }
    flags = (msg.msg_flags & MSG_TRUNC) ? ND_UDP_PARTIAL : 0;
    udp->recv_cb(udp, r, &buf, (const struct sockaddr *)&peer, flags);
    budget--;
  }
}

/*
 * With IP_RECVERR, ICMP errors also wait on the error queue, which keeps
 * the socket in the error state (a level-triggered POLLERR) until read.
 */
void nd__udp_drain_error_queue(nd_udp_t *udp) {
  char data[256];
  char control[512];
  struct iovec iov = {data, sizeof(data)};
  struct msghdr msg;
  ssize_t r;

  do {
    memset(&msg, 0, sizeof(msg));
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof(control);
    r = recvmsg(nd__udp_fd(udp), &msg, MSG_ERRQUEUE);
  } while (r >= 0 || errno == EINTR);
}

int nd_udp_recv_start(nd_udp_t *udp, nd_alloc_cb alloc_cb,
                      nd_udp_recv_cb recv_cb) {
  int err;

  if (udp == NULL || alloc_cb == NULL || recv_cb == NULL ||
      nd_is_closing((nd_handle_t *)udp))
    return ND_EINVAL;
  if (udp->udp_flags & ND__UDP_READING)
    return ND_EALREADY;
  err = maybe_bind(udp, AF_INET, 0);
  if (err != 0)
    return err;
  udp->alloc_cb = alloc_cb;
  udp->recv_cb = recv_cb;
  nd__udp_ring_open(udp);
  if (udp->ring == NULL || !nd__udp_ring_recv_start(udp)) {
    err = nd__udp_readiness_recv_start(udp);
    if (err != 0)
      return err;
  }
  udp->udp_flags |= ND__UDP_READING;
  nd__udp_update_active(udp);
  return 0;
}

int nd__udp_readiness_recv_start(nd_udp_t *udp) {
  return nd__io_start(udp->loop, &udp->io_watcher, ND__POLLIN);
}

int nd_udp_recv_stop(nd_udp_t *udp) {
  if (udp == NULL)
    return ND_EINVAL;
  if (!(udp->udp_flags & ND__UDP_READING))
    return 0;
  udp->udp_flags &= ~ND__UDP_READING;
  nd__io_stop(udp->loop, &udp->io_watcher, ND__POLLIN);
  if (udp->ring != NULL)
    nd__udp_ring_recv_stop(udp);
  nd__udp_update_active(udp);
  return 0;
}

int nd_udp_using_recvmmsg(const nd_udp_t *udp) {
  return udp != NULL && (udp->udp_flags & ND__UDP_RECVMMSG) != 0;
}

/* --- the watcher -------------------------------------------------------- */

/* The backend refused the socket: stop reading and fail what is queued. */
static void watcher_failed(nd_udp_t *udp, int err) {
  struct nd__queue *q;
  nd_buf_t none = {NULL, 0};

  while (!nd__queue_empty(&udp->send_queue)) {
    q = nd__queue_head(&udp->send_queue);
    nd__udp_finish_send(udp, nd__container_of(q, nd_udp_send_t, queue), err);
  }
  if (!nd__queue_empty(&udp->send_done))
    nd__udp_schedule_pending(udp);
  nd__udp_update_active(udp);
  if (udp->udp_flags & ND__UDP_READING) {
    udp->udp_flags &= ~ND__UDP_READING;
    nd__udp_update_active(udp);
    udp->recv_cb(udp, err, &none, NULL, 0);
  }
}

static void udp_io(nd_loop_t *loop, nd__io_t *w, unsigned int events) {
  nd_udp_t *udp = nd__container_of(w, nd_udp_t, io_watcher);
  int err;

  (void)loop;
  if (events == ND__POLLERR && w->err != 0) {
    err = w->err;
    w->err = 0;
    watcher_failed(udp, err);
    return;
  }
  if (events & (ND__POLLIN | ND__POLLERR | ND__POLLHUP)) {
    nd__udp_batch_begin(udp);
    recv_some(udp);
    nd__udp_batch_end(udp);
  }
  if (nd__udp_fd(udp) == -1)
    return; /* closed by a receive callback */
  if ((events & ND__POLLERR) && (udp->udp_flags & ND__UDP_RECVERR))
    nd__udp_drain_error_queue(udp);
  if (events & (ND__POLLOUT | ND__POLLERR | ND__POLLHUP)) {
    if (!nd__queue_empty(&udp->send_queue))
      send_some(udp);
    nd__udp_run_send_callbacks(udp);
  }
}

/* --- closing ------------------------------------------------------------ */

static void udp_close(nd_handle_t *h) {
  nd_udp_t *udp = (nd_udp_t *)h;
  struct nd__queue *q;
  int fd = nd__udp_fd(udp);

  udp->udp_flags &= ~ND__UDP_READING;
  nd__io_close(udp->loop, &udp->io_watcher);
  udp->io_watcher.fd = -1;
  if (udp->ring != NULL && nd__udp_ring_close(udp, fd)) {
    /* The ring closes fd and fails the queue once the kernel is done. */
    nd__handle_close_hold(h);
    return;
  }
  if (fd != -1)
    nd__close_nocancel(fd);
  while (!nd__queue_empty(&udp->send_queue)) {
    q = nd__queue_head(&udp->send_queue);
    nd__udp_finish_send(udp, nd__container_of(q, nd_udp_send_t, queue),
                ND_ECANCELED);
  }
  udp->send_queue_size = 0;
  udp->send_queue_count = 0;
  if (!nd__queue_empty(&udp->send_done) || (udp->udp_flags & ND__UDP_PENDING)) {
    nd__handle_close_hold(h);
    nd__udp_schedule_pending(udp);
  }
}

/* --- state -------------------------------------------------------------- */

size_t nd_udp_get_send_queue_size(const nd_udp_t *udp) {
  return udp->send_queue_size;
}

size_t nd_udp_get_send_queue_count(const nd_udp_t *udp) {
  return udp->send_queue_count;
}
