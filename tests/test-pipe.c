/*
 * test-pipe.c - pipes: Unix socket echo, abstract names, names too long,
 * errors, chmod, pipe pairs with backpressure, FIFOs, and IPC: handles
 * passed within a process and to a child process that serves on them.
 *
 * Every peer is real: sockets, pipe(2), mkfifo(3), and for IPC a child
 * this binary runs again (fork and exec, so no loop crosses the fork).
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <sys/uio.h>

#include "stream-util.h"

static char tmpdir[64];

static void make_tmpdir(void) {
  snprintf(tmpdir, sizeof(tmpdir), "/tmp/nd-pipe-XXXXXX");
  assert_non_null(mkdtemp(tmpdir));
}

static void remove_tmpdir(void) {
  assert_int_equal(test_remove_tree(tmpdir), 0);
}

/* A path in the test's directory; each call has its own buffer. */
static const char *tmp_path(const char *rel) {
  static char bufs[4][160];
  static int next;
  char *p = bufs[next++ % 4];

  snprintf(p, sizeof(bufs[0]), "%s/%s", tmpdir, rel);
  return p;
}

/* --- echo clients ------------------------------------------------------- */

struct client {
  nd_pipe_t pipe;
  nd_connect_t connect;
  nd_write_t write;
  nd_shutdown_t shutdown;
  unsigned int id;
  char *sent;
  size_t total;
  size_t received;
  int eof;
};

static int clients_finished;
static const char *client_peer; /* the name getpeername must give */
static size_t client_peer_len;

static void client_closed(nd_handle_t *h) {
  (void)h;
  clients_finished++;
}

static void client_write_cb(nd_write_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
}

static void client_shutdown_cb(nd_shutdown_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
}

static void client_read_cb(nd_stream_t *s, ssize_t nread,
                           const nd_buf_t *buf) {
  struct client *c = s->data;

  if (nread > 0) {
    assert_true(c->received + (size_t)nread <= c->total);
    if (memcmp(buf->base, c->sent + c->received, (size_t)nread) != 0)
      fail_msg("client %u: echo differs near byte %zu", c->id, c->received);
    c->received += (size_t)nread;
  }
  free(buf->base);
  if (nread == ND_EOF) {
    c->eof = 1;
    assert_int_equal(c->received, c->total);
    nd_close((nd_handle_t *)s, client_closed);
  } else if (nread < 0) {
    fail_msg("client %u: read: %s", c->id, nd_err_name((int)nread));
  }
}

static void client_connect_cb(nd_connect_t *req, int status) {
  struct client *c = req->data;
  char name[128];
  size_t len;
  nd_buf_t buf;

  assert_int_equal(status, 0);
  /* The client's own end has no name; its peer is the server's. */
  len = sizeof(name);
  ND_OK(nd_pipe_getsockname(&c->pipe, name, &len));
  assert_int_equal(len, 0);
  len = sizeof(name);
  ND_OK(nd_pipe_getpeername(&c->pipe, name, &len));
  assert_int_equal(len, client_peer_len);
  assert_memory_equal(name, client_peer, len);
  ND_OK(nd_read_start((nd_stream_t *)&c->pipe, alloc_malloc,
                      client_read_cb));
  buf.base = c->sent;
  buf.len = c->total;
  c->write.data = c;
  assert_true(nd_write(&c->write, (nd_stream_t *)&c->pipe, &buf, 1,
                       client_write_cb) >= 0);
  ND_OK(nd_shutdown(&c->shutdown, (nd_stream_t *)&c->pipe,
                    client_shutdown_cb));
}

static void client_start(nd_loop_t *loop, struct client *c, unsigned int id,
                         size_t size, const char *name, size_t namelen) {
  size_t i;

  memset(c, 0, sizeof(*c));
  c->id = id;
  c->total = size;
  c->sent = malloc(size);
  assert_non_null(c->sent);
  for (i = 0; i < size; i++)
    c->sent[i] = (char)pattern(id, i);
  ND_OK(nd_pipe_init(loop, &c->pipe, 0));
  c->pipe.data = c;
  c->connect.data = c;
  ND_OK(nd_pipe_connect2(&c->connect, &c->pipe, name, namelen, 0,
                         client_connect_cb));
}

