/*
 * test-fs-file.c - files through nd_fs_*: open, close, read, write,
 * sendfile, copyfile, ftruncate, fsync, fdatasync and fallocate.
 *
 * Every test does each thing twice, without a callback (the call runs on
 * this thread and returns the result) and with one (the call returns 0 and
 * the callback brings the result, once, on the loop thread, after the call
 * returned).  Which engine serves an asynchronous request depends on the
 * loop: `make check` runs this binary with ND_BACKEND=io_uring, where open,
 * close, read, write, ftruncate, fsync, fdatasync and fallocate are ring
 * operations, and again with ND_BACKEND=epoll, where everything runs on the
 * worker pool.  test_both_engines makes one loop of each kind itself, so a
 * single run covers both paths whatever the matrix says; sendfile, copyfile
 * and writes of more than IOV_MAX buffers use the pool on every loop.
 *
 * The files live in a fresh directory under /tmp, removed at the end; the
 * process must end with the descriptors it started with.  What is checked
 * is what a user relies on: the bytes, sizes, modes and positions the
 * kernel reports afterwards (read with plain system calls), not just the
 * return codes.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-util.h"
#include "../src/loop/uring.h"

#define KiB 1024
#define MiB (1024 * 1024)
#define GiB (INT64_C(1024) * 1024 * 1024)

static char tmpdir[64];
static pthread_t loop_thread;

/*
 * tmpdir/name, in one of a few rotating buffers: enough for the paths of
 * one statement.  A path used across statements is copied with hold().
 */
static const char *tpath(const char *name) {
  static char bufs[8][PATH_MAX];
  static unsigned int next;
  char *p = bufs[next++ % 8];

  snprintf(p, PATH_MAX, "%s/%s", tmpdir, name);
  return p;
}

/* Keep a path from tpath or tname in the caller's buffer. */
static const char *hold(char buf[PATH_MAX], const char *path) {
  snprintf(buf, PATH_MAX, "%s", path);
  return buf;
}

/* A name that differs between the sync (0) and async (1) round. */
static const char *tname(const char *name, int async) {
  static char bufs[8][128];
  static unsigned int next;
  char *p = bufs[next++ % 8];

  snprintf(p, 128, "%s-%s", name, async ? "async" : "sync");
  return tpath(p);
}

/* --- running one request, with or without a callback --------------------- */

struct call {
  nd_fs_t req;
  int calls;
};

static void call_cb(nd_fs_t *req) {
  struct call *c = req->data;

  assert_true(pthread_equal(pthread_self(), loop_thread));
  c->calls++;
}

/*
 * Run the loop until *flag is set; a watchdog turns a hang into a failure.
 * One more iteration closes the watchdog (the closing phase ends every
 * iteration); the loop may still have other work, such as a job held at
 * the gate below.
 */
static int watchdog_closed;

static void watchdog_close_cb(nd_handle_t *h) {
  (void)h;
  watchdog_closed = 1;
}

static void run_until_set(nd_loop_t *loop, volatile int *flag) {
  watchdog_t wd;

  watchdog_start(loop, &wd);
  run_until(loop, &wd, flag);
  assert_false(wd.expired);
  watchdog_closed = 0;
  nd_close((nd_handle_t *)&wd.timer, watchdog_close_cb);
  nd_run(loop, ND_RUN_NOWAIT);
  /* The timer lives on this stack frame: it must be gone now. */
  assert_true(watchdog_closed);
}

/*
 * The end of a call started with return value r: synchronously, r is the
 * result; asynchronously, r is 0, the callback has not run yet, and runs
 * exactly once.  The request is cleaned up; its result is returned.
 */
static ssize_t call_end(nd_loop_t *loop, struct call *c, int r, int async,
                        nd_fs_type type) {
  ssize_t result;

  assert_int_equal(nd_fs_get_type(&c->req), type);
  if (!async) {
    assert_int_equal(r, c->req.result);
    assert_int_equal(c->calls, 0);
  } else {
    if (r != 0)
      fail_msg("async start failed: %s", nd_err_name(r));
    assert_int_equal(c->calls, 0);
    run_until_set(loop, &c->calls);
    assert_int_equal(c->calls, 1);
  }
  result = nd_fs_get_result(&c->req);
  assert_int_equal(nd_fs_get_system_error(&c->req),
                   result < 0 ? (int)-result : 0);
  nd_fs_req_cleanup(&c->req);
  return result;
}

#define FS(loop, async, fn, type, ...)                                       \
  ({                                                                         \
    struct call c_;                                                          \
    memset(&c_, 0, sizeof(c_));                                              \
    c_.req.data = &c_;                                                       \
    call_end((loop), &c_,                                                    \
             fn((loop), &c_.req, __VA_ARGS__, (async) ? call_cb : NULL),     \
             (async), (type));                                               \
  })

static ssize_t xopen(nd_loop_t *l, int a, const char *path, int flags,
                     int mode) {
  return FS(l, a, nd_fs_open, ND_FS_OPEN, path, flags, mode);
}

static ssize_t xclose(nd_loop_t *l, int a, int fd) {
  return FS(l, a, nd_fs_close, ND_FS_CLOSE, fd);
}

static ssize_t xread(nd_loop_t *l, int a, int fd, const nd_buf_t *bufs,
                     unsigned int n, int64_t off) {
  return FS(l, a, nd_fs_read, ND_FS_READ, fd, bufs, n, off);
}

static ssize_t xwrite(nd_loop_t *l, int a, int fd, const nd_buf_t *bufs,
                      unsigned int n, int64_t off) {
  return FS(l, a, nd_fs_write, ND_FS_WRITE, fd, bufs, n, off);
}

static ssize_t xread1(nd_loop_t *l, int a, int fd, void *buf, size_t len,
                      int64_t off) {
  nd_buf_t b = {buf, len};

  return xread(l, a, fd, &b, 1, off);
}

static ssize_t xwrite1(nd_loop_t *l, int a, int fd, const void *buf,
                       size_t len, int64_t off) {
  nd_buf_t b = {(char *)buf, len};

  return xwrite(l, a, fd, &b, 1, off);
}

static ssize_t xftruncate(nd_loop_t *l, int a, int fd, int64_t len) {
  return FS(l, a, nd_fs_ftruncate, ND_FS_FTRUNCATE, fd, len);
}

static ssize_t xfsync(nd_loop_t *l, int a, int fd) {
  return FS(l, a, nd_fs_fsync, ND_FS_FSYNC, fd);
}

static ssize_t xfdatasync(nd_loop_t *l, int a, int fd) {
  return FS(l, a, nd_fs_fdatasync, ND_FS_FDATASYNC, fd);
}

static ssize_t xfallocate(nd_loop_t *l, int a, int fd, int mode, int64_t off,
                          int64_t len) {
  return FS(l, a, nd_fs_fallocate, ND_FS_FALLOCATE, fd, mode, off, len);
}

static ssize_t xsendfile(nd_loop_t *l, int a, int out, int in, int64_t off,
                         size_t len) {
  return FS(l, a, nd_fs_sendfile, ND_FS_SENDFILE, out, in, off, len);
}

static ssize_t xcopyfile(nd_loop_t *l, int a, const char *from,
                         const char *to, int flags) {
  return FS(l, a, nd_fs_copyfile, ND_FS_COPYFILE, from, to, flags);
}

/* --- plain system calls, to check what the library did -------------------- */

static void put_file(const char *path, const void *data, size_t len,
                     mode_t mode) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);

  assert_true(fd >= 0);
  assert_int_equal(write(fd, data, len), (ssize_t)len);
  assert_int_equal(fchmod(fd, mode), 0);
  assert_int_equal(close(fd), 0);
}

