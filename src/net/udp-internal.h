/*
 * udp-internal.h - what udp.c (sockets, readiness) and udp-uring.c (ring
 * operations) share.
 */
#ifndef ND_NET_UDP_INTERNAL_H
#define ND_NET_UDP_INTERNAL_H

#include <sys/socket.h>

#include "loop/internal.h"

/* The largest UDP payload, and what alloc_cb is asked for. */
#define ND__UDP_DGRAM_MAX 65536

/* udp->udp_flags */
enum {
  ND__UDP_BOUND = 1u << 0,
  ND__UDP_CONNECTED = 1u << 1,
  ND__UDP_READING = 1u << 2,
  ND__UDP_RECVMMSG = 1u << 3,  /* nd_udp_init_ex(ND_UDP_RECVMMSG) */
  ND__UDP_PENDING = 1u << 4,   /* send_pending is queued */
  ND__UDP_IPV6 = 1u << 5,      /* the socket is AF_INET6 */
  ND__UDP_RECVERR = 1u << 6,   /* IP_RECVERR: errors wait on the error queue */
  ND__UDP_BATCHING = 1u << 7,  /* in the handle's callbacks: sends wait */
  ND__UDP_RING_TRIED = 1u << 8 /* nd__udp_ring_open has decided */
};

static inline int nd__udp_fd(const nd_udp_t *udp) {
  return udp->io_watcher.fd;
}

/* udp.c */
void nd__udp_update_active(nd_udp_t *udp);
void nd__udp_finish_send(nd_udp_t *udp, nd_udp_send_t *req, ssize_t status);
void nd__udp_schedule_pending(nd_udp_t *udp);
void nd__udp_batch_begin(nd_udp_t *udp);
void nd__udp_batch_end(nd_udp_t *udp);
void nd__udp_run_send_callbacks(nd_udp_t *udp);
void nd__udp_fill_msghdr(struct msghdr *msg, const void *addr,
                         socklen_t addrlen, const nd_buf_t *bufs,
                         unsigned int nbufs);
void nd__udp_drain_error_queue(nd_udp_t *udp);
/* Receive by readiness from now on (the ring gave up on this handle). */
int nd__udp_readiness_recv_start(nd_udp_t *udp);

/*
 * udp-uring.c: on an io_uring loop a handle sends, and receives, with ring
 * operations.  nd__udp_ring_open attaches the ring state when the loop
 * can; every other function is called only when udp->ring is set.
 */
void nd__udp_ring_open(nd_udp_t *udp);
/* 1 if the ring receives for this handle, 0 if readiness must. */
int nd__udp_ring_recv_start(nd_udp_t *udp);
void nd__udp_ring_recv_stop(nd_udp_t *udp);
/* Hand the queued datagrams to the kernel, unless a chain is in flight. */
void nd__udp_ring_send(nd_udp_t *udp);
/* From the pending phase: kept datagrams, the end-of-burst callback. */
void nd__udp_ring_pending(nd_udp_t *udp);
/*
 * nd_close: 1 when ops are in flight; the ring then closes fd, fails the
 * sends still queued and schedules the pending phase once the kernel is
 * done.  0 when the ring is gone and the caller closes as on readiness.
 */
int nd__udp_ring_close(nd_udp_t *udp, int fd);

#endif
