/*
 * pipe.c - pipes: Unix domain sockets named by a path or in Linux's
 * abstract namespace, any descriptor adopted with nd_pipe_open (pipes,
 * FIFOs, terminals), pipe pairs, and IPC, where handles travel between
 * processes as descriptors attached to the bytes (SCM_RIGHTS).
 *
 * IPC sends no framing of its own, as libuv on Unix: the descriptor of a
 * write's send_handle rides with the first bytes of that write, in one
 * sendmsg, and a reader finds it queued when the read callback for those
 * bytes runs.  A libuv process at the other end understands it.
 */
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "pipe-internal.h"
#include "stream-internal.h"

/* SCM_MAX_FD of the kernel: the most descriptors one message carries. */
#define IPC_MAX_FDS 253

int nd_pipe_init(nd_loop_t *loop, nd_pipe_t *pipe, int ipc) {
  if (loop == NULL || pipe == NULL)
    return ND_EINVAL;
  nd__stream_init(loop, (nd_stream_t *)pipe, ND_NAMED_PIPE);
  pipe->ipc = ipc != 0;
  pipe->bound_path = NULL;
  pipe->pending_fds = NULL;
  pipe->pending_head = 0;
  pipe->pending_len = 0;
  pipe->pending_cap = 0;
  if (ipc)
    pipe->stream_flags |= ND__STREAM_IPC;
  return 0;
}

/* Readable and writable as the descriptor was opened, as libuv decides. */
static int open_fd(nd_pipe_t *pipe, int fd) {
  unsigned int flags;
  int mode;

  do
    mode = fcntl(fd, F_GETFL);
  while (mode == -1 && errno == EINTR);
  if (mode == -1)
    return -errno;
  switch (mode & O_ACCMODE) {
  case O_RDONLY:
    flags = ND__STREAM_READABLE;
    break;
  case O_WRONLY:
    flags = ND__STREAM_WRITABLE;
    break;
  default:
    flags = ND__STREAM_READABLE | ND__STREAM_WRITABLE;
    break;
  }
  return nd__stream_open((nd_stream_t *)pipe, fd, flags);
}

int nd_pipe_open(nd_pipe_t *pipe, int fd) {
  if (pipe == NULL || fd < 0)
    return ND_EINVAL;
  /* Two handles on one descriptor would fight over its events. */
  if (nd__fd_watched(pipe->loop, fd))
    return ND_EEXIST;
  return open_fd(pipe, fd);
}

/*
 * Fill a Unix socket address.  A name that starts with a NUL byte is in
 * Linux's abstract namespace: every one of its namelen bytes is the name,
 * up to all of sun_path.  A path keeps a byte for its terminator, so 107
 * bytes at most, and may not hold a NUL.  A longer name is cut short, as
 * libuv has always done, unless ND_PIPE_NO_TRUNCATE asks for ND_EINVAL.
 * Returns the address length or an error.
 */
static int make_addr(struct sockaddr_un *sa, const char *name,
                     size_t namelen, unsigned int flags) {
  size_t room = sizeof(sa->sun_path);
  int abstract;

  if (name == NULL || namelen == 0 ||
      (flags & ~(unsigned int)ND_PIPE_NO_TRUNCATE) != 0)
    return ND_EINVAL;
  abstract = name[0] == '\0';
  if (!abstract) {
    if (memchr(name, '\0', namelen) != NULL)
      return ND_EINVAL;
    room--;
  }
  if (namelen > room) {
    if (flags & ND_PIPE_NO_TRUNCATE)
      return ND_EINVAL;
    namelen = room;
  }
  memset(sa, 0, sizeof(*sa));
  sa->sun_family = AF_UNIX;
  memcpy(sa->sun_path, name, namelen);
  return (int)(offsetof(struct sockaddr_un, sun_path) + namelen + !abstract);
}

static int new_socket(void) {
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

  return fd < 0 ? -errno : fd;
}

