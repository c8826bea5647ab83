/*
 * test-poll.c - poll handles on real descriptors: pipes, socketpairs and
 * TCP on 127.0.0.1.  Readiness, level triggering, hang-up and error states,
 * urgent data, stop and mask changes from callbacks, argument errors,
 * events for a descriptor closed and reused in the same iteration, a
 * thousand descriptors at once, and embedding through nd_backend_fd.
 *
 * Callbacks only record what happened; a test closes its handles before it
 * asserts, so a failure does not leave a loop watching descriptors that
 * the next test reuses.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "test-util.h"

static void close_fd(int *fd) {
  if (*fd >= 0)
    close(*fd);
  *fd = -1;
}

static void set_nonblock(int fd) {
  int flags = fcntl(fd, F_GETFL);

  assert_int_equal(fcntl(fd, F_SETFL, flags | O_NONBLOCK), 0);
}

/*
 * A log of poll callbacks.  Each test sets `action` to what a callback
 * does beyond recording: read what is there, stop, and so on.
 */
enum {
  ACT_NONE = 0,
  ACT_READ = 1 << 0,  /* read what is readable into the log entry */
  ACT_STOP = 1 << 1,  /* nd_poll_stop the handle */
  ACT_OOB = 1 << 2    /* recv one byte of urgent data */
};

struct poll_call {
  nd_poll_t *handle;
  int status;
  int events;
  ssize_t nread;      /* what read() returned, with ACT_READ or ACT_OOB */
  int read_errno;
  char data[16];
  int active;         /* nd_is_active() inside the callback */
};

static struct {
  struct poll_call call[64];
  int n;
  int action;
} plog;

static volatile int plog_flag;

static void plog_reset(int action) {
  memset(&plog, 0, sizeof(plog));
  plog.action = action;
  plog_flag = 0;
}

static int plog_count(nd_poll_t *h) {
  int i, n = 0;

  for (i = 0; i < plog.n && i < 64; i++)
    n += plog.call[i].handle == h;
  return n;
}

static struct poll_call *plog_last(nd_poll_t *h) {
  int i;

  for (i = (plog.n < 64 ? plog.n : 64) - 1; i >= 0; i--)
    if (plog.call[i].handle == h)
      return &plog.call[i];
  return NULL;
}

static void plog_cb(nd_poll_t *h, int status, int events) {
  struct poll_call *c = plog.n < 64 ? &plog.call[plog.n] : NULL;
  struct poll_call scratch;
  int fd = *(int *)h->data;

  if (c == NULL)
    c = &scratch;
  memset(c, 0, sizeof(*c));
  c->handle = h;
  c->status = status;
  c->events = events;
  if (plog.action & ACT_READ) {
    c->nread = read(fd, c->data, sizeof(c->data));
    c->read_errno = c->nread < 0 ? errno : 0;
  }
  if (plog.action & ACT_OOB) {
    c->nread = recv(fd, c->data, 1, MSG_OOB);
    c->read_errno = c->nread < 0 ? errno : 0;
  }
  if (plog.action & ACT_STOP)
    nd_poll_stop(h);
  c->active = nd_is_active((nd_handle_t *)h);
  plog.n++;
  plog_flag = 1;
}

/* A readable pipe: the callback gets ND_READABLE and reads the bytes sent. */
static void test_pipe_readable_exact_bytes(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  static watchdog_t wd;
  int p[2];
  struct poll_call c;
  int calls;

  assert_int_equal(pipe(p), 0);
  plog_reset(ACT_READ | ACT_STOP);
  watchdog_start(loop, &wd);
  ND_OK(nd_poll_init(loop, &h, p[0]));
  h.data = &p[0];
  assert_int_equal(nd_handle_get_type((nd_handle_t *)&h), ND_POLL);
  assert_false(nd_is_active((nd_handle_t *)&h));
  ND_OK(nd_poll_start(&h, ND_READABLE, plog_cb));
  assert_true(nd_is_active((nd_handle_t *)&h));

  /* Nothing to read yet: no callback. */
  nd_run(loop, ND_RUN_NOWAIT);
  calls = plog.n;
  assert_int_equal(write(p[1], "hello", 5), 5);
  run_until(loop, &wd, &plog_flag);
  c = plog.call[0];

  close_and_drain(loop);
  close_fd(&p[0]);
  close_fd(&p[1]);

  assert_false(wd.expired);
  assert_int_equal(calls, 0);
  assert_int_equal(plog.n, 1);
  assert_ptr_equal(c.handle, &h);
  assert_int_equal(c.status, 0);
  assert_int_equal(c.events, ND_READABLE);
  assert_int_equal(c.nread, 5);
  assert_memory_equal(c.data, "hello", 5);
}

/*
 * Level-triggered: while data is left unread the callback runs in every
 * iteration; once it is read, the callbacks stop.
 */
static void test_level_triggered(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  int p[2];
  int i, calls_unread[3], calls_after_read, all_readable = 1;
  char c;

  assert_int_equal(pipe(p), 0);
  plog_reset(ACT_NONE);
  ND_OK(nd_poll_init(loop, &h, p[0]));
  h.data = &p[0];
  ND_OK(nd_poll_start(&h, ND_READABLE, plog_cb));
  assert_int_equal(write(p[1], "x", 1), 1);

  for (i = 0; i < 3; i++) {
    nd_run(loop, ND_RUN_NOWAIT);
    calls_unread[i] = plog.n;
  }
  assert_int_equal(read(p[0], &c, 1), 1);
  nd_run(loop, ND_RUN_NOWAIT);
  nd_run(loop, ND_RUN_NOWAIT);
  calls_after_read = plog.n;
  for (i = 0; i < plog.n && i < 64; i++)
    all_readable &= plog.call[i].events == ND_READABLE &&
                    plog.call[i].status == 0;

  close_and_drain(loop);
  close_fd(&p[0]);
  close_fd(&p[1]);

  assert_int_equal(calls_unread[0], 1);
  assert_int_equal(calls_unread[1], 2);
  assert_int_equal(calls_unread[2], 3);
  assert_int_equal(calls_after_read, 3);
  assert_true(all_readable);
}

