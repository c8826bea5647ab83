/*
 * spawn.h - what spawn and spawn_concurrent share: one child of /bin/true
 * whose stdout is a pipe the parent reads until EOF.
 *
 * A child is finished when its exit callback has run and its pipe has
 * reported EOF; both handles are then closed, and when both close
 * callbacks have run, the slot is free for the next spawn.  This is the
 * shape of libuv's own spawn benchmark: the spawn, the pipe set-up, the
 * exit notification and the reaping are all inside the measurement.
 */
#ifndef BENCH_SPAWN_H
#define BENCH_SPAWN_H

#include <uv.h>

#include "bench.h"

#define SPAWN_PROGRAM "/bin/true"

struct spawn_slot {
  uv_process_t process;
  uv_pipe_t out;
  char buf[256];
  int exited;         /* the exit callback ran */
  int eof;            /* the pipe reported EOF */
  int open_handles;   /* close callbacks still to come */
};

static uv_loop_t *spawn_loop;
static unsigned int spawn_total;    /* spawns to make */
static unsigned int spawn_started;
static unsigned int spawn_done;

static void spawn_start(struct spawn_slot *s);

static void spawn_closed(uv_handle_t *h) {
  struct spawn_slot *s = h->data;

  if (--s->open_handles > 0)
    return;
  spawn_done++;
  if (spawn_started < spawn_total)
    spawn_start(s);
}

static void spawn_maybe_finish(struct spawn_slot *s) {
  if (!s->exited || !s->eof)
    return;
  uv_close((uv_handle_t *)&s->process, spawn_closed);
  uv_close((uv_handle_t *)&s->out, spawn_closed);
}

static void spawn_exit_cb(uv_process_t *p, int64_t status, int signo) {
  struct spawn_slot *s = p->data;

  if (status != 0 || signo != 0)
    bench_fatal("%s exited with status %lld, signal %d", SPAWN_PROGRAM,
                (long long)status, signo);
  s->exited = 1;
  spawn_maybe_finish(s);
}

static void spawn_alloc_cb(uv_handle_t *h, size_t size, uv_buf_t *buf) {
  struct spawn_slot *s = h->data;

  (void)size;
  *buf = uv_buf_init(s->buf, sizeof(s->buf));
}

static void spawn_read_cb(uv_stream_t *st, ssize_t n, const uv_buf_t *buf) {
  struct spawn_slot *s = st->data;

  (void)buf;
  if (n == UV_EOF) {
    s->eof = 1;
    spawn_maybe_finish(s);
  } else if (n < 0) {
    bench_check((int)n, "read from the child's stdout");
  } else if (n > 0) {
    bench_fatal("%s wrote %zd bytes", SPAWN_PROGRAM, n);
  }
}

static void spawn_start(struct spawn_slot *s) {
  static char *args[] = {SPAWN_PROGRAM, NULL};
  uv_process_options_t opts;
  uv_stdio_container_t stdio[3];

  s->exited = 0;
  s->eof = 0;
  s->open_handles = 2;
  bench_check(uv_pipe_init(spawn_loop, &s->out, 0), "uv_pipe_init");
  s->out.data = s;
  s->process.data = s;

  memset(&opts, 0, sizeof(opts));
  stdio[0].flags = UV_IGNORE;
  stdio[1].flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE;
  stdio[1].data.stream = (uv_stream_t *)&s->out;
  stdio[2].flags = UV_INHERIT_FD;
  stdio[2].data.fd = 2;
  opts.file = SPAWN_PROGRAM;
  opts.args = args;
  opts.exit_cb = spawn_exit_cb;
  opts.stdio = stdio;
  opts.stdio_count = 3;
  bench_check(uv_spawn(spawn_loop, &s->process, &opts), "uv_spawn");
  bench_check(uv_read_start((uv_stream_t *)&s->out, spawn_alloc_cb,
                            spawn_read_cb), "uv_read_start");
  spawn_started++;
}

/* Spawns `total` children, at most `width` at a time; returns spawns/s. */
static double spawn_run(unsigned int total, unsigned int width) {
  struct spawn_slot *slots = bench_xcalloc(width, sizeof(*slots));
  uv_loop_t loop;
  double t0, t1;
  unsigned int i;

  bench_check(uv_loop_init(&loop), "uv_loop_init");
  spawn_loop = &loop;
  spawn_total = total;
  t0 = bench_wall_seconds();
  for (i = 0; i < width && i < total; i++)
    spawn_start(&slots[i]);
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run");
  t1 = bench_wall_seconds();
  if (spawn_done != total)
    bench_fatal("%u of %u children finished", spawn_done, total);
  bench_check(uv_loop_close(&loop), "uv_loop_close");
  free(slots);
  return (double)total / (t1 - t0);
}

#endif