/* Clients of sizes 1 B to 2 MiB echo through a server named `name`. */
static void run_echo(nd_loop_t *loop, const char *name, size_t namelen) {
  enum { NCLIENTS = 24 };
  struct client clients[NCLIENTS];
  nd_pipe_t server;
  watchdog_t wd;
  char got[128];
  size_t len;
  unsigned int i;

  echo_accepted = echo_closed = clients_finished = 0;
  ND_OK(nd_pipe_init(loop, &server, 0));
  ND_OK(nd_pipe_bind2(&server, name, namelen, ND_PIPE_NO_TRUNCATE));
  ND_OK(nd_listen((nd_stream_t *)&server, 128, echo_connection_cb));
  /* The server's name comes back as it was given, NUL and all. */
  len = sizeof(got);
  ND_OK(nd_pipe_getsockname(&server, got, &len));
  assert_int_equal(len, namelen);
  assert_memory_equal(got, name, namelen);
  client_peer = name;
  client_peer_len = namelen;
  watchdog_start(loop, &wd);
  for (i = 0; i < NCLIENTS; i++)
    client_start(loop, &clients[i], i, (size_t)1 << (i % 22), name, namelen);
  while ((clients_finished < NCLIENTS || echo_closed < NCLIENTS) &&
         !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  assert_int_equal(echo_accepted, NCLIENTS);
  for (i = 0; i < NCLIENTS; i++) {
    assert_true(clients[i].eof);
    assert_int_equal(clients[i].received, clients[i].total);
    free(clients[i].sent);
  }
  close_and_drain(loop);
}

static void test_echo_path(void **state) {
  int fds;
  const char *path;

  make_tmpdir();
  fds = test_count_fds();
  path = tmp_path("echo.sock");
  run_echo(*state, path, strlen(path));
  /* The socket's file went with the server. */
  assert_int_equal(access(path, F_OK), -1);
  assert_int_equal(errno, ENOENT);
  /* Less the process's reserve descriptor for accept. */
  assert_true(test_count_fds() - fds <= 1);
  remove_tmpdir();
}

static void test_echo_abstract(void **state) {
  char name[64];
  int n;

  n = snprintf(name, sizeof(name), "#nodec-test-pipe-%d", (int)getpid());
  name[0] = '\0';
  run_echo(*state, name, (size_t)n);
}

/* --- names and errors --------------------------------------------------- */

static int connect_status;
static int connect_calls;

static void record_connect_cb(nd_connect_t *req, int status) {
  (void)req;
  connect_status = status;
  connect_calls++;
}

static void ignore_connection_cb(nd_stream_t *server, int status) {
  (void)server;
  assert_int_equal(status, 0);
}

static void test_names_and_errors(void **state) {
  nd_loop_t *loop = *state;
  nd_pipe_t a, b, c, d, e, f;
  nd_connect_t req, req2;
  char longpath[200];
  char name[160];
  size_t len;
  const char *path;
  int fds;

  make_tmpdir();
  fds = test_count_fds();
  ND_OK(nd_pipe_init(loop, &a, 0));
  assert_int_equal(a.ipc, 0);
  assert_int_equal(a.type, ND_NAMED_PIPE);
  /* No socket yet. */
  len = sizeof(name);
  assert_int_equal(nd_pipe_getsockname(&a, name, &len), ND_EBADF);
  assert_int_equal(len, 0);
  assert_int_equal(nd_listen((nd_stream_t *)&a, 5, ignore_connection_cb),
                   ND_EINVAL);
  assert_int_equal(nd_pipe_chmod(&a, ND_READABLE), ND_EBADF);
  /* Bad names and flags. */
  assert_int_equal(nd_pipe_bind(&a, NULL), ND_EINVAL);
  assert_int_equal(nd_pipe_bind2(&a, "x", 0, 0), ND_EINVAL);
  assert_int_equal(nd_pipe_bind2(&a, "x", 1, 2), ND_EINVAL);
  assert_int_equal(nd_pipe_bind2(&a, "a\0b", 3, 0), ND_EINVAL);
  /* As libuv: a directory that does not exist reads as not allowed. */
  assert_int_equal(nd_pipe_bind(&a, tmp_path("none/x.sock")), ND_EACCES);

  /* Bound: its name, ND_ENOBUFS with the size it needs, a second bind. */
  path = tmp_path("a.sock");
  ND_OK(nd_pipe_bind(&a, path));
  assert_int_equal(nd_pipe_bind(&a, tmp_path("other.sock")), ND_EINVAL);
  len = strlen(path);
  assert_int_equal(nd_pipe_getsockname(&a, name, &len), ND_ENOBUFS);
  assert_int_equal(len, strlen(path) + 1);
  memset(name, 'z', sizeof(name));
  ND_OK(nd_pipe_getsockname(&a, name, &len));
  assert_int_equal(len, strlen(path));
  assert_string_equal(name, path);
  len = sizeof(name);
  assert_int_equal(nd_pipe_getpeername(&a, name, &len), ND_ENOTCONN);
  assert_int_equal(len, 0);

  /* Someone has the name: ND_EADDRINUSE from the bind itself. */
  ND_OK(nd_pipe_init(loop, &b, 0));
  assert_int_equal(nd_pipe_bind(&b, path), ND_EADDRINUSE);
  ND_OK(nd_listen((nd_stream_t *)&a, 5, ignore_connection_cb));

  /* Too long: cut to 107 bytes, or refused with ND_PIPE_NO_TRUNCATE. */
  memset(longpath, 'p', sizeof(longpath));
  memcpy(longpath, tmpdir, strlen(tmpdir));
  longpath[strlen(tmpdir)] = '/';
  longpath[150] = '\0';
  assert_int_equal(nd_pipe_bind2(&b, longpath, 150, ND_PIPE_NO_TRUNCATE),
                   ND_EINVAL);
  ND_OK(nd_pipe_init(loop, &c, 0));
  assert_int_equal(nd_pipe_connect2(&req, &c, longpath, 150,
                                    ND_PIPE_NO_TRUNCATE, record_connect_cb),
                   ND_EINVAL);
  ND_OK(nd_pipe_bind2(&b, longpath, 107, ND_PIPE_NO_TRUNCATE));
  /* The file goes at nd_close, so the name is free at once. */
  nd_close((nd_handle_t *)&b, NULL);
  ND_OK(nd_pipe_init(loop, &f, 0));
  ND_OK(nd_pipe_bind(&f, longpath));
  len = sizeof(name);
  ND_OK(nd_pipe_getsockname(&f, name, &len));
  assert_int_equal(len, 107);
  assert_memory_equal(name, longpath, 107);
  /* An abstract name may use all 108 bytes, its NUL included. */
  {
    char abs[108];

    memset(abs, 'q', sizeof(abs));
    abs[0] = '\0';
    snprintf(abs + 1, 20, "%d", (int)getpid());
    abs[strlen(abs + 1) + 1] = 'q';
    ND_OK(nd_pipe_init(loop, &d, 0));
    assert_int_equal(nd_pipe_bind2(&d, abs, 109, ND_PIPE_NO_TRUNCATE),
                     ND_EINVAL);
    ND_OK(nd_pipe_bind2(&d, abs, 108, ND_PIPE_NO_TRUNCATE));
    len = 108;
    assert_int_equal(nd_pipe_getsockname(&d, name, &len), ND_ENOBUFS);
    assert_int_equal(len, 109);
    ND_OK(nd_pipe_getsockname(&d, name, &len));
    assert_int_equal(len, 108);
    assert_memory_equal(name, abs, 108);
    /* No file to change the mode of. */
    assert_int_equal(nd_pipe_chmod(&d, ND_READABLE), ND_EINVAL);
    nd_close((nd_handle_t *)&d, NULL);
  }

  /* A missing path: the callback says ND_ENOENT, never the call. */
  connect_calls = 0;
  nd_pipe_connect(&req, &c, tmp_path("missing.sock"), record_connect_cb);
  assert_int_equal(connect_calls, 0);
  nd_run(loop, ND_RUN_NOWAIT);
  assert_int_equal(connect_calls, 1);
  assert_int_equal(connect_status, ND_ENOENT);
  /* nd_pipe_connect reports bad names through the callback too. */
  ND_OK(nd_pipe_init(loop, &e, 0));
  nd_pipe_connect(&req2, &e, "", record_connect_cb);
  assert_int_equal(connect_calls, 1);
  nd_run(loop, ND_RUN_NOWAIT);
  assert_int_equal(connect_calls, 2);
  assert_int_equal(connect_status, ND_EINVAL);

  /* Windows' settings, and no handles on a pipe that is not IPC. */
  nd_pipe_pending_instances(&a, 4);
  assert_int_equal(nd_pipe_pending_count(&a), 0);
  assert_int_equal(nd_pipe_pending_type(&a), ND_UNKNOWN_HANDLE);
  assert_int_equal(nd_pipe(NULL, 0, 0), ND_EINVAL);

  close_and_drain(loop);
  /* Both files the binds made are gone; the truncated name's too. */
  assert_int_equal(access(path, F_OK), -1);
  longpath[107] = '\0';
  assert_int_equal(access(longpath, F_OK), -1);
  assert_true(test_count_fds() - fds <= 1);
  remove_tmpdir();
}

/* IPC pipes pass handles over connections; they cannot listen. */
static void test_ipc_cannot_listen(void **state) {
  nd_loop_t *loop = *state;
  nd_pipe_t p;

  make_tmpdir();
  ND_OK(nd_pipe_init(loop, &p, 1));
  assert_int_equal(p.ipc, 1);
  ND_OK(nd_pipe_bind(&p, tmp_path("ipc.sock")));
  assert_int_equal(nd_listen((nd_stream_t *)&p, 5, ignore_connection_cb),
                   ND_EINVAL);
  close_and_drain(loop);
  remove_tmpdir();
}

static void test_chmod(void **state) {
  nd_loop_t *loop = *state;
  const char *path;
  struct stat st;
  nd_pipe_t p;

  make_tmpdir();
  path = tmp_path("mode.sock");
  ND_OK(nd_pipe_init(loop, &p, 0));
  ND_OK(nd_pipe_bind(&p, path));
  assert_int_equal(chmod(path, 0), 0);
  assert_int_equal(nd_pipe_chmod(&p, 0), ND_EINVAL);
  assert_int_equal(nd_pipe_chmod(&p, ND_DISCONNECT), ND_EINVAL);
  ND_OK(nd_pipe_chmod(&p, ND_READABLE));
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0444);
  /* Bits are added, never taken away. */
  ND_OK(nd_pipe_chmod(&p, ND_WRITABLE));
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0666);
  assert_int_equal(chmod(path, 0200), 0);
  ND_OK(nd_pipe_chmod(&p, ND_READABLE | ND_WRITABLE));
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0666);
  assert_true(S_ISSOCK(st.st_mode));
  close_and_drain(loop);
  remove_tmpdir();
}

