/*
 * tcp.c - TCP streams.
 *
 * The socket is made when its family is known: by nd_tcp_init_ex with a
 * family, or by the first bind, connect or listen.  Options set before that
 * (no-delay, keep-alive) are remembered and applied to the new socket.
 */
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "stream-internal.h"
#include "tcp-internal.h"

/* Options waiting for the socket, in stream_flags above the stream's own. */
enum {
  TCP_NODELAY_WANTED = 1u << 20,
  TCP_KEEPALIVE_WANTED = 1u << 21
};

static int apply_options(nd_tcp_t *tcp);

static int new_socket(nd_tcp_t *tcp, int domain) {
  int fd;
  int err;

  fd = socket(domain, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -errno;
  err = nd__stream_open((nd_stream_t *)tcp, fd,
                        ND__STREAM_READABLE | ND__STREAM_WRITABLE |
                            ND__STREAM_FRESH_SOCKET);
  if (err == 0)
    err = apply_options(tcp);
  if (err != 0) {
    tcp->io_watcher.fd = -1;
    close(fd);
  }
  return err;
}

static int maybe_new_socket(nd_tcp_t *tcp, int domain) {
  if (nd__stream_fd((nd_stream_t *)tcp) != -1)
    return 0;
  return new_socket(tcp, domain);
}

int nd_tcp_init_ex(nd_loop_t *loop, nd_tcp_t *tcp, unsigned int flags) {
  int domain = (int)(flags & 0xFF);
  int err;

  if (loop == NULL || tcp == NULL || (flags & ~0xFFu) != 0)
    return ND_EINVAL;
  if (domain != AF_UNSPEC && domain != AF_INET && domain != AF_INET6)
    return ND_EINVAL;
  nd__stream_init(loop, (nd_stream_t *)tcp, ND_TCP);
  tcp->keepalive_delay = 0;
  if (domain != AF_UNSPEC) {
    err = new_socket(tcp, domain);
    if (err != 0) {
      /* Not a handle after all: the loop must not count it. */
      nd__queue_remove(&tcp->handle_queue);
      return err;
    }
  }
  return 0;
}

int nd_tcp_init(nd_loop_t *loop, nd_tcp_t *tcp) {
  return nd_tcp_init_ex(loop, tcp, AF_UNSPEC);
}

int nd_tcp_open(nd_tcp_t *tcp, int sock) {
  int err;

  if (tcp == NULL || sock < 0)
    return ND_EINVAL;
  err = nd__stream_open((nd_stream_t *)tcp, sock,
                        ND__STREAM_READABLE | ND__STREAM_WRITABLE);
  if (err == 0)
    err = apply_options(tcp);
  return err;
}

static int sockaddr_len(const struct sockaddr *addr) {
  if (addr->sa_family == AF_INET)
    return sizeof(struct sockaddr_in);
  if (addr->sa_family == AF_INET6)
    return sizeof(struct sockaddr_in6);
  return -1;
}

int nd_tcp_bind(nd_tcp_t *tcp, const struct sockaddr *addr,
                unsigned int flags) {
  int len;
  int on = 1;
  int fd;
  int err;

  if (tcp == NULL || addr == NULL ||
      (flags & ~(unsigned int)(ND_TCP_IPV6ONLY | ND_TCP_REUSEPORT)) != 0)
    return ND_EINVAL;
  len = sockaddr_len(addr);
  if (len < 0)
    return ND_EAFNOSUPPORT;
  if ((flags & ND_TCP_IPV6ONLY) && addr->sa_family != AF_INET6)
    return ND_EINVAL;
  err = maybe_new_socket(tcp, addr->sa_family);
  if (err != 0)
    return err;
  fd = nd__stream_fd((nd_stream_t *)tcp);
  /* A server restarted while old connections linger can bind again. */
  if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) != 0)
    return -errno;
  if ((flags & ND_TCP_REUSEPORT) &&
      setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof(on)) != 0)
    return -errno;
  if (addr->sa_family == AF_INET6) {
    on = (flags & ND_TCP_IPV6ONLY) != 0;
    if (setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof(on)) != 0)
      return -errno;
  }
  if (bind(fd, addr, (socklen_t)len) != 0) {
    /* As libuv does: an address in use is reported by listen or connect. */
    if (errno != EADDRINUSE)
      return -errno;
    tcp->delayed_error = ND_EADDRINUSE;
  }
  return 0;
}

int nd__tcp_listen(nd_tcp_t *tcp, int backlog, nd_connection_cb cb) {
  int err;

  if (tcp->delayed_error != 0)
    return tcp->delayed_error;
  err = maybe_new_socket(tcp, AF_INET);
  if (err != 0)
    return err;
  return nd__stream_listen((nd_stream_t *)tcp, backlog, cb);
}