/* The whole file, malloc'd; *len gets its size. */
static char *get_file(const char *path, size_t *len) {
  struct stat st;
  char *data;
  int fd = open(path, O_RDONLY | O_CLOEXEC);

  assert_true(fd >= 0);
  assert_int_equal(fstat(fd, &st), 0);
  data = malloc((size_t)st.st_size + 1);
  assert_non_null(data);
  assert_int_equal(pread(fd, data, (size_t)st.st_size, 0), st.st_size);
  data[st.st_size] = '\0';
  assert_int_equal(close(fd), 0);
  *len = (size_t)st.st_size;
  return data;
}

static off_t file_size(int fd) {
  struct stat st;

  assert_int_equal(fstat(fd, &st), 0);
  return st.st_size;
}

static off_t position(int fd) {
  return lseek(fd, 0, SEEK_CUR);
}

static int exists(const char *path) {
  struct stat st;

  return lstat(path, &st) == 0;
}

static void random_bytes(void *buf, size_t len) {
  size_t done = 0;
  ssize_t r;

  while (done < len) {
    r = getrandom((char *)buf + done, len - done, 0);
    assert_true(r > 0);
    done += (size_t)r;
  }
}

/* A loop on a given backend, whatever ND_BACKEND says. */
static int loop_init_on(nd_loop_t *loop, const char *backend) {
  const char *b = getenv("ND_BACKEND");
  char *saved = b != NULL ? strdup(b) : NULL;
  int r;

  setenv("ND_BACKEND", backend, 1);
  r = nd_loop_init(loop);
  if (saved != NULL)
    setenv("ND_BACKEND", saved, 1);
  else
    unsetenv("ND_BACKEND");
  free(saved);
  if (r == 0 && strcmp(nd_backend_name(loop), backend) != 0) {
    nd_loop_close(loop);
    return ND_ENOSYS;
  }
  return r;
}

/* --- open, close ------------------------------------------------------- */

