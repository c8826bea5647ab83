/*
 * test-process.c - child processes: exit codes and signals, stdio through
 * pipes (10 MiB each way, with backpressure), env, cwd, PATH, extra
 * descriptors, detached children, 500 children at once, spawn errors,
 * kill, closing a running child's handle, SIGCHLD next to exit callbacks,
 * SIGPIPE, reset signal state, set-user-ID, and the SIGCHLD fallback for
 * kernels without pidfds (under a real seccomp filter).
 *
 * The children are real programs: /bin/sh, /bin/true, sleep, and this test
 * binary itself run as a helper (`test-process helper <what> ...`), which
 * writes and checks byte patterns.  After every test no child of ours may
 * be left, running or zombie (children_of_ours, from /proc).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "stream-util.h"

#if defined(__x86_64__)
#define TEST_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define TEST_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

static char self_exe[PATH_MAX];
#define BIG (10u * 1024 * 1024)

/* --- what the helper child does ------------------------------------------ */

static uint64_t fnv(uint64_t h, const unsigned char *p, size_t n) {
  size_t i;

  for (i = 0; i < n; i++) {
    h ^= p[i];
    h *= UINT64_C(0x100000001b3);
  }
  return h;
}

static int write_all(int fd, const void *buf, size_t n) {
  const char *p = buf;

  while (n > 0) {
    ssize_t r = write(fd, p, n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      return -1;
    p += r;
    n -= (size_t)r;
  }
  return 0;
}

static int helper_main(int argc, char **argv);

/* --- running a child and collecting what it writes ------------------------ */

struct capture {
  nd_pipe_t pipe;
  char *buf;
  size_t len;
  size_t cap;
  int eof;
  int err;
};

struct run {
  nd_process_t proc;
  struct capture out;
  struct capture err;
  int64_t status;
  int term;
  int exits;
  int closes;
};

static void capture_read_cb(nd_stream_t *s, ssize_t n, const nd_buf_t *buf) {
  struct capture *c = s->data;

  if (n > 0) {
    if (c->len + (size_t)n > c->cap) {
      c->cap = (c->len + (size_t)n) * 2;
      c->buf = realloc(c->buf, c->cap);
      assert_non_null(c->buf);
    }
    memcpy(c->buf + c->len, buf->base, (size_t)n);
    c->len += (size_t)n;
  } else if (n == ND_EOF) {
    c->eof = 1;
    nd_read_stop(s);
  } else if (n < 0) {
    c->err = (int)n;
    c->eof = 1;
    nd_read_stop(s);
  }
  free(buf->base);
}

static void run_exit_cb(nd_process_t *p, int64_t status, int term) {
  struct run *r = p->data;

  r->status = status;
  r->term = term;
  r->exits++;
}

static void run_close_cb(nd_handle_t *h) {
  struct run *r = h->data;

  r->closes++;
}

static void capture_close_cb(nd_handle_t *h) {
  (void)h;
}

static void run_init(nd_loop_t *loop, struct run *r) {
  memset(r, 0, sizeof(*r));
  r->status = -1;
  r->term = -1;
  ND_OK(nd_pipe_init(loop, &r->out.pipe, 0));
  ND_OK(nd_pipe_init(loop, &r->err.pipe, 0));
  r->out.pipe.data = &r->out;
  r->err.pipe.data = &r->err;
  r->proc.data = r;
}

/* Spawn with stdin ignored and stdout and stderr captured. */
static int run_spawn(nd_loop_t *loop, struct run *r, const char *file,
                     char **args, char **env, const char *cwd) {
  nd_process_options_t o;
  nd_stdio_container_t stdio[3];
  int err;

  run_init(loop, r);
  memset(&o, 0, sizeof(o));
  stdio[0].flags = ND_IGNORE;
  stdio[1].flags = ND_CREATE_PIPE | ND_WRITABLE_PIPE;
  stdio[1].data.stream = (nd_stream_t *)&r->out.pipe;
  stdio[2].flags = ND_CREATE_PIPE | ND_WRITABLE_PIPE;
  stdio[2].data.stream = (nd_stream_t *)&r->err.pipe;
  o.file = file;
  o.args = args;
  o.env = env;
  o.cwd = cwd;
  o.exit_cb = run_exit_cb;
  o.stdio = stdio;
  o.stdio_count = 3;
  err = nd_spawn(loop, &r->proc, &o);
  r->proc.data = r;
  if (err == 0) {
    ND_OK(nd_read_start((nd_stream_t *)&r->out.pipe, alloc_malloc,
                        capture_read_cb));
    ND_OK(nd_read_start((nd_stream_t *)&r->err.pipe, alloc_malloc,
                        capture_read_cb));
  }
  return err;
}

static void run_close(struct run *r) {
  nd_close((nd_handle_t *)&r->proc, run_close_cb);
  nd_close((nd_handle_t *)&r->out.pipe, capture_close_cb);
  nd_close((nd_handle_t *)&r->err.pipe, capture_close_cb);
}

static void run_free(struct run *r) {
  free(r->out.buf);
  free(r->err.buf);
  r->out.buf = r->err.buf = NULL;
}

/* Run the loop until the child has exited and both pipes ended; close. */
static void run_finish(nd_loop_t *loop, struct run *r) {
  watchdog_t wd;

  watchdog_start(loop, &wd);
  while (!(r->exits && r->out.eof && r->err.eof) && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  nd_close((nd_handle_t *)&wd.timer, NULL);
  run_close(r);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_false(wd.expired);
  assert_int_equal(r->exits, 1);
  assert_int_equal(r->closes, 1);
  assert_int_equal(r->out.err, 0);
  assert_int_equal(r->err.err, 0);
}

/* Text a child wrote, as a string (for assert_string_equal). */
static const char *text(struct capture *c) {
  c->buf = realloc(c->buf, c->len + 1);
  assert_non_null(c->buf);
  c->buf[c->len] = '\0';
  return c->buf;
}

/* Children of this process, running or zombie, from /proc. */
static int children_of_ours(int *zombies) {
  DIR *d = opendir("/proc");
  struct dirent *e;
  int n = 0;

  *zombies = 0;
  assert_non_null(d);
  while ((e = readdir(d)) != NULL) {
    char path[300], buf[512], *p, state;
    int ppid;
    FILE *f;

    if (e->d_name[0] < '1' || e->d_name[0] > '9')
      continue;
    snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
    f = fopen(path, "r");
    if (f == NULL)
      continue;
    if (fgets(buf, sizeof(buf), f) != NULL &&
        (p = strrchr(buf, ')')) != NULL &&
        sscanf(p + 1, " %c %d", &state, &ppid) == 2 && ppid == getpid()) {
      n++;
      *zombies += state == 'Z';
    }
    fclose(f);
  }
  closedir(d);
  return n;
}

static void assert_no_children(void) {
  int zombies;

  assert_int_equal(children_of_ours(&zombies), 0);
  assert_int_equal(zombies, 0);
}

/* The state letter of /proc/<pid>/stat, or 0 if there is no such process. */
static char proc_state(pid_t pid) {
  char path[64], buf[512], *p, state = 0;
  FILE *f;

  snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
  f = fopen(path, "r");
  if (f == NULL)
    return 0;
  if (fgets(buf, sizeof(buf), f) != NULL && (p = strrchr(buf, ')')) != NULL)
    sscanf(p + 1, " %c", &state);
  fclose(f);
  return state;
}

/* --- exit codes and signals ---------------------------------------------- */

static void test_exit_codes(void **state) {
  nd_loop_t *loop = *state;
  int fds = test_count_fds();
  int code;

  for (code = 0; code <= 255; code++) {
    char script[32];
    char *args[] = {"sh", "-c", script, NULL};
    struct run r;

    snprintf(script, sizeof(script), "exit %d", code);
    ND_OK(run_spawn(loop, &r, "/bin/sh", args, NULL, NULL));
    assert_true(nd_is_active((nd_handle_t *)&r.proc));
    assert_true(nd_process_get_pid(&r.proc) > 0);
    run_finish(loop, &r);
    assert_int_equal(r.status, code);
    assert_int_equal(r.term, 0);
    assert_int_equal(r.out.len + r.err.len, 0);
    run_free(&r);
  }
  assert_int_equal(test_count_fds(), fds);
  assert_no_children();
}

static void test_death_by_signal(void **state) {
  nd_loop_t *loop = *state;
  static const int sigs[] = {SIGTERM, SIGKILL, SIGINT, SIGUSR1};
  size_t i;

  /* Sent by us, through the handle. */
  for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
    char *args[] = {"sleep", "30", NULL};
    struct run r;

    ND_OK(run_spawn(loop, &r, "sleep", args, NULL, NULL));
    ND_OK(nd_process_kill(&r.proc, sigs[i]));
    run_finish(loop, &r);
    assert_int_equal(r.term, sigs[i]);
    assert_int_equal(r.status, 0);
    run_free(&r);
  }

  /* A crash: the child sends itself SIGSEGV, and SIGABRT (core dumps). */
  {
    static const int crash[] = {SIGSEGV, SIGABRT};
    for (i = 0; i < 2; i++) {
      char script[64];
      char *args[] = {"sh", "-c", script, NULL};
      struct run r;

      snprintf(script, sizeof(script), "kill -%d $$", crash[i]);
      ND_OK(run_spawn(loop, &r, "/bin/sh", args, NULL, NULL));
      run_finish(loop, &r);
      assert_int_equal(r.term, crash[i]);
      assert_int_equal(r.status, 0);
      run_free(&r);
    }
  }

  /* By pid, with nd_kill. */
  {
    char *args[] = {"sleep", "30", NULL};
    struct run r;

    ND_OK(run_spawn(loop, &r, "sleep", args, NULL, NULL));
    ND_OK(nd_kill(r.proc.pid, SIGTERM));
    run_finish(loop, &r);
    assert_int_equal(r.term, SIGTERM);
    run_free(&r);
  }
  assert_no_children();
}

static void test_kill_after_exit(void **state) {
  nd_loop_t *loop = *state;
  char *args[] = {"true", NULL};
  struct run r;
  int pid;

  ND_OK(run_spawn(loop, &r, "true", args, NULL, NULL));
  pid = r.proc.pid;
  ND_OK(nd_process_kill(&r.proc, 0)); /* alive, or not yet reaped */
  run_finish(loop, &r);
  assert_int_equal(r.status, 0);
  assert_int_equal(nd_process_kill(&r.proc, SIGTERM), ND_ESRCH);
  assert_int_equal(nd_process_kill(&r.proc, 0), ND_ESRCH);
  /* The pid is free again (unless reused at once, which Linux avoids). */
  assert_int_equal(nd_kill(pid, 0), ND_ESRCH);
  assert_int_equal(nd_kill(getpid(), 1000), ND_EINVAL);
  run_free(&r);
}

/* --- stdio ---------------------------------------------------------------- */

/* 10 MiB on stdout and another 10 MiB on stderr, byte for byte. */
static void test_capture_stdout_stderr(void **state) {
  nd_loop_t *loop = *state;
  char size[32];
  char *args[] = {self_exe, "helper", "pattern", size, NULL};
  struct run r;
  size_t i;

  snprintf(size, sizeof(size), "%u", BIG);
  ND_OK(run_spawn(loop, &r, self_exe, args, NULL, NULL));
  run_finish(loop, &r);
  assert_int_equal(r.status, 0);
  assert_int_equal(r.out.len, BIG);
  assert_int_equal(r.err.len, BIG);
  for (i = 0; i < BIG; i++) {
    if ((unsigned char)r.out.buf[i] != pattern(1, i))
      fail_msg("stdout byte %zu differs", i);
    if ((unsigned char)r.err.buf[i] != pattern(2, i))
      fail_msg("stderr byte %zu differs", i);
  }
  run_free(&r);
}

/* Feeding stdin: the writer holds to its watermarks. */
#define CHUNK (64 * 1024)

struct feeder {
  nd_pipe_t in;
  nd_write_t reqs[BIG / CHUNK];
  nd_shutdown_t sreq;
  unsigned char *data;       /* BIG bytes, written a CHUNK at a time */
  size_t sent;
  size_t max_queue;
  int blocked;
  int pauses;                /* times a write reported pressure */
  int writes_done;
  int shut;
};

static void feeder_pump(struct feeder *f);

static void feeder_write_cb(nd_write_t *req, int status) {
  struct feeder *f = req->data;

  assert_int_equal(status, 0);
  f->writes_done++;
}

static void feeder_shutdown_cb(nd_shutdown_t *req, int status) {
  struct feeder *f = req->data;

  assert_int_equal(status, 0);
  f->shut = 1;
}

static void feeder_drain_cb(nd_stream_t *s) {
  struct feeder *f = s->data;

  f->blocked = 0;
  feeder_pump(f);
}

static void feeder_pump(struct feeder *f) {
  nd_stream_t *s = (nd_stream_t *)&f->in;
  size_t q;

  while (!f->blocked && f->sent < BIG) {
    nd_write_t *req = &f->reqs[f->sent / CHUNK];
    nd_buf_t b;
    int r;

    b.base = (char *)f->data + f->sent;
    b.len = CHUNK;
    req->data = f;
    r = nd_write(req, s, &b, 1, feeder_write_cb);
    assert_true(r >= 0);
    f->sent += CHUNK;
    q = nd_stream_get_write_queue_size(s);
    if (q > f->max_queue)
      f->max_queue = q;
    if (r > 0) {
      f->blocked = 1;
      f->pauses++;
    }
  }
  if (f->sent == BIG && f->sreq.handle == NULL) {
    f->sreq.data = f;
    ND_OK(nd_shutdown(&f->sreq, s, feeder_shutdown_cb));
  }
}

static void test_feed_stdin_with_backpressure(void **state) {
  nd_loop_t *loop = *state;
  char *args[] = {self_exe, "helper", "sum", NULL};
  static struct feeder f;
  nd_process_options_t o;
  nd_stdio_container_t stdio[3];
  struct run r;
  char expect[64];
  watchdog_t wd;
  size_t i;

  memset(&f, 0, sizeof(f));
  f.data = malloc(BIG);
  assert_non_null(f.data);
  for (i = 0; i < BIG; i++)
    f.data[i] = pattern(3, i);
  run_init(loop, &r);
  ND_OK(nd_pipe_init(loop, &f.in, 0));
  f.in.data = &f;
  ND_OK(nd_stream_set_watermarks((nd_stream_t *)&f.in, 256 * 1024,
                                 64 * 1024));
  memset(&o, 0, sizeof(o));
  stdio[0].flags = ND_CREATE_PIPE | ND_READABLE_PIPE;
  stdio[0].data.stream = (nd_stream_t *)&f.in;
  stdio[1].flags = ND_CREATE_PIPE | ND_WRITABLE_PIPE;
  stdio[1].data.stream = (nd_stream_t *)&r.out.pipe;
  stdio[2].flags = ND_INHERIT_FD;
  stdio[2].data.fd = 2;
  o.file = self_exe;
  o.args = args;
  o.exit_cb = run_exit_cb;
  o.stdio = stdio;
  o.stdio_count = 3;
  ND_OK(nd_spawn(loop, &r.proc, &o));
  r.proc.data = &r;
  /*
   * What the child only writes is a pipe, which we can only read; what it
   * reads is a socket pair, so that nd_shutdown can end its input.
   */
  assert_true(nd_is_writable((nd_stream_t *)&f.in));
  assert_true(nd_is_readable((nd_stream_t *)&r.out.pipe));
  assert_false(nd_is_writable((nd_stream_t *)&r.out.pipe));
  ND_OK(nd_stream_on_drain((nd_stream_t *)&f.in, feeder_drain_cb));
  ND_OK(nd_read_start((nd_stream_t *)&r.out.pipe, alloc_malloc,
                      capture_read_cb));
  feeder_pump(&f);

  watchdog_start(loop, &wd);
  while (!(r.exits && r.out.eof && f.shut) && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  nd_close((nd_handle_t *)&wd.timer, NULL);
  nd_close((nd_handle_t *)&f.in, NULL);
  nd_close((nd_handle_t *)&r.proc, run_close_cb);
  nd_close((nd_handle_t *)&r.out.pipe, NULL);
  nd_close((nd_handle_t *)&r.err.pipe, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_false(wd.expired);
  assert_int_equal(r.status, 0);
  assert_int_equal(f.writes_done, BIG / CHUNK);
  snprintf(expect, sizeof(expect), "%u %016llx\n", BIG,
           (unsigned long long)fnv(UINT64_C(0xcbf29ce484222325), f.data,
                                   BIG));
  assert_string_equal(text(&r.out), expect);
  /* The child reads slower than we write: the writer had to wait... */
  assert_true(f.pauses > 0);
  /* ...and never queued more than the high watermark plus one write. */
  assert_true(f.max_queue <= 256 * 1024 + CHUNK);
  free(f.data);
  run_free(&r);
}

/* --- environment, directory, PATH, arguments ------------------------------ */

static void test_env_cwd_and_path(void **state) {
  nd_loop_t *loop = *state;
  char dir[] = "/tmp/nd-process-XXXXXX";
  char real[PATH_MAX];
  char expect[PATH_MAX + 64];
  char *args[] = {"sh", "-c", "printf '%s|%s|%s' \"$FOO\" \"$(pwd)\" \"$HOME\"",
                  NULL};
  char *env[] = {"FOO=bar baz", "PATH=/nonexistent:/usr/bin:/bin", NULL};
  struct run r;

  assert_non_null(mkdtemp(dir));
  assert_non_null(realpath(dir, real));

  /* "sh" is found through the child's PATH, past a missing directory. */
  ND_OK(run_spawn(loop, &r, "sh", args, env, dir));
  run_finish(loop, &r);
  assert_int_equal(r.status, 0);
  snprintf(expect, sizeof(expect), "bar baz|%s|", real);
  assert_string_equal(text(&r.out), expect);
  run_free(&r);

  /* Without env the child has ours. */
  setenv("ND_TEST_PROCESS_VAR", "inherited", 1);
  {
    char *args2[] = {"sh", "-c", "printf %s \"$ND_TEST_PROCESS_VAR\"", NULL};
    ND_OK(run_spawn(loop, &r, "sh", args2, NULL, NULL));
    run_finish(loop, &r);
    assert_string_equal(text(&r.out), "inherited");
    run_free(&r);
  }
  unsetenv("ND_TEST_PROCESS_VAR");

  /* An env without PATH searches /usr/bin:/bin. */
  {
    char *env2[] = {"A=1", NULL};
    char *args3[] = {"sh", "-c", "printf %s \"$A\"", NULL};
    ND_OK(run_spawn(loop, &r, "sh", args3, env2, NULL));
    run_finish(loop, &r);
    assert_string_equal(text(&r.out), "1");
    run_free(&r);
  }
  assert_int_equal(rmdir(dir), 0);
}

/* Every argument arrives as it was given: spaces, quotes, empty, UTF-8. */
static void test_arguments_verbatim(void **state) {
  nd_loop_t *loop = *state;
  char *args[] = {self_exe, "helper", "argv", "a b", "", "\"q\"", "$HOME",
                  "\xc3\xa9t\xc3\xa9", "--", NULL};
  const char expect[] = "a b\n\n\"q\"\n$HOME\n\xc3\xa9t\xc3\xa9\n--\n";
  struct run r;

  ND_OK(run_spawn(loop, &r, self_exe, args, NULL, NULL));
  run_finish(loop, &r);
  assert_int_equal(r.status, 0);
  assert_string_equal(text(&r.out), expect);
  run_free(&r);
}

/* A file without #! runs through /bin/sh, as execvp does. */
static void test_script_without_shebang(void **state) {
  nd_loop_t *loop = *state;
  char path[] = "/tmp/nd-process-script-XXXXXX";
  char *args[] = {path, "one", "two", NULL};
  const char body[] = "printf '%s,%s' \"$1\" \"$2\"\nexit 7\n";
  struct run r;
  int fd;

  fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, body, sizeof(body) - 1), sizeof(body) - 1);
  assert_int_equal(fchmod(fd, 0755), 0);
  close(fd);
  ND_OK(run_spawn(loop, &r, path, args, NULL, NULL));
  run_finish(loop, &r);
  assert_int_equal(r.status, 7);
  assert_string_equal(text(&r.out), "one,two");
  run_free(&r);
  unlink(path);
}

/* --- descriptors ---------------------------------------------------------- */

/* Pipes on fds 3 and 4, and a file inherited as fd 5. */
static void test_extra_descriptors(void **state) {
  nd_loop_t *loop = *state;
  char path[] = "/tmp/nd-process-fd-XXXXXX";
  char *args[] = {self_exe, "helper", "fds", NULL};
  nd_process_options_t o;
  nd_stdio_container_t stdio[6];
  struct capture c3, c4;
  struct run r;
  watchdog_t wd;
  char buf[64], expect[256];
  int file, fd;

  file = mkostemp(path, O_CLOEXEC);
  assert_true(file >= 0);
  run_init(loop, &r);
  memset(&c3, 0, sizeof(c3));
  memset(&c4, 0, sizeof(c4));
  ND_OK(nd_pipe_init(loop, &c3.pipe, 0));
  ND_OK(nd_pipe_init(loop, &c4.pipe, 0));
  c3.pipe.data = &c3;
  c4.pipe.data = &c4;
  memset(&o, 0, sizeof(o));
  stdio[0].flags = ND_IGNORE;
  stdio[1].flags = ND_CREATE_PIPE | ND_WRITABLE_PIPE;
  stdio[1].data.stream = (nd_stream_t *)&r.out.pipe;
  stdio[2].flags = ND_CREATE_PIPE | ND_WRITABLE_PIPE;
  stdio[2].data.stream = (nd_stream_t *)&r.err.pipe;
  /* Duplex: a socket pair, readable and writable at our end. */
  stdio[3].flags = ND_CREATE_PIPE | ND_READABLE_PIPE | ND_WRITABLE_PIPE;
  stdio[3].data.stream = (nd_stream_t *)&c3.pipe;
  stdio[4].flags = ND_CREATE_PIPE | ND_WRITABLE_PIPE;
  stdio[4].data.stream = (nd_stream_t *)&c4.pipe;
  stdio[5].flags = ND_INHERIT_FD;
  stdio[5].data.fd = file;
  o.file = self_exe;
  o.args = args;
  o.exit_cb = run_exit_cb;
  o.stdio = stdio;
  o.stdio_count = 6;
  ND_OK(nd_spawn(loop, &r.proc, &o));
  r.proc.data = &r;
  assert_true(nd_is_readable((nd_stream_t *)&c3.pipe));
  assert_true(nd_is_writable((nd_stream_t *)&c3.pipe));
  ND_OK(nd_read_start((nd_stream_t *)&r.out.pipe, alloc_malloc,
                      capture_read_cb));
  ND_OK(nd_read_start((nd_stream_t *)&r.err.pipe, alloc_malloc,
                      capture_read_cb));
  ND_OK(nd_read_start((nd_stream_t *)&c3.pipe, alloc_malloc,
                      capture_read_cb));
  ND_OK(nd_read_start((nd_stream_t *)&c4.pipe, alloc_malloc,
                      capture_read_cb));
  watchdog_start(loop, &wd);
  while (!(r.exits && r.out.eof && r.err.eof && c3.eof && c4.eof) &&
         !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  nd_close((nd_handle_t *)&wd.timer, NULL);
  nd_close((nd_handle_t *)&c3.pipe, NULL);
  nd_close((nd_handle_t *)&c4.pipe, NULL);
  run_close(&r);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_false(wd.expired);
  assert_int_equal(r.status, 0);
  assert_string_equal(text(&c3), "three\n");
  assert_string_equal(text(&c4), "four\n");
  /* 0-5, and the descriptor ls reads the directory with: nothing else. */
  /*
   * 0-5, and whatever this process inherited without close-on-exec from
   * whoever started it: nothing of the library's.
   */
  strcpy(expect, "0 1 2 3 4 5");
  for (fd = 6; fd < 1024; fd++) {
    int fl = fcntl(fd, F_GETFD);
    if (fl >= 0 && !(fl & FD_CLOEXEC))
      snprintf(expect + strlen(expect), sizeof(expect) - strlen(expect),
               " %d", fd);
  }
  strcat(expect, "\n");
  assert_string_equal(text(&r.out), expect);
  assert_int_equal(pread(file, buf, sizeof(buf), 0), 5);
  assert_memory_equal(buf, "five\n", 5);
  free(c3.buf);
  free(c4.buf);
  run_free(&r);
  close(file);
  unlink(path);
}

/* stdout and stderr swapped: the dups must not clobber each other. */
static void test_swapped_descriptors(void **state) {
  nd_loop_t *loop = *state;
  char *args[] = {"sh", "-c", "echo out; echo err >&2", NULL};
  nd_process_options_t o;
  nd_stdio_container_t stdio[3];
  int a[2], b[2];
  char buf[16];
  int status;
  pid_t pid;
  struct run r;

  /* Our fds 1 and 2 become pipes for the test, then go back. */
  int save1 = dup(1), save2 = dup(2);
  assert_int_equal(pipe(a), 0);
  assert_int_equal(pipe(b), 0);
  assert_int_equal(dup2(a[1], 1), 1);
  assert_int_equal(dup2(b[1], 2), 2);
  close(a[1]);
  close(b[1]);

  run_init(loop, &r);
  memset(&o, 0, sizeof(o));
  stdio[0].flags = ND_IGNORE;
  stdio[1].flags = ND_INHERIT_FD;
  stdio[1].data.fd = 2;
  stdio[2].flags = ND_INHERIT_FD;
  stdio[2].data.fd = 1;
  o.file = "/bin/sh";
  o.args = args;
  o.exit_cb = run_exit_cb;
  o.stdio = stdio;
  o.stdio_count = 3;
  status = nd_spawn(loop, &r.proc, &o);
  r.proc.data = &r;
  dup2(save1, 1);
  dup2(save2, 2);
  close(save1);
  close(save2);
  ND_OK(status);
  pid = r.proc.pid;
  assert_true(pid > 0);
  while (!r.exits)
    nd_run(loop, ND_RUN_ONCE);
  nd_close((nd_handle_t *)&r.proc, NULL);
  nd_close((nd_handle_t *)&r.out.pipe, NULL);
  nd_close((nd_handle_t *)&r.err.pipe, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  /* "out" went to the pipe that was our stderr, "err" to our stdout. */
  assert_int_equal(read(b[0], buf, sizeof(buf)), 4);
  assert_memory_equal(buf, "out\n", 4);
  assert_int_equal(read(a[0], buf, sizeof(buf)), 4);
  assert_memory_equal(buf, "err\n", 4);
  close(a[0]);
  close(b[0]);
}

/* A stream's descriptor as the child's stdout; stdin ignored is empty. */
static void test_inherit_stream(void **state) {
  nd_loop_t *loop = *state;
  char *args[] = {"sh", "-c", "wc -c; echo via-stream", NULL};
  nd_process_options_t o;
  nd_stdio_container_t stdio[2];
  nd_pipe_t mine;
  struct run r;
  char buf[64];
  int fds[2];
  ssize_t n;

  ND_OK(nd_pipe(fds, 0, 0));
  ND_OK(nd_pipe_init(loop, &mine, 0));
  ND_OK(nd_pipe_open(&mine, fds[1]));
  run_init(loop, &r);
  memset(&o, 0, sizeof(o));
  stdio[0].flags = ND_IGNORE;
  stdio[1].flags = ND_INHERIT_STREAM;
  stdio[1].data.stream = (nd_stream_t *)&mine;
  o.file = "/bin/sh";
  o.args = args;
  o.exit_cb = run_exit_cb;
  o.stdio = stdio;
  o.stdio_count = 2; /* fd 2 becomes /dev/null */
  ND_OK(nd_spawn(loop, &r.proc, &o));
  r.proc.data = &r;
  while (!r.exits)
    nd_run(loop, ND_RUN_ONCE);
  nd_close((nd_handle_t *)&mine, NULL);
  nd_close((nd_handle_t *)&r.proc, NULL);
  nd_close((nd_handle_t *)&r.out.pipe, NULL);
  nd_close((nd_handle_t *)&r.err.pipe, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  n = read(fds[0], buf, sizeof(buf) - 1);
  assert_true(n > 0);
  buf[n] = '\0';
  assert_string_equal(buf, "0\nvia-stream\n");
  close(fds[0]);
}

/* --- errors --------------------------------------------------------------- */

static void spawn_fails(nd_loop_t *loop, const char *file, const char *cwd,
                        int expect) {
  char *args[] = {(char *)file, NULL};
  int fds = test_count_fds();
  struct run r;

  assert_int_equal(run_spawn(loop, &r, file, args, NULL, cwd), expect);
  assert_false(nd_is_active((nd_handle_t *)&r.proc));
  assert_int_equal(r.proc.pid, 0);
  /* The pipes were never opened: no descriptor is left behind. */
  assert_int_equal(test_count_fds(), fds);
  run_close(&r);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r.closes, 1);
  assert_int_equal(r.exits, 0);
  assert_no_children();
}

static void test_spawn_errors(void **state) {
  nd_loop_t *loop = *state;
  char path[] = "/tmp/nd-process-noexec-XXXXXX";
  int fd;

  spawn_fails(loop, "/nonexistent/program", NULL, ND_ENOENT);
  spawn_fails(loop, "nd-no-such-program-anywhere", NULL, ND_ENOENT);
  fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  chmod(path, 0644);
  spawn_fails(loop, path, NULL, ND_EACCES);
  unlink(path);
  spawn_fails(loop, "/tmp", NULL, ND_EACCES);
  spawn_fails(loop, "/bin/true", "/nonexistent/dir", ND_ENOENT);
  spawn_fails(loop, "/bin/true", "/etc/passwd", ND_ENOTDIR);
}

/* Out of descriptors: for the pipes, or for the pidfd itself. */
static void test_emfile(void **state) {
  nd_loop_t *loop = *state;
  struct rlimit old, low;
  int fds = test_count_fds();
  int room;

  assert_int_equal(getrlimit(RLIMIT_NOFILE, &old), 0);
  for (room = 0; room <= 5; room++) {
    char *args[] = {"true", NULL};
    struct run r;
    int err;

    /*
     * Exactly `room` descriptors free: the holes below the highest open
     * descriptor are filled, and the limit is put just above it.
     */
    static int fillers[4096];
    int nfill = 0, fd, top = 0;

    for (fd = 0; fd < 4096; fd++)
      if (fcntl(fd, F_GETFD) >= 0)
        top = fd;
    while (nfill < 4095 && (fd = open("/dev/null", O_RDONLY | O_CLOEXEC)) < top)
      fillers[nfill++] = fd;
    assert_true(fd >= top);
    fillers[nfill++] = fd;
    low = old;
    low.rlim_cur = (rlim_t)(fd + 1 + room);
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &low), 0);
    err = run_spawn(loop, &r, "true", args, NULL, NULL);
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &old), 0);
    while (nfill > 0)
      close(fillers[--nfill]);
    if (room < 5) {
      /* Two pipes and a pidfd need five descriptors. */
      assert_int_equal(err, ND_EMFILE);
      assert_false(nd_is_active((nd_handle_t *)&r.proc));
      run_close(&r);
      assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    } else {
      ND_OK(err);
      run_finish(loop, &r);
      assert_int_equal(r.status, 0);
    }
    run_free(&r);
    assert_int_equal(test_count_fds(), fds);
    assert_no_children();
  }
}

