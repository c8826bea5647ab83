/*
 * compat-process.c - a libuv program that runs child processes: output
 * through pipes, input through a pipe ended with uv_shutdown, exit codes
 * and signals, uv_process_kill before and after the exit, env and cwd, and
 * the errors of uv_spawn.  Built against libuv and against libnodec's uv.h;
 * both must print the same transcript.  Each phase runs the loop to its
 * end, and what arrives in no fixed order (exit against end of output) is
 * printed once the phase is over.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <uv.h>

#define CHECK(expr)                                                          \
  do {                                                                       \
    int check_r_ = (expr);                                                   \
    if (check_r_ < 0) {                                                      \
      printf("%s: %s\n", #expr, uv_err_name(check_r_));                      \
      exit(1);                                                               \
    }                                                                        \
  } while (0)

static uv_loop_t *loop;

struct child {
  uv_process_t proc;
  uv_pipe_t in, out, err;
  char outbuf[4096], errbuf[4096];
  size_t outlen, errlen;
  int64_t status;
  int term;
  int exits;
};

static const char *err_name(int r) {
  return r == 0 ? "0" : uv_err_name(r);
}

static void alloc_cb(uv_handle_t *h, size_t size, uv_buf_t *buf) {
  (void)h;
  buf->base = malloc(size);
  buf->len = size;
}

static void read_cb(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  struct child *c = s->data;
  int is_out = s == (uv_stream_t *)&c->out;
  char *dst = is_out ? c->outbuf : c->errbuf;
  size_t *len = is_out ? &c->outlen : &c->errlen;

  if (n > 0 && *len + (size_t)n < sizeof(c->outbuf)) {
    memcpy(dst + *len, buf->base, (size_t)n);
    *len += (size_t)n;
  } else if (n < 0) {
    uv_close((uv_handle_t *)s, NULL);
  }
  free(buf->base);
}

static void exit_cb(uv_process_t *p, int64_t status, int term) {
  struct child *c = p->data;

  c->status = status;
  c->term = term;
  c->exits++;
  uv_close((uv_handle_t *)p, NULL);
}

/* stdin: a pipe if feed, else ignored; stdout and stderr: pipes. */
static int spawn(struct child *c, const char *file, char **args, char **env,
                 const char *cwd, int feed) {
  uv_process_options_t o;
  uv_stdio_container_t stdio[3];
  int r;

  memset(c, 0, sizeof(*c));
  CHECK(uv_pipe_init(loop, &c->in, 0));
  CHECK(uv_pipe_init(loop, &c->out, 0));
  CHECK(uv_pipe_init(loop, &c->err, 0));
  c->in.data = c->out.data = c->err.data = c;
  memset(&o, 0, sizeof(o));
  stdio[0].flags = feed ? UV_CREATE_PIPE | UV_READABLE_PIPE : UV_IGNORE;
  stdio[0].data.stream = (uv_stream_t *)&c->in;
  stdio[1].flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE;
  stdio[1].data.stream = (uv_stream_t *)&c->out;
  stdio[2].flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE;
  stdio[2].data.stream = (uv_stream_t *)&c->err;
  o.file = file;
  o.args = args;
  o.env = env;
  o.cwd = cwd;
  o.exit_cb = exit_cb;
  o.stdio = stdio;
  o.stdio_count = 3;
  r = uv_spawn(loop, &c->proc, &o);
  c->proc.data = c;
  if (r == 0) {
    CHECK(uv_read_start((uv_stream_t *)&c->out, alloc_cb, read_cb));
    CHECK(uv_read_start((uv_stream_t *)&c->err, alloc_cb, read_cb));
  }
  return r;
}

static void report(const char *what, struct child *c) {
  printf("%s: exit %d signal %d exits %d\n", what, (int)c->status, c->term,
         c->exits);
  printf("  stdout: %.*s", (int)c->outlen, c->outbuf);
  if (c->outlen == 0 || c->outbuf[c->outlen - 1] != '\n')
    printf("\n");
  printf("  stderr: %.*s", (int)c->errlen, c->errbuf);
  if (c->errlen == 0 || c->errbuf[c->errlen - 1] != '\n')
    printf("\n");
}

static void close_in(struct child *c) {
  uv_close((uv_handle_t *)&c->in, NULL);
}

static void shutdown_cb(uv_shutdown_t *req, int status) {
  struct child *c = req->data;

  printf("shutdown stdin: %s\n", err_name(status));
  close_in(c);
}

