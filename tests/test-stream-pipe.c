/*
 * test-stream-pipe.c - nd_stream_pipe between TCP connections on
 * 127.0.0.1: 1 GiB by splice and by user space with bounded memory, every
 * byte checked, dst ended or not at EOF, errors and closes mid-way.
 *
 * The far ends are plain blocking sockets driven by threads (a producer
 * and a consumer), so the loop runs nothing but the pipe under test.
 */
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "test-util.h"

#if defined(__SANITIZE_ADDRESS__)
#define TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_ASAN 1
#endif
#endif
#ifndef TEST_ASAN
#define TEST_ASAN 0
#endif

#define PATTERN(off) ((unsigned char)((off) % 251u))

/* Two connected TCP sockets on 127.0.0.1 (blocking). */
static void tcp_pair(int fds[2]) {
  struct sockaddr_in addr;
  socklen_t len = sizeof(addr);
  int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

  memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  assert_int_equal(bind(l, (struct sockaddr *)&addr, sizeof(addr)), 0);
  assert_int_equal(listen(l, 1), 0);
  assert_int_equal(getsockname(l, (struct sockaddr *)&addr, &len), 0);
  fds[0] = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  assert_int_equal(connect(fds[0], (struct sockaddr *)&addr, sizeof(addr)),
                   0);
  fds[1] = accept4(l, NULL, NULL, SOCK_CLOEXEC);
  assert_true(fds[1] >= 0);
  close(l);
}

struct producer {
  pthread_t thread;
  int fd;
  uint64_t total;
  int reset;       /* end with a reset after half, instead of FIN */
  int half_close;  /* end with shutdown(SHUT_WR): a consumer reads on */
};

static void *produce(void *arg) {
  struct producer *p = arg;
  unsigned char block[251 * 256];
  uint64_t off = 0;
  size_t n, i;
  ssize_t r;

  for (i = 0; i < sizeof(block); i++)
    block[i] = PATTERN(i);
  while (off < p->total) {
    if (p->reset && off >= p->total / 2) {
      struct linger lg = {1, 0};
      setsockopt(p->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
      break;
    }
    /* The block holds whole periods, so any offset into it lines up. */
    i = (size_t)(off % 251u);
    n = sizeof(block) - i;
    if (n > p->total - off)
      n = (size_t)(p->total - off);
    r = send(p->fd, block + i, n, MSG_NOSIGNAL);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      break;
    off += (uint64_t)r;
  }
  if (p->half_close)
    shutdown(p->fd, SHUT_WR);
  close(p->fd);
  return NULL;
}

struct consumer {
  pthread_t thread;
  int fd;
  uint64_t got;
  uint64_t bad;
  int eof;
  int err;
};

static void *consume(void *arg) {
  struct consumer *c = arg;
  unsigned char *buf = malloc(256 * 1024); /* one each: they run at once */
  ssize_t r, i;

  assert_non_null(buf);
  for (;;) {
    r = recv(c->fd, buf, 256 * 1024, 0);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0) {
      c->err = errno;
      break;
    }
    if (r == 0) {
      c->eof = 1;
      break;
    }
    for (i = 0; i < r; i++)
      c->bad += buf[i] != PATTERN(c->got + (uint64_t)i);
    c->got += (uint64_t)r;
  }
  close(c->fd);
  free(buf);
  return NULL;
}

static int pipe_status;
static int pipe_calls;

static void pipe_cb(nd_stream_pipe_t *req, int status) {
  (void)req;
  pipe_status = status;
  pipe_calls++;
}

struct rig {
  nd_tcp_t src, dst;
  struct producer prod;
  struct consumer cons;
  nd_stream_pipe_t req;
  nd_check_t check;
  size_t max_queue;
};

static void sample_queue(nd_check_t *c) {
  struct rig *rig = c->data;

  if (rig->dst.write_queue_size > rig->max_queue)
    rig->max_queue = rig->dst.write_queue_size;
}