static void test_invalid_options(void **state) {
  nd_loop_t *loop = *state;
  nd_process_options_t o;
  nd_stdio_container_t stdio[1];
  nd_process_t p;
  nd_tcp_t tcp;
  char *args[] = {"true", NULL};

  memset(&o, 0, sizeof(o));
  o.args = args;
  assert_int_equal(nd_spawn(loop, &p, &o), ND_EINVAL); /* no file */
  nd_close((nd_handle_t *)&p, NULL);
  o.file = "/bin/true";
  o.flags = 1u << 20;
  assert_int_equal(nd_spawn(loop, &p, &o), ND_EINVAL);
  nd_close((nd_handle_t *)&p, NULL);
  o.flags = 0;
  ND_OK(nd_tcp_init(loop, &tcp));
  stdio[0].flags = ND_CREATE_PIPE;
  stdio[0].data.stream = (nd_stream_t *)&tcp; /* not a pipe */
  o.stdio = stdio;
  o.stdio_count = 1;
  assert_int_equal(nd_spawn(loop, &p, &o), ND_EINVAL);
  nd_close((nd_handle_t *)&p, NULL);
  stdio[0].flags = ND_INHERIT_STREAM; /* a stream without a descriptor */
  assert_int_equal(nd_spawn(loop, &p, &o), ND_EINVAL);
  nd_close((nd_handle_t *)&p, NULL);
  stdio[0].flags = ND_INHERIT_FD | ND_CREATE_PIPE;
  assert_int_equal(nd_spawn(loop, &p, &o), ND_EINVAL);
  nd_close((nd_handle_t *)&p, NULL);
  stdio[0].flags = ND_INHERIT_FD;
  stdio[0].data.fd = -1;
  assert_int_equal(nd_spawn(loop, &p, &o), ND_EINVAL);
  nd_close((nd_handle_t *)&p, NULL);
  nd_close((nd_handle_t *)&tcp, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_no_children();
}

/* --- lifetimes ------------------------------------------------------------ */

/* Wait (bounded) until pid is a zombie or gone. */
static void wait_dead(pid_t pid) {
  uint64_t until = test_ms() + WATCHDOG_MS;
  char st;

  while ((st = proc_state(pid)) != 0 && st != 'Z' && test_ms() < until)
    usleep(1000);
  assert_true(st == 0 || st == 'Z');
}

/* A handle closed while its child runs: the child is reaped when it dies. */
static void test_close_running_child(void **state) {
  nd_loop_t *loop = *state;
  char *args[] = {"sleep", "30", NULL};
  struct run r;
  watchdog_t wd;
  pid_t pid;

  ND_OK(run_spawn(loop, &r, "sleep", args, NULL, NULL));
  pid = r.proc.pid;
  run_close(&r);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(r.exits, 0);
  assert_int_equal(r.closes, 1);
  assert_int_equal(proc_state(pid) != 0, 1);
  assert_int_equal(nd_process_kill(&r.proc, SIGTERM), ND_ESRCH);

  /* The loop has nothing of the user's: a timer keeps it turning. */
  ND_OK(nd_kill(pid, SIGKILL));
  watchdog_start(loop, &wd);
  while (proc_state(pid) != 0 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  nd_close((nd_handle_t *)&wd.timer, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_false(wd.expired);
  assert_int_equal(r.exits, 0);
  assert_no_children();
  run_free(&r);
}

/*
 * A detached child leads its own session and outlives the loop; when it
 * dies later, the next spawn (from any loop) reaps it.
 */
static void test_detached_survives_loop(void **state) {
  nd_loop_t *loop = *state;
  char *args[] = {"sleep", "30", NULL};
  nd_process_options_t o;
  nd_process_t p;
  nd_loop_t other;
  struct run r;
  pid_t pid;

  memset(&o, 0, sizeof(o));
  o.file = "sleep";
  o.args = args;
  o.flags = ND_PROCESS_DETACHED;
  ND_OK(nd_spawn(loop, &p, &o));
  pid = p.pid;
  assert_int_equal(getsid(pid), pid);
  assert_int_equal(getpgid(pid), pid);
  nd_unref((nd_handle_t *)&p);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0); /* nothing holds it */
  nd_close((nd_handle_t *)&p, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);

  /* A loop of its own, closed under the child. */
  ND_OK(nd_loop_init(&other));
  {
    char *a2[] = {"sleep", "30", NULL};
    ND_OK(run_spawn(&other, &r, "sleep", a2, NULL, NULL));
    run_close(&r);
    assert_int_equal(nd_run(&other, ND_RUN_DEFAULT), 0);
    ND_OK(nd_loop_close(&other));
  }
  assert_int_equal(kill(pid, 0), 0);
  assert_int_equal(kill(r.proc.pid, 0), 0);
  assert_int_not_equal(proc_state(pid), 'Z');

  /* Both die; a spawn on the test's loop sweeps them up. */
  assert_int_equal(kill(pid, SIGKILL), 0);
  assert_int_equal(kill(r.proc.pid, SIGKILL), 0);
  wait_dead(pid);
  wait_dead(r.proc.pid);
  {
    char *a3[] = {"true", NULL};
    struct run t;
    ND_OK(run_spawn(loop, &t, "true", a3, NULL, NULL));
    run_finish(loop, &t);
    run_free(&t);
  }
  assert_int_equal(proc_state(pid), 0);
  assert_int_equal(proc_state(r.proc.pid), 0);
  assert_no_children();
  run_free(&r);
}

/* 500 children at once: every exit callback once, no zombie, no leak. */
#define MANY 500

struct many {
  nd_process_t proc;
  nd_pipe_t out;
  char got[8];
  size_t len;
  int exits;
  int64_t status;
  int eof;
};

static int many_done;

static void many_exit_cb(nd_process_t *p, int64_t status, int term) {
  struct many *m = p->data;

  assert_int_equal(term, 0);
  m->exits++;
  m->status = status;
  many_done++;
}

static void many_alloc(nd_handle_t *h, size_t size, nd_buf_t *buf) {
  struct many *m = h->data;

  (void)size;
  buf->base = m->got + m->len;
  buf->len = sizeof(m->got) - 1 - m->len;
}

static void many_read(nd_stream_t *s, ssize_t n, const nd_buf_t *buf) {
  struct many *m = s->data;

  (void)buf;
  if (n > 0)
    m->len += (size_t)n;
  else if (n < 0) {
    assert_int_equal(n, ND_EOF);
    m->eof = 1;
    nd_close((nd_handle_t *)s, NULL);
  }
}

static void test_many_concurrent_children(void **state) {
  nd_loop_t *loop = *state;
  struct many *m = calloc(MANY, sizeof(*m));
  int fds = test_count_fds();
  watchdog_t wd;
  int i, eofs;

  assert_non_null(m);
  many_done = 0;
  for (i = 0; i < MANY; i++) {
    char script[32];
    char *args[] = {"sh", "-c", script, NULL};
    nd_process_options_t o;
    nd_stdio_container_t stdio[2];

    snprintf(script, sizeof(script), "printf %d; exit %d", i % 1000, i % 256);
    ND_OK(nd_pipe_init(loop, &m[i].out, 0));
    m[i].out.data = &m[i];
    memset(&o, 0, sizeof(o));
    stdio[0].flags = ND_IGNORE;
    stdio[1].flags = ND_CREATE_PIPE | ND_WRITABLE_PIPE;
    stdio[1].data.stream = (nd_stream_t *)&m[i].out;
    o.file = "/bin/sh";
    o.args = args;
    o.exit_cb = many_exit_cb;
    o.stdio = stdio;
    o.stdio_count = 2;
    ND_OK(nd_spawn(loop, &m[i].proc, &o));
    m[i].proc.data = &m[i];
    ND_OK(nd_read_start((nd_stream_t *)&m[i].out, many_alloc, many_read));
  }
  watchdog_start(loop, &wd);
  for (;;) {
    for (eofs = 0, i = 0; i < MANY; i++)
      eofs += m[i].eof;
    if ((many_done == MANY && eofs == MANY) || wd.expired)
      break;
    nd_run(loop, ND_RUN_ONCE);
  }
  nd_close((nd_handle_t *)&wd.timer, NULL);
  for (i = 0; i < MANY; i++)
    nd_close((nd_handle_t *)&m[i].proc, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_false(wd.expired);
  for (i = 0; i < MANY; i++) {
    char expect[8];
    snprintf(expect, sizeof(expect), "%d", i % 1000);
    assert_int_equal(m[i].exits, 1);
    assert_int_equal(m[i].status, i % 256);
    m[i].got[m[i].len] = '\0';
    assert_string_equal(m[i].got, expect);
  }
  assert_int_equal(many_done, MANY);
  assert_no_children();
  assert_int_equal(test_count_fds(), fds);
  free(m);
}

/* --- signals -------------------------------------------------------------- */

static int sigchld_seen;

static void sigchld_user_cb(nd_signal_t *h, int signum) {
  (void)h;
  assert_int_equal(signum, SIGCHLD);
  sigchld_seen++;
}

/* A SIGCHLD handle of the user's sees children exit; exit_cb still runs. */
static void test_sigchld_observable(void **state) {
  nd_loop_t *loop = *state;
  char *args[] = {"sh", "-c", "exit 3", NULL};
  nd_signal_t sig;
  struct run r;
  watchdog_t wd;

  sigchld_seen = 0;
  ND_OK(nd_signal_init(loop, &sig));
  ND_OK(nd_signal_start(&sig, sigchld_user_cb, SIGCHLD));
  ND_OK(run_spawn(loop, &r, "/bin/sh", args, NULL, NULL));
  watchdog_start(loop, &wd);
  while (!(r.exits && sigchld_seen) && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  nd_close((nd_handle_t *)&wd.timer, NULL);
  nd_close((nd_handle_t *)&sig, NULL);
  r.out.eof = r.err.eof = 1;
  run_close(&r);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_false(wd.expired);
  assert_int_equal(r.exits, 1);
  assert_int_equal(r.status, 3);
  assert_true(sigchld_seen >= 1);
  run_free(&r);
}

/* Writing to a child that is gone is EPIPE, never a SIGPIPE for us. */
static int epipe_status = 1;

static void epipe_write_cb(nd_write_t *req, int status) {
  (void)req;
  epipe_status = status;
}

static void test_no_sigpipe(void **state) {
  nd_loop_t *loop = *state;
  char *args[] = {"true", NULL};
  static char big[1 << 20];
  nd_process_options_t o;
  nd_stdio_container_t stdio[1];
  nd_process_t p;
  nd_pipe_t in;
  nd_write_t req;
  nd_buf_t b = {big, sizeof(big)};
  struct sigaction old, dfl;
  int exited = 0;

  memset(&dfl, 0, sizeof(dfl));
  dfl.sa_handler = SIG_DFL;
  assert_int_equal(sigaction(SIGPIPE, &dfl, &old), 0);
  ND_OK(nd_pipe_init(loop, &in, 0));
  memset(&o, 0, sizeof(o));
  stdio[0].flags = ND_CREATE_PIPE | ND_READABLE_PIPE;
  stdio[0].data.stream = (nd_stream_t *)&in;
  o.file = "true";
  o.args = args;
  o.stdio = stdio;
  o.stdio_count = 1;
  ND_OK(nd_spawn(loop, &p, &o));
  /* Wait for the child to be gone, and its end of the pipe with it. */
  while (waitid(P_PID, (id_t)p.pid, &(siginfo_t){0}, WEXITED | WNOWAIT) != 0)
    assert_int_equal(errno, EINTR);
  epipe_status = 1;
  assert_true(nd_write(&req, (nd_stream_t *)&in, &b, 1, epipe_write_cb) >= 0);
  while (epipe_status == 1)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(epipe_status, ND_EPIPE);
  assert_int_equal(nd_try_write((nd_stream_t *)&in, &b, 1), ND_EPIPE);
  nd_close((nd_handle_t *)&in, NULL);
  while (nd_is_active((nd_handle_t *)&p))
    nd_run(loop, ND_RUN_ONCE);
  nd_close((nd_handle_t *)&p, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  sigaction(SIGPIPE, &old, NULL);
  (void)exited;
  assert_no_children();
}

/*
 * nd_stream_pipe from one child into another that quits reading: splice
 * (and the copy path) fail with EPIPE, without a SIGPIPE for us, and the
 * writer dies of SIGPIPE once we close its pipe, as in a shell pipeline.
 */
static int sp_status;

static void sp_cb(nd_stream_pipe_t *req, int status) {
  sp_status = status;
  nd_close((nd_handle_t *)req->src, NULL);
}

static void test_stream_pipe_into_gone_child(void **state) {
  nd_loop_t *loop = *state;
  struct sigaction old, dfl;
  unsigned int flags[2] = {0, ND_STREAM_PIPE_NO_SPLICE};
  int k;

  memset(&dfl, 0, sizeof(dfl));
  dfl.sa_handler = SIG_DFL;
  assert_int_equal(sigaction(SIGPIPE, &dfl, &old), 0);
  for (k = 0; k < 2; k++) {
    char *yes_args[] = {"yes", NULL};
    char *head_args[] = {"head", "-c", "10", NULL};
    nd_process_options_t o;
    nd_stdio_container_t stdio[3];
    nd_stream_pipe_t req;
    struct run yes, head;
    nd_pipe_t to_head;
    watchdog_t wd;

    run_init(loop, &yes);
    run_init(loop, &head);
    ND_OK(nd_pipe_init(loop, &to_head, 0));
    memset(&o, 0, sizeof(o));
    stdio[0].flags = ND_IGNORE;
    stdio[1].flags = ND_CREATE_PIPE | ND_WRITABLE_PIPE;
    stdio[1].data.stream = (nd_stream_t *)&yes.out.pipe;
    stdio[2].flags = ND_INHERIT_FD;
    stdio[2].data.fd = 2;
    o.file = "yes";
    o.args = yes_args;
    o.exit_cb = run_exit_cb;
    o.stdio = stdio;
    o.stdio_count = 3;
    ND_OK(nd_spawn(loop, &yes.proc, &o));
    yes.proc.data = &yes;
    stdio[0].flags = ND_CREATE_PIPE | ND_READABLE_PIPE;
    stdio[0].data.stream = (nd_stream_t *)&to_head;
    stdio[1].flags = ND_CREATE_PIPE | ND_WRITABLE_PIPE;
    stdio[1].data.stream = (nd_stream_t *)&head.out.pipe;
    o.file = "head";
    o.args = head_args;
    ND_OK(nd_spawn(loop, &head.proc, &o));
    head.proc.data = &head;
    ND_OK(nd_read_start((nd_stream_t *)&head.out.pipe, alloc_malloc,
                        capture_read_cb));
    sp_status = 1;
    ND_OK(nd_stream_pipe(&req, (nd_stream_t *)&yes.out.pipe,
                         (nd_stream_t *)&to_head, flags[k], sp_cb));
    watchdog_start(loop, &wd);
    while (!(yes.exits && head.exits && head.out.eof && sp_status != 1) &&
           !wd.expired)
      nd_run(loop, ND_RUN_ONCE);
    nd_close((nd_handle_t *)&wd.timer, NULL);
    nd_close((nd_handle_t *)&to_head, NULL);
    nd_close((nd_handle_t *)&yes.proc, NULL);
    nd_close((nd_handle_t *)&yes.err.pipe, NULL);
    head.err.eof = 1;
    run_close(&head);
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    assert_false(wd.expired);
    assert_true(sp_status == ND_EPIPE || sp_status == ND_ECONNRESET);
    assert_true(req.bytes >= 10);
    assert_string_equal(text(&head.out), "y\ny\ny\ny\ny\n");
    assert_int_equal(head.status, 0);
    assert_int_equal(yes.term, SIGPIPE);
    run_free(&yes);
    run_free(&head);
  }
  sigaction(SIGPIPE, &old, NULL);
  assert_no_children();
}

/*
 * A child starts with no signal ignored or blocked, whatever its parent
 * ignores (SIGPIPE, as Node does) or blocks, and whatever handlers the
 * parent's libnodec installed.
 */
static void noop_sig_cb(nd_signal_t *h, int signum) {
  (void)h;
  (void)signum;
}

static void test_child_signal_state_reset(void **state) {
  nd_loop_t *loop = *state;
  /* cat installs no handler of its own (grep does: SIGSEGV). */
  char *args[] = {"cat", "/proc/self/status", NULL};
  char *line, found[256] = "";
  struct sigaction ign, old;
  sigset_t blk, saved;
  nd_signal_t sig;
  struct run r;

  memset(&ign, 0, sizeof(ign));
  ign.sa_handler = SIG_IGN;
  assert_int_equal(sigaction(SIGPIPE, &ign, &old), 0);
  sigemptyset(&blk);
  sigaddset(&blk, SIGUSR2);
  pthread_sigmask(SIG_BLOCK, &blk, &saved);
  ND_OK(nd_signal_init(loop, &sig));
  ND_OK(nd_signal_start(&sig, noop_sig_cb, SIGHUP));

  ND_OK(run_spawn(loop, &r, "cat", args, NULL, NULL));
  nd_close((nd_handle_t *)&sig, NULL);
  run_finish(loop, &r);
  pthread_sigmask(SIG_SETMASK, &saved, NULL);
  sigaction(SIGPIPE, &old, NULL);
  assert_int_equal(r.status, 0);
  for (line = strtok((char *)text(&r.out), "\n"); line != NULL;
       line = strtok(NULL, "\n"))
    if (strncmp(line, "SigBlk", 6) == 0 || strncmp(line, "SigIgn", 6) == 0 ||
        strncmp(line, "SigCgt", 6) == 0)
      snprintf(found + strlen(found), sizeof(found) - strlen(found), "%s\n",
               line);
  assert_string_equal(found, "SigBlk:\t0000000000000000\n"
                             "SigIgn:\t0000000000000000\n"
                             "SigCgt:\t0000000000000000\n");
  run_free(&r);
}

/* --- credentials ---------------------------------------------------------- */

static void test_setuid_setgid(void **state) {
  nd_loop_t *loop = *state;
  char *args[] = {"sh", "-c", "id -u; id -g; id -G", NULL};
  nd_process_options_t o;
  nd_stdio_container_t stdio[2];
  struct run r;

  if (geteuid() != 0) {
    /* Not root: asking for root is refused, by the spawn itself. */
    run_init(loop, &r);
    memset(&o, 0, sizeof(o));
    o.file = "/bin/sh";
    o.args = args;
    o.flags = ND_PROCESS_SETUID;
    o.uid = 0;
    assert_int_equal(nd_spawn(loop, &r.proc, &o), ND_EPERM);
    run_close(&r);
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    assert_no_children();
    return;
  }
  run_init(loop, &r);
  memset(&o, 0, sizeof(o));
  stdio[0].flags = ND_IGNORE;
  stdio[1].flags = ND_CREATE_PIPE | ND_WRITABLE_PIPE;
  stdio[1].data.stream = (nd_stream_t *)&r.out.pipe;
  o.file = "/bin/sh";
  o.args = args;
  o.exit_cb = run_exit_cb;
  o.stdio = stdio;
  o.stdio_count = 2;
  o.flags = ND_PROCESS_SETUID | ND_PROCESS_SETGID;
  o.uid = 65534;
  o.gid = 65533;
  ND_OK(nd_spawn(loop, &r.proc, &o));
  r.proc.data = &r;
  ND_OK(nd_read_start((nd_stream_t *)&r.out.pipe, alloc_malloc,
                      capture_read_cb));
  r.err.eof = 1;
  run_finish(loop, &r);
  assert_int_equal(r.status, 0);
  /* The supplementary groups of root are gone too. */
  assert_string_equal(text(&r.out), "65534\n65533\n65533\n");
  run_free(&r);

  /* The child cannot take a uid back: setuid's error is nd_spawn's. */
  {
    pid_t pid = fork();
    int status;

    assert_true(pid >= 0);
    if (pid == 0) {
      nd_loop_t l;
      nd_process_t p;
      int err;

      if (setuid(65534) != 0 || nd_loop_init(&l) != 0)
        _exit(2);
      memset(&o, 0, sizeof(o));
      o.file = "/bin/true";
      o.flags = ND_PROCESS_SETUID;
      o.uid = 0;
      err = nd_spawn(&l, &p, &o);
      nd_close((nd_handle_t *)&p, NULL);
      nd_run(&l, ND_RUN_DEFAULT);
      _exit(err == ND_EPERM && nd_loop_close(&l) == 0 ? 0 : 1);
    }
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
  }
}

/* --- nd_disable_stdio_inheritance ----------------------------------------- */

static void test_disable_stdio_inheritance(void **state) {
  pid_t pid;
  int status;

  (void)state;
  /* Process-wide: try it in a fork. */
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    char *args[] = {"sh", "-c", "ls /proc/self/fd | tr '\\n' ' '", NULL};
    nd_process_options_t o;
    nd_stdio_container_t stdio[3];
    nd_loop_t l;
    nd_process_t p;
    int fds[2];
    FILE *f;
    char line[256] = "";

    if (pipe(fds) != 0 || dup2(fds[1], 1) != 1 || dup2(fds[1], 20) != 20)
      _exit(2);
    nd_disable_stdio_inheritance();
    if (!(fcntl(20, F_GETFD) & FD_CLOEXEC) || !(fcntl(1, F_GETFD) & FD_CLOEXEC))
      _exit(3);
    if (nd_loop_init(&l) != 0)
      _exit(4);
    memset(&o, 0, sizeof(o));
    stdio[0].flags = ND_IGNORE;
    stdio[1].flags = ND_INHERIT_FD; /* named explicitly: still passed */
    stdio[1].data.fd = 1;
    stdio[2].flags = ND_IGNORE;
    o.file = "/bin/sh";
    o.args = args;
    o.stdio = stdio;
    o.stdio_count = 3;
    if (nd_spawn(&l, &p, &o) != 0)
      _exit(5);
    nd_run(&l, ND_RUN_DEFAULT);
    nd_close((nd_handle_t *)&p, NULL);
    nd_run(&l, ND_RUN_DEFAULT);
    close(1);
    close(20);
    close(fds[1]);
    f = fdopen(fds[0], "r");
    if (f == NULL || fgets(line, sizeof(line), f) == NULL)
      _exit(6);
    /* 0, 1, 2 and ls's own: fd 20 did not reach the child. */
    _exit(strcmp(line, "0 1 2 3 ") == 0 && nd_loop_close(&l) == 0 ? 0 : 7);
  }
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);
}

/* --- kernels without pidfds ----------------------------------------------- */

/*
 * The fallback runs in a fresh process (this binary as a helper), under a
 * seccomp filter that makes the kernel look older than 5.3: no pidfd_open,
 * no clone3, and clone refusing CLONE_PIDFD.
 */
static void test_sigchld_fallback(void **state) {
  nd_loop_t *loop = *state;
  char *args[] = {self_exe, "helper", "fallback", NULL};
  struct sigaction sa;
  struct run r;

  ND_OK(run_spawn(loop, &r, self_exe, args, NULL, NULL));
  run_finish(loop, &r);
  if (r.status != 0 || r.term != 0)
    fail_msg("fallback helper: status %d, signal %d: %s%s", (int)r.status,
             r.term, text(&r.out), text(&r.err));
  assert_string_equal(text(&r.out), "fallback ok\n");
  run_free(&r);
  /* Here, with pidfds, the library never touched SIGCHLD. */
  assert_int_equal(sigaction(SIGCHLD, NULL, &sa), 0);
  assert_true(sa.sa_handler == SIG_DFL);
}

static int install_no_pidfd_filter(void) {
#ifdef TEST_AUDIT_ARCH
  struct sock_filter filter[] = {
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, TEST_AUDIT_ARCH, 1, 0),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_pidfd_open, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 3),
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args)),
    BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_PIDFD, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EINVAL),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = {sizeof(filter) / sizeof(filter[0]), filter};

  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    return -1;
  return (int)syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