int nd_pipe_bind2(nd_pipe_t *pipe, const char *name, size_t namelen,
                  unsigned int flags) {
  struct sockaddr_un sa;
  char *path = NULL;
  int len, fd, err;

  if (pipe == NULL || nd_is_closing((nd_handle_t *)pipe))
    return ND_EINVAL;
  len = make_addr(&sa, name, namelen, flags);
  if (len < 0)
    return len;
  /* Bound already, or given a descriptor. */
  if (nd__stream_fd((nd_stream_t *)pipe) != -1)
    return ND_EINVAL;
  /* The file the bind makes is removed on close; an abstract name is not a
   * file. */
  if (sa.sun_path[0] != '\0') {
    path = strdup(sa.sun_path);
    if (path == NULL)
      return ND_ENOMEM;
  }
  fd = new_socket();
  if (fd < 0) {
    free(path);
    return fd;
  }
  if (bind(fd, (struct sockaddr *)&sa, (socklen_t)len) != 0) {
    err = -errno;
    /*
     * As libuv: a directory that does not exist is reported as not
     * allowed, which is what Windows says for a bad pipe name.
     */
    if (err == ND_ENOENT)
      err = ND_EACCES;
    close(fd);
    free(path);
    return err;
  }
  err = nd__stream_open((nd_stream_t *)pipe, fd, ND__STREAM_FRESH_SOCKET);
  if (err != 0) {
    if (path != NULL)
      unlink(path);
    close(fd);
    free(path);
    return err;
  }
  pipe->bound_path = path;
  return 0;
}

int nd_pipe_bind(nd_pipe_t *pipe, const char *name) {
  if (name == NULL)
    return ND_EINVAL;
  return nd_pipe_bind2(pipe, name, strlen(name), 0);
}

int nd__pipe_listen(nd_pipe_t *pipe, int backlog, nd_connection_cb cb) {
  /*
   * Not bound; or an IPC pipe, whose reads would take the connections for
   * received handles (libuv refuses it too).
   */
  if (nd__stream_fd((nd_stream_t *)pipe) == -1 || pipe->ipc)
    return ND_EINVAL;
  return nd__stream_listen((nd_stream_t *)pipe, backlog, cb);
}

int nd_pipe_connect2(nd_connect_t *req, nd_pipe_t *pipe, const char *name,
                     size_t namelen, unsigned int flags, nd_connect_cb cb) {
  nd_stream_t *s = (nd_stream_t *)pipe;
  struct sockaddr_un sa;
  int len, fd, r;

  if (req == NULL || pipe == NULL || nd_is_closing((nd_handle_t *)pipe))
    return ND_EINVAL;
  len = make_addr(&sa, name, namelen, flags);
  if (len < 0)
    return len;
  if (pipe->connect_req != NULL)
    return ND_EALREADY;
  if (nd__stream_fd(s) == -1) {
    fd = new_socket();
    if (fd < 0)
      return fd;
    r = nd__stream_open(s, fd, ND__STREAM_FRESH_SOCKET);
    if (r != 0) {
      close(fd);
      return r;
    }
  }
  s->stream_flags |= ND__STREAM_READABLE | ND__STREAM_WRITABLE;
  req->type = ND_CONNECT;
  req->cb = cb;
  do
    r = connect(nd__stream_fd(s), (struct sockaddr *)&sa, (socklen_t)len);
  while (r != 0 && errno == EINTR);
  /*
   * A Unix socket connects at once or not at all (EAGAIN: the listener's
   * backlog is full); either way the callback says so, as with libuv.  A
   * connection made at once is still reported when the socket polls
   * writable, as libuv does: then the server hears of the connection
   * first, in the same poll, and programs see libuv's order.
   */
  if (r == 0 || errno == EINPROGRESS)
    nd__stream_connect_started(s, req, ND__CONNECT_IN_PROGRESS);
  else
    nd__stream_connect_started(s, req, -errno);
  return 0;
}

/*
 * libuv's nd_pipe_connect returns nothing: a name it cannot use is reported
 * through the callback too, so a libuv program hears of every failure
 * where it expects to.
 */
void nd_pipe_connect(nd_connect_t *req, nd_pipe_t *pipe, const char *name,
                     nd_connect_cb cb) {
  int err;

  if (req == NULL || pipe == NULL || nd_is_closing((nd_handle_t *)pipe) ||
      pipe->connect_req != NULL)
    return; /* no request to report through, or it is taken */
  err = nd_pipe_connect2(req, pipe, name, name != NULL ? strlen(name) : 0, 0,
                         cb);
  if (err != 0) {
    req->type = ND_CONNECT;
    req->cb = cb;
    nd__stream_connect_started((nd_stream_t *)pipe, req, err);
  }
}

/*
 * The name of either end, as libuv gives it: the path without its
 * terminator (which is written after it when there is room), or an
 * abstract name with its leading NUL, exactly its length and no terminator.
 * *size is the buffer's size in, the name's length out; ND_ENOBUFS asks for
 * a buffer of *size bytes, one more than the name.
 */