/* The write end of an empty pipe is writable, and only writable. */
static void test_pipe_write_end_writable(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  static watchdog_t wd;
  int p[2];
  struct poll_call c;
  char buf[4];

  assert_int_equal(pipe(p), 0);
  plog_reset(ACT_STOP);
  watchdog_start(loop, &wd);
  ND_OK(nd_poll_init(loop, &h, p[1]));
  h.data = &p[1];
  ND_OK(nd_poll_start(&h, ND_WRITABLE | ND_READABLE, plog_cb));
  run_until(loop, &wd, &plog_flag);
  c = plog.call[0];

  close_and_drain(loop);
  /* What the callback promised: a write goes through without blocking. */
  assert_int_equal(write(p[1], "ok", 2), 2);
  assert_int_equal(read(p[0], buf, sizeof(buf)), 2);
  close_fd(&p[0]);
  close_fd(&p[1]);

  assert_false(wd.expired);
  assert_int_equal(plog.n, 1);
  assert_int_equal(c.status, 0);
  assert_int_equal(c.events, ND_WRITABLE);
  assert_false(c.active);
}

/*
 * A full pipe is not writable: the callback stops coming, and comes back
 * once the reader drained it.
 */
static void fill_pipe(int wfd) {
  static char block[65536];
  ssize_t r;

  do
    r = write(wfd, block, sizeof(block));
  while (r > 0);
  assert_int_equal(errno, EAGAIN);
  do
    r = write(wfd, block, 1);
  while (r > 0);
  assert_int_equal(errno, EAGAIN);
}

static size_t drain_fd(int rfd) {
  char buf[65536];
  size_t total = 0;
  ssize_t r;

  while ((r = read(rfd, buf, sizeof(buf))) > 0)
    total += (size_t)r;
  return total;
}

static void test_writable_stops_when_pipe_full(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  static watchdog_t wd;
  int p[2];
  int calls_empty, calls_full, events_back, i;
  size_t drained;

  assert_int_equal(pipe(p), 0);
  set_nonblock(p[0]);
  plog_reset(ACT_NONE);
  watchdog_start(loop, &wd);
  ND_OK(nd_poll_init(loop, &h, p[1]));
  h.data = &p[1];
  ND_OK(nd_poll_start(&h, ND_WRITABLE, plog_cb));

  nd_run(loop, ND_RUN_NOWAIT);
  calls_empty = plog.n;

  fill_pipe(p[1]); /* p[1] is non-blocking: nd_poll_init set it */
  for (i = 0; i < 3; i++)
    nd_run(loop, ND_RUN_NOWAIT);
  calls_full = plog.n;

  drained = drain_fd(p[0]);
  plog_flag = 0;
  run_until(loop, &wd, &plog_flag);
  events_back = plog.call[plog.n - 1].events;
  calls_full = calls_full - calls_empty;

  close_and_drain(loop);
  close_fd(&p[0]);
  close_fd(&p[1]);

  assert_false(wd.expired);
  assert_int_equal(calls_empty, 1);
  assert_int_equal(calls_full, 0);
  assert_true(drained >= 4096);
  assert_int_equal(events_back, ND_WRITABLE);
  assert_int_equal(plog.n, 2);
}

/*
 * The peer writes, then shuts down its writing half: the handle gets
 * ND_READABLE with the bytes, and ND_DISCONNECT with read() returning 0.
 * Both may come in one callback (epoll reports the state at the wait) or
 * the data first and the hang-up on the next iteration (io_uring reports
 * the wake-up that fired its poll, then the re-armed poll sees the rest):
 * never more than two callbacks, never an event that was not asked for.
 * Asking for ND_DISCONNECT alone gets ND_DISCONNECT alone.
 */
static int saw_disconnect(void) {
  int i;

  for (i = 0; i < plog.n && i < 64; i++)
    if (plog.call[i].events & ND_DISCONNECT)
      return 1;
  return 0;
}

static void test_socketpair_shutdown_disconnect(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h, h2;
  static watchdog_t wd;
  int sv[2], sv2[2];
  struct poll_call c[2], c2;
  int calls, union_events = 0, i;

  assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv2), 0);
  plog_reset(ACT_READ);
  watchdog_start(loop, &wd);

  ND_OK(nd_poll_init_socket(loop, &h, sv[0]));
  h.data = &sv[0];
  ND_OK(nd_poll_start(&h, ND_READABLE | ND_DISCONNECT, plog_cb));
  /* Before the shutdown nothing is ready. */
  nd_run(loop, ND_RUN_NOWAIT);
  assert_int_equal(plog.n, 0);
  assert_int_equal(write(sv[1], "ab", 2), 2);
  assert_int_equal(shutdown(sv[1], SHUT_WR), 0);
  while (!saw_disconnect() && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  ND_OK(nd_poll_stop(&h));
  calls = plog.n;
  for (i = 0; i < 2 && i < calls; i++) {
    c[i] = plog.call[i];
    union_events |= c[i].events;
  }

  plog_reset(ACT_STOP);
  ND_OK(nd_poll_init_socket(loop, &h2, sv2[0]));
  h2.data = &sv2[0];
  ND_OK(nd_poll_start(&h2, ND_DISCONNECT, plog_cb));
  assert_int_equal(shutdown(sv2[1], SHUT_WR), 0);
  run_until(loop, &wd, &plog_flag);
  c2 = plog.call[0];

  close_and_drain(loop);
  close_fd(&sv[0]);
  close_fd(&sv[1]);
  close_fd(&sv2[0]);
  close_fd(&sv2[1]);

  assert_false(wd.expired);
  assert_true(calls == 1 || calls == 2);
  assert_int_equal(union_events, ND_READABLE | ND_DISCONNECT);
  assert_int_equal(c[0].status, 0);
  assert_true(c[0].events & ND_READABLE);
  assert_int_equal(c[0].nread, 2);
  assert_memory_equal(c[0].data, "ab", 2);
  if (calls == 2) {
    /* The second callback is the hang-up: what is left to read is EOF. */
    assert_int_equal(c[1].status, 0);
    assert_true(c[1].events & ND_DISCONNECT);
    assert_int_equal(c[1].nread, 0);
  }
  assert_int_equal(c2.status, 0);
  assert_int_equal(c2.events, ND_DISCONNECT);
}

/*
 * The peer closes the socket: a handle that asked for ND_READABLE gets
 * ND_READABLE (the hang-up comes as what it asked for) and reads the last
 * bytes, then end of file.
 */