static void rig_start(nd_loop_t *loop, struct rig *rig, uint64_t total,
                      unsigned int flags) {
  int a[2], b[2];

  memset(rig, 0, sizeof(*rig));
  tcp_pair(a);
  tcp_pair(b);
  ND_OK(nd_tcp_init(loop, &rig->src));
  ND_OK(nd_tcp_open(&rig->src, a[1]));
  ND_OK(nd_tcp_init(loop, &rig->dst));
  ND_OK(nd_tcp_open(&rig->dst, b[0]));
  ND_OK(nd_check_init(loop, &rig->check));
  rig->check.data = rig;
  ND_OK(nd_check_start(&rig->check, sample_queue));
  nd_unref((nd_handle_t *)&rig->check);
  rig->prod.fd = a[0];
  rig->prod.total = total;
  rig->cons.fd = b[1];
  pipe_calls = 0;
  pipe_status = 1;
  ND_OK(nd_stream_pipe(&rig->req, (nd_stream_t *)&rig->src,
                       (nd_stream_t *)&rig->dst, flags, pipe_cb));
  assert_int_equal(pipe_calls, 0);
  assert_int_equal(pthread_create(&rig->prod.thread, NULL, produce,
                                  &rig->prod), 0);
  assert_int_equal(pthread_create(&rig->cons.thread, NULL, consume,
                                  &rig->cons), 0);
}