static void write_cb(uv_write_t *req, int status) {
  (void)req;
  printf("write stdin: %s\n", err_name(status));
}

int main(void) {
  struct child c;
  int r, fd;

  loop = uv_default_loop();

  /* Output, exit code. */
  {
    char *args[] = {"sh", "-c", "echo hello; echo oops >&2; exit 3", NULL};
    CHECK(spawn(&c, "/bin/sh", args, NULL, NULL, 0));
    printf("active after spawn: %d, pid > 0: %d\n",
           uv_is_active((uv_handle_t *)&c.proc), uv_process_get_pid(&c.proc) > 0);
    CHECK(uv_fileno((uv_handle_t *)&c.out, &fd));
    close_in(&c);
    uv_run(loop, UV_RUN_DEFAULT);
    report("sh exit 3", &c);
  }

  /* Input through a pipe, ended by uv_shutdown. */
  {
    char *args[] = {"wc", "-c", NULL};
    static char data[100000];
    static uv_write_t wreq;
    static uv_shutdown_t sreq;
    uv_buf_t b = uv_buf_init(data, sizeof(data));

    memset(data, 'x', sizeof(data));
    CHECK(spawn(&c, "wc", args, NULL, NULL, 1));
    CHECK(uv_write(&wreq, (uv_stream_t *)&c.in, &b, 1, write_cb));
    sreq.data = &c;
    CHECK(uv_shutdown(&sreq, (uv_stream_t *)&c.in, shutdown_cb));
    uv_run(loop, UV_RUN_DEFAULT);
    report("wc -c", &c);
  }

  /* Environment and working directory. */
  {
    char *args[] = {"sh", "-c", "echo \"$FOO\"; pwd", NULL};
    char *env[] = {"FOO=bar", "PATH=/usr/bin:/bin", NULL};
    CHECK(spawn(&c, "sh", args, env, "/", 0));
    close_in(&c);
    uv_run(loop, UV_RUN_DEFAULT);
    report("env and cwd", &c);
  }

  /* Killed, and killed again after the exit. */
  {
    char *args[] = {"sleep", "30", NULL};
    int pid;
    CHECK(spawn(&c, "sleep", args, NULL, NULL, 0));
    close_in(&c);
    pid = c.proc.pid;
    printf("kill 0: %s\n", err_name(uv_process_kill(&c.proc, 0)));
    printf("kill TERM: %s\n", err_name(uv_process_kill(&c.proc, SIGTERM)));
    uv_run(loop, UV_RUN_DEFAULT);
    report("sleep killed", &c);
    printf("uv_kill after exit: %s\n", err_name(uv_kill(pid, SIGTERM)));
  }

  /* A crash. */
  {
    char *args[] = {"sh", "-c", "kill -SEGV $$", NULL};
    CHECK(spawn(&c, "/bin/sh", args, NULL, NULL, 0));
    close_in(&c);
    uv_run(loop, UV_RUN_DEFAULT);
    report("segv", &c);
  }

  /* Errors of uv_spawn: the handle is inactive, and is closed. */
  {
    static const struct {
      const char *file;
      const char *cwd;
    } cases[] = {
      {"/nonexistent/program", NULL},
      {"no-such-program-in-path", NULL},
      {"/etc/passwd", NULL},
      {"/tmp", NULL},
      {"/bin/true", "/nonexistent/dir"},
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
      char *args[] = {(char *)cases[i].file, NULL};
      r = spawn(&c, cases[i].file, args, NULL, cases[i].cwd, 0);
      printf("spawn %s%s%s: %s, active %d\n", cases[i].file,
             cases[i].cwd != NULL ? " in " : "",
             cases[i].cwd != NULL ? cases[i].cwd : "", err_name(r),
             uv_is_active((uv_handle_t *)&c.proc));
      uv_close((uv_handle_t *)&c.proc, NULL);
      uv_close((uv_handle_t *)&c.in, NULL);
      uv_close((uv_handle_t *)&c.out, NULL);
      uv_close((uv_handle_t *)&c.err, NULL);
      uv_run(loop, UV_RUN_DEFAULT);
    }
  }

  {
    uv_timer_t t;
    CHECK(uv_timer_init(loop, &t));
    printf("uv_fileno of a timer: %s\n",
           err_name(uv_fileno((uv_handle_t *)&t, &fd)));
    uv_close((uv_handle_t *)&t, NULL);
    uv_run(loop, UV_RUN_DEFAULT);
  }
  printf("loop close: %s\n", err_name(uv_loop_close(loop)));
  return 0;
}