static int sock_name(const nd_pipe_t *pipe, char *buffer, size_t *size,
                     int peer) {
  struct sockaddr_un sa;
  socklen_t salen = sizeof(sa);
  size_t len;
  int fd, r;

  if (pipe == NULL || size == NULL || (buffer == NULL && *size != 0))
    return ND_EINVAL;
  fd = nd__stream_fd((const nd_stream_t *)pipe);
  if (fd == -1) {
    *size = 0;
    return ND_EBADF;
  }
  memset(&sa, 0, sizeof(sa));
  r = peer ? getpeername(fd, (struct sockaddr *)&sa, &salen)
           : getsockname(fd, (struct sockaddr *)&sa, &salen);
  if (r != 0) {
    *size = 0;
    return -errno;
  }
  if (salen <= offsetof(struct sockaddr_un, sun_path))
    len = 0; /* unnamed: a client's own end */
  else if (sa.sun_path[0] == '\0')
    len = salen - offsetof(struct sockaddr_un, sun_path);
  else
    len = strnlen(sa.sun_path, sizeof(sa.sun_path));
  if (len >= *size) {
    *size = len + 1;
    return ND_ENOBUFS;
  }
  memcpy(buffer, sa.sun_path, len);
  if (len == 0 || sa.sun_path[0] != '\0')
    buffer[len] = '\0';
  *size = len;
  return 0;
}

int nd_pipe_getsockname(const nd_pipe_t *pipe, char *buffer, size_t *size) {
  return sock_name(pipe, buffer, size, 0);
}

int nd_pipe_getpeername(const nd_pipe_t *pipe, char *buffer, size_t *size) {
  return sock_name(pipe, buffer, size, 1);
}

void nd_pipe_pending_instances(nd_pipe_t *pipe, int count) {
  /* A Windows named-pipe setting in libuv: nothing to set on Unix. */
  (void)pipe;
  (void)count;
}

/*
 * Add read and write permission for everyone, as libuv's uv_pipe_chmod:
 * bits are added, never taken away.  chmod(2) of the path, since fchmod of
 * a socket does not change the file's mode.
 */
int nd_pipe_chmod(nd_pipe_t *pipe, int flags) {
  char name[sizeof(((struct sockaddr_un *)0)->sun_path) + 1];
  size_t len = sizeof(name);
  mode_t want = 0;
  struct stat st;
  int err;

  if (pipe == NULL || nd__stream_fd((nd_stream_t *)pipe) == -1)
    return ND_EBADF;
  if (flags != ND_READABLE && flags != ND_WRITABLE &&
      flags != (ND_READABLE | ND_WRITABLE))
    return ND_EINVAL;
  err = nd_pipe_getsockname(pipe, name, &len);
  if (err != 0)
    return err;
  /* An abstract name, or none, has no file to change. */
  if (len == 0 || name[0] == '\0')
    return ND_EINVAL;
  if (flags & ND_READABLE)
    want |= S_IRUSR | S_IRGRP | S_IROTH;
  if (flags & ND_WRITABLE)
    want |= S_IWUSR | S_IWGRP | S_IWOTH;
  if (stat(name, &st) != 0)
    return -errno;
  if ((st.st_mode & want) == want)
    return 0;
  if (chmod(name, (st.st_mode & 07777) | want) != 0)
    return -errno;
  return 0;
}

int nd_pipe(int fds[2], int read_flags, int write_flags) {
  int p[2];
  int err;

  if (fds == NULL)
    return ND_EINVAL;
  /* Close-on-exec always; other flag bits are ignored, as libuv does. */
  if (pipe2(p, O_CLOEXEC) != 0)
    return -errno;
  err = 0;
  if (read_flags & ND_NONBLOCK_PIPE)
    err = nd__set_nonblock(p[0], 1);
  if (err == 0 && (write_flags & ND_NONBLOCK_PIPE))
    err = nd__set_nonblock(p[1], 1);
  if (err != 0) {
    close(p[0]);
    close(p[1]);
    return err;
  }
  fds[0] = p[0];
  fds[1] = p[1];
  return 0;
}

/* --- IPC ---------------------------------------------------------------- */

/*
 * What a received descriptor is, for nd_pipe_pending_type: a socket or
 * pipe as nd_guess_handle says; anything else (a terminal, a file) is
 * nothing a pipe passes handles of.
 */