static void test_open_close(void **state) {
  nd_loop_t *loop = *state;
  struct stat st;
  char path_buf[PATH_MAX];
  const char *path;
  ssize_t fd;
  int a;

  for (a = 0; a < 2; a++) {
    path = hold(path_buf, tname("open", a));
    fd = xopen(loop, a, path, O_RDWR | O_CREAT | O_EXCL, 0640);
    assert_true(fd > STDERR_FILENO);
    /* A valid descriptor for the file just made, closed on exec. */
    assert_int_equal(fstat((int)fd, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_int_equal(st.st_size, 0);
    assert_true(fcntl((int)fd, F_GETFD) & FD_CLOEXEC);
    assert_int_equal(fcntl((int)fd, F_GETFL) & O_ACCMODE, O_RDWR);
    assert_int_equal(write((int)fd, "abc", 3), 3);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
    /* Closed: the descriptor is gone, and closing it again fails. */
    assert_int_equal(fcntl((int)fd, F_GETFD), -1);
    assert_int_equal(errno, EBADF);
    assert_int_equal(xclose(loop, a, (int)fd), ND_EBADF);

    assert_int_equal(xopen(loop, a, path, O_WRONLY | O_CREAT | O_EXCL, 0644),
                     ND_EEXIST);
    assert_int_equal(xopen(loop, a, tpath("missing"), O_RDONLY, 0),
                     ND_ENOENT);
    assert_int_equal(xopen(loop, a, tpath("no-dir/file"), O_RDWR | O_CREAT,
                           0644),
                     ND_ENOENT);
    assert_int_equal(xopen(loop, a, tmpdir, O_WRONLY, 0), ND_EISDIR);
    assert_int_equal(xopen(loop, a, tmpdir, O_RDWR, 0), ND_EISDIR);
    assert_int_equal(xopen(loop, a, path, O_RDONLY | O_DIRECTORY, 0),
                     ND_ENOTDIR);

    /* A directory opens read-only; O_TRUNC empties a file. */
    fd = xopen(loop, a, tmpdir, O_RDONLY | O_DIRECTORY, 0);
    assert_true(fd >= 0);
    assert_int_equal(fstat((int)fd, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(xclose(loop, a, (int)fd), 0);
    fd = xopen(loop, a, path, O_WRONLY | O_TRUNC, 0);
    assert_true(fd >= 0);
    assert_int_equal(file_size((int)fd), 0);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
    /* O_APPEND: a write at the current position lands at the end. */
    put_file(path, "head", 4, 0644);
    fd = xopen(loop, a, path, O_WRONLY | O_APPEND, 0);
    assert_true(fd >= 0);
    assert_int_equal(xwrite1(loop, a, (int)fd, "tail", 4, -1), 4);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
    {
      size_t len;
      char *data = get_file(path, &len);

      assert_int_equal(len, 8);
      assert_memory_equal(data, "headtail", 8);
      free(data);
    }
  }
}

/* Bad arguments fail at once, and the callback never runs. */
static void test_invalid_arguments(void **state) {
  nd_loop_t *loop = *state;
  char byte;
  nd_buf_t buf = {&byte, 1};
  struct call c;
  int a;

  for (a = 0; a < 2; a++) {
    nd_fs_cb cb = a ? call_cb : NULL;

    memset(&c, 0, sizeof(c));
    c.req.data = &c;
    assert_int_equal(nd_fs_open(loop, &c.req, NULL, O_RDONLY, 0, cb),
                     ND_EINVAL);
    nd_fs_req_cleanup(&c.req);
    assert_int_equal(nd_fs_read(loop, &c.req, 0, NULL, 1, 0, cb), ND_EINVAL);
    assert_int_equal(nd_fs_read(loop, &c.req, 0, &buf, 0, 0, cb), ND_EINVAL);
    assert_int_equal(nd_fs_read(loop, &c.req, 0, &buf, 1, -2, cb),
                     ND_EINVAL);
    assert_int_equal(nd_fs_write(loop, &c.req, 1, NULL, 1, -1, cb),
                     ND_EINVAL);
    assert_int_equal(nd_fs_write(loop, &c.req, 1, &buf, 0, -1, cb),
                     ND_EINVAL);
    assert_int_equal(nd_fs_write(loop, &c.req, 1, &buf, 1, INT64_MIN, cb),
                     ND_EINVAL);
    assert_int_equal(nd_fs_get_result(&c.req), ND_EINVAL);
    assert_int_equal(nd_fs_sendfile(loop, &c.req, 1, 0, -5, 1, cb),
                     ND_EINVAL);
    assert_int_equal(nd_fs_copyfile(loop, &c.req, NULL, "x", 0, cb),
                     ND_EINVAL);
    assert_int_equal(nd_fs_copyfile(loop, &c.req, "x", NULL, 0, cb),
                     ND_EINVAL);
    assert_int_equal(nd_fs_copyfile(loop, &c.req, tpath("a"), tpath("b"),
                                    0x100, cb),
                     ND_EINVAL);
    assert_false(exists(tpath("b")));
    nd_fs_req_cleanup(&c.req);
    /* Nothing was started: the loop has nothing to run. */
    assert_false(nd_loop_alive(loop));
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    assert_int_equal(c.calls, 0);
  }
}

/* --- read, write -------------------------------------------------------- */

/*
 * Offset -1 reads and writes at the descriptor's position and moves it; an
 * explicit offset neither uses nor moves it.
 */
static void test_positions(void **state) {
  nd_loop_t *loop = *state;
  char buf[128];
  ssize_t fd;
  int a;

  for (a = 0; a < 2; a++) {
    fd = xopen(loop, a, tname("pos", a), O_RDWR | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(xwrite1(loop, a, (int)fd, "hello, ", 7, -1), 7);
    assert_int_equal(position((int)fd), 7);
    assert_int_equal(xwrite1(loop, a, (int)fd, "world", 5, -1), 5);
    assert_int_equal(position((int)fd), 12);
    assert_int_equal(xwrite1(loop, a, (int)fd, "XYZ", 3, 100), 3);
    assert_int_equal(position((int)fd), 12);
    assert_int_equal(file_size((int)fd), 103);

    memset(buf, '?', sizeof(buf));
    assert_int_equal(xread1(loop, a, (int)fd, buf, 12, 0), 12);
    assert_memory_equal(buf, "hello, world", 12);
    assert_int_equal(position((int)fd), 12);
    /* The hole between 12 and 100 reads as zeros. */
    memset(buf, '?', sizeof(buf));
    assert_int_equal(xread1(loop, a, (int)fd, buf, 88, -1), 88);
    assert_int_equal(position((int)fd), 100);
    {
      char zeros[88] = {0};

      assert_memory_equal(buf, zeros, 88);
    }
    assert_int_equal(lseek((int)fd, 0, SEEK_SET), 0);
    assert_int_equal(xread1(loop, a, (int)fd, buf, 5, -1), 5);
    assert_memory_equal(buf, "hello", 5);
    assert_int_equal(position((int)fd), 5);
    assert_int_equal(xread1(loop, a, (int)fd, buf, 5, -1), 5);
    assert_memory_equal(buf, ", wor", 5);
    assert_int_equal(position((int)fd), 10);
    assert_int_equal(xread1(loop, a, (int)fd, buf, 3, 100), 3);
    assert_memory_equal(buf, "XYZ", 3);
    assert_int_equal(position((int)fd), 10);
    /* Overwrite in the middle, at an offset. */
    assert_int_equal(xwrite1(loop, a, (int)fd, "W", 1, 7), 1);
    assert_int_equal(xread1(loop, a, (int)fd, buf, 12, 0), 12);
    assert_memory_equal(buf, "hello, World", 12);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
  }
}

/* 1, 3 and 20 buffers (more than the request keeps inline), each a size. */
static void test_vectored(void **state) {
  nd_loop_t *loop = *state;
  static const unsigned int counts[] = {1, 3, 20};
  char src[20 * 21];
  char dst[20 * 21];
  char flat[20 * 21 + 16];
  nd_buf_t bufs[20];
  size_t total;
  ssize_t fd;
  unsigned int i;
  unsigned int k;
  int a;

  random_bytes(src, sizeof(src));
  for (a = 0; a < 2; a++) {
    fd = xopen(loop, a, tname("vec", a), O_RDWR | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    for (k = 0; k < 3; k++) {
      unsigned int n = counts[k];

      /* Buffer i holds i + 1 bytes. */
      total = 0;
      for (i = 0; i < n; i++) {
        bufs[i] = nd_buf_init(src + total, i + 1);
        total += i + 1;
      }
      assert_int_equal(ftruncate((int)fd, 0), 0);
      assert_int_equal(lseek((int)fd, 0, SEEK_SET), 0);
      assert_int_equal(xwrite(loop, a, (int)fd, bufs, n, 16), total);
      assert_int_equal(file_size((int)fd), 16 + total);
      memset(flat, '?', sizeof(flat));
      assert_int_equal(pread((int)fd, flat, sizeof(flat), 0), 16 + total);
      assert_memory_equal(flat + 16, src, total);

      /* Read back into n buffers: each gets its own part. */
      memset(dst, '?', sizeof(dst));
      total = 0;
      for (i = 0; i < n; i++) {
        bufs[i] = nd_buf_init(dst + total, i + 1);
        total += i + 1;
      }
      assert_int_equal(xread(loop, a, (int)fd, bufs, n, 16), total);
      assert_memory_equal(dst, src, total);
      assert_int_equal(position((int)fd), 0);

      /* At the position: written after what is there, position moves. */
      assert_int_equal(lseek((int)fd, 0, SEEK_END), 16 + total);
      for (i = 0; i < n; i++)
        bufs[i] = nd_buf_init(src + i, 1);
      assert_int_equal(xwrite(loop, a, (int)fd, bufs, n, -1), n);
      assert_int_equal(position((int)fd), 16 + total + n);
      assert_int_equal(lseek((int)fd, 16, SEEK_SET), 16);
      memset(dst, '?', sizeof(dst));
      total = 0;
      for (i = 0; i < n; i++) {
        bufs[i] = nd_buf_init(dst + total, i + 1);
        total += i + 1;
      }
      assert_int_equal(xread(loop, a, (int)fd, bufs, n, -1), total);
      assert_memory_equal(dst, src, total);
      assert_int_equal(position((int)fd), 16 + total);
    }
    /* Empty buffers among full ones, and only empty ones. */
    bufs[0] = nd_buf_init(src, 0);
    bufs[1] = nd_buf_init(src, 4);
    bufs[2] = nd_buf_init(src + 4, 0);
    bufs[3] = nd_buf_init(src + 4, 4);
    bufs[4] = nd_buf_init(src + 8, 0);
    assert_int_equal(xwrite(loop, a, (int)fd, bufs, 5, 0), 8);
    assert_int_equal(xwrite(loop, a, (int)fd, bufs, 1, 0), 0);
    memset(dst, '?', sizeof(dst));
    assert_int_equal(pread((int)fd, dst, 8, 0), 8);
    assert_memory_equal(dst, src, 8);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
  }
}

/*
 * More buffers than one system call takes: a write writes them all (on
 * every loop: it goes to the pool), a read fills at most IOV_MAX of them.
 */
static void test_more_than_iov_max(void **state) {
  nd_loop_t *loop = *state;
  enum { N = IOV_MAX + 476 };
  nd_buf_t *bufs = calloc(N, sizeof(*bufs));
  char *src = malloc(2 * N);
  char *dst = malloc(2 * N);
  ssize_t fd;
  int a;
  int i;

  assert_non_null(bufs);
  assert_non_null(src);
  assert_non_null(dst);
  random_bytes(src, 2 * N);
  for (a = 0; a < 2; a++) {
    fd = xopen(loop, a, tname("iovmax", a), O_RDWR | O_CREAT | O_TRUNC,
               0644);
    assert_true(fd >= 0);
    for (i = 0; i < N; i++)
      bufs[i] = nd_buf_init(src + 2 * i, 2);
    assert_int_equal(xwrite(loop, a, (int)fd, bufs, N, 0), 2 * N);
    assert_int_equal(file_size((int)fd), 2 * N);
    assert_int_equal(pread((int)fd, dst, 2 * N, 0), 2 * N);
    assert_memory_equal(dst, src, 2 * N);
    /* The same at the position, which ends after all of it. */
    for (i = 0; i < N; i++)
      bufs[i] = nd_buf_init(src + 2 * i, 2);
    assert_int_equal(xwrite(loop, a, (int)fd, bufs, N, -1), 2 * N);
    assert_int_equal(position((int)fd), 2 * N);
    memset(dst, 0, 2 * N);
    for (i = 0; i < N; i++)
      bufs[i] = nd_buf_init(dst + 2 * i, 2);
    assert_int_equal(xread(loop, a, (int)fd, bufs, N, 0), 2 * IOV_MAX);
    assert_memory_equal(dst, src, 2 * IOV_MAX);
    assert_int_equal(dst[2 * IOV_MAX], 0);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
  }
  free(bufs);
  free(src);
  free(dst);
}

/* A read at or past the end returns what there is, then 0. */
static void test_short_reads_at_eof(void **state) {
  nd_loop_t *loop = *state;
  char buf[100];
  ssize_t fd;
  int a;

  for (a = 0; a < 2; a++) {
    put_file(tname("eof", a), "0123456789", 10, 0644);
    fd = xopen(loop, a, tname("eof", a), O_RDONLY, 0);
    assert_true(fd >= 0);
    assert_int_equal(xread1(loop, a, (int)fd, buf, sizeof(buf), 0), 10);
    assert_memory_equal(buf, "0123456789", 10);
    assert_int_equal(xread1(loop, a, (int)fd, buf, sizeof(buf), 7), 3);
    assert_memory_equal(buf, "789", 3);
    assert_int_equal(xread1(loop, a, (int)fd, buf, sizeof(buf), 10), 0);
    assert_int_equal(xread1(loop, a, (int)fd, buf, sizeof(buf), 1 << 30), 0);
    assert_int_equal(xread1(loop, a, (int)fd, buf, sizeof(buf), -1), 10);
    assert_int_equal(xread1(loop, a, (int)fd, buf, sizeof(buf), -1), 0);
    assert_int_equal(position((int)fd), 10);
    /* A read-only descriptor cannot be written. */
    assert_int_equal(xwrite1(loop, a, (int)fd, "x", 1, 0), ND_EBADF);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
  }
}

/* Every operation on a closed descriptor reports EBADF. */
static void test_closed_descriptor(void **state) {
  nd_loop_t *loop = *state;
  char buf[4];
  ssize_t fd;
  int other;
  int a;

  other = open(tpath("ebadf-src"), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  assert_true(other >= 0);
  for (a = 0; a < 2; a++) {
    fd = xopen(loop, a, tname("ebadf", a), O_RDWR | O_CREAT, 0644);
    assert_true(fd >= 0);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
    assert_int_equal(xread1(loop, a, (int)fd, buf, 4, -1), ND_EBADF);
    assert_int_equal(xread1(loop, a, (int)fd, buf, 4, 0), ND_EBADF);
    assert_int_equal(xwrite1(loop, a, (int)fd, "abcd", 4, -1), ND_EBADF);
    assert_int_equal(xwrite1(loop, a, (int)fd, "abcd", 4, 0), ND_EBADF);
    assert_int_equal(xfsync(loop, a, (int)fd), ND_EBADF);
    assert_int_equal(xfdatasync(loop, a, (int)fd), ND_EBADF);
    assert_int_equal(xftruncate(loop, a, (int)fd, 0), ND_EBADF);
    assert_int_equal(xfallocate(loop, a, (int)fd, 0, 0, 4096), ND_EBADF);
    assert_int_equal(xsendfile(loop, a, other, (int)fd, 0, 4), ND_EBADF);
    assert_int_equal(xsendfile(loop, a, (int)fd, other, 0, 4), ND_EBADF);
    assert_int_equal(xclose(loop, a, (int)fd), ND_EBADF);
    assert_int_equal(xclose(loop, a, -1), ND_EBADF);
  }
  assert_int_equal(close(other), 0);
}

/* --- ftruncate, fsync, fdatasync, fallocate ------------------------------ */

static void test_ftruncate(void **state) {
  nd_loop_t *loop = *state;
  char buf[1000];
  char zeros[995] = {0};
  ssize_t fd;
  int a;

  for (a = 0; a < 2; a++) {
    put_file(tname("trunc", a), "hello", 5, 0644);
    fd = xopen(loop, a, tname("trunc", a), O_RDWR, 0);
    assert_true(fd >= 0);
    assert_int_equal(xftruncate(loop, a, (int)fd, 1000), 0);
    assert_int_equal(file_size((int)fd), 1000);
    assert_int_equal(pread((int)fd, buf, sizeof(buf), 0), 1000);
    assert_memory_equal(buf, "hello", 5);
    assert_memory_equal(buf + 5, zeros, 995);
    assert_int_equal(xftruncate(loop, a, (int)fd, 3), 0);
    assert_int_equal(file_size((int)fd), 3);
    assert_int_equal(pread((int)fd, buf, sizeof(buf), 0), 3);
    assert_memory_equal(buf, "hel", 3);
    assert_int_equal(xftruncate(loop, a, (int)fd, 0), 0);
    assert_int_equal(file_size((int)fd), 0);
    assert_int_equal(xftruncate(loop, a, (int)fd, -1), ND_EINVAL);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
    /* Not open for writing. */
    fd = xopen(loop, a, tname("trunc", a), O_RDONLY, 0);
    assert_true(fd >= 0);
    assert_int_equal(xftruncate(loop, a, (int)fd, 10), ND_EINVAL);
    assert_int_equal(file_size((int)fd), 0);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
  }
}

static void test_fsync_fdatasync(void **state) {
  nd_loop_t *loop = *state;
  char buf[8];
  ssize_t fd;
  int pipefd[2];
  int a;

  assert_int_equal(pipe2(pipefd, O_CLOEXEC), 0);
  for (a = 0; a < 2; a++) {
    fd = xopen(loop, a, tname("sync", a), O_RDWR | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(xwrite1(loop, a, (int)fd, "durable", 7, 0), 7);
    assert_int_equal(xfsync(loop, a, (int)fd), 0);
    assert_int_equal(xwrite1(loop, a, (int)fd, "D", 1, 0), 1);
    assert_int_equal(xfdatasync(loop, a, (int)fd), 0);
    assert_int_equal(pread((int)fd, buf, sizeof(buf), 0), 7);
    assert_memory_equal(buf, "Durable", 7);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
    /* A pipe has nothing to sync. */
    assert_int_equal(xfsync(loop, a, pipefd[1]), ND_EINVAL);
    assert_int_equal(xfdatasync(loop, a, pipefd[1]), ND_EINVAL);
  }
  assert_int_equal(close(pipefd[0]), 0);
  assert_int_equal(close(pipefd[1]), 0);
}

static void test_fallocate(void **state) {
  nd_loop_t *loop = *state;
  struct stat st;
  ssize_t fd;
  int a;

  for (a = 0; a < 2; a++) {
    fd = xopen(loop, a, tname("falloc", a), O_RDWR | O_CREAT | O_TRUNC,
               0644);
    assert_true(fd >= 0);
    /* Mode 0 allocates and grows the file. */
    assert_int_equal(xfallocate(loop, a, (int)fd, 0, 0, MiB), 0);
    assert_int_equal(fstat((int)fd, &st), 0);
    assert_int_equal(st.st_size, MiB);
    assert_true((int64_t)st.st_blocks * 512 >= MiB);
    /* KEEP_SIZE allocates past the end without moving it. */
    assert_int_equal(
        xfallocate(loop, a, (int)fd, FALLOC_FL_KEEP_SIZE, MiB, MiB), 0);
    assert_int_equal(fstat((int)fd, &st), 0);
    assert_int_equal(st.st_size, MiB);
    assert_true((int64_t)st.st_blocks * 512 >= 2 * MiB);
    /* Punching a hole frees blocks and keeps the size. */
    assert_int_equal(xfallocate(loop, a, (int)fd,
                                FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0,
                                MiB),
                     0);
    assert_int_equal(fstat((int)fd, &st), 0);
    assert_int_equal(st.st_size, MiB);
    assert_true((int64_t)st.st_blocks * 512 < 2 * MiB);
    /* Past 4 GiB, 64-bit offsets and lengths. */
    assert_int_equal(xfallocate(loop, a, (int)fd, FALLOC_FL_KEEP_SIZE,
                                5 * GiB, 64 * KiB),
                     0);
    assert_int_equal(file_size((int)fd), MiB);
    /* The kernel's own checks. */
    assert_int_equal(xfallocate(loop, a, (int)fd, 0, 0, 0), ND_EINVAL);
    assert_int_equal(xfallocate(loop, a, (int)fd, 0, -1, 10), ND_EINVAL);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
  }
}

/* --- sendfile ------------------------------------------------------------ */

static void test_sendfile_between_files(void **state) {
  nd_loop_t *loop = *state;
  enum { SIZE = 300000 };
  char *src = malloc(SIZE);
  char *data;
  size_t len;
  int in;
  int out;
  int a;

  assert_non_null(src);
  random_bytes(src, SIZE);
  put_file(tpath("sf-src"), src, SIZE, 0644);
  in = open(tpath("sf-src"), O_RDONLY | O_CLOEXEC);
  assert_true(in >= 0);
  for (a = 0; a < 2; a++) {
    out = open(tname("sf-out", a), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC,
               0644);
    assert_true(out >= 0);
    /* From an offset: the source's position stays, the target's moves. */
    assert_int_equal(xsendfile(loop, a, out, in, 1000, 5000), 5000);
    assert_int_equal(position(in), 0);
    assert_int_equal(position(out), 5000);
    /* -1: from the source's position, which moves. */
    assert_int_equal(lseek(in, 10, SEEK_SET), 10);
    assert_int_equal(xsendfile(loop, a, out, in, -1, 100), 100);
    assert_int_equal(position(in), 110);
    assert_int_equal(position(out), 5100);
    /* Near the end: what there is; past it: nothing. */
    assert_int_equal(xsendfile(loop, a, out, in, SIZE - 1000, 5000), 1000);
    assert_int_equal(xsendfile(loop, a, out, in, SIZE, 5000), 0);
    assert_int_equal(xsendfile(loop, a, out, in, 3 * GiB, 5000), 0);
    assert_int_equal(xsendfile(loop, a, out, in, 0, 0), 0);
    assert_int_equal(close(out), 0);
    assert_int_equal(lseek(in, 0, SEEK_SET), 0);

    data = get_file(tname("sf-out", a), &len);
    assert_int_equal(len, 6100);
    assert_memory_equal(data, src + 1000, 5000);
    assert_memory_equal(data + 5000, src + 10, 100);
    assert_memory_equal(data + 5100, src + SIZE - 1000, 1000);
    free(data);

    /*
     * A target opened O_APPEND: the kernel's sendfile refuses it (EINVAL),
     * and the library copies through a buffer instead.
     */
    put_file(tname("sf-append", a), "head", 4, 0644);
    out = open(tname("sf-append", a), O_WRONLY | O_APPEND | O_CLOEXEC);
    assert_true(out >= 0);
    assert_int_equal(xsendfile(loop, a, out, in, 0, 3 * 64 * KiB + 5),
                     3 * 64 * KiB + 5);
    assert_int_equal(position(in), 0);
    assert_int_equal(lseek(in, 7, SEEK_SET), 7);
    assert_int_equal(xsendfile(loop, a, out, in, -1, 10), 10);
    assert_int_equal(position(in), 17);
    assert_int_equal(lseek(in, 0, SEEK_SET), 0);
    assert_int_equal(close(out), 0);
    data = get_file(tname("sf-append", a), &len);
    assert_int_equal(len, 4 + 3 * 64 * KiB + 5 + 10);
    assert_memory_equal(data, "head", 4);
    assert_memory_equal(data + 4, src, 3 * 64 * KiB + 5);
    assert_memory_equal(data + 4 + 3 * 64 * KiB + 5, src + 7, 10);
    free(data);
  }
  assert_int_equal(close(in), 0);
  free(src);
}

static void test_sendfile_to_pipe(void **state) {
  nd_loop_t *loop = *state;
  enum { SIZE = 20000 };
  char *src = malloc(SIZE);
  char buf[8192];
  int pipefd[2];
  int in;
  int a;

  assert_non_null(src);
  random_bytes(src, SIZE);
  put_file(tpath("sfp-src"), src, SIZE, 0644);
  in = open(tpath("sfp-src"), O_RDONLY | O_CLOEXEC);
  assert_true(in >= 0);
  assert_int_equal(pipe2(pipefd, O_CLOEXEC), 0);
  for (a = 0; a < 2; a++) {
    /* Fits the pipe's 64 KiB: the whole of it arrives. */
    assert_int_equal(xsendfile(loop, a, pipefd[1], in, 500, sizeof(buf)),
                     sizeof(buf));
    assert_int_equal(position(in), 0);
    assert_int_equal(read(pipefd[0], buf, sizeof(buf)), sizeof(buf));
    assert_memory_equal(buf, src + 500, sizeof(buf));
  }
  assert_int_equal(close(pipefd[0]), 0);
  assert_int_equal(close(pipefd[1]), 0);
  assert_int_equal(close(in), 0);
  free(src);
}

/* --- copyfile ------------------------------------------------------------ */

static void assert_same_file(const char *a_path, const char *b_path) {
  size_t alen;
  size_t blen;
  char *a = get_file(a_path, &alen);
  char *b = get_file(b_path, &blen);
  size_t i;

  assert_int_equal(alen, blen);
  for (i = 0; i < alen; i++)
    if (a[i] != b[i])
      fail_msg("%s and %s differ at byte %zu", a_path, b_path, i);
  free(a);
  free(b);
}

static mode_t mode_of(const char *path) {
  struct stat st;

  assert_int_equal(stat(path, &st), 0);
  return st.st_mode & 07777;
}

static void test_copyfile(void **state) {
  nd_loop_t *loop = *state;
  static const char text[] = "the contents of the source\n";
  char src_buf[PATH_MAX];
  const char *src = hold(src_buf, tpath("cp-src"));
  char dst_buf[PATH_MAX];
  const char *dst;
  size_t len;
  char *data;
  int a;

  /* 0606: a mode the umask (022 here) would change on a new file. */
  put_file(src, text, sizeof(text) - 1, 0606);
  for (a = 0; a < 2; a++) {
    dst = hold(dst_buf, tname("cp-dst", a));
    assert_int_equal(xcopyfile(loop, a, src, dst, 0), 0);
    assert_same_file(src, dst);
    assert_int_equal(mode_of(dst), 0606);

    /* An existing, longer file is replaced, and gets the source's mode. */
    put_file(dst, "an older and much longer file than the source, by far\n",
             54, 0600);
    assert_int_equal(xcopyfile(loop, a, src, dst, 0), 0);
    assert_same_file(src, dst);
    assert_int_equal(mode_of(dst), 0606);

    /* EXCL: an existing destination is an error and stays as it was. */
    put_file(dst, "keep", 4, 0644);
    assert_int_equal(xcopyfile(loop, a, src, dst, ND_FS_COPYFILE_EXCL),
                     ND_EEXIST);
    data = get_file(dst, &len);
    assert_int_equal(len, 4);
    assert_memory_equal(data, "keep", 4);
    free(data);
    assert_int_equal(unlink(dst), 0);
    assert_int_equal(xcopyfile(loop, a, src, dst, ND_FS_COPYFILE_EXCL), 0);
    assert_same_file(src, dst);

    /* No source: nothing is created. */
    assert_int_equal(unlink(dst), 0);
    assert_int_equal(xcopyfile(loop, a, tpath("cp-missing"), dst, 0),
                     ND_ENOENT);
    assert_false(exists(dst));
    assert_int_equal(xcopyfile(loop, a, tmpdir, dst, 0), ND_EISDIR);
    assert_false(exists(dst));
    assert_int_equal(xcopyfile(loop, a, src, tpath("no-dir/x"), 0),
                     ND_ENOENT);
    assert_int_equal(xcopyfile(loop, a, src, tmpdir, 0), ND_EISDIR);

    /* A read-only original: the new copy is written, then made read-only. */
    put_file(tname("cp-ro", a), text, sizeof(text) - 1, 0444);
    assert_int_equal(xcopyfile(loop, a, tname("cp-ro", a), dst, 0), 0);
    assert_same_file(tname("cp-ro", a), dst);
    assert_int_equal(mode_of(dst), 0444);
    assert_int_equal(unlink(dst), 0);

    /* An empty source makes an empty copy. */
    put_file(tname("cp-empty", a), "", 0, 0644);
    put_file(dst, "not empty", 9, 0644);
    assert_int_equal(xcopyfile(loop, a, tname("cp-empty", a), dst, 0), 0);
    data = get_file(dst, &len);
    assert_int_equal(len, 0);
    free(data);
  }
}

/*
 * FICLONE asks for a reflink and copies when the file system has none;
 * FICLONE_FORCE fails instead.  /tmp here is ext4, which has no reflinks:
 * ioctl(FICLONE) fails with EOPNOTSUPP (== ENOTSUP on Linux), which is what
 * FICLONE_FORCE reports.  On btrfs or XFS it would succeed; either outcome
 * is accepted, the observed one printed.
 */
static void test_copyfile_ficlone(void **state) {
  nd_loop_t *loop = *state;
  char src_buf[PATH_MAX];
  const char *src = hold(src_buf, tpath("clone-src"));
  char dst_buf[PATH_MAX];
  const char *dst;
  char data[50000];
  ssize_t r;
  int a;

  random_bytes(data, sizeof(data));
  put_file(src, data, sizeof(data), 0640);
  for (a = 0; a < 2; a++) {
    dst = hold(dst_buf, tname("clone-dst", a));
    assert_int_equal(xcopyfile(loop, a, src, dst, ND_FS_COPYFILE_FICLONE), 0);
    assert_same_file(src, dst);
    assert_int_equal(mode_of(dst), 0640);
    assert_int_equal(unlink(dst), 0);

    r = xcopyfile(loop, a, src, dst, ND_FS_COPYFILE_FICLONE_FORCE);
    if (a == 0)
      printf("# FICLONE_FORCE on %s: %s\n", tmpdir,
             r == 0 ? "cloned" : nd_err_name((int)r));
    if (r == 0) {
      assert_same_file(src, dst);
      assert_int_equal(unlink(dst), 0);
    } else {
      assert_true(r == ND_ENOTSUP || r == -EOPNOTSUPP || r == ND_EXDEV ||
                  r == ND_EINVAL);
      /* The failed clone removed the file it had made. */
      assert_false(exists(dst));
    }
    /* A failed forced clone leaves an existing destination alone. */
    put_file(dst, "old", 3, 0644);
    r = xcopyfile(loop, a, src, dst, ND_FS_COPYFILE_FICLONE_FORCE);
    if (r == 0) {
      assert_same_file(src, dst);
    } else {
      size_t len;
      char *old = get_file(dst, &len);

      assert_int_equal(len, 3);
      assert_memory_equal(old, "old", 3);
      free(old);
    }
    assert_int_equal(unlink(dst), 0);
  }
}

/* A copy onto itself changes nothing, and does not truncate. */
static void test_copyfile_onto_itself(void **state) {
  nd_loop_t *loop = *state;
  char src_buf[PATH_MAX];
  const char *src = hold(src_buf, tpath("self"));
  size_t len;
  char *data;
  int a;

  put_file(src, "myself", 6, 0644);
  for (a = 0; a < 2; a++) {
    assert_int_equal(xcopyfile(loop, a, src, src, 0), 0);
    assert_int_equal(xcopyfile(loop, a, src, src, ND_FS_COPYFILE_FICLONE), 0);
    assert_int_equal(xcopyfile(loop, a, src, src, ND_FS_COPYFILE_EXCL),
                     ND_EEXIST);
    /* Through another name of the same file. */
    assert_int_equal(link(src, tname("self-link", a)), 0);
    assert_int_equal(xcopyfile(loop, a, src, tname("self-link", a), 0), 0);
    data = get_file(src, &len);
    assert_int_equal(len, 6);
    assert_memory_equal(data, "myself", 6);
    free(data);
    assert_int_equal(mode_of(src), 0644);
  }
}

/*
 * 1 MiB of random bytes, compared byte by byte: within /tmp (where
 * copy_file_range does the copy) and to /dev/shm, another file system,
 * where copy_file_range says EXDEV and the library falls back.
 */
static void test_copyfile_large(void **state) {
  nd_loop_t *loop = *state;
  char src_buf[PATH_MAX];
  const char *src = hold(src_buf, tpath("big-src"));
  char *data = malloc(MiB + 123);
  char shm[64];
  struct stat a_st;
  struct stat b_st;
  int a;

  assert_non_null(data);
  random_bytes(data, MiB + 123);
  put_file(src, data, MiB + 123, 0600);
  free(data);
  for (a = 0; a < 2; a++) {
    assert_int_equal(xcopyfile(loop, a, src, tname("big-dst", a), 0), 0);
    assert_same_file(src, tname("big-dst", a));
    assert_int_equal(mode_of(tname("big-dst", a)), 0600);

    snprintf(shm, sizeof(shm), "/dev/shm/nodec-test-fs-file.%d.%d",
             (int)getpid(), a);
    if (stat("/dev/shm", &a_st) != 0 || stat(tmpdir, &b_st) != 0 ||
        a_st.st_dev == b_st.st_dev) {
      printf("# no second file system at /dev/shm: cross-device copy "
             "not tested\n");
      continue;
    }
    assert_int_equal(xcopyfile(loop, a, src, shm, 0), 0);
    assert_same_file(src, shm);
    assert_int_equal(unlink(shm), 0);
  }
}

/*
 * A copy that fails half-way removes the destination it created, and
 * leaves one that existed before.  /proc/self/mem opens and says it is a
 * file, but reading its offset 0 (never mapped) fails with EIO.
 */
static void test_copyfile_failure_cleans_up(void **state) {
  nd_loop_t *loop = *state;
  char dst_buf[PATH_MAX];
  const char *dst;
  ssize_t r;
  int a;

  for (a = 0; a < 2; a++) {
    dst = hold(dst_buf, tname("fail-dst", a));
    r = xcopyfile(loop, a, "/proc/self/mem", dst, 0);
    assert_int_equal(r, ND_EIO);
    assert_false(exists(dst));
    put_file(dst, "old", 3, 0644);
    r = xcopyfile(loop, a, "/proc/self/mem", dst, 0);
    assert_int_equal(r, ND_EIO);
    assert_true(exists(dst));
  }
}

/* --- big files, many requests ---------------------------------------------- */

/* A sparse file of 5 GiB: offsets past 4 GiB are 64-bit all the way. */
static void test_offsets_past_4gib(void **state) {
  nd_loop_t *loop = *state;
  static const char rec[16] = "past four GiB!!";
  const int64_t at = 4 * GiB + GiB / 2;
  char buf[32];
  ssize_t fd;
  int a;

  for (a = 0; a < 2; a++) {
    fd = xopen(loop, a, tname("huge", a), O_RDWR | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(xftruncate(loop, a, (int)fd, 5 * GiB), 0);
    assert_int_equal(file_size((int)fd), 5 * GiB);
    assert_int_equal(xwrite1(loop, a, (int)fd, rec, 16, at), 16);
    assert_int_equal(position((int)fd), 0);
    memset(buf, '?', sizeof(buf));
    assert_int_equal(pread((int)fd, buf, 16, at), 16);
    assert_memory_equal(buf, rec, 16);
    memset(buf, '?', sizeof(buf));
    assert_int_equal(xread1(loop, a, (int)fd, buf, 32, at - 16), 32);
    {
      char zeros[16] = {0};

      assert_memory_equal(buf, zeros, 16);
      assert_memory_equal(buf + 16, rec, 16);
    }
    /* And at the position, once it is past 4 GiB. */
    assert_int_equal(lseek((int)fd, at, SEEK_SET), at);
    memset(buf, '?', sizeof(buf));
    assert_int_equal(xread1(loop, a, (int)fd, buf, 16, -1), 16);
    assert_memory_equal(buf, rec, 16);
    assert_int_equal(position((int)fd), at + 16);
    assert_int_equal(xread1(loop, a, (int)fd, buf, 16, 5 * GiB), 0);
    assert_int_equal(xftruncate(loop, a, (int)fd, 0), 0);
    assert_int_equal(xclose(loop, a, (int)fd), 0);
  }
}

/* 10,000 reads of one descriptor in flight at once, each its own record. */
enum { NREC = 10000 };

struct rec_read {
  nd_fs_t req;
  char buf[16];
  int calls;
};

static int recs_done;
static volatile int all_recs_done;

static void rec_cb(nd_fs_t *req) {
  struct rec_read *r = req->data;

  assert_true(pthread_equal(pthread_self(), loop_thread));
  r->calls++;
  if (++recs_done == NREC)
    all_recs_done = 1;
}

static void make_record(char out[16], int i) {
  char tmp[17];

  snprintf(tmp, sizeof(tmp), "record#%08d\n", i);
  memcpy(out, tmp, 16);
}

static void test_many_concurrent_reads(void **state) {
  nd_loop_t *loop = *state;
  struct rec_read *reads = calloc(NREC, sizeof(*reads));
  char *content = malloc(NREC * 16);
  char want[16];
  nd_buf_t buf;
  int fd;
  int a;
  int i;

  assert_non_null(reads);
  assert_non_null(content);
  for (i = 0; i < NREC; i++)
    make_record(content + 16 * i, i);
  put_file(tpath("records"), content, NREC * 16, 0644);
  free(content);
  fd = open(tpath("records"), O_RDONLY | O_CLOEXEC);
  assert_true(fd >= 0);
  for (a = 0; a < 2; a++) {
    memset(reads, 0, NREC * sizeof(*reads));
    recs_done = 0;
    all_recs_done = 0;
    /* Backwards, so that no order of completion is taken for granted. */
    for (i = NREC - 1; i >= 0; i--) {
      reads[i].req.data = &reads[i];
      buf = nd_buf_init(reads[i].buf, 16);
      if (a) {
        ND_OK(nd_fs_read(loop, &reads[i].req, fd, &buf, 1, (int64_t)i * 16,
                         rec_cb));
      } else {
        assert_int_equal(nd_fs_read(loop, &reads[i].req, fd, &buf, 1,
                                    (int64_t)i * 16, NULL),
                         16);
      }
    }
    if (a) {
      assert_int_equal(recs_done, 0);
      run_until_set(loop, &all_recs_done);
    }
    for (i = 0; i < NREC; i++) {
      make_record(want, i);
      assert_int_equal(reads[i].calls, a);
      assert_int_equal(nd_fs_get_result(&reads[i].req), 16);
      assert_memory_equal(reads[i].buf, want, 16);
      nd_fs_req_cleanup(&reads[i].req);
    }
  }
  assert_int_equal(close(fd), 0);
  free(reads);
}

/* --- cancel ------------------------------------------------------------ */

/* A gate that holds pool workers until the test opens it. */
static struct {
  pthread_mutex_t lock;
  pthread_cond_t cond;
  int open;
  int waiting;
} gate = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0};

static void gate_work(nd_work_t *req) {
  (void)req;
  pthread_mutex_lock(&gate.lock);
  gate.waiting++;
  pthread_cond_broadcast(&gate.cond);
  while (!gate.open)
    pthread_cond_wait(&gate.cond, &gate.lock);
  gate.waiting--;
  pthread_mutex_unlock(&gate.lock);
}

static int gate_after_calls;

static void gate_after(nd_work_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
  gate_after_calls++;
}

/* Close the gate and park one job of the loop's pool at it. */
static void gate_hold(nd_loop_t *loop, nd_work_t *job) {
  pthread_mutex_lock(&gate.lock);
  gate.open = 0;
  pthread_mutex_unlock(&gate.lock);
  ND_OK(nd_queue_work(loop, job, gate_work, gate_after));
  pthread_mutex_lock(&gate.lock);
  while (gate.waiting < 1)
    pthread_cond_wait(&gate.cond, &gate.lock);
  pthread_mutex_unlock(&gate.lock);
}

static void gate_release(void) {
  pthread_mutex_lock(&gate.lock);
  gate.open = 1;
  pthread_cond_broadcast(&gate.cond);
  pthread_mutex_unlock(&gate.lock);
}

/*
 * On a pool whose only worker is held, queued requests can be cancelled:
 * the callback runs later with ND_ECANCELED and the operation never
 * happens.  copyfile runs on the pool on every loop, so this holds on
 * both runs of the matrix; a write is a pool request on an epoll loop,
 * made here whatever the matrix runs.
 */
static void cancel_round(nd_loop_t *loop, nd_threadpool_t *pool, int use_write) {
  char src_buf[PATH_MAX];
  const char *src = hold(src_buf, tpath("cancel-src"));
  struct call first;
  struct call second;
  nd_work_t job;
  nd_buf_t buf = nd_buf_init("XXXX", 4);
  int fd = -1;
  int r;

  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, pool));
  memset(&first, 0, sizeof(first));
  memset(&second, 0, sizeof(second));
  first.req.data = &first;
  second.req.data = &second;
  gate_after_calls = 0;
  gate_hold(loop, &job);
  if (use_write) {
    put_file(tpath("cancel-w"), "....", 4, 0644);
    fd = open(tpath("cancel-w"), O_RDWR | O_CLOEXEC);
    assert_true(fd >= 0);
    ND_OK(nd_fs_write(loop, &first.req, fd, &buf, 1, 0, call_cb));
    ND_OK(nd_fs_fsync(loop, &second.req, fd, call_cb));
  } else {
    put_file(src, "cancel me", 9, 0644);
    unlink(tpath("cancel-a"));
    unlink(tpath("cancel-b"));
    ND_OK(nd_fs_copyfile(loop, &first.req, src, tpath("cancel-a"), 0,
                         call_cb));
    ND_OK(nd_fs_copyfile(loop, &second.req, src, tpath("cancel-b"), 0,
                         call_cb));
  }
  ND_OK(nd_cancel((nd_req_t *)&first.req));
  /* Not from inside nd_cancel; and a second cancel finds it gone. */
  assert_int_equal(first.calls, 0);
  assert_int_equal(nd_cancel((nd_req_t *)&first.req), ND_EBUSY);
  assert_int_equal(nd_cancel((nd_req_t *)&job), ND_EBUSY);
  gate_release();
  r = nd_run(loop, ND_RUN_DEFAULT);
  assert_int_equal(r, 0);
  assert_int_equal(gate_after_calls, 1);
  assert_int_equal(first.calls, 1);
  assert_int_equal(second.calls, 1);
  assert_int_equal(nd_fs_get_result(&first.req), ND_ECANCELED);
  assert_int_equal(nd_fs_get_result(&second.req), 0);
  /* Finished: too late. */
  assert_int_equal(nd_cancel((nd_req_t *)&second.req), ND_EBUSY);
  nd_fs_req_cleanup(&first.req);
  nd_fs_req_cleanup(&second.req);
  if (use_write) {
    char now[4];

    assert_int_equal(pread(fd, now, 4, 0), 4);
    assert_memory_equal(now, "....", 4);
    assert_int_equal(close(fd), 0);
  } else {
    assert_false(exists(tpath("cancel-a")));
    assert_same_file(src, tpath("cancel-b"));
  }
  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, (nd_threadpool_t *)NULL));
}

static void test_cancel_on_pool(void **state) {
  nd_loop_t *loop = *state;
  nd_loop_t epoll_loop;
  nd_threadpool_t *pool;

  ND_OK(nd_threadpool_new(&pool, 1));
  cancel_round(loop, pool, 0);
  ND_OK(loop_init_on(&epoll_loop, "epoll"));
  cancel_round(&epoll_loop, pool, 1);
  ND_OK(nd_loop_close(&epoll_loop));
  ND_OK(nd_threadpool_free(pool));
}

/*
 * A request on the ring is the kernel's: nd_cancel says ND_EBUSY and the
 * request ends normally.  A read of an empty pipe stays in flight until
 * the test writes.
 */
static void test_cancel_on_ring(void **state) {
  nd_loop_t uring_loop;
  struct call c;
  char buf[8];
  nd_buf_t b = nd_buf_init(buf, sizeof(buf));
  int pipefd[2];

  (void)state;
  if (loop_init_on(&uring_loop, "io_uring") != 0) {
    printf("# no io_uring loop here: ring cancel not tested\n");
    skip();
  }
  assert_int_equal(pipe2(pipefd, O_CLOEXEC), 0);
  memset(&c, 0, sizeof(c));
  c.req.data = &c;
  ND_OK(nd_fs_read(&uring_loop, &c.req, pipefd[0], &b, 1, -1, call_cb));
  assert_int_not_equal(nd_run(&uring_loop, ND_RUN_NOWAIT), 0);
  assert_int_equal(c.calls, 0);
  assert_int_equal(nd_cancel((nd_req_t *)&c.req), ND_EBUSY);
  assert_int_equal(write(pipefd[1], "abc", 3), 3);
  run_until_set(&uring_loop, &c.calls);
  assert_int_equal(c.calls, 1);
  assert_int_equal(nd_fs_get_result(&c.req), 3);
  assert_memory_equal(buf, "abc", 3);
  nd_fs_req_cleanup(&c.req);
  assert_int_equal(close(pipefd[0]), 0);
  assert_int_equal(close(pipefd[1]), 0);
  ND_OK(nd_loop_close(&uring_loop));
}

/* --- both engines in one run ---------------------------------------------- */

/*
 * The same sequence on an epoll loop (every request on the pool) and an
 * io_uring loop (open, close, read, write, ftruncate, fsync, fdatasync and
 * fallocate on the ring), whatever backend the matrix gave this run.  The
 * io_uring loop's only pool worker is held at the gate meanwhile: its
 * requests complete without a worker, which shows they went to the ring.
 */
static void engine_round(nd_loop_t *loop) {
  char name[64];
  char buf[32];
  nd_buf_t two[2];
  ssize_t fd;

  snprintf(name, sizeof(name), "engine-%s", nd_backend_name(loop));
  fd = xopen(loop, 1, tpath(name), O_RDWR | O_CREAT | O_TRUNC, 0600);
  assert_true(fd >= 0);
  assert_true(fcntl((int)fd, F_GETFD) & FD_CLOEXEC);
  two[0] = nd_buf_init("engine ", 7);
  two[1] = nd_buf_init("check", 5);
  assert_int_equal(xwrite(loop, 1, (int)fd, two, 2, -1), 12);
  assert_int_equal(xwrite1(loop, 1, (int)fd, "!", 1, 12), 1);
  assert_int_equal(position((int)fd), 12);
  assert_int_equal(xfsync(loop, 1, (int)fd), 0);
  assert_int_equal(xfdatasync(loop, 1, (int)fd), 0);
  assert_int_equal(xfallocate(loop, 1, (int)fd, 0, 0, 4096), 0);
  assert_int_equal(file_size((int)fd), 4096);
  /* IORING_OP_FTRUNCATE is Linux 6.9: before, ftruncate uses the pool. */
  if (strcmp(nd_backend_name(loop), "epoll") == 0 ||
      nd__uring_supports(loop, 55)) {
    assert_int_equal(xftruncate(loop, 1, (int)fd, 13), 0);
  } else {
    printf("# this kernel has no IORING_OP_FTRUNCATE\n");
    assert_int_equal(ftruncate((int)fd, 13), 0);
  }
  assert_int_equal(file_size((int)fd), 13);
  memset(buf, 0, sizeof(buf));
  assert_int_equal(xread1(loop, 1, (int)fd, buf, sizeof(buf), 0), 13);
  assert_string_equal(buf, "engine check!");
  two[0] = nd_buf_init(buf, 7);
  two[1] = nd_buf_init(buf + 7, 6);
  memset(buf, 0, sizeof(buf));
  assert_int_equal(xread(loop, 1, (int)fd, two, 2, 0), 13);
  assert_string_equal(buf, "engine check!");
  assert_int_equal(xclose(loop, 1, (int)fd), 0);
  assert_int_equal(xclose(loop, 1, (int)fd), ND_EBADF);
  assert_int_equal(xopen(loop, 1, tpath("engine-none"), O_RDONLY, 0),
                   ND_ENOENT);
}

static void test_both_engines(void **state) {
  nd_loop_t other;
  nd_threadpool_t *pool;
  nd_work_t job;

  (void)state;
  ND_OK(loop_init_on(&other, "epoll"));
  engine_round(&other);
  ND_OK(nd_loop_close(&other));
  if (loop_init_on(&other, "io_uring") != 0) {
    printf("# no io_uring loop here: only the pool path tested\n");
    return;
  }
  ND_OK(nd_threadpool_new(&pool, 1));
  ND_OK(nd_loop_configure(&other, ND_LOOP_THREADPOOL, pool));
  gate_after_calls = 0;
  gate_hold(&other, &job);
  engine_round(&other);
  assert_int_equal(gate_after_calls, 0);
  gate_release();
  assert_int_equal(nd_run(&other, ND_RUN_DEFAULT), 0);
  assert_int_equal(gate_after_calls, 1);
  ND_OK(nd_loop_configure(&other, ND_LOOP_THREADPOOL, (nd_threadpool_t *)NULL));
  ND_OK(nd_threadpool_free(pool));
  ND_OK(nd_loop_close(&other));
}

/* --- the run ------------------------------------------------------------ */



static int group_setup(void **state) {
  (void)state;
  loop_thread = pthread_self();
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_open_close),
    LOOP_TEST(test_invalid_arguments),
    LOOP_TEST(test_positions),
    LOOP_TEST(test_vectored),
    LOOP_TEST(test_more_than_iov_max),
    LOOP_TEST(test_short_reads_at_eof),
    LOOP_TEST(test_closed_descriptor),
    LOOP_TEST(test_ftruncate),
    LOOP_TEST(test_fsync_fdatasync),
    LOOP_TEST(test_fallocate),
    LOOP_TEST(test_sendfile_between_files),
    LOOP_TEST(test_sendfile_to_pipe),
    LOOP_TEST(test_copyfile),
    LOOP_TEST(test_copyfile_ficlone),
    LOOP_TEST(test_copyfile_onto_itself),
    LOOP_TEST(test_copyfile_large),
    LOOP_TEST(test_copyfile_failure_cleans_up),
    LOOP_TEST(test_offsets_past_4gib),
    LOOP_TEST(test_many_concurrent_reads),
    LOOP_TEST(test_cancel_on_pool),
    cmocka_unit_test(test_cancel_on_ring),
    cmocka_unit_test(test_both_engines),
  };
  int fds_before;
  int fds_after;
  int failed;

  fds_before = test_count_fds();
  snprintf(tmpdir, sizeof(tmpdir), "/tmp/nodec-test-fs-file.XXXXXX");
  if (mkdtemp(tmpdir) == NULL) {
    perror("mkdtemp");
    return 1;
  }
  failed = cmocka_run_group_tests(tests, group_setup, NULL);
  if (test_remove_tree(tmpdir) != 0)
    fprintf(stderr, "could not remove %s\n", tmpdir);
  fds_after = test_count_fds();
  if (fds_after != fds_before) {
    fprintf(stderr, "descriptor leak: %d open at the start, %d at the end\n",
            fds_before, fds_after);
    return 1;
  }
  printf("# descriptors: %d at the start and at the end\n", fds_after);
  return failed != 0;
}
