/* nodec/pipe.h - pipes: Unix domain sockets, pipes, FIFOs, IPC. */
#ifndef NODEC_PIPE_H
#define NODEC_PIPE_H

#include "poll.h"
#include "stream.h"

typedef struct nd_pipe_s nd_pipe_t;

struct nd_pipe_s {
  ND_HANDLE_FIELDS
  ND_STREAM_FIELDS
  /* public (set by nd_pipe_init): handles pass over this pipe */
  int ipc;
  /* private */
  char *bound_path;         /* made by nd_pipe_bind, unlinked on close */
  int *pending_fds;         /* received over IPC, waiting for nd_accept */
  unsigned int pending_head;
  unsigned int pending_len;
  unsigned int pending_cap;
};

enum nd_pipe_flags {
  /* bind2, connect2: a name too long is an error, not cut short */
  ND_PIPE_NO_TRUNCATE = 1
};

ND_EXTERN int nd_pipe_init(nd_loop_t *loop, nd_pipe_t *handle, int ipc);
ND_EXTERN int nd_pipe_open(nd_pipe_t *handle, int fd);
ND_EXTERN int nd_pipe_bind(nd_pipe_t *handle, const char *name);
ND_EXTERN int nd_pipe_bind2(nd_pipe_t *handle, const char *name,
                            size_t namelen, unsigned int flags);
ND_EXTERN void nd_pipe_connect(nd_connect_t *req, nd_pipe_t *handle,
                               const char *name, nd_connect_cb cb);
ND_EXTERN int nd_pipe_connect2(nd_connect_t *req, nd_pipe_t *handle,
                               const char *name, size_t namelen,
                               unsigned int flags, nd_connect_cb cb);
ND_EXTERN int nd_pipe_getsockname(const nd_pipe_t *handle, char *buffer,
                                  size_t *size);
ND_EXTERN int nd_pipe_getpeername(const nd_pipe_t *handle, char *buffer,
                                  size_t *size);
ND_EXTERN void nd_pipe_pending_instances(nd_pipe_t *handle, int count);
ND_EXTERN int nd_pipe_pending_count(nd_pipe_t *handle);
ND_EXTERN nd_handle_type nd_pipe_pending_type(nd_pipe_t *handle);
ND_EXTERN int nd_pipe_chmod(nd_pipe_t *handle, int flags);
/* A pipe pair; ND_NONBLOCK_PIPE (nodec/process.h) makes an end non-blocking. */
ND_EXTERN int nd_pipe(int fds[2], int read_flags, int write_flags);

#endif
