/*
 * pipe-internal.h - what stream.c needs from pipe.c: listening, closing,
 * and passing descriptors over IPC pipes (SCM_RIGHTS).
 */
#ifndef ND_NET_PIPE_INTERNAL_H
#define ND_NET_PIPE_INTERNAL_H

#include <sys/types.h>

#include "nodec.h"

int nd__pipe_listen(nd_pipe_t *pipe, int backlog, nd_connection_cb cb);

/* From nd__stream_close, before the descriptor closes. */
void nd__pipe_close(nd_pipe_t *pipe);

/*
 * May `send_handle` go over `stream` with these buffers?  0, or the error
 * nd_write2 and nd_try_write2 return.
 */
int nd__pipe_ipc_check_send(const nd_stream_t *stream,
                            const nd_stream_t *send_handle,
                            const nd_buf_t *bufs, unsigned int nbufs);

/*
 * One sendmsg of the buffers with send_handle's descriptor attached;
 * bytes written or -errno (ND_EAGAIN when nothing went: the handle has not
 * gone either).
 */
ssize_t nd__pipe_ipc_send(nd_stream_t *stream, const nd_buf_t *bufs,
                          unsigned int nbufs,
                          const nd_stream_t *send_handle);

/*
 * read(2) for an IPC stream: recvmsg that queues the descriptors that came
 * with the bytes.  Like read, -1 with errno on failure, so the read loop
 * treats both the same; ENOBUFS when handles were lost (MSG_CTRUNC).
 */
ssize_t nd__pipe_ipc_recv(nd_stream_t *stream, void *base, size_t len);

/* nd_accept on an IPC pipe: take the oldest received descriptor. */
int nd__pipe_ipc_accept(nd_stream_t *server, nd_stream_t *client);

#endif