int nd_tcp_connect(nd_connect_t *req, nd_tcp_t *tcp,
                   const struct sockaddr *addr, nd_connect_cb cb) {
  int len;
  int err;
  int r;

  if (req == NULL || tcp == NULL || addr == NULL ||
      nd_is_closing((nd_handle_t *)tcp))
    return ND_EINVAL;
  len = sockaddr_len(addr);
  if (len < 0)
    return ND_EAFNOSUPPORT;
  if (tcp->connect_req != NULL)
    return ND_EALREADY;
  if (tcp->delayed_error != 0)
    return tcp->delayed_error;
  err = maybe_new_socket(tcp, addr->sa_family);
  if (err != 0)
    return err;

  req->type = ND_CONNECT;
  req->cb = cb;
  if (nd__stream_ring_connect((nd_stream_t *)tcp, req, addr,
                              (socklen_t)len) == 0)
    return 0;
  do
    r = connect(nd__stream_fd((nd_stream_t *)tcp), addr, (socklen_t)len);
  while (r != 0 && errno == EINTR);
  if (r == 0) {
    nd__stream_connect_started((nd_stream_t *)tcp, req, ND__CONNECT_DONE);
  } else if (errno == EINPROGRESS) {
    nd__stream_connect_started((nd_stream_t *)tcp, req,
                               ND__CONNECT_IN_PROGRESS);
  } else if (errno == ECONNREFUSED) {
    /* Loopback refuses at once; the callback says so, as elsewhere. */
    nd__stream_connect_started((nd_stream_t *)tcp, req, ND_ECONNREFUSED);
  } else {
    return -errno;
  }
  return 0;
}

/* --- options ------------------------------------------------------------ */

static int set_nodelay(int fd, int on) {
  return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on)) != 0
             ? -errno
             : 0;
}

static int set_keepalive(int fd, int on, unsigned int idle,
                         unsigned int interval, unsigned int count) {
  int v = on;

  if (setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof(v)) != 0)
    return -errno;
  if (!on)
    return 0;
  v = (int)(idle > 0 ? idle : 1);
  if (setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof(v)) != 0)
    return -errno;
  if (interval > 0) {
    v = (int)interval;
    if (setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &v, sizeof(v)) != 0)
      return -errno;
  }
  if (count > 0) {
    v = (int)count;
    if (setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &v, sizeof(v)) != 0)
      return -errno;
  }
  return 0;
}

static int apply_options(nd_tcp_t *tcp) {
  int fd = nd__stream_fd((nd_stream_t *)tcp);
  int err = 0;

  if (tcp->stream_flags & TCP_NODELAY_WANTED)
    err = set_nodelay(fd, 1);
  if (err == 0 && (tcp->stream_flags & TCP_KEEPALIVE_WANTED))
    err = set_keepalive(fd, 1, tcp->keepalive_delay, 0, 0);
  return err;
}

int nd_tcp_nodelay(nd_tcp_t *tcp, int enable) {
  if (tcp == NULL)
    return ND_EINVAL;
  if (enable)
    tcp->stream_flags |= TCP_NODELAY_WANTED;
  else
    tcp->stream_flags &= ~TCP_NODELAY_WANTED;
  if (nd__stream_fd((nd_stream_t *)tcp) == -1)
    return 0;
  return set_nodelay(nd__stream_fd((nd_stream_t *)tcp), enable != 0);
}

int nd_tcp_keepalive_ex(nd_tcp_t *tcp, int enable, unsigned int idle,
                        unsigned int interval, unsigned int count) {
  if (tcp == NULL || (enable && idle == 0))
    return ND_EINVAL;
  if (enable) {
    tcp->stream_flags |= TCP_KEEPALIVE_WANTED;
    tcp->keepalive_delay = idle;
  } else {
    tcp->stream_flags &= ~TCP_KEEPALIVE_WANTED;
  }
  if (nd__stream_fd((nd_stream_t *)tcp) == -1)
    return 0;
  return set_keepalive(nd__stream_fd((nd_stream_t *)tcp), enable != 0, idle,
                       interval, count);
}

int nd_tcp_keepalive(nd_tcp_t *tcp, int enable, unsigned int delay) {
  return nd_tcp_keepalive_ex(tcp, enable, delay, 0, 0);
}

int nd_tcp_simultaneous_accepts(nd_tcp_t *tcp, int enable) {
  (void)enable;
  /* A Windows tuning knob in libuv; Linux has nothing to tune here. */
  return tcp == NULL ? ND_EINVAL : 0;
}

static int sock_name(const nd_tcp_t *tcp, struct sockaddr *name, int *namelen,
                     int peer) {
  socklen_t len;
  int fd;
  int r;

  if (tcp == NULL || name == NULL || namelen == NULL || *namelen < 0)
    return ND_EINVAL;
  if (tcp->delayed_error != 0)
    return tcp->delayed_error;
  fd = nd__stream_fd((const nd_stream_t *)tcp);
  if (fd < 0)
    return ND_EINVAL;
  len = (socklen_t)*namelen;
  r = peer ? getpeername(fd, name, &len) : getsockname(fd, name, &len);
  if (r != 0)
    return -errno;
  *namelen = (int)len;
  return 0;
}

int nd_tcp_getsockname(const nd_tcp_t *tcp, struct sockaddr *name,
                       int *namelen) {
  return sock_name(tcp, name, namelen, 0);
}

int nd_tcp_getpeername(const nd_tcp_t *tcp, struct sockaddr *name,
                       int *namelen) {
  return sock_name(tcp, name, namelen, 1);
}

/* Close with a reset instead of an orderly end: SO_LINGER of zero. */
int nd_tcp_close_reset(nd_tcp_t *tcp, nd_close_cb close_cb) {
  struct linger l = {1, 0};
  int fd;

  if (tcp == NULL || (tcp->stream_flags & ND__STREAM_SHUTTING))
    return ND_EINVAL;
  fd = nd__stream_fd((nd_stream_t *)tcp);
  if (fd != -1 && setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l)) != 0)
    return -errno;
  nd_close((nd_handle_t *)tcp, close_cb);
  return 0;
}