/* --- a pipe pair with backpressure ------------------------------------- */

#define PAIR_CHUNK (48 * 1024)
#define PAIR_TOTAL ((uint64_t)16 << 20)
#define PAIR_HIGH (128 * 1024)
#define PAIR_LOW (32 * 1024)

static struct {
  nd_pipe_t reader, writer;
  nd_timer_t pause;
  char *data;
  uint64_t written, read;
  size_t max_queue;
  unsigned int writes_issued, writes_done, pressure, drains, pauses;
  int eof, mismatch, writer_closed;
} pp;

static void pp_pump(void);

static void pp_writer_closed(nd_handle_t *h);

static void pp_write_cb(nd_write_t *req, int status) {
  assert_int_equal(status, 0);
  free(req);
  pp.writes_done++;
  /* All written: closing the write end is the reader's end of file. */
  if (pp.written == PAIR_TOTAL && pp.writes_done == pp.writes_issued)
    nd_close((nd_handle_t *)&pp.writer, pp_writer_closed);
}

static void pp_writer_closed(nd_handle_t *h) {
  (void)h;
  pp.writer_closed = 1;
}

static void pp_drain_cb(nd_stream_t *s) {
  assert_true(s->write_queue_size <= PAIR_LOW);
  pp.drains++;
  pp_pump();
}

static void pp_pump(void) {
  nd_stream_t *s = (nd_stream_t *)&pp.writer;
  nd_write_t *req;
  nd_buf_t buf;
  size_t n;
  int r;

  while (pp.written < PAIR_TOTAL) {
    n = PAIR_TOTAL - pp.written < PAIR_CHUNK ? PAIR_TOTAL - pp.written
                                             : PAIR_CHUNK;
    buf.base = pp.data + pp.written;
    buf.len = n;
    req = malloc(sizeof(*req));
    assert_non_null(req);
    r = nd_write(req, s, &buf, 1, pp_write_cb);
    assert_true(r == 0 || r == ND_STREAM_PRESSURE);
    pp.writes_issued++;
    pp.written += n;
    if (s->write_queue_size > pp.max_queue)
      pp.max_queue = s->write_queue_size;
    if (r == ND_STREAM_PRESSURE) {
      pp.pressure++;
      return;
    }
  }
}

static void pp_read_cb(nd_stream_t *s, ssize_t nread, const nd_buf_t *buf);

static void pp_resume(nd_timer_t *t) {
  (void)t;
  ND_OK(nd_read_start((nd_stream_t *)&pp.reader, alloc_malloc, pp_read_cb));
}

static void pp_read_cb(nd_stream_t *s, ssize_t nread, const nd_buf_t *buf) {
  if (nread > 0) {
    assert_true(pp.read + (uint64_t)nread <= PAIR_TOTAL);
    if (memcmp(buf->base, pp.data + pp.read, (size_t)nread) != 0)
      pp.mismatch++;
    pp.read += (uint64_t)nread;
    /* A slow reader now and then, so the writer meets a full pipe. */
    if ((pp.read >> 21) != ((pp.read - (uint64_t)nread) >> 21)) {
      pp.pauses++;
      ND_OK(nd_read_stop(s));
      ND_OK(nd_timer_start(&pp.pause, pp_resume, 3, 0));
    }
  } else if (nread == ND_EOF) {
    pp.eof = 1;
  } else if (nread < 0) {
    fail_msg("pipe read: %s", nd_err_name((int)nread));
  }
  free(buf->base);
}