static nd_handle_type fd_handle_type(int fd) {
  nd_handle_type t = nd_guess_handle(fd);

  return t == ND_TTY || t == ND_FILE ? ND_UNKNOWN_HANDLE : t;
}

int nd_pipe_pending_count(nd_pipe_t *pipe) {
  if (pipe == NULL || !pipe->ipc)
    return 0;
  return (int)pipe->pending_len;
}

nd_handle_type nd_pipe_pending_type(nd_pipe_t *pipe) {
  if (pipe == NULL || !pipe->ipc || pipe->pending_len == 0)
    return ND_UNKNOWN_HANDLE;
  return fd_handle_type(pipe->pending_fds[pipe->pending_head]);
}

/* The queue of received descriptors is a ring that doubles when full. */
static int pending_push(nd_pipe_t *pipe, int fd) {
  unsigned int cap, i;
  int *fds;

  if (pipe->pending_len == pipe->pending_cap) {
    cap = pipe->pending_cap != 0 ? pipe->pending_cap * 2 : 4;
    fds = malloc(cap * sizeof(*fds));
    if (fds == NULL)
      return ND_ENOMEM;
    for (i = 0; i < pipe->pending_len; i++)
      fds[i] = pipe->pending_fds[(pipe->pending_head + i) % pipe->pending_cap];
    free(pipe->pending_fds);
    pipe->pending_fds = fds;
    pipe->pending_cap = cap;
    pipe->pending_head = 0;
  }
  pipe->pending_fds[(pipe->pending_head + pipe->pending_len) %
                    pipe->pending_cap] = fd;
  pipe->pending_len++;
  return 0;
}

static int pending_pop(nd_pipe_t *pipe) {
  int fd = pipe->pending_fds[pipe->pending_head];

  pipe->pending_head = (pipe->pending_head + 1) % pipe->pending_cap;
  pipe->pending_len--;
  return fd;
}

/* The descriptor of a handle that can be passed: a stream's, or UDP's. */
static int handle_fd(const nd_stream_t *h) {
  if (h->type == ND_UDP)
    return ((const nd_udp_t *)(const void *)h)->io_watcher.fd;
  return nd__stream_fd(h);
}

int nd__pipe_ipc_check_send(const nd_stream_t *s,
                            const nd_stream_t *send_handle,
                            const nd_buf_t *bufs, unsigned int nbufs) {
  unsigned int i;
  size_t n = 0;

  if (!(s->stream_flags & ND__STREAM_IPC))
    return ND_EINVAL; /* passing handles needs an IPC pipe */
  if (send_handle->type != ND_TCP && send_handle->type != ND_NAMED_PIPE &&
      send_handle->type != ND_UDP)
    return ND_EINVAL;
  if (handle_fd(send_handle) < 0)
    return ND_EBADF;
  /*
   * A stream socket carries descriptors only along with data: with no
   * bytes, the handle would silently not go.
   */
  for (i = 0; i < nbufs; i++)
    n += bufs[i].len;
  return n == 0 ? ND_EINVAL : 0;
}

ssize_t nd__pipe_ipc_send(nd_stream_t *s, const nd_buf_t *bufs,
                          unsigned int nbufs,
                          const nd_stream_t *send_handle) {
  union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } ctl;
  struct msghdr msg;
  struct cmsghdr *cmsg;
  int fd = handle_fd(send_handle);
  ssize_t r;

  if (nbufs > IOV_MAX)
    nbufs = IOV_MAX;
  memset(&msg, 0, sizeof(msg));
  memset(&ctl, 0, sizeof(ctl));
  msg.msg_iov = (struct iovec *)(void *)bufs;
  msg.msg_iovlen = nbufs;
  msg.msg_control = ctl.buf;
  msg.msg_controllen = sizeof(ctl.buf);
  cmsg = CMSG_FIRSTHDR(&msg);
  cmsg->cmsg_level = SOL_SOCKET;
  cmsg->cmsg_type = SCM_RIGHTS;
  cmsg->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(cmsg), &fd, sizeof(fd));
  do
    r = sendmsg(nd__stream_fd(s), &msg, MSG_NOSIGNAL);
  while (r < 0 && errno == EINTR);
  return r < 0 ? -errno : r;
}