#else
  return -1;
#endif
}

#define FB_CHILDREN 20

static int fb_exits;
static int64_t fb_status[FB_CHILDREN];
static int fb_term[FB_CHILDREN];

static void fb_exit_cb(nd_process_t *p, int64_t status, int term) {
  int i = (int)(intptr_t)p->data;

  fb_status[i] = status;
  fb_term[i] = term;
  fb_exits++;
}

#define FB_CHECK(cond)                                                       \
  do {                                                                       \
    if (!(cond)) {                                                           \
      printf("fallback: line %d: %s\n", __LINE__, #cond);                    \
      return 1;                                                              \
    }                                                                        \
  } while (0)

/* A tick that only ends the ND_RUN_ONCE it fired in. */
static void fb_tick(nd_timer_t *t) {
  (void)t;
}

static int fallback_main(void) {
  static nd_process_t procs[FB_CHILDREN];
  nd_process_t sleeper;
  struct sigaction sa;
  nd_loop_t loop;
  int i, zombies;
  pid_t pid;

  FB_CHECK(install_no_pidfd_filter() == 0);
  FB_CHECK(syscall(__NR_pidfd_open, getpid(), 0) < 0 && errno == ENOSYS);
  FB_CHECK(nd_loop_init(&loop) == 0);

  /* Exit codes and signals, many children at once. */
  for (i = 0; i < FB_CHILDREN; i++) {
    char script[32];
    char *args[] = {"sh", "-c", script, NULL};
    nd_process_options_t o;

    if (i == FB_CHILDREN - 1)
      snprintf(script, sizeof(script), "kill -TERM $$");
    else
      snprintf(script, sizeof(script), "exit %d", i * 13);
    memset(&o, 0, sizeof(o));
    o.file = "/bin/sh";
    o.args = args;
    o.exit_cb = fb_exit_cb;
    FB_CHECK(nd_spawn(&loop, &procs[i], &o) == 0);
    procs[i].data = (void *)(intptr_t)i;
  }
  /* Without pidfds the library listens for SIGCHLD. */
  FB_CHECK(sigaction(SIGCHLD, NULL, &sa) == 0 && sa.sa_handler != SIG_DFL);
  FB_CHECK(nd_run(&loop, ND_RUN_DEFAULT) == 0);
  FB_CHECK(fb_exits == FB_CHILDREN);
  for (i = 0; i < FB_CHILDREN - 1; i++)
    FB_CHECK(fb_status[i] == i * 13 && fb_term[i] == 0);
  FB_CHECK(fb_status[i] == 0 && fb_term[i] == SIGTERM);
  FB_CHECK(nd_process_kill(&procs[0], SIGTERM) == ND_ESRCH);
  for (i = 0; i < FB_CHILDREN; i++)
    nd_close((nd_handle_t *)&procs[i], NULL);
  FB_CHECK(nd_run(&loop, ND_RUN_DEFAULT) == 0);

  /* A closed handle's child is reaped when it dies. */
  {
    char *args[] = {"sleep", "30", NULL};
    nd_process_options_t o;
    nd_timer_t t;
    uint64_t until = test_ms() + WATCHDOG_MS;

    memset(&o, 0, sizeof(o));
    o.file = "sleep";
    o.args = args;
    FB_CHECK(nd_spawn(&loop, &sleeper, &o) == 0);
    pid = sleeper.pid;
    FB_CHECK(nd_process_kill(&sleeper, 0) == 0);
    nd_close((nd_handle_t *)&sleeper, NULL);
    FB_CHECK(nd_run(&loop, ND_RUN_DEFAULT) == 0);
    FB_CHECK(kill(pid, SIGKILL) == 0);
    FB_CHECK(nd_timer_init(&loop, &t) == 0);
    while (proc_state(pid) != 0 && test_ms() < until) {
      nd_timer_start(&t, fb_tick, 5, 0);
      nd_run(&loop, ND_RUN_ONCE);
    }
    nd_close((nd_handle_t *)&t, NULL);
    FB_CHECK(nd_run(&loop, ND_RUN_DEFAULT) == 0);
    FB_CHECK(proc_state(pid) == 0);
  }

  /* Spawn errors are still the spawn's. */
  {
    nd_process_options_t o;
    nd_process_t p;

    memset(&o, 0, sizeof(o));
    o.file = "/nonexistent";
    FB_CHECK(nd_spawn(&loop, &p, &o) == ND_ENOENT);
    nd_close((nd_handle_t *)&p, NULL);
    FB_CHECK(nd_run(&loop, ND_RUN_DEFAULT) == 0);
  }
  FB_CHECK(children_of_ours(&zombies) == 0 && zombies == 0);
  FB_CHECK(nd_loop_close(&loop) == 0);
  /* The loop gave SIGCHLD back. */
  FB_CHECK(sigaction(SIGCHLD, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL);
  printf("fallback ok\n");
  return 0;
}

/* --- the helper ----------------------------------------------------------- */

static int helper_main(int argc, char **argv) {
  static unsigned char buf[64 * 1024];
  const char *what = argv[2];
  size_t i;

  if (strcmp(what, "pattern") == 0 && argc == 4) {
    size_t n = strtoul(argv[3], NULL, 10), off;
    /* Interleaved, so neither pipe may stall the other's reader. */
    for (off = 0; off < n; off += sizeof(buf)) {
      size_t len = n - off < sizeof(buf) ? n - off : sizeof(buf);
      for (i = 0; i < len; i++)
        buf[i] = pattern(1, off + i);
      if (write_all(1, buf, len) != 0)
        return 1;
      for (i = 0; i < len; i++)
        buf[i] = pattern(2, off + i);
      if (write_all(2, buf, len) != 0)
        return 1;
    }
    return 0;
  }
  if (strcmp(what, "sum") == 0) {
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    size_t total = 0;
    ssize_t n;

    /* Read slowly at first, so the parent's writer meets its watermark. */
    usleep(50000);
    while ((n = read(0, buf, sizeof(buf))) != 0) {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return 1;
      h = fnv(h, buf, (size_t)n);
      total += (size_t)n;
    }
    printf("%zu %016llx\n", total, (unsigned long long)h);
    return 0;
  }
  if (strcmp(what, "argv") == 0) {
    int k;
    for (k = 3; k < argc; k++)
      printf("%s\n", argv[k]);
    return 0;
  }
  if (strcmp(what, "fds") == 0) {
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    int seen[1024] = {0}, fd, first = 1;

    if (write_all(3, "three\n", 6) != 0 || write_all(4, "four\n", 5) != 0 ||
        write_all(5, "five\n", 5) != 0 || d == NULL)
      return 1;
    while ((e = readdir(d)) != NULL) {
      fd = atoi(e->d_name);
      if (e->d_name[0] != '.' && fd != dirfd(d) && fd < 1024)
        seen[fd] = 1;
    }
    closedir(d);
    for (fd = 0; fd < 1024; fd++)
      if (seen[fd]) {
        printf(first ? "%d" : " %d", fd);
        first = 0;
      }
    printf("\n");
    return 0;
  }
  if (strcmp(what, "fallback") == 0)
    return fallback_main();
  fprintf(stderr, "test-process helper: unknown request %s\n", what);
  return 2;
}

int main(int argc, char **argv) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_exit_codes),
    LOOP_TEST(test_death_by_signal),
    LOOP_TEST(test_kill_after_exit),
    LOOP_TEST(test_capture_stdout_stderr),
    LOOP_TEST(test_feed_stdin_with_backpressure),
    LOOP_TEST(test_env_cwd_and_path),
    LOOP_TEST(test_arguments_verbatim),
    LOOP_TEST(test_script_without_shebang),
    LOOP_TEST(test_extra_descriptors),
    LOOP_TEST(test_swapped_descriptors),
    LOOP_TEST(test_inherit_stream),
    LOOP_TEST(test_spawn_errors),
    LOOP_TEST(test_emfile),
    LOOP_TEST(test_invalid_options),
    LOOP_TEST(test_close_running_child),
    LOOP_TEST(test_detached_survives_loop),
    LOOP_TEST(test_many_concurrent_children),
    LOOP_TEST(test_sigchld_observable),
    LOOP_TEST(test_no_sigpipe),
    LOOP_TEST(test_stream_pipe_into_gone_child),
    LOOP_TEST(test_child_signal_state_reset),
    LOOP_TEST(test_setuid_setgid),
    LOOP_TEST(test_disable_stdio_inheritance),
    LOOP_TEST(test_sigchld_fallback),
  };
  ssize_t n;

  if (argc >= 3 && strcmp(argv[1], "helper") == 0)
    return helper_main(argc, argv);
  n = readlink("/proc/self/exe", self_exe, sizeof(self_exe) - 1);
  if (n <= 0)
    return 1;
  self_exe[n] = '\0';
  /* ND_TEST_FILTER=test_exit_* runs only the tests it names. */
  if (getenv("ND_TEST_FILTER") != NULL)
    cmocka_set_test_filter(getenv("ND_TEST_FILTER"));
  return cmocka_run_group_tests(tests, NULL, NULL);
}
