/* nodec/tcp.h - TCP streams and socket addresses. */
#ifndef NODEC_TCP_H
#define NODEC_TCP_H

#include <netinet/in.h>
#include <sys/socket.h>

#include "stream.h"

typedef struct nd_tcp_s nd_tcp_t;

struct nd_tcp_s {
  ND_HANDLE_FIELDS
  ND_STREAM_FIELDS
  unsigned int keepalive_delay; /* applied when the socket is made */
};

enum nd_tcp_flags {
  ND_TCP_IPV6ONLY = 1, /* bind: an IPv6 socket that does not take IPv4 */
  ND_TCP_REUSEPORT = 2 /* bind: SO_REUSEPORT, for several server processes */
};

ND_EXTERN int nd_tcp_init(nd_loop_t *loop, nd_tcp_t *handle);
ND_EXTERN int nd_tcp_init_ex(nd_loop_t *loop, nd_tcp_t *handle,
                             unsigned int flags);
ND_EXTERN int nd_tcp_open(nd_tcp_t *handle, int sock);
ND_EXTERN int nd_tcp_bind(nd_tcp_t *handle, const struct sockaddr *addr,
                          unsigned int flags);
ND_EXTERN int nd_tcp_connect(nd_connect_t *req, nd_tcp_t *handle,
                             const struct sockaddr *addr, nd_connect_cb cb);
ND_EXTERN int nd_tcp_nodelay(nd_tcp_t *handle, int enable);
ND_EXTERN int nd_tcp_keepalive(nd_tcp_t *handle, int enable,
                               unsigned int delay);
ND_EXTERN int nd_tcp_keepalive_ex(nd_tcp_t *handle, int enable,
                                  unsigned int idle, unsigned int interval,
                                  unsigned int count);
ND_EXTERN int nd_tcp_simultaneous_accepts(nd_tcp_t *handle, int enable);
ND_EXTERN int nd_tcp_getsockname(const nd_tcp_t *handle,
                                 struct sockaddr *name, int *namelen);
ND_EXTERN int nd_tcp_getpeername(const nd_tcp_t *handle,
                                 struct sockaddr *name, int *namelen);
ND_EXTERN int nd_tcp_close_reset(nd_tcp_t *handle, nd_close_cb close_cb);

/* Addresses */
ND_EXTERN int nd_ip4_addr(const char *ip, int port, struct sockaddr_in *addr);
ND_EXTERN int nd_ip6_addr(const char *ip, int port, struct sockaddr_in6 *addr);
ND_EXTERN int nd_ip4_name(const struct sockaddr_in *src, char *dst,
                          size_t size);
ND_EXTERN int nd_ip6_name(const struct sockaddr_in6 *src, char *dst,
                          size_t size);
ND_EXTERN int nd_ip_name(const struct sockaddr *src, char *dst, size_t size);
ND_EXTERN int nd_inet_ntop(int af, const void *src, char *dst, size_t size);
ND_EXTERN int nd_inet_pton(int af, const char *src, void *dst);

#endif