static void test_pipe_pair(void **state) {
  nd_loop_t *loop = *state;
  watchdog_t wd;
  nd_buf_t buf;
  int fds[2];
  uint64_t i;
  int before = test_count_fds();

  memset(&pp, 0, sizeof(pp));
  pp.data = malloc(PAIR_TOTAL);
  assert_non_null(pp.data);
  for (i = 0; i < PAIR_TOTAL; i++)
    pp.data[i] = (char)pattern(3, i);
  ND_OK(nd_pipe(fds, 0, ND_NONBLOCK_PIPE));
  assert_true(fd_has_cloexec(fds[0]) && fd_has_cloexec(fds[1]));
  assert_false(fd_is_nonblock(fds[0]));
  assert_true(fd_is_nonblock(fds[1]));
  ND_OK(nd_pipe_init(loop, &pp.reader, 0));
  ND_OK(nd_pipe_init(loop, &pp.writer, 0));
  ND_OK(nd_pipe_open(&pp.reader, fds[0]));
  ND_OK(nd_pipe_open(&pp.writer, fds[1]));
  /* Open makes it non-blocking; each end does what its mode allows. */
  assert_true(fd_is_nonblock(fds[0]));
  assert_true(nd_is_readable((nd_stream_t *)&pp.reader));
  assert_false(nd_is_writable((nd_stream_t *)&pp.reader));
  assert_false(nd_is_readable((nd_stream_t *)&pp.writer));
  assert_true(nd_is_writable((nd_stream_t *)&pp.writer));
  buf.base = "x";
  buf.len = 1;
  assert_int_equal(nd_try_write((nd_stream_t *)&pp.reader, &buf, 1),
                   ND_EPIPE);
  {
    char name[64];
    size_t len = sizeof(name);
    assert_int_equal(nd_pipe_getsockname(&pp.reader, name, &len),
                     ND_ENOTSOCK);
  }
  ND_OK(nd_stream_set_watermarks((nd_stream_t *)&pp.writer, PAIR_HIGH,
                                 PAIR_LOW));
  ND_OK(nd_stream_on_drain((nd_stream_t *)&pp.writer, pp_drain_cb));
  ND_OK(nd_timer_init(loop, &pp.pause));
  ND_OK(nd_read_start((nd_stream_t *)&pp.reader, alloc_malloc, pp_read_cb));
  watchdog_start(loop, &wd);
  pp_pump();
  while (!pp.eof && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  assert_int_equal(pp.read, PAIR_TOTAL);
  assert_int_equal(pp.mismatch, 0);
  assert_int_equal(pp.writes_done, pp.writes_issued);
  assert_true(pp.writer_closed);
  /* The bound: the high watermark plus the write that crossed it. */
  assert_true(pp.max_queue <= PAIR_HIGH + PAIR_CHUNK);
  assert_true(pp.pauses >= 4);
  assert_true(pp.pressure >= 1);
  assert_true(pp.drains >= pp.pressure);
  close_and_drain(loop);
  assert_int_equal(test_count_fds(), before);
  free(pp.data);
}

/* --- FIFOs -------------------------------------------------------------- */

static char fifo_got[64];
static size_t fifo_ngot;
static int fifo_eof;

static void fifo_read_cb(nd_stream_t *s, ssize_t nread, const nd_buf_t *buf) {
  (void)s;
  if (nread > 0) {
    assert_true(fifo_ngot + (size_t)nread <= sizeof(fifo_got));
    memcpy(fifo_got + fifo_ngot, buf->base, (size_t)nread);
    fifo_ngot += (size_t)nread;
  } else if (nread == ND_EOF) {
    fifo_eof = 1;
  }
  free(buf->base);
}

static void fifo_write_cb(nd_write_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
  nd_close((nd_handle_t *)req->handle, NULL);
}

static void test_fifo(void **state) {
  nd_loop_t *loop = *state;
  nd_pipe_t r, w, dup;
  nd_write_t req;
  nd_buf_t buf;
  watchdog_t wd;
  const char *path;
  int rfd, wfd;
  int before = test_count_fds();

  make_tmpdir();
  path = tmp_path("fifo");
  assert_int_equal(mkfifo(path, 0600), 0);
  /* The read end first, without blocking, so the write end can open. */
  rfd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  assert_true(rfd >= 0);
  wfd = open(path, O_WRONLY | O_CLOEXEC);
  assert_true(wfd >= 0);
  ND_OK(nd_pipe_init(loop, &r, 0));
  ND_OK(nd_pipe_init(loop, &w, 0));
  ND_OK(nd_pipe_open(&r, rfd));
  ND_OK(nd_pipe_open(&w, wfd));
  assert_true(nd_is_readable((nd_stream_t *)&r));
  assert_false(nd_is_writable((nd_stream_t *)&r));
  assert_false(nd_is_readable((nd_stream_t *)&w));
  assert_true(nd_is_writable((nd_stream_t *)&w));
  fifo_ngot = 0;
  fifo_eof = 0;
  ND_OK(nd_read_start((nd_stream_t *)&r, alloc_malloc, fifo_read_cb));
  /* A second handle on a descriptor already watched is refused. */
  ND_OK(nd_pipe_init(loop, &dup, 0));
  assert_int_equal(nd_pipe_open(&dup, rfd), ND_EEXIST);
  nd_close((nd_handle_t *)&dup, NULL);
  buf.base = "through the fifo";
  buf.len = 16;
  ND_OK(nd_write(&req, (nd_stream_t *)&w, &buf, 1, fifo_write_cb));
  watchdog_start(loop, &wd);
  /* The writer closes after its write: the reader gets the bytes, then
   * end of file. */
  while (!fifo_eof && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  assert_int_equal(fifo_ngot, 16);
  assert_memory_equal(fifo_got, "through the fifo", 16);
  close_and_drain(loop);
  assert_int_equal(test_count_fds(), before);
  remove_tmpdir();
}

/* --- IPC within one process -------------------------------------------- */

static struct {
  nd_pipe_t tx, rx;
  nd_write_t writes[4];
  char got[64];
  size_t ngot;
  int pending_seen[8];
  nd_handle_type types_seen[8];
  int reads;
  int write_status[4];
  int writes_done;
  int read_err;
} ipc;

static void ipc_write_cb(nd_write_t *req, int status) {
  ipc.write_status[req - ipc.writes] = status;
  /* Sent: the request no longer names the handle, as with libuv. */
  assert_null(req->send_handle);
  ipc.writes_done++;
}

static void ipc_read_cb(nd_stream_t *s, ssize_t nread, const nd_buf_t *buf) {
  nd_pipe_t *p = (nd_pipe_t *)s;

  if (nread > 0) {
    assert_true(ipc.ngot + (size_t)nread <= sizeof(ipc.got));
    memcpy(ipc.got + ipc.ngot, buf->base, (size_t)nread);
    ipc.ngot += (size_t)nread;
    if (ipc.reads < 8) {
      ipc.pending_seen[ipc.reads] = nd_pipe_pending_count(p);
      ipc.types_seen[ipc.reads] = nd_pipe_pending_type(p);
    }
    ipc.reads++;
  } else if (nread < 0) {
    ipc.read_err = (int)nread;
  }
  free(buf->base);
}

/* A connected pair of raw sockets: one end to pass, one to check it by. */
static void raw_pair(int sv[2]) {
  assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv),
                   0);
}

static struct sockaddr_in loopback(int port) {
  struct sockaddr_in addr;

  assert_int_equal(nd_ip4_addr("127.0.0.1", port, &addr), 0);
  return addr;
}