static void test_socketpair_peer_close(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  static watchdog_t wd;
  int sv[2], i;
  ssize_t eof;
  char buf[8];
  int n_data, n_eof, events_ok = 1;
  struct poll_call first;

  assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  plog_reset(ACT_READ);
  watchdog_start(loop, &wd);
  ND_OK(nd_poll_init_socket(loop, &h, sv[0]));
  h.data = &sv[0];
  ND_OK(nd_poll_start(&h, ND_READABLE, plog_cb));
  assert_int_equal(write(sv[1], "bye", 3), 3);
  close_fd(&sv[1]);

  /* Level-triggered: one callback gets the data, the next end of file. */
  while (plog.n < 2 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  first = plog.call[0];
  n_data = plog.n >= 1 && plog.call[0].nread == 3;
  n_eof = plog.n >= 2 && plog.call[1].nread == 0;
  for (i = 0; i < plog.n && i < 2; i++)
    events_ok &= plog.call[i].events == ND_READABLE && plog.call[i].status == 0;
  eof = read(sv[0], buf, sizeof(buf));

  close_and_drain(loop);
  close_fd(&sv[0]);

  assert_false(wd.expired);
  assert_true(n_data);
  assert_memory_equal(first.data, "bye", 3);
  assert_true(n_eof);
  assert_true(events_ok);
  assert_int_equal(eof, 0);
}

/*
 * A pipe whose writer is gone reports only EPOLLHUP (no EPOLLIN when it is
 * empty).  A handle that asked for ND_READABLE gets ND_READABLE, and
 * read() tells it the pipe ended.
 */
static void test_pipe_writer_closed(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  static watchdog_t wd;
  int p[2];
  struct poll_call c;

  assert_int_equal(pipe(p), 0);
  plog_reset(ACT_READ | ACT_STOP);
  watchdog_start(loop, &wd);
  ND_OK(nd_poll_init(loop, &h, p[0]));
  h.data = &p[0];
  ND_OK(nd_poll_start(&h, ND_READABLE, plog_cb));
  close_fd(&p[1]);
  run_until(loop, &wd, &plog_flag);
  c = plog.call[0];

  close_and_drain(loop);
  close_fd(&p[0]);

  assert_false(wd.expired);
  assert_int_equal(plog.n, 1);
  assert_int_equal(c.status, 0);
  assert_int_equal(c.events, ND_READABLE);
  assert_int_equal(c.nread, 0);
}

/*
 * A descriptor in an error state reports every event the handle asked for:
 * the write end of a full pipe whose reader is gone has EPOLLERR and
 * nothing else.  Asking for WRITABLE|DISCONNECT must give both; asking for
 * DISCONNECT alone must give DISCONNECT.  A write then fails with EPIPE.
 */
static void test_error_state_reports_asked_events(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h1, h2;
  struct sigaction ign, old;
  int p1[2], p2[2], i;
  struct poll_call c1, c2;
  int calls1, calls2, write_errno;

  memset(&ign, 0, sizeof(ign));
  ign.sa_handler = SIG_IGN;
  assert_int_equal(sigaction(SIGPIPE, &ign, &old), 0);
  assert_int_equal(pipe(p1), 0);
  assert_int_equal(pipe(p2), 0);
  plog_reset(ACT_STOP);
  ND_OK(nd_poll_init(loop, &h1, p1[1]));
  ND_OK(nd_poll_init(loop, &h2, p2[1]));
  h1.data = &p1[1];
  h2.data = &p2[1];
  fill_pipe(p1[1]);
  fill_pipe(p2[1]);
  close_fd(&p1[0]);
  close_fd(&p2[0]);
  ND_OK(nd_poll_start(&h1, ND_WRITABLE | ND_DISCONNECT, plog_cb));
  ND_OK(nd_poll_start(&h2, ND_DISCONNECT, plog_cb));

  /* The state is already there: the first iterations must report it. */
  for (i = 0; i < 3; i++)
    nd_run(loop, ND_RUN_NOWAIT);
  calls1 = plog_count(&h1);
  calls2 = plog_count(&h2);
  memset(&c1, 0, sizeof(c1));
  memset(&c2, 0, sizeof(c2));
  if (plog_last(&h1) != NULL)
    c1 = *plog_last(&h1);
  if (plog_last(&h2) != NULL)
    c2 = *plog_last(&h2);
  write_errno = write(p1[1], "x", 1) < 0 ? errno : 0;

  close_and_drain(loop);
  close_fd(&p1[1]);
  close_fd(&p2[1]);
  sigaction(SIGPIPE, &old, NULL);

  assert_int_equal(calls1, 1);
  assert_int_equal(c1.status, 0);
  assert_int_equal(write_errno, EPIPE);
  assert_int_equal(c1.events, ND_WRITABLE | ND_DISCONNECT);
  assert_int_equal(calls2, 1);
  assert_int_equal(c2.status, 0);
  assert_int_equal(c2.events, ND_DISCONNECT);
}

/* TCP on 127.0.0.1: a connected pair of sockets. */
static void tcp_pair(int *client, int *server) {
  struct sockaddr_in addr;
  socklen_t len = sizeof(addr);
  int lfd, one = 1;

  lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  assert_true(lfd >= 0);
  memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  assert_int_equal(bind(lfd, (struct sockaddr *)&addr, sizeof(addr)), 0);
  assert_int_equal(listen(lfd, 1), 0);
  assert_int_equal(getsockname(lfd, (struct sockaddr *)&addr, &len), 0);
  *client = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  assert_true(*client >= 0);
  assert_int_equal(connect(*client, (struct sockaddr *)&addr, sizeof(addr)), 0);
  *server = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
  assert_true(*server >= 0);
  close(lfd);
  setsockopt(*client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

/*
 * TCP urgent data (MSG_OOB) makes the receiving socket ND_PRIORITIZED; the
 * callback receives the urgent byte, after which the condition is gone.
 * The ordinary bytes sent before it are still there to read.
 */
static void test_tcp_oob_prioritized(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  static watchdog_t wd;
  int client, server, i, calls_after;
  struct poll_call c;
  char buf[8];
  ssize_t n;

  tcp_pair(&client, &server);
  plog_reset(ACT_OOB);
  watchdog_start(loop, &wd);
  ND_OK(nd_poll_init_socket(loop, &h, server));
  h.data = &server;
  ND_OK(nd_poll_start(&h, ND_PRIORITIZED, plog_cb));
  assert_int_equal(send(client, "ab", 2, 0), 2);
  /* Ordinary data is not urgent: nothing for a PRIORITIZED-only handle. */
  for (i = 0; i < 3; i++)
    nd_run(loop, ND_RUN_NOWAIT);
  assert_int_equal(plog.n, 0);

  assert_int_equal(send(client, "!", 1, MSG_OOB), 1);
  run_until(loop, &wd, &plog_flag);
  c = plog.call[0];
  for (i = 0; i < 3; i++)
    nd_run(loop, ND_RUN_NOWAIT);
  calls_after = plog.n;

  close_and_drain(loop);
  set_nonblock(server);
  n = recv(server, buf, sizeof(buf), 0);
  close_fd(&client);
  close_fd(&server);

  assert_false(wd.expired);
  assert_int_equal(c.status, 0);
  assert_int_equal(c.events, ND_PRIORITIZED);
  assert_int_equal(c.nread, 1);
  assert_int_equal(c.data[0], '!');
  assert_int_equal(calls_after, 1);
  assert_int_equal(n, 2);
  assert_memory_equal(buf, "ab", 2);
}

/*
 * nd_poll_stop inside the callback: no further callbacks although the
 * descriptor stays readable.  nd_poll_start with events 0 stops too.
 */
static int stop_zero_calls;

static void stop_with_zero_cb(nd_poll_t *h, int status, int events) {
  (void)status;
  (void)events;
  stop_zero_calls++;
  nd_poll_start(h, 0, stop_with_zero_cb);
}

static void test_stop_inside_callback(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h, h0;
  int p[2], q[2], i, active_after, active0_after;

  assert_int_equal(pipe(p), 0);
  assert_int_equal(pipe(q), 0);
  plog_reset(ACT_STOP);
  stop_zero_calls = 0;
  ND_OK(nd_poll_init(loop, &h, p[0]));
  h.data = &p[0];
  ND_OK(nd_poll_start(&h, ND_READABLE, plog_cb));
  ND_OK(nd_poll_init(loop, &h0, q[0]));
  ND_OK(nd_poll_start(&h0, ND_READABLE, stop_with_zero_cb));
  assert_int_equal(write(p[1], "x", 1), 1);
  assert_int_equal(write(q[1], "y", 1), 1);

  for (i = 0; i < 4; i++)
    nd_run(loop, ND_RUN_NOWAIT);
  active_after = nd_is_active((nd_handle_t *)&h);
  active0_after = nd_is_active((nd_handle_t *)&h0);

  close_and_drain(loop);
  close_fd(&p[0]);
  close_fd(&p[1]);
  close_fd(&q[0]);
  close_fd(&q[1]);

  assert_int_equal(plog.n, 1);
  assert_int_equal(plog.call[0].events, ND_READABLE);
  assert_false(plog.call[0].active);
  assert_false(active_after);
  assert_int_equal(stop_zero_calls, 1);
  assert_false(active0_after);
}

/*
 * Two pipes readable in the same iteration; the callback that runs first
 * stops the other handle: the other's event, already fetched from the
 * kernel, must not be delivered.  Restarted later, it gets its data.
 */
static nd_poll_t so_a, so_b;
static int so_fd_a, so_fd_b;

static void stop_other_cb(nd_poll_t *h, int status, int events) {
  nd_poll_t *other = h == &so_a ? &so_b : &so_a;
  int first = plog.n == 0;

  plog_cb(h, status, events); /* reads its own byte */
  if (first)
    nd_poll_stop(other);
}

static void test_stop_other_handle_same_iteration(void **state) {
  nd_loop_t *loop = *state;
  int a[2], b[2], calls_first, calls_next, calls_restart;
  nd_poll_t *first, *other;
  struct poll_call c;

  assert_int_equal(pipe(a), 0);
  assert_int_equal(pipe(b), 0);
  so_fd_a = a[0];
  so_fd_b = b[0];
  plog_reset(ACT_READ);
  ND_OK(nd_poll_init(loop, &so_a, a[0]));
  ND_OK(nd_poll_init(loop, &so_b, b[0]));
  so_a.data = &so_fd_a;
  so_b.data = &so_fd_b;
  ND_OK(nd_poll_start(&so_a, ND_READABLE, stop_other_cb));
  ND_OK(nd_poll_start(&so_b, ND_READABLE, stop_other_cb));
  assert_int_equal(write(a[1], "A", 1), 1);
  assert_int_equal(write(b[1], "B", 1), 1);

  nd_run(loop, ND_RUN_NOWAIT);
  calls_first = plog.n;
  first = plog.call[0].handle;
  other = first == &so_a ? &so_b : &so_a;
  nd_run(loop, ND_RUN_NOWAIT);
  calls_next = plog.n;
  ND_OK(nd_poll_start(other, ND_READABLE, plog_cb));
  nd_run(loop, ND_RUN_NOWAIT);
  calls_restart = plog.n;
  c = plog.call[plog.n - 1];

  close_and_drain(loop);
  close_fd(&a[0]);
  close_fd(&a[1]);
  close_fd(&b[0]);
  close_fd(&b[1]);

  assert_int_equal(calls_first, 1);
  assert_int_equal(calls_next, 1);
  assert_int_equal(calls_restart, 2);
  assert_ptr_equal(c.handle, other);
  assert_int_equal(c.events, ND_READABLE);
  assert_int_equal(c.nread, 1);
  assert_int_equal(c.data[0], other == &so_a ? 'A' : 'B');
}

/*
 * Changing the mask from a callback: a readable and writable socket polled
 * for ND_READABLE switches to ND_WRITABLE (with a new callback); from then
 * on only ND_WRITABLE is reported, though the data is still unread.
 */
static int mask_r_calls, mask_w_calls, mask_w_events;
static int mask_start_err;

static void mask_w_cb(nd_poll_t *h, int status, int events) {
  (void)status;
  mask_w_calls++;
  mask_w_events = events;
  nd_poll_stop(h);
}

static void mask_r_cb(nd_poll_t *h, int status, int events) {
  (void)status;
  (void)events;
  mask_r_calls++;
  mask_start_err = nd_poll_start(h, ND_WRITABLE, mask_w_cb);
}

static void test_change_mask_readable_to_writable(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  int sv[2], r_after_first, w_after_first, both_events;
  char buf[4];
  ssize_t unread;

  assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  mask_r_calls = mask_w_calls = mask_w_events = 0;
  mask_start_err = -1;
  ND_OK(nd_poll_init_socket(loop, &h, sv[0]));
  ND_OK(nd_poll_start(&h, ND_READABLE, mask_r_cb));
  assert_int_equal(write(sv[1], "x", 1), 1);

  nd_run(loop, ND_RUN_NOWAIT);
  r_after_first = mask_r_calls;
  w_after_first = mask_w_calls;
  nd_run(loop, ND_RUN_NOWAIT);
  nd_run(loop, ND_RUN_NOWAIT);

  /* Both bits asked, both reported. */
  ND_OK(nd_poll_start(&h, ND_READABLE | ND_WRITABLE, mask_w_cb));
  nd_run(loop, ND_RUN_NOWAIT);
  both_events = mask_w_events;
  unread = read(sv[0], buf, sizeof(buf));

  close_and_drain(loop);
  close_fd(&sv[0]);
  close_fd(&sv[1]);

  assert_int_equal(mask_start_err, 0);
  assert_int_equal(r_after_first, 1);
  assert_int_equal(w_after_first, 0);
  assert_int_equal(mask_r_calls, 1);
  assert_int_equal(mask_w_calls, 2);
  assert_int_equal(both_events, ND_READABLE | ND_WRITABLE);
  assert_int_equal(unread, 1);
}

/* The descriptor is switched to O_NONBLOCK, and left that way. */
static void test_init_sets_nonblock(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  int p[2], before, after, after_close;

  assert_int_equal(pipe(p), 0);
  before = fcntl(p[0], F_GETFL) & O_NONBLOCK;
  ND_OK(nd_poll_init(loop, &h, p[0]));
  after = fcntl(p[0], F_GETFL) & O_NONBLOCK;
  close_and_drain(loop);
  after_close = fcntl(p[0], F_GETFL) & O_NONBLOCK;
  close_fd(&p[0]);
  close_fd(&p[1]);

  assert_int_equal(before, 0);
  assert_true(after != 0);
  assert_true(after_close != 0);
}

/*
 * nd_poll_init refuses regular files and directories (ND_EPERM), a closed
 * or negative descriptor (ND_EBADF, from fstat) and a descriptor another
 * handle of the same loop is watching (ND_EEXIST).
 */
static void test_init_errors(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h, a, b;
  char path[] = "/tmp/nd-test-poll-XXXXXX";
  int file, dir, p[2], closed_fd;
  int r_file, r_dir, r_closed, r_neg, r_watched, r_socket_watched;
  int r_after_stop, r_restart_a, file_blocking;

  file = mkstemp(path);
  assert_true(file >= 0);
  unlink(path);
  dir = open("/tmp", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  assert_true(dir >= 0);
  assert_int_equal(pipe(p), 0);
  closed_fd = dup(p[0]);
  close(closed_fd);

  r_file = nd_poll_init(loop, &h, file);
  file_blocking = !(fcntl(file, F_GETFL) & O_NONBLOCK);
  r_dir = nd_poll_init(loop, &h, dir);
  r_closed = nd_poll_init(loop, &h, closed_fd);
  r_neg = nd_poll_init(loop, &h, -1);

  ND_OK(nd_poll_init(loop, &a, p[0]));
  a.data = &p[0];
  ND_OK(nd_poll_start(&a, ND_READABLE, plog_cb));
  r_watched = nd_poll_init(loop, &b, p[0]);
  r_socket_watched = nd_poll_init_socket(loop, &b, p[0]);
  /* Once a is stopped, the descriptor is free for another handle. */
  ND_OK(nd_poll_stop(&a));
  r_after_stop = nd_poll_init(loop, &b, p[0]);
  if (r_after_stop == 0) {
    b.data = &p[0];
    ND_OK(nd_poll_start(&b, ND_READABLE, plog_cb));
    r_restart_a = nd_poll_start(&a, ND_READABLE, plog_cb);
  } else {
    r_restart_a = 0;
  }

  close_and_drain(loop);
  close_fd(&file);
  close_fd(&dir);
  close_fd(&p[0]);
  close_fd(&p[1]);

  assert_int_equal(r_file, ND_EPERM);
  assert_true(file_blocking);
  assert_int_equal(r_dir, ND_EPERM);
  assert_int_equal(r_closed, ND_EBADF);
  assert_int_equal(r_neg, ND_EBADF);
  assert_int_equal(r_watched, ND_EEXIST);
  assert_int_equal(r_socket_watched, ND_EEXIST);
  assert_int_equal(r_after_stop, 0);
  assert_int_equal(r_restart_a, ND_EEXIST);
}

/*
 * nd_poll_start refuses unknown event bits, a NULL callback and a closing
 * handle with ND_EINVAL, and a descriptor another started handle of the
 * loop watches with ND_EEXIST; a refused start leaves the handle as it was.
 */
static void never_cb(nd_poll_t *h, int status, int events) {
  (void)h;
  (void)status;
  (void)events;
  fail_msg("a refused start must never lead to a callback");
}

static void test_start_errors(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h, closing, twin1, twin2;
  static watchdog_t wd;
  int p[2], q[2], s[2];
  int r_bits[4], r_null, r_closing, r_twin, active_after_bad, twin2_active;
  int still_readable_only;
  static const int bad[] = {16, ND_READABLE | 32, -1, 0x100};
  int i;

  assert_int_equal(pipe(p), 0);
  assert_int_equal(pipe(q), 0);
  assert_int_equal(pipe(s), 0);
  plog_reset(ACT_READ | ACT_STOP);
  watchdog_start(loop, &wd);

  ND_OK(nd_poll_init(loop, &h, p[0]));
  h.data = &p[0];
  for (i = 0; i < 4; i++)
    r_bits[i] = nd_poll_start(&h, bad[i], never_cb);
  r_null = nd_poll_start(&h, ND_READABLE, NULL);
  active_after_bad = nd_is_active((nd_handle_t *)&h);

  /* Refusals on an active handle keep its mask and callback. */
  ND_OK(nd_poll_start(&h, ND_READABLE, plog_cb));
  nd_poll_start(&h, 16, never_cb);
  nd_poll_start(&h, ND_WRITABLE, NULL);
  assert_int_equal(write(p[1], "z", 1), 1);
  run_until(loop, &wd, &plog_flag);
  still_readable_only = plog.n == 1 && plog.call[0].events == ND_READABLE &&
                        plog.call[0].data[0] == 'z';

  ND_OK(nd_poll_init(loop, &closing, q[0]));
  nd_close((nd_handle_t *)&closing, NULL);
  r_closing = nd_poll_start(&closing, ND_READABLE, never_cb);

  /* Two handles for one descriptor: the second start is refused. */
  ND_OK(nd_poll_init(loop, &twin1, s[0]));
  ND_OK(nd_poll_init(loop, &twin2, s[0]));
  twin1.data = twin2.data = &s[0];
  ND_OK(nd_poll_start(&twin1, ND_READABLE, plog_cb));
  r_twin = nd_poll_start(&twin2, ND_READABLE, never_cb);
  twin2_active = nd_is_active((nd_handle_t *)&twin2);

  close_and_drain(loop);
  close_fd(&p[0]);
  close_fd(&p[1]);
  close_fd(&q[0]);
  close_fd(&q[1]);
  close_fd(&s[0]);
  close_fd(&s[1]);

  assert_false(wd.expired);
  for (i = 0; i < 4; i++)
    assert_int_equal(r_bits[i], ND_EINVAL);
  assert_int_equal(r_null, ND_EINVAL);
  assert_false(active_after_bad);
  assert_true(still_readable_only);
  assert_int_equal(r_closing, ND_EINVAL);
  assert_int_equal(r_twin, ND_EEXIST);
  assert_false(twin2_active);
}

/* Two loops may watch the same descriptor; both are told. */
static void test_same_fd_two_loops(void **state) {
  nd_loop_t *loop = *state;
  static nd_loop_t loop2;
  static nd_poll_t h1, h2;
  int p[2], close2, i;
  int c1, c2;

  assert_int_equal(pipe(p), 0);
  plog_reset(ACT_STOP);
  ND_OK(nd_loop_init(&loop2));
  ND_OK(nd_poll_init(loop, &h1, p[0]));
  ND_OK(nd_poll_init(&loop2, &h2, p[0]));
  h1.data = h2.data = &p[0];
  ND_OK(nd_poll_start(&h1, ND_READABLE, plog_cb));
  ND_OK(nd_poll_start(&h2, ND_READABLE, plog_cb));
  assert_int_equal(write(p[1], "x", 1), 1);
  for (i = 0; i < 2; i++) {
    nd_run(loop, ND_RUN_NOWAIT);
    nd_run(&loop2, ND_RUN_NOWAIT);
  }
  c1 = plog_count(&h1);
  c2 = plog_count(&h2);

  close_and_drain(loop);
  close_and_drain(&loop2);
  close2 = nd_loop_close(&loop2);
  close_fd(&p[0]);
  close_fd(&p[1]);

  assert_int_equal(close2, 0);
  assert_int_equal(c1, 1);
  assert_int_equal(c2, 1);
}

/*
 * A descriptor the kernel cannot poll (/dev/null has no poll method) is
 * refused by nd_poll_init with ND_EPERM on every backend, as libuv does.
 * A descriptor that goes bad after the start (closed before the loop
 * registered it) is reported through the callback: a negative status, no
 * events, once, and the handle is no longer active.
 */
static void test_unpollable_descriptor_reports_status(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  int fd, i, active_after;
  int p[2];
  struct poll_call c;

  fd = open("/dev/null", O_RDWR | O_CLOEXEC);
  assert_true(fd >= 0);
  assert_int_equal(nd_poll_init(loop, &h, fd), ND_EPERM);
  close_fd(&fd);

  assert_int_equal(pipe(p), 0);
  plog_reset(ACT_NONE);
  ND_OK(nd_poll_init(loop, &h, p[0]));
  h.data = &p[0];
  ND_OK(nd_poll_start(&h, ND_READABLE, plog_cb));
  close_fd(&p[0]);
  for (i = 0; i < 3; i++)
    nd_run(loop, ND_RUN_NOWAIT);
  c = plog.call[0];
  active_after = nd_is_active((nd_handle_t *)&h);

  close_and_drain(loop);
  close_fd(&p[1]);

  assert_int_equal(plog.n, 1);
  assert_int_equal(c.status, ND_EBADF);
  assert_int_equal(c.events, 0);
  assert_false(active_after);
}

/*
 * Stale events.  Pipes A and B are both readable in one iteration.  The
 * callback that runs first stops and closes the other's handle, closes its
 * descriptor, makes a new (empty) pipe at the same descriptor number and
 * starts a new handle on it.  The kernel's event for the old pipe is still
 * in the batch being dispatched: neither the closed handle nor the new one
 * may get it.  Written to later, the new handle works.
 */
static struct {
  nd_poll_t a, b, fresh;
  int fd_a, fd_b, fresh_fd, fresh_w;
  nd_poll_t *first;
  int reused_same_number;
  int init_err, start_err;
} st;

static void stale_first_cb(nd_poll_t *h, int status, int events) {
  nd_poll_t *other;
  int *other_fd;
  int np[2];

  plog_cb(h, status, events); /* reads its own byte */
  if (st.first != NULL)
    return;
  st.first = h;
  other = h == &st.a ? &st.b : &st.a;
  other_fd = other == &st.a ? &st.fd_a : &st.fd_b;

  nd_poll_stop(other);
  nd_close((nd_handle_t *)other, NULL);
  close(*other_fd);
  if (pipe(np) != 0)
    return;
  if (np[0] != *other_fd) {
    dup2(np[0], *other_fd);
    close(np[0]);
  }
  st.fresh_fd = *other_fd;
  st.fresh_w = np[1];
  st.reused_same_number = fcntl(st.fresh_fd, F_GETFL) != -1;
  st.init_err = nd_poll_init(h->loop, &st.fresh, st.fresh_fd);
  if (st.init_err == 0) {
    st.fresh.data = &st.fresh_fd;
    st.start_err = nd_poll_start(&st.fresh, ND_READABLE, plog_cb);
  }
}

static void test_stale_event_after_fd_reuse(void **state) {
  nd_loop_t *loop = *state;
  int a[2], b[2];
  int first_calls, other_calls, fresh_calls, fresh_later;
  nd_poll_t *other;
  struct poll_call c;

  memset(&st, 0, sizeof(st));
  st.fresh_w = -1;
  assert_int_equal(pipe(a), 0);
  assert_int_equal(pipe(b), 0);
  st.fd_a = a[0];
  st.fd_b = b[0];
  plog_reset(ACT_READ);
  ND_OK(nd_poll_init(loop, &st.a, st.fd_a));
  ND_OK(nd_poll_init(loop, &st.b, st.fd_b));
  st.a.data = &st.fd_a;
  st.b.data = &st.fd_b;
  ND_OK(nd_poll_start(&st.a, ND_READABLE, stale_first_cb));
  ND_OK(nd_poll_start(&st.b, ND_READABLE, stale_first_cb));
  assert_int_equal(write(a[1], "A", 1), 1);
  assert_int_equal(write(b[1], "B", 1), 1);

  /* One iteration: both events come back from one epoll_wait. */
  nd_run(loop, ND_RUN_NOWAIT);
  other = st.first == &st.a ? &st.b : &st.a;
  first_calls = plog_count(st.first);
  other_calls = plog_count(other);
  fresh_calls = plog_count(&st.fresh);

  /* The new handle is properly watched: data written now reaches it. */
  fresh_later = 0;
  memset(&c, 0, sizeof(c));
  if (st.fresh_w >= 0 && write(st.fresh_w, "N", 1) == 1) {
    nd_run(loop, ND_RUN_NOWAIT);
    fresh_later = plog_count(&st.fresh);
    if (plog_last(&st.fresh) != NULL)
      c = *plog_last(&st.fresh);
  }

  close_and_drain(loop);
  /* The first handle's pipe, and the new pipe in the other's place. */
  close(st.first == &st.a ? st.fd_a : st.fd_b);
  close(st.fresh_fd);
  close_fd(&st.fresh_w);
  close_fd(&a[1]);
  close_fd(&b[1]);

  assert_non_null(st.first);
  assert_true(st.reused_same_number);
  assert_int_equal(st.init_err, 0);
  assert_int_equal(st.start_err, 0);
  assert_int_equal(first_calls, 1);
  assert_int_equal(other_calls, 0);
  assert_int_equal(fresh_calls, 0);
  assert_int_equal(fresh_later, 1);
  assert_int_equal(c.events, ND_READABLE);
  assert_int_equal(c.nread, 1);
  assert_int_equal(c.data[0], 'N');
}

/*
 * The man page allows closing a descriptor after nd_poll_stop.  Here the
 * program then puts a new pipe at the same number (dup2) and starts the
 * same, still open, handle again before the loop ran: data written to the
 * new pipe must reach the callback.
 */
static void test_restart_after_fd_reuse(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  static watchdog_t wd;
  int p[2], np[2], fd;
  struct poll_call c;

  assert_int_equal(pipe(p), 0);
  fd = p[0];
  plog_reset(ACT_READ | ACT_STOP);
  watchdog_start(loop, &wd);
  ND_OK(nd_poll_init(loop, &h, fd));
  h.data = &fd;
  ND_OK(nd_poll_start(&h, ND_READABLE, plog_cb));
  nd_run(loop, ND_RUN_NOWAIT); /* the backend now watches the old pipe */

  ND_OK(nd_poll_stop(&h));
  close_fd(&p[0]);
  assert_int_equal(pipe(np), 0);
  if (np[0] != fd) {
    assert_int_equal(dup2(np[0], fd), fd);
    close(np[0]);
  }
  ND_OK(nd_poll_start(&h, ND_READABLE, plog_cb));
  assert_int_equal(write(np[1], "n", 1), 1);
  run_until(loop, &wd, &plog_flag);
  c = plog.call[0];

  close_and_drain(loop);
  close(fd);
  close_fd(&np[1]);
  close_fd(&p[1]);

  assert_false(wd.expired);
  assert_int_equal(plog.n, 1);
  assert_int_equal(c.events, ND_READABLE);
  assert_int_equal(c.nread, 1);
  assert_int_equal(c.data[0], 'n');
}

/*
 * Many handles: N pipes, one byte written to each in a shuffled order.
 * Every handle is called exactly once, with ND_READABLE and its own byte;
 * once read, no pipe is reported again.  1500 is more than the backend
 * fetches in one epoll_wait (1024).
 */
struct many {
  nd_poll_t h;
  int fd[2];
  int calls;
  int events;
  ssize_t nread;
  unsigned char got;
};

static struct many *many;
static int many_done;

static void many_cb(nd_poll_t *h, int status, int events) {
  struct many *m = h->data;
  unsigned char buf[2];

  (void)status;
  m->calls++;
  m->events = events;
  m->nread = read(m->fd[0], buf, sizeof(buf));
  if (m->nread > 0)
    m->got = buf[0];
  if (m->calls == 1)
    many_done++;
}

static int raise_nofile(rlim_t want) {
  struct rlimit rl;

  if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
    return -1;
  if (rl.rlim_cur >= want)
    return 0;
  if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want)
    return -1;
  rl.rlim_cur = want;
  return setrlimit(RLIMIT_NOFILE, &rl);
}

static unsigned char many_byte(int i) {
  return (unsigned char)(i * 7 + 3);
}

static void many_pipes(nd_loop_t *loop, int n) {
  static watchdog_t wd;
  int *order;
  int i, j, tmp, bad_calls = 0, bad_events = 0, bad_bytes = 0, opened = 0;
  unsigned int seed = 12345;

  if (raise_nofile((rlim_t)(2 * n + 64)) != 0) {
    print_message("cannot raise RLIMIT_NOFILE to %d\n", 2 * n + 64);
    skip();
  }
  many = calloc((size_t)n, sizeof(*many));
  order = calloc((size_t)n, sizeof(*order));
  assert_non_null(many);
  assert_non_null(order);
  many_done = 0;

  for (i = 0; i < n; i++) {
    if (pipe(many[i].fd) != 0)
      break;
    opened++;
    if (nd_poll_init(loop, &many[i].h, many[i].fd[0]) != 0)
      break;
    many[i].h.data = &many[i];
    if (nd_poll_start(&many[i].h, ND_READABLE, many_cb) != 0)
      break;
  }
  if (opened == n && i == n) {
    /* Fisher-Yates with a fixed seed: a reproducible shuffled order. */
    for (i = 0; i < n; i++)
      order[i] = i;
    for (i = n - 1; i > 0; i--) {
      seed = seed * 1103515245u + 12345u;
      j = (int)((seed >> 8) % (unsigned int)(i + 1));
      tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    nd_run(loop, ND_RUN_NOWAIT); /* nothing is readable yet */
    for (i = 0; i < n; i++) {
      unsigned char b = many_byte(order[i]);
      if (write(many[order[i]].fd[1], &b, 1) != 1)
        break;
    }
    watchdog_start(loop, &wd);
    while (many_done < n && !wd.expired)
      nd_run(loop, ND_RUN_ONCE);
    /* Everything was read: nothing more is reported. */
    nd_run(loop, ND_RUN_NOWAIT);
    nd_run(loop, ND_RUN_NOWAIT);
  }
  for (i = 0; i < opened; i++) {
    bad_calls += many[i].calls != 1;
    bad_events += many[i].events != ND_READABLE;
    bad_bytes += many[i].nread != 1 || many[i].got != many_byte(i);
  }

  close_and_drain(loop);
  for (i = 0; i < opened; i++) {
    close(many[i].fd[0]);
    close(many[i].fd[1]);
  }
  free(many);
  free(order);
  many = NULL;

  assert_int_equal(opened, n);
  assert_false(wd.expired);
  assert_int_equal(many_done, n);
  assert_int_equal(bad_calls, 0);
  assert_int_equal(bad_events, 0);
  assert_int_equal(bad_bytes, 0);
}

static void test_1000_pipes(void **state) {
  many_pipes(*state, 1000);
}

static void test_1500_pipes_more_than_one_batch(void **state) {
  many_pipes(*state, 1500);
}

/*
 * Embedding: another event loop polls nd_backend_fd() for readability.
 * When a watched pipe becomes readable (written by another thread while
 * the outer poll(2) blocks), the backend descriptor turns readable, and
 * nd_run(ND_RUN_NOWAIT) then dispatches the callback.
 */
struct delayed_write {
  int fd;
  char byte;
};

static void *delayed_writer(void *arg) {
  struct delayed_write *w = arg;
  struct timespec delay = {0, 100 * 1000 * 1000};

  nanosleep(&delay, NULL);
  if (write(w->fd, &w->byte, 1) != 1)
    w->byte = 0;
  return NULL;
}

static void test_backend_fd_embedding(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  struct delayed_write w;
  struct pollfd pfd;
  pthread_t writer;
  int p[2], backend_fd, ready_before, ready, revents, calls_before;
  struct poll_call c;

  assert_int_equal(pipe(p), 0);
  plog_reset(ACT_READ | ACT_STOP);
  backend_fd = nd_backend_fd(loop);
  assert_true(backend_fd >= 0);
  ND_OK(nd_poll_init(loop, &h, p[0]));
  h.data = &p[0];
  ND_OK(nd_poll_start(&h, ND_READABLE, plog_cb));
  /* Interest is handed to the kernel when the loop runs. */
  nd_run(loop, ND_RUN_NOWAIT);
  calls_before = plog.n;

  pfd.fd = backend_fd;
  pfd.events = POLLIN;
  ready_before = poll(&pfd, 1, 0);

  w.fd = p[1];
  w.byte = 'e';
  assert_int_equal(pthread_create(&writer, NULL, delayed_writer, &w), 0);
  do
    ready = poll(&pfd, 1, WATCHDOG_MS);
  while (ready < 0 && errno == EINTR);
  revents = pfd.revents;
  pthread_join(writer, NULL);
  nd_run(loop, ND_RUN_NOWAIT);
  c = plog.call[0];

  close_and_drain(loop);
  close_fd(&p[0]);
  close_fd(&p[1]);

  assert_int_equal(calls_before, 0);
  assert_int_equal(ready_before, 0);
  assert_int_equal(ready, 1);
  assert_true(revents & POLLIN);
  assert_int_equal(plog.n, 1);
  assert_int_equal(c.events, ND_READABLE);
  assert_int_equal(c.nread, 1);
  assert_int_equal(c.data[0], 'e');
}

/*
 * An embedder's loop, as a host event loop would run it: wait on the
 * backend fd for nd_backend_timeout() ms, then nd_run(NOWAIT); again and
 * again.  Five bytes written 100 ms apart by another thread must each reach
 * the callback, and an async send from that thread too, every time through
 * a wait that woke up (not a spin): the host iterates a handful of times
 * per event, never hundreds.
 */
static struct {
  nd_async_t async;
  int async_calls;
} embed;

static void embed_async_cb(nd_async_t *h) {
  (void)h;
  embed.async_calls++;
}

static void *embed_writer(void *arg) {
  int fd = *(int *)arg;
  struct timespec delay = {0, 100 * 1000 * 1000};
  char b;

  for (b = '1'; b <= '5'; b++) {
    nanosleep(&delay, NULL);
    if (write(fd, &b, 1) != 1)
      return NULL;
  }
  nanosleep(&delay, NULL);
  nd_async_send(&embed.async);
  return NULL;
}

static void test_backend_fd_embedding_repeated(void **state) {
  nd_loop_t *loop = *state;
  static nd_poll_t h;
  struct pollfd pfd;
  pthread_t writer;
  int p[2], host_iterations = 0, i;
  uint64_t deadline;

  assert_int_equal(pipe(p), 0);
  plog_reset(ACT_READ);
  memset(&embed, 0, sizeof(embed));
  ND_OK(nd_poll_init(loop, &h, p[0]));
  h.data = &p[0];
  ND_OK(nd_poll_start(&h, ND_READABLE, plog_cb));
  ND_OK(nd_async_init(loop, &embed.async, embed_async_cb));
  assert_int_equal(pthread_create(&writer, NULL, embed_writer, &p[1]), 0);

  deadline = test_ms() + WATCHDOG_MS;
  while ((plog.n < 5 || embed.async_calls < 1) && test_ms() < deadline) {
    pfd.fd = nd_backend_fd(loop);
    pfd.events = POLLIN;
    pfd.revents = 0;
    if (poll(&pfd, 1, nd_backend_timeout(loop)) < 0 && errno != EINTR)
      break;
    nd_run(loop, ND_RUN_NOWAIT);
    host_iterations++;
  }
  pthread_join(writer, NULL);

  close_and_drain(loop);
  close_fd(&p[0]);
  close_fd(&p[1]);

  assert_int_equal(plog.n, 5);
  for (i = 0; i < 5; i++) {
    assert_int_equal(plog.call[i].events, ND_READABLE);
    assert_int_equal(plog.call[i].nread, 1);
    assert_int_equal(plog.call[i].data[0], '1' + i);
  }
  assert_int_equal(embed.async_calls, 1);
  /* Six events; a few host iterations each, at most. */
  assert_true(host_iterations <= 6 * 4);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_pipe_readable_exact_bytes),
    LOOP_TEST(test_level_triggered),
    LOOP_TEST(test_pipe_write_end_writable),
    LOOP_TEST(test_writable_stops_when_pipe_full),
    LOOP_TEST(test_socketpair_shutdown_disconnect),
    LOOP_TEST(test_socketpair_peer_close),
    LOOP_TEST(test_pipe_writer_closed),
    LOOP_TEST(test_error_state_reports_asked_events),
    LOOP_TEST(test_tcp_oob_prioritized),
    LOOP_TEST(test_stop_inside_callback),
    LOOP_TEST(test_stop_other_handle_same_iteration),
    LOOP_TEST(test_change_mask_readable_to_writable),
    LOOP_TEST(test_init_sets_nonblock),
    LOOP_TEST(test_init_errors),
    LOOP_TEST(test_start_errors),
    LOOP_TEST(test_same_fd_two_loops),
    LOOP_TEST(test_unpollable_descriptor_reports_status),
    LOOP_TEST(test_stale_event_after_fd_reuse),
    LOOP_TEST(test_restart_after_fd_reuse),
    LOOP_TEST(test_1000_pipes),
    LOOP_TEST(test_1500_pipes_more_than_one_batch),
    LOOP_TEST(test_backend_fd_embedding),
    LOOP_TEST(test_backend_fd_embedding_repeated),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