/* Descriptors of one message, queued in order or, on failure, closed. */
static int take_fds(nd_pipe_t *pipe, struct msghdr *msg, int keep) {
  struct cmsghdr *cmsg;
  unsigned int i, n;
  int err = 0;
  int fd;

  for (cmsg = CMSG_FIRSTHDR(msg); cmsg != NULL;
       cmsg = CMSG_NXTHDR(msg, cmsg)) {
    if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS)
      continue;
    n = (unsigned int)((cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int));
    for (i = 0; i < n; i++) {
      memcpy(&fd, CMSG_DATA(cmsg) + i * sizeof(int), sizeof(fd));
      if (keep && err == 0)
        err = pending_push(pipe, fd);
      if (!keep || err != 0)
        close(fd);
    }
  }
  return err;
}

ssize_t nd__pipe_ipc_recv(nd_stream_t *s, void *base, size_t len) {
  nd_pipe_t *pipe = (nd_pipe_t *)s;
  union {
    char buf[CMSG_SPACE(IPC_MAX_FDS * sizeof(int))];
    struct cmsghdr align;
  } ctl;
  struct iovec iov;
  struct msghdr msg;
  ssize_t r;
  int err;

  iov.iov_base = base;
  iov.iov_len = len;
  memset(&msg, 0, sizeof(msg));
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = ctl.buf;
  msg.msg_controllen = sizeof(ctl.buf);
  /* Received descriptors must not leak into programs this one runs. */
  r = recvmsg(nd__stream_fd(s), &msg, MSG_CMSG_CLOEXEC);
  if (r < 0 || msg.msg_controllen == 0)
    return r;
  /*
   * Handles were lost (the control buffer holds the kernel's maximum, so
   * this means this process ran out of descriptors): the bytes no longer
   * match what the sender meant, so the message's handles that did arrive
   * are closed and reading ends with ND_ENOBUFS.
   */
  if (msg.msg_flags & MSG_CTRUNC) {
    take_fds(pipe, &msg, 0);
    errno = ENOBUFS;
    return -1;
  }
  err = take_fds(pipe, &msg, 1);
  if (err != 0) {
    errno = -err;
    return -1;
  }
  return r;
}

int nd__pipe_ipc_accept(nd_stream_t *server, nd_stream_t *client) {
  nd_pipe_t *pipe = (nd_pipe_t *)server;
  nd_handle_type type;
  int fd, err;

  if (pipe->pending_len == 0)
    return ND_EAGAIN;
  if (handle_fd(client) != -1)
    return ND_EBUSY;
  type = fd_handle_type(pipe->pending_fds[pipe->pending_head]);
  /*
   * The client's type must be the handle's, so a descriptor is never used
   * as what it is not (it stays queued for a client of the right type); a
   * pipe takes any stream descriptor the type of which is not known.
   */
  switch (client->type) {
  case ND_TCP:
    if (type != ND_TCP)
      return ND_EINVAL;
    fd = pending_pop(pipe);
    err = nd_tcp_open((nd_tcp_t *)client, fd);
    break;
  case ND_NAMED_PIPE:
    if (type != ND_NAMED_PIPE && type != ND_UNKNOWN_HANDLE)
      return ND_EINVAL;
    fd = pending_pop(pipe);
    err = open_fd((nd_pipe_t *)client, fd);
    break;
  case ND_UDP:
    if (type != ND_UDP)
      return ND_EINVAL;
    fd = pending_pop(pipe);
    err = nd_udp_open((nd_udp_t *)(void *)client, fd);
    if (err != 0 && ((nd_udp_t *)(void *)client)->io_watcher.fd != fd)
      close(fd);
    return err;
  default:
    return ND_EINVAL;
  }
  /*
   * The descriptor is off the queue: if the client did not keep it, it
   * must not leak (nd_tcp_open keeps it when only an option failed).
   */
  if (err != 0 && nd__stream_fd(client) != fd)
    close(fd);
  return err;
}

void nd__pipe_close(nd_pipe_t *pipe) {
  /*
   * Remove the socket's file before closing the descriptor: the other way
   * round, another process could bind the name in between and lose it.
   */
  if (pipe->bound_path != NULL) {
    unlink(pipe->bound_path);
    free(pipe->bound_path);
    pipe->bound_path = NULL;
  }
  while (pipe->pending_len > 0)
    close(pending_pop(pipe));
  free(pipe->pending_fds);
  pipe->pending_fds = NULL;
  pipe->pending_cap = 0;
  pipe->pending_head = 0;
}