static void test_ipc_local(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in addr;
  nd_tcp_t listener, tcp, got_tcp;
  nd_pipe_t side, got_pipe, wrong;
  watchdog_t wd;
  nd_buf_t buf;
  socklen_t alen = sizeof(addr);
  int sv[2], peer[2], lfd, cfd, before;

  before = test_count_fds();
  memset(&ipc, 0, sizeof(ipc));
  raw_pair(sv);
  ND_OK(nd_pipe_init(loop, &ipc.tx, 1));
  ND_OK(nd_pipe_init(loop, &ipc.rx, 1));
  ND_OK(nd_pipe_open(&ipc.tx, sv[0]));
  ND_OK(nd_pipe_open(&ipc.rx, sv[1]));

  /* A TCP connection to pass: the client end stays here, raw. */
  lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  addr = loopback(0);
  assert_int_equal(bind(lfd, (struct sockaddr *)&addr, sizeof(addr)), 0);
  assert_int_equal(listen(lfd, 4), 0);
  assert_int_equal(getsockname(lfd, (struct sockaddr *)&addr, &alen), 0);
  cfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  assert_int_equal(connect(cfd, (struct sockaddr *)&addr, sizeof(addr)), 0);
  ND_OK(nd_tcp_init(loop, &tcp));
  ND_OK(nd_tcp_open(&tcp, accept4(lfd, NULL, NULL, SOCK_CLOEXEC)));
  close(lfd);
  /* A Unix socket to pass, with its peer kept here. */
  raw_pair(peer);
  ND_OK(nd_pipe_init(loop, &side, 0));
  ND_OK(nd_pipe_open(&side, peer[1]));

  /* What cannot be sent. */
  buf.base = "T";
  buf.len = 1;
  ND_OK(nd_tcp_init(loop, &listener));
  assert_int_equal(nd_write2(&ipc.writes[0], (nd_stream_t *)&side, &buf, 1,
                             (nd_stream_t *)&tcp, ipc_write_cb), ND_EINVAL);
  assert_int_equal(nd_try_write2((nd_stream_t *)&side, &buf, 1,
                                 (nd_stream_t *)&tcp), ND_EINVAL);
  assert_int_equal(nd_write2(&ipc.writes[0], (nd_stream_t *)&ipc.tx, &buf, 1,
                             (nd_stream_t *)&listener, ipc_write_cb),
                   ND_EBADF);
  buf.len = 0;
  assert_int_equal(nd_write2(&ipc.writes[0], (nd_stream_t *)&ipc.tx, &buf, 1,
                             (nd_stream_t *)&tcp, ipc_write_cb), ND_EINVAL);
  buf.len = 1;

  /* Two handles, each with its byte; then plain bytes. */
  ND_OK(nd_write2(&ipc.writes[0], (nd_stream_t *)&ipc.tx, &buf, 1,
                  (nd_stream_t *)&tcp, ipc_write_cb));
  /* Nothing queued (the kernel took the first): try_write2 sends too. */
  assert_int_equal(ipc.tx.write_queue_size, 0);
  buf.base = "P";
  assert_int_equal(nd_try_write2((nd_stream_t *)&ipc.tx, &buf, 1,
                                 (nd_stream_t *)&side), 1);
  buf.base = "plain";
  buf.len = 5;
  ND_OK(nd_write(&ipc.writes[1], (nd_stream_t *)&ipc.tx, &buf, 1,
                 ipc_write_cb));
  watchdog_start(loop, &wd);
  while (ipc.writes_done < 2 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(ipc.write_status[0], 0);
  assert_int_equal(ipc.write_status[1], 0);
  /* Sent: our copies can go. */
  nd_close((nd_handle_t *)&tcp, NULL);
  nd_close((nd_handle_t *)&side, NULL);

  assert_int_equal(nd_pipe_pending_count(&ipc.rx), 0);
  ND_OK(nd_read_start((nd_stream_t *)&ipc.rx, alloc_malloc, ipc_read_cb));
  while (ipc.ngot < 7 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  assert_memory_equal(ipc.got, "TPplain", 7);
  /* The first read brought the TCP handle, with its byte. */
  assert_true(ipc.pending_seen[0] >= 1);
  assert_int_equal(ipc.types_seen[0], ND_TCP);
  assert_int_equal(nd_pipe_pending_count(&ipc.rx), 2);
  assert_int_equal(nd_pipe_pending_type(&ipc.rx), ND_TCP);
  ND_OK(nd_read_stop((nd_stream_t *)&ipc.rx));

  /* The wrong type of handle is refused and the descriptor stays. */
  ND_OK(nd_pipe_init(loop, &wrong, 0));
  assert_int_equal(nd_accept((nd_stream_t *)&ipc.rx, (nd_stream_t *)&wrong),
                   ND_EINVAL);
  assert_int_equal(nd_pipe_pending_count(&ipc.rx), 2);
  ND_OK(nd_tcp_init(loop, &got_tcp));
  ND_OK(nd_accept((nd_stream_t *)&ipc.rx, (nd_stream_t *)&got_tcp));
  assert_true(fd_has_cloexec(got_tcp.io_watcher.fd));
  assert_true(fd_is_nonblock(got_tcp.io_watcher.fd));
  assert_int_equal(nd_pipe_pending_count(&ipc.rx), 1);
  assert_int_equal(nd_pipe_pending_type(&ipc.rx), ND_NAMED_PIPE);
  ND_OK(nd_pipe_init(loop, &got_pipe, 0));
  ND_OK(nd_accept((nd_stream_t *)&ipc.rx, (nd_stream_t *)&got_pipe));
  assert_true(fd_has_cloexec(got_pipe.io_watcher.fd));
  assert_true(nd_is_readable((nd_stream_t *)&got_pipe) &&
              nd_is_writable((nd_stream_t *)&got_pipe));
  assert_int_equal(nd_pipe_pending_count(&ipc.rx), 0);
  assert_int_equal(nd_pipe_pending_type(&ipc.rx), ND_UNKNOWN_HANDLE);
  assert_int_equal(nd_accept((nd_stream_t *)&ipc.rx, (nd_stream_t *)&wrong),
                   ND_EAGAIN);

  /* The handles received are the connections that were sent. */
  buf.base = "via tcp";
  buf.len = 7;
  assert_int_equal(nd_try_write((nd_stream_t *)&got_tcp, &buf, 1), 7);
  assert_int_equal(recv(cfd, ipc.got, sizeof(ipc.got), 0), 7);
  assert_memory_equal(ipc.got, "via tcp", 7);
  buf.base = "via unix";
  buf.len = 8;
  assert_int_equal(nd_try_write((nd_stream_t *)&got_pipe, &buf, 1), 8);
  assert_int_equal(recv(peer[0], ipc.got, sizeof(ipc.got), 0), 8);
  assert_memory_equal(ipc.got, "via unix", 8);
  close(cfd);
  close(peer[0]);
  close_and_drain(loop);
  assert_int_equal(test_count_fds(), before);
}

static int udp_got;
static char udp_data[16];

static void udp_alloc(nd_handle_t *h, size_t size, nd_buf_t *buf) {
  (void)h;
  (void)size;
  buf->base = udp_data;
  buf->len = sizeof(udp_data);
}

static void udp_recv_cb(nd_udp_t *u, ssize_t n, const nd_buf_t *buf,
                        const struct sockaddr *addr, unsigned int flags) {
  (void)u;
  (void)buf;
  (void)flags;
  if (n > 0 && addr != NULL)
    udp_got = (int)n;
}

/* A bound UDP socket passed over IPC keeps its address and its datagrams. */
static void test_ipc_udp(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in addr;
  nd_udp_t udp, got_udp;
  nd_tcp_t wrong;
  watchdog_t wd;
  nd_buf_t buf = {"U", 1};
  int namelen = sizeof(addr);
  int sv[2], raw, before = test_count_fds();

  memset(&ipc, 0, sizeof(ipc));
  udp_got = 0;
  raw_pair(sv);
  ND_OK(nd_pipe_init(loop, &ipc.tx, 1));
  ND_OK(nd_pipe_init(loop, &ipc.rx, 1));
  ND_OK(nd_pipe_open(&ipc.tx, sv[0]));
  ND_OK(nd_pipe_open(&ipc.rx, sv[1]));
  ND_OK(nd_udp_init(loop, &udp));
  addr = loopback(0);
  ND_OK(nd_udp_bind(&udp, (struct sockaddr *)&addr, 0));
  ND_OK(nd_udp_getsockname(&udp, (struct sockaddr *)&addr, &namelen));
  ND_OK(nd_write2(&ipc.writes[0], (nd_stream_t *)&ipc.tx, &buf, 1,
                  (nd_stream_t *)(void *)&udp, ipc_write_cb));
  watchdog_start(loop, &wd);
  while (ipc.writes_done < 1 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(ipc.write_status[0], 0);
  nd_close((nd_handle_t *)&udp, NULL);
  ND_OK(nd_read_start((nd_stream_t *)&ipc.rx, alloc_malloc, ipc_read_cb));
  while (ipc.ngot < 1 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(nd_pipe_pending_count(&ipc.rx), 1);
  assert_int_equal(nd_pipe_pending_type(&ipc.rx), ND_UDP);
  /* A stream client is refused; the descriptor waits for a UDP one. */
  ND_OK(nd_tcp_init(loop, &wrong));
  assert_int_equal(nd_accept((nd_stream_t *)&ipc.rx, (nd_stream_t *)&wrong),
                   ND_EINVAL);
  ND_OK(nd_udp_init(loop, &got_udp));
  ND_OK(nd_accept((nd_stream_t *)&ipc.rx, (nd_stream_t *)(void *)&got_udp));
  assert_int_equal(nd_pipe_pending_count(&ipc.rx), 0);
  ND_OK(nd_udp_recv_start(&got_udp, udp_alloc, udp_recv_cb));
  /* A datagram to the address the sent socket was bound to arrives. */
  raw = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  assert_int_equal(sendto(raw, "datagram", 8, 0, (struct sockaddr *)&addr,
                          sizeof(addr)), 8);
  while (udp_got == 0 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  assert_int_equal(udp_got, 8);
  assert_memory_equal(udp_data, "datagram", 8);
  close(raw);
  close_and_drain(loop);
  assert_int_equal(test_count_fds(), before);
}

/*
 * Several descriptors in one message (another program may send them so):
 * all are queued, in order; those not accepted close with the pipe.
 */
static void send_fds(int sock, const int *fds, int n, const char *byte) {
  union {
    char buf[CMSG_SPACE(8 * sizeof(int))];
    struct cmsghdr align;
  } ctl;
  struct iovec iov = {(void *)byte, 1};
  struct msghdr msg;
  struct cmsghdr *cmsg;

  memset(&msg, 0, sizeof(msg));
  memset(&ctl, 0, sizeof(ctl));
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = ctl.buf;
  msg.msg_controllen = CMSG_SPACE((size_t)n * sizeof(int));
  cmsg = CMSG_FIRSTHDR(&msg);
  cmsg->cmsg_level = SOL_SOCKET;
  cmsg->cmsg_type = SCM_RIGHTS;
  cmsg->cmsg_len = CMSG_LEN((size_t)n * sizeof(int));
  memcpy(CMSG_DATA(cmsg), fds, (size_t)n * sizeof(int));
  assert_int_equal(sendmsg(sock, &msg, 0), 1);
}

static void test_ipc_many_fds(void **state) {
  nd_loop_t *loop = *state;
  nd_pipe_t got;
  watchdog_t wd;
  int sv[2], a[2], b[2], fifo[2], before, sent[3];

  before = test_count_fds();
  memset(&ipc, 0, sizeof(ipc));
  raw_pair(sv);
  raw_pair(a);
  raw_pair(b);
  assert_int_equal(pipe2(fifo, O_CLOEXEC), 0);
  sent[0] = fifo[1];
  sent[1] = a[0];
  sent[2] = b[0];
  send_fds(sv[0], sent, 3, "M");
  close(a[0]);
  close(fifo[1]);
  close(b[0]);
  ND_OK(nd_pipe_init(loop, &ipc.rx, 1));
  ND_OK(nd_pipe_open(&ipc.rx, sv[1]));
  ND_OK(nd_read_start((nd_stream_t *)&ipc.rx, alloc_malloc, ipc_read_cb));
  watchdog_start(loop, &wd);
  while (ipc.ngot < 1 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  assert_int_equal(ipc.pending_seen[0], 3);
  assert_int_equal(nd_pipe_pending_type(&ipc.rx), ND_NAMED_PIPE);
  /* The pipe's write end: a pipe handle takes it, writable only. */
  ND_OK(nd_pipe_init(loop, &got, 0));
  ND_OK(nd_accept((nd_stream_t *)&ipc.rx, (nd_stream_t *)&got));
  assert_false(nd_is_readable((nd_stream_t *)&got));
  assert_true(nd_is_writable((nd_stream_t *)&got));
  assert_int_equal(nd_pipe_pending_type(&ipc.rx), ND_NAMED_PIPE);
  assert_int_equal(nd_pipe_pending_count(&ipc.rx), 2);
  /* The two left close with the IPC pipe: their peers see the end. */
  nd_close((nd_handle_t *)&ipc.rx, NULL);
  nd_close((nd_handle_t *)&got, NULL);
  close_and_drain(loop);
  {
    char ch;
    assert_int_equal(recv(a[1], &ch, 1, MSG_DONTWAIT), 0);
    assert_int_equal(recv(b[1], &ch, 1, MSG_DONTWAIT), 0);
    assert_int_equal(read(fifo[0], &ch, 1), 0);
  }
  close(a[1]);
  close(b[1]);
  close(fifo[0]);
  close(sv[0]);
  assert_int_equal(test_count_fds(), before);
}

/*
 * A message whose descriptors do not all fit in this process (out of
 * descriptors, so the kernel truncates the control data): reading ends
 * with ND_ENOBUFS and nothing of that message stays open.
 */
static void test_ipc_truncated(void **state) {
  nd_loop_t *loop = *state;
  struct rlimit old, rl;
  watchdog_t wd;
  int sv[2], a[2], b[2], c[2], sent[3], before, probe;

  memset(&ipc, 0, sizeof(ipc));
  raw_pair(sv);
  raw_pair(a);
  raw_pair(b);
  raw_pair(c);
  sent[0] = a[0];
  sent[1] = b[0];
  sent[2] = c[0];
  send_fds(sv[0], sent, 3, "X");
  close(a[0]);
  close(b[0]);
  close(c[0]);
  ND_OK(nd_pipe_init(loop, &ipc.rx, 1));
  ND_OK(nd_pipe_open(&ipc.rx, sv[1]));
  watchdog_start(loop, &wd);
  /* Let the loop settle its own descriptors before the limit. */
  nd_run(loop, ND_RUN_NOWAIT);
  before = test_count_fds();
  /* Room for one descriptor more, and the reading of /proc. */
  probe = dup(0);
  assert_true(probe >= 0);
  close(probe);
  assert_int_equal(getrlimit(RLIMIT_NOFILE, &old), 0);
  rl = old;
  rl.rlim_cur = (rlim_t)probe + 2;
  assert_int_equal(setrlimit(RLIMIT_NOFILE, &rl), 0);
  ND_OK(nd_read_start((nd_stream_t *)&ipc.rx, alloc_malloc, ipc_read_cb));
  while (ipc.read_err == 0 && ipc.ngot == 0 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(setrlimit(RLIMIT_NOFILE, &old), 0);
  assert_false(wd.expired);
  assert_int_equal(ipc.read_err, ND_ENOBUFS);
  assert_int_equal(ipc.ngot, 0);
  assert_int_equal(nd_pipe_pending_count(&ipc.rx), 0);
  assert_int_equal(test_count_fds(), before);
  {
    char ch;
    assert_int_equal(recv(a[1], &ch, 1, MSG_DONTWAIT), 0);
    assert_int_equal(recv(b[1], &ch, 1, MSG_DONTWAIT), 0);
    assert_int_equal(recv(c[1], &ch, 1, MSG_DONTWAIT), 0);
  }
  close(a[1]);
  close(b[1]);
  close(c[1]);
  close(sv[0]);
  close_and_drain(loop);
}

/* --- IPC to a child process -------------------------------------------- */

/*
 * The child: this binary run again with --ipc-child <fd>.  It reads
 * handles from the IPC pipe on <fd>, and on each one (a TCP connection,
 * then a Unix socket) reads a request and answers "reply:" and the
 * request, then ends that connection.  Exit 0 when both were served.
 */
#define CHILD_CHECK(expr)                                                    \
  do {                                                                       \
    if (!(expr)) {                                                           \
      fprintf(stderr, "ipc child: %s:%d: %s\n", __FILE__, __LINE__, #expr);  \
      _exit(2);                                                              \
    }                                                                        \
  } while (0)

struct served {
  union {
    nd_tcp_t tcp;
    nd_pipe_t pipe;
  } h;
  nd_write_t write;
  nd_shutdown_t shutdown;
  char req[64];
  char reply[80];
  size_t nreq;
};

static struct {
  nd_pipe_t ipc;
  struct served conns[2];
  int accepted;
  int closed;
  nd_handle_type types[2];
} child;

static void child_closed(nd_handle_t *h) {
  (void)h;
  if (++child.closed == 2)
    nd_close((nd_handle_t *)&child.ipc, NULL);
}

static void child_shutdown_cb(nd_shutdown_t *req, int status) {
  CHILD_CHECK(status == 0);
  nd_close((nd_handle_t *)req->handle, child_closed);
}

static void child_write_cb(nd_write_t *req, int status) {
  (void)req;
  CHILD_CHECK(status == 0);
}

static void child_conn_read(nd_stream_t *s, ssize_t nread,
                            const nd_buf_t *buf) {
  struct served *c = s->data;
  nd_buf_t out;

  if (nread > 0) {
    CHILD_CHECK(c->nreq + (size_t)nread <= sizeof(c->req));
    memcpy(c->req + c->nreq, buf->base, (size_t)nread);
    c->nreq += (size_t)nread;
  }
  free(buf->base);
  if (nread == ND_EOF) {
    memcpy(c->reply, "reply:", 6);
    memcpy(c->reply + 6, c->req, c->nreq);
    out.base = c->reply;
    out.len = 6 + c->nreq;
    CHILD_CHECK(nd_write(&c->write, s, &out, 1, child_write_cb) >= 0);
    CHILD_CHECK(nd_shutdown(&c->shutdown, s, child_shutdown_cb) == 0);
  } else if (nread < 0) {
    CHILD_CHECK(!"read error");
  }
}

static void child_ipc_read(nd_stream_t *s, ssize_t nread,
                           const nd_buf_t *buf) {
  struct served *c;
  nd_handle_type type;
  int fd;

  free(buf->base);
  if (nread < 0) {
    /* The parent is done; so are we, once both were served. */
    CHILD_CHECK(nread == ND_EOF);
    CHILD_CHECK(child.accepted == 2);
    return;
  }
  while (nd_pipe_pending_count(&child.ipc) > 0) {
    CHILD_CHECK(child.accepted < 2);
    c = &child.conns[child.accepted];
    type = nd_pipe_pending_type(&child.ipc);
    child.types[child.accepted++] = type;
    if (type == ND_TCP)
      CHILD_CHECK(nd_tcp_init(s->loop, &c->h.tcp) == 0);
    else
      CHILD_CHECK(nd_pipe_init(s->loop, &c->h.pipe, 0) == 0);
    c->h.tcp.data = c;
    CHILD_CHECK(nd_accept(s, (nd_stream_t *)&c->h) == 0);
    fd = c->h.tcp.io_watcher.fd;
    /* Received descriptors are close-on-exec and non-blocking. */
    CHILD_CHECK(fd_has_cloexec(fd));
    CHILD_CHECK(fd_is_nonblock(fd));
    CHILD_CHECK(nd_read_start((nd_stream_t *)&c->h, alloc_malloc,
                              child_conn_read) == 0);
  }
}

static int ipc_child(int fd) {
  nd_loop_t loop;

  CHILD_CHECK(nd_loop_init(&loop) == 0);
  CHILD_CHECK(nd_pipe_init(&loop, &child.ipc, 1) == 0);
  CHILD_CHECK(nd_pipe_open(&child.ipc, fd) == 0);
  CHILD_CHECK(nd_read_start((nd_stream_t *)&child.ipc, alloc_malloc,
                            child_ipc_read) == 0);
  CHILD_CHECK(nd_run(&loop, ND_RUN_DEFAULT) == 0);
  CHILD_CHECK(child.accepted == 2 && child.closed == 2);
  CHILD_CHECK(child.types[0] == ND_TCP);
  CHILD_CHECK(child.types[1] == ND_NAMED_PIPE);
  CHILD_CHECK(nd_loop_close(&loop) == 0);
  return 0;
}

/* The parent: the clients, and the handles it gives away. */
struct remote_client {
  nd_write_t write;
  nd_shutdown_t shutdown;
  char got[96];
  size_t ngot;
  const char *request;
  int done;
};

static struct {
  nd_pipe_t ipc;
  nd_tcp_t server, conn, tcp_client;
  nd_pipe_t pipe_client, pipe_given;
  nd_connect_t connect;
  nd_write_t pass[2];
  struct remote_client rc[2];
  int passed;
} par;

static void par_pass_cb(nd_write_t *req, int status) {
  assert_int_equal(status, 0);
  /* The child has it now: our copy goes. */
  nd_close((nd_handle_t *)req->data, NULL);
  par.passed++;
}

static void par_client_read(nd_stream_t *s, ssize_t nread,
                            const nd_buf_t *buf) {
  struct remote_client *rc = s->data;

  if (nread > 0) {
    assert_true(rc->ngot + (size_t)nread <= sizeof(rc->got));
    memcpy(rc->got + rc->ngot, buf->base, (size_t)nread);
    rc->ngot += (size_t)nread;
  }
  free(buf->base);
  if (nread == ND_EOF)
    rc->done = 1;
  else if (nread < 0)
    fail_msg("client read: %s", nd_err_name((int)nread));
}

static void par_client_write_cb(nd_write_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
}

static void par_client_shutdown_cb(nd_shutdown_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
}

/* A client sends its request and ends its side; the reply ends with EOF. */
static void par_client_go(nd_stream_t *s, struct remote_client *rc) {
  nd_buf_t buf;

  s->data = rc;
  buf.base = (char *)rc->request;
  buf.len = strlen(rc->request);
  ND_OK(nd_write(&rc->write, s, &buf, 1, par_client_write_cb));
  ND_OK(nd_shutdown(&rc->shutdown, s, par_client_shutdown_cb));
  ND_OK(nd_read_start(s, alloc_malloc, par_client_read));
}

static void par_connect_cb(nd_connect_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
  par_client_go((nd_stream_t *)&par.tcp_client, &par.rc[0]);
}

static void par_connection_cb(nd_stream_t *server, int status) {
  nd_buf_t buf;

  assert_int_equal(status, 0);
  ND_OK(nd_tcp_init(server->loop, &par.conn));
  ND_OK(nd_accept(server, (nd_stream_t *)&par.conn));
  nd_close((nd_handle_t *)server, NULL);
  /* Served by the child, not here. */
  buf.base = "T";
  buf.len = 1;
  par.pass[0].data = &par.conn;
  ND_OK(nd_write2(&par.pass[0], (nd_stream_t *)&par.ipc, &buf, 1,
                  (nd_stream_t *)&par.conn, par_pass_cb));
}

static char *self_exe;

static void test_ipc_child(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in addr;
  watchdog_t wd;
  nd_buf_t buf;
  char fdarg[16];
  int sv[2], pv[2], before, wstatus, len = sizeof(addr);
  pid_t pid;

  before = test_count_fds();
  memset(&par, 0, sizeof(par));
  raw_pair(sv);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    /* Only the child's end crosses the exec. */
    fcntl(sv[1], F_SETFD, 0);
    snprintf(fdarg, sizeof(fdarg), "%d", sv[1]);
    execl(self_exe, self_exe, "--ipc-child", fdarg, (char *)NULL);
    _exit(127);
  }
  close(sv[1]);
  ND_OK(nd_pipe_init(loop, &par.ipc, 1));
  ND_OK(nd_pipe_open(&par.ipc, sv[0]));

  /* A TCP connection, accepted here and passed on. */
  par.rc[0].request = "GET over tcp";
  par.rc[1].request = "GET over a unix socket";
  ND_OK(nd_tcp_init(loop, &par.server));
  addr = loopback(0);
  ND_OK(nd_tcp_bind(&par.server, (struct sockaddr *)&addr, 0));
  ND_OK(nd_listen((nd_stream_t *)&par.server, 4, par_connection_cb));
  ND_OK(nd_tcp_getsockname(&par.server, (struct sockaddr *)&addr, &len));
  ND_OK(nd_tcp_init(loop, &par.tcp_client));
  ND_OK(nd_tcp_connect(&par.connect, &par.tcp_client,
                       (struct sockaddr *)&addr, par_connect_cb));

  /* A Unix socket: one end passed on, the other a client here. */
  raw_pair(pv);
  ND_OK(nd_pipe_init(loop, &par.pipe_client, 0));
  ND_OK(nd_pipe_open(&par.pipe_client, pv[0]));
  ND_OK(nd_pipe_init(loop, &par.pipe_given, 0));
  ND_OK(nd_pipe_open(&par.pipe_given, pv[1]));
  buf.base = "P";
  buf.len = 1;
  watchdog_start(loop, &wd);
  /* The TCP handle goes first, so the child sees them in a known order. */
  while (par.passed < 1 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  par.pass[1].data = &par.pipe_given;
  ND_OK(nd_write2(&par.pass[1], (nd_stream_t *)&par.ipc, &buf, 1,
                  (nd_stream_t *)&par.pipe_given, par_pass_cb));
  par_client_go((nd_stream_t *)&par.pipe_client, &par.rc[1]);

  while (!(par.rc[0].done && par.rc[1].done && par.passed == 2) &&
         !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  assert_int_equal(par.rc[0].ngot, 18);
  assert_memory_equal(par.rc[0].got, "reply:GET over tcp", 18);
  assert_int_equal(par.rc[1].ngot, 28);
  assert_memory_equal(par.rc[1].got, "reply:GET over a unix socket", 28);
  /* Closing the IPC pipe ends the child's loop. */
  close_and_drain(loop);
  assert_int_equal(waitpid(pid, &wstatus, 0), pid);
  assert_true(WIFEXITED(wstatus));
  assert_int_equal(WEXITSTATUS(wstatus), 0);
  /* Less the reserve descriptor the listener takes once per process. */
  assert_true(test_count_fds() - before <= 1);
}

static int epipe_status = 1;

static void epipe_write_cb(nd_write_t *req, int status) {
  (void)req;
  epipe_status = status;
}

/*
 * A pipe whose reader is gone: the write fails with ND_EPIPE and the
 * process lives (SIGPIPE is left at its default, which would kill it),
 * where the kernel has RWF_NOSIGNAL.
 */
static void test_pipe_epipe_no_signal(void **state) {
  nd_loop_t *loop = *state;
  nd_pipe_t writer;
  nd_write_t req;
  nd_buf_t buf = {"x", 1};
  int fds[2];

  ND_OK(nd_pipe(fds, 0, 0));
  close(fds[0]);
  ND_OK(nd_pipe_init(loop, &writer, 0));
  ND_OK(nd_pipe_open(&writer, fds[1]));
  errno = 0;
  if (pwritev2(fds[1], &(struct iovec){"", 0}, 1, -1, 0x100) < 0 &&
      errno == EOPNOTSUPP) {
    /* Before Linux 6.14 the signal cannot be avoided per write. */
    nd_close((nd_handle_t *)&writer, NULL);
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    skip();
  }
  assert_int_equal(nd_write(&req, (nd_stream_t *)&writer, &buf, 1,
                            epipe_write_cb), 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(epipe_status, ND_EPIPE);
  assert_int_equal(nd_try_write((nd_stream_t *)&writer, &buf, 1), ND_EPIPE);
  nd_close((nd_handle_t *)&writer, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
}

int main(int argc, char **argv) {
  const struct CMUnitTest tests[] = {
      LOOP_TEST(test_echo_path),
      LOOP_TEST(test_echo_abstract),
      LOOP_TEST(test_names_and_errors),
      LOOP_TEST(test_ipc_cannot_listen),
      LOOP_TEST(test_chmod),
      LOOP_TEST(test_pipe_pair),
      LOOP_TEST(test_fifo),
      LOOP_TEST(test_ipc_local),
      LOOP_TEST(test_ipc_many_fds),
      LOOP_TEST(test_ipc_truncated),
      LOOP_TEST(test_ipc_child),
      LOOP_TEST(test_ipc_udp),
      LOOP_TEST(test_pipe_epipe_no_signal),
  };

  signal(SIGPIPE, SIG_DFL); /* a write that raised it would kill the test */
  if (argc == 3 && strcmp(argv[1], "--ipc-child") == 0)
    return ipc_child(atoi(argv[2]));
  self_exe = realpath("/proc/self/exe", NULL);
  if (self_exe == NULL)
    return 1;
  return cmocka_run_group_tests(tests, NULL, NULL);
}