static long max_rss_kib(void) {
  struct rusage ru;

  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static void run_gib(nd_loop_t *loop, unsigned int flags) {
  const uint64_t total = (uint64_t)1 << 30;
  struct rig rig;
  long rss0 = max_rss_kib();
  int fds = test_count_fds();

  rig_start(loop, &rig, total, flags);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(pipe_calls, 1);
  assert_int_equal(pipe_status, 0);
  assert_int_equal(pthread_join(rig.prod.thread, NULL), 0);
  assert_int_equal(pthread_join(rig.cons.thread, NULL), 0);
  /* Every byte, in order, and dst was ended after the last. */
  assert_int_equal(rig.cons.got, total);
  assert_int_equal(rig.cons.bad, 0);
  assert_true(rig.cons.eof);
  assert_int_equal(rig.req.bytes, total);
  if (flags & ND_STREAM_PIPE_NO_SPLICE) {
    assert_int_equal(rig.req.bytes_spliced, 0);
    /* dst's high watermark plus the read that crossed it. */
    assert_true(rig.max_queue <= ND_STREAM_HIGH_WATERMARK + 65536);
  } else {
    /* Not one byte through user space, and nothing ever queued. */
    assert_int_equal(rig.req.bytes_spliced, total);
    assert_int_equal(rig.max_queue, 0);
  }
  assert_false(nd_is_writable((nd_stream_t *)&rig.dst));
  /*
   * 1 GiB went through; the process grew by far less.  Not under ASan,
   * whose quarantine keeps freed buffers resident by design: there the
   * queue bound above is what shows the pipe holds little.
   */
  print_message("peak RSS grew %ld KiB, max queue %zu\n",
                max_rss_kib() - rss0, rig.max_queue);
#if !TEST_ASAN
  assert_true(max_rss_kib() - rss0 < 32 * 1024);
#else
  (void)rss0;
#endif
  close_and_drain(loop);
  assert_int_equal(test_count_fds(), fds);
}

static void test_pipe_splice_gib(void **state) {
  run_gib(*state, 0);
}

static void test_pipe_copy_gib(void **state) {
  run_gib(*state, ND_STREAM_PIPE_NO_SPLICE);
}

/*
 * A 1 GiB file into a socket: a pipe handle opened on the file is the
 * source, sendfile(2) moves the bytes, and nothing of them passes through
 * the process.
 */
static void test_pipe_file_gib(void **state) {
  nd_loop_t *loop = *state;
  static unsigned char block[251 * 4096];
  const size_t nblocks = 1045; /* 251 * 4096 * 1045 bytes: just over 1 GiB */
  const uint64_t total = (uint64_t)sizeof(block) * nblocks;
  char path[] = "/dev/shm/nd-stream-pipe-XXXXXX";
  struct consumer cons;
  nd_stream_pipe_t req;
  nd_pipe_t file;
  nd_tcp_t dst;
  long rss0;
  size_t i;
  int fd, b[2], fds;

  fd = mkstemp(path);
  if (fd < 0) {
    /* No /dev/shm: the file goes to /tmp, on disk. */
    strcpy(path, "/tmp/nd-stream-pipe-XXXXXX");
    fd = mkstemp(path);
  }
  assert_true(fd >= 0);
  for (i = 0; i < sizeof(block); i++)
    block[i] = PATTERN(i);
  for (i = 0; i < nblocks; i++)
    assert_int_equal(write(fd, block, sizeof(block)), sizeof(block));
  assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
  assert_int_equal(unlink(path), 0);
  fds = test_count_fds();
  rss0 = max_rss_kib();

  tcp_pair(b);
  ND_OK(nd_pipe_init(loop, &file, 0));
  ND_OK(nd_pipe_open(&file, fd));
  ND_OK(nd_tcp_init(loop, &dst));
  ND_OK(nd_tcp_open(&dst, b[0]));
  memset(&cons, 0, sizeof(cons));
  cons.fd = b[1];
  pipe_calls = 0;
  ND_OK(nd_stream_pipe(&req, (nd_stream_t *)&file, (nd_stream_t *)&dst, 0,
                       pipe_cb));
  assert_int_equal(pthread_create(&cons.thread, NULL, consume, &cons), 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(pipe_calls, 1);
  assert_int_equal(pipe_status, 0);
  assert_int_equal(pthread_join(cons.thread, NULL), 0);
  assert_true(cons.eof);
  assert_int_equal(cons.got, total);
  assert_int_equal(cons.bad, 0);
  assert_int_equal(req.bytes, total);
  assert_int_equal(req.bytes_spliced, total);
  print_message("file: peak RSS grew %ld KiB\n", max_rss_kib() - rss0);
#if !TEST_ASAN
  assert_true(max_rss_kib() - rss0 < 32 * 1024);
#endif
  close_and_drain(loop);
  /* The file and both socket ends are closed. */
  assert_int_equal(test_count_fds(), fds - 1);
}

/*
 * A proxy: one pipe each way between two connections, 64 MiB in each
 * direction at once, both ended by their source's EOF.
 */
static int proxy_calls;
static int proxy_status[2];

static void proxy_cb(nd_stream_pipe_t *req, int status) {
  proxy_status[req->data != NULL] = status;
  proxy_calls++;
}

static void test_pipe_both_ways(void **state) {
  nd_loop_t *loop = *state;
  const uint64_t total = 64u << 20;
  struct producer prod[2];
  struct consumer cons[2];
  nd_stream_pipe_t there, back;
  nd_tcp_t a, b;
  unsigned int mode, i;
  int x[2], y[2];

  for (mode = 0; mode < 2; mode++) {
    tcp_pair(x);
    tcp_pair(y);
    ND_OK(nd_tcp_init(loop, &a));
    ND_OK(nd_tcp_open(&a, x[1]));
    ND_OK(nd_tcp_init(loop, &b));
    ND_OK(nd_tcp_open(&b, y[0]));
    proxy_calls = 0;
    there.data = NULL;
    back.data = &back;
    ND_OK(nd_stream_pipe(&there, (nd_stream_t *)&a, (nd_stream_t *)&b,
                         mode ? ND_STREAM_PIPE_NO_SPLICE : 0, proxy_cb));
    back.data = &back;
    ND_OK(nd_stream_pipe(&back, (nd_stream_t *)&b, (nd_stream_t *)&a,
                         mode ? ND_STREAM_PIPE_NO_SPLICE : 0, proxy_cb));
    /* data set before the call survives it, as with every request. */
    assert_ptr_equal(back.data, &back);
    assert_null(there.data);
    /* x[0] and y[1] are the two far ends: each writes and reads. */
    memset(prod, 0, sizeof(prod));
    memset(cons, 0, sizeof(cons));
    prod[0].fd = x[0];
    prod[1].fd = y[1];
    cons[0].fd = dup(x[0]);
    cons[1].fd = dup(y[1]);
    for (i = 0; i < 2; i++) {
      prod[i].total = total;
      prod[i].half_close = 1;
      assert_int_equal(pthread_create(&cons[i].thread, NULL, consume,
                                      &cons[i]), 0);
      assert_int_equal(pthread_create(&prod[i].thread, NULL, produce,
                                      &prod[i]), 0);
    }
    while (proxy_calls < 2)
      nd_run(loop, ND_RUN_ONCE);
    assert_int_equal(proxy_status[0], 0);
    assert_int_equal(proxy_status[1], 0);
    assert_int_equal(there.bytes, total);
    assert_int_equal(back.bytes, total);
    if (mode == 0) {
      assert_int_equal(there.bytes_spliced, total);
      assert_int_equal(back.bytes_spliced, total);
    }
    for (i = 0; i < 2; i++) {
      assert_int_equal(pthread_join(prod[i].thread, NULL), 0);
      assert_int_equal(pthread_join(cons[i].thread, NULL), 0);
      assert_true(cons[i].eof);
      assert_int_equal(cons[i].got, total);
      assert_int_equal(cons[i].bad, 0);
    }
    close_and_drain(loop);
  }
}

/* NO_END leaves dst writable; the consumer sees no EOF until it closes. */
static void test_pipe_no_end(void **state) {
  nd_loop_t *loop = *state;
  unsigned int mode;
  struct rig rig;

  for (mode = 0; mode < 2; mode++) {
    rig_start(loop, &rig, 1u << 20,
              ND_STREAM_PIPE_NO_END | (mode ? ND_STREAM_PIPE_NO_SPLICE : 0));
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    assert_int_equal(pipe_calls, 1);
    assert_int_equal(pipe_status, 0);
    assert_int_equal(rig.req.bytes, 1u << 20);
    assert_true(nd_is_writable((nd_stream_t *)&rig.dst));
    assert_int_equal(pthread_join(rig.prod.thread, NULL), 0);
    /* Our close is what ends the consumer's stream now. */
    close_and_drain(loop);
    assert_int_equal(pthread_join(rig.cons.thread, NULL), 0);
    assert_int_equal(rig.cons.got, 1u << 20);
    assert_int_equal(rig.cons.bad, 0);
  }
}

/* src reset half-way: the pipe ends with that error, reported once. */
static void test_pipe_src_reset(void **state) {
  nd_loop_t *loop = *state;
  unsigned int mode;
  struct rig rig;

  for (mode = 0; mode < 2; mode++) {
    rig_start(loop, &rig, 64u << 20, mode ? ND_STREAM_PIPE_NO_SPLICE : 0);
    rig.prod.reset = 1;
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    assert_int_equal(pipe_calls, 1);
    assert_int_equal(pipe_status, ND_ECONNRESET);
    assert_true(rig.req.bytes < 64u << 20);
    assert_int_equal(pthread_join(rig.prod.thread, NULL), 0);
    close_and_drain(loop);
    assert_int_equal(pthread_join(rig.cons.thread, NULL), 0);
    assert_int_equal(rig.cons.bad, 0);
    assert_int_equal(rig.cons.got, rig.req.bytes);
  }
}

static nd_timer_t closer;

static void close_dst(nd_timer_t *t) {
  struct rig *rig = t->data;

  nd_close((nd_handle_t *)&rig->dst, NULL);
  /* Never inside nd_close. */
  assert_int_equal(pipe_calls, 0);
}

/* The user closes dst mid-way: the pipe ends with ND_ECANCELED. */
static void test_pipe_dst_closed(void **state) {
  nd_loop_t *loop = *state;
  unsigned int mode;
  struct rig rig;

  for (mode = 0; mode < 2; mode++) {
    rig_start(loop, &rig, 256u << 20, mode ? ND_STREAM_PIPE_NO_SPLICE : 0);
    ND_OK(nd_timer_init(loop, &closer));
    closer.data = &rig;
    ND_OK(nd_timer_start(&closer, close_dst, 20, 0));
    while (pipe_calls == 0)
      nd_run(loop, ND_RUN_ONCE);
    assert_int_equal(pipe_calls, 1);
    assert_int_equal(pipe_status, ND_ECANCELED);
    /* The producer is stuck on a full socket: closing src frees it. */
    close_and_drain(loop);
    assert_int_equal(pthread_join(rig.prod.thread, NULL), 0);
    assert_int_equal(pthread_join(rig.cons.thread, NULL), 0);
    assert_int_equal(rig.cons.bad, 0);
    assert_int_equal(pipe_calls, 1);
  }
}

static void test_pipe_bad_input(void **state) {
  nd_loop_t *loop = *state;
  nd_stream_pipe_t req, req2;
  nd_tcp_t a, b, c;
  int p[2];

  ND_OK(nd_tcp_init(loop, &a));
  ND_OK(nd_tcp_init(loop, &b));
  ND_OK(nd_tcp_init(loop, &c));
  assert_int_equal(nd_stream_pipe(&req, (nd_stream_t *)&a,
                                  (nd_stream_t *)&a, 0, pipe_cb), ND_EINVAL);
  assert_int_equal(nd_stream_pipe(&req, (nd_stream_t *)&a,
                                  (nd_stream_t *)&b, 64, pipe_cb), ND_EINVAL);
  /* No socket yet. */
  assert_int_equal(nd_stream_pipe(&req, (nd_stream_t *)&a,
                                  (nd_stream_t *)&b, 0, pipe_cb),
                   ND_ENOTCONN);
  tcp_pair(p);
  ND_OK(nd_tcp_open(&a, p[0]));
  ND_OK(nd_tcp_open(&b, p[1]));
  pipe_calls = 0;
  ND_OK(nd_stream_pipe(&req, (nd_stream_t *)&a, (nd_stream_t *)&b, 0,
                       pipe_cb));
  /* One pipe out of a stream, and one into it. */
  assert_int_equal(nd_stream_pipe(&req2, (nd_stream_t *)&c,
                                  (nd_stream_t *)&b, 0, pipe_cb), ND_EBUSY);
  assert_int_equal(nd_stream_pipe(&req2, (nd_stream_t *)&a,
                                  (nd_stream_t *)&c, 0, pipe_cb), ND_EBUSY);
  /* Closing src ends the pipe, afterwards. */
  nd_close((nd_handle_t *)&a, NULL);
  assert_int_equal(pipe_calls, 0);
  close_and_drain(loop);
  assert_int_equal(pipe_calls, 1);
  assert_int_equal(pipe_status, ND_ECANCELED);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      LOOP_TEST(test_pipe_splice_gib),
      LOOP_TEST(test_pipe_copy_gib),
      LOOP_TEST(test_pipe_file_gib),
      LOOP_TEST(test_pipe_both_ways),
      LOOP_TEST(test_pipe_no_end),
      LOOP_TEST(test_pipe_src_reset),
      LOOP_TEST(test_pipe_dst_closed),
      LOOP_TEST(test_pipe_bad_input),
  };

  signal(SIGPIPE, SIG_IGN);
  return cmocka_run_group_tests(tests, NULL, NULL);
}
