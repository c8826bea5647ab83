/* nodec/udp.h - UDP sockets: datagrams, multicast, batched send and receive. */
#ifndef NODEC_UDP_H
#define NODEC_UDP_H

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/types.h>

#include "stream.h"

typedef struct nd_udp_s nd_udp_t;
typedef struct nd_udp_send_s nd_udp_send_t;
struct nd__udp_ring;

/* The values are libuv's, so the compatibility layer maps them one to one. */
enum nd_udp_flags {
  ND_UDP_IPV6ONLY = 1,      /* bind: an IPv6 socket that does not take IPv4 */
  ND_UDP_PARTIAL = 2,       /* recv_cb: the datagram was truncated */
  ND_UDP_REUSEADDR = 4,     /* bind: SO_REUSEADDR */
  ND_UDP_MMSG_CHUNK = 8,    /* recv_cb: a chunk of a recvmmsg buffer */
  ND_UDP_MMSG_FREE = 16,    /* recv_cb: the recvmmsg buffer may be freed */
  ND_UDP_LINUX_RECVERR = 32,/* bind: IP_RECVERR / IPV6_RECVERR */
  ND_UDP_REUSEPORT = 64,    /* bind: SO_REUSEPORT (libuv 1.49's value) */
  ND_UDP_RECVMMSG = 256     /* init_ex: receive in batches with recvmmsg */
};

typedef enum {
  ND_LEAVE_GROUP = 0,
  ND_JOIN_GROUP
} nd_membership;

typedef void (*nd_udp_send_cb)(nd_udp_send_t *req, int status);
typedef void (*nd_udp_recv_cb)(nd_udp_t *handle, ssize_t nread,
                               const nd_buf_t *buf,
                               const struct sockaddr *addr, unsigned flags);

struct nd_udp_s {
  ND_HANDLE_FIELDS
  /* read-only */
  size_t send_queue_size;         /* bytes not yet handed to the kernel */
  size_t send_queue_count;        /* requests not yet handed to the kernel */
  /* private */
  nd_alloc_cb alloc_cb;
  nd_udp_recv_cb recv_cb;
  nd__io_t io_watcher;
  struct nd__queue send_queue;    /* waiting for the kernel */
  struct nd__queue send_done;     /* sent or failed, callback due */
  nd__pending_t send_pending;     /* runs the callbacks of send_done */
  unsigned int udp_flags;
  struct nd__udp_ring *ring;      /* ring operations (io_uring), or NULL */
};

#define ND__UDP_SEND_SMALL_BUFS 4

struct nd_udp_send_s {
  ND_REQ_FIELDS
  /* read-only */
  nd_udp_t *handle;
  nd_udp_send_cb cb;
  /* private */
  struct nd__queue queue;
  struct sockaddr_storage addr;   /* the destination; unused if connected */
  socklen_t addrlen;              /* 0 on a connected socket */
  unsigned int nbufs;
  nd_buf_t *bufs;
  ssize_t status;                 /* bytes sent or a negative error */
  nd_buf_t bufsml[ND__UDP_SEND_SMALL_BUFS];
  nd__uring_op_t op;              /* the sendmsg on an io_uring loop */
  struct msghdr msg;              /* what that sendmsg reads */
};

ND_EXTERN int nd_udp_init(nd_loop_t *loop, nd_udp_t *handle);
ND_EXTERN int nd_udp_init_ex(nd_loop_t *loop, nd_udp_t *handle,
                             unsigned int flags);
ND_EXTERN int nd_udp_open(nd_udp_t *handle, nd_os_sock_t sock);
ND_EXTERN int nd_udp_bind(nd_udp_t *handle, const struct sockaddr *addr,
                          unsigned int flags);
ND_EXTERN int nd_udp_connect(nd_udp_t *handle, const struct sockaddr *addr);
ND_EXTERN int nd_udp_getpeername(const nd_udp_t *handle,
                                 struct sockaddr *name, int *namelen);
ND_EXTERN int nd_udp_getsockname(const nd_udp_t *handle,
                                 struct sockaddr *name, int *namelen);

/* Multicast and socket options */
ND_EXTERN int nd_udp_set_membership(nd_udp_t *handle,
                                    const char *multicast_addr,
                                    const char *interface_addr,
                                    nd_membership membership);
ND_EXTERN int nd_udp_set_source_membership(nd_udp_t *handle,
                                           const char *multicast_addr,
                                           const char *interface_addr,
                                           const char *source_addr,
                                           nd_membership membership);
ND_EXTERN int nd_udp_set_multicast_loop(nd_udp_t *handle, int on);
ND_EXTERN int nd_udp_set_multicast_ttl(nd_udp_t *handle, int ttl);
ND_EXTERN int nd_udp_set_multicast_interface(nd_udp_t *handle,
                                             const char *interface_addr);
ND_EXTERN int nd_udp_set_broadcast(nd_udp_t *handle, int on);
ND_EXTERN int nd_udp_set_ttl(nd_udp_t *handle, int ttl);

/* Sending */
ND_EXTERN int nd_udp_send(nd_udp_send_t *req, nd_udp_t *handle,
                          const nd_buf_t bufs[], unsigned int nbufs,
                          const struct sockaddr *addr, nd_udp_send_cb send_cb);
ND_EXTERN int nd_udp_try_send(nd_udp_t *handle, const nd_buf_t bufs[],
                              unsigned int nbufs, const struct sockaddr *addr);
ND_EXTERN int nd_udp_try_send2(nd_udp_t *handle, unsigned int count,
                               nd_buf_t *bufs[], unsigned int nbufs[],
                               struct sockaddr *addrs[], unsigned int flags);

/* Receiving */
ND_EXTERN int nd_udp_recv_start(nd_udp_t *handle, nd_alloc_cb alloc_cb,
                                nd_udp_recv_cb recv_cb);
ND_EXTERN int nd_udp_recv_stop(nd_udp_t *handle);
ND_EXTERN int nd_udp_using_recvmmsg(const nd_udp_t *handle);

/* State */
ND_EXTERN size_t nd_udp_get_send_queue_size(const nd_udp_t *handle);
ND_EXTERN size_t nd_udp_get_send_queue_count(const nd_udp_t *handle);

#endif
