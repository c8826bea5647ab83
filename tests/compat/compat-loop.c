/*
 * compat-loop.c - a libuv program, written against libuv's API only.
 *
 * Built twice: against Debian's libuv and against libnodec through
 * include/compat/uv.h (tests/compat/compat-loop.sh).  The two transcripts
 * must be identical.  Everything printed is deterministic: no times, no
 * pointers.
 */
#include <uv.h>

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int step;

#define SAY(...)                                                             \
  do {                                                                       \
    printf("%02d ", ++step);                                                 \
    printf(__VA_ARGS__);                                                     \
    putchar('\n');                                                           \
  } while (0)

#define CHECK(expr)                                                          \
  do {                                                                       \
    int r_ = (expr);                                                         \
    if (r_ < 0) {                                                            \
      fprintf(stderr, "%s: %s\n", #expr, uv_strerror(r_));                   \
      exit(1);                                                               \
    }                                                                        \
  } while (0)

static uv_timer_t t_short, t_long, t_repeat;
static uv_idle_t idle;
static uv_prepare_t prepare;
static uv_check_t check;
static uv_async_t async;
static uv_signal_t sig;
static uv_poll_t poll_h;
static int fds[2];
static int repeats;
static int idles;
static pthread_t thread;

static void on_close(uv_handle_t *h) {
  SAY("close %s", uv_handle_type_name(uv_handle_get_type(h)));
}

static void idle_cb(uv_idle_t *h) {
  if (++idles == 3) {
    SAY("idle ran 3 times, stopping");
    CHECK(uv_idle_stop(h));
  }
}

static void prepare_cb(uv_prepare_t *h) {
  SAY("prepare");
  CHECK(uv_prepare_stop(h));
}

static void check_cb(uv_check_t *h) {
  SAY("check");
  CHECK(uv_check_stop(h));
}

static void *thread_main(void *arg) {
  (void)arg;
  usleep(10000);
  uv_async_send(&async);
  return NULL;
}

static void async_cb(uv_async_t *h) {
  SAY("async from thread, data=%s", (const char *)h->data);
  uv_close((uv_handle_t *)h, on_close);
  /* Next: a signal to ourselves. */
  kill(getpid(), SIGUSR2);
}

static void signal_cb(uv_signal_t *h, int signum) {
  SAY("signal %s", signum == SIGUSR2 ? "SIGUSR2" : "other");
  CHECK(uv_signal_stop(h));
  uv_close((uv_handle_t *)h, on_close);
  /* Next: make the pipe readable. */
  if (write(fds[1], "hi", 2) != 2)
    exit(1);
}

static void poll_cb(uv_poll_t *h, int status, int events) {
  char buf[8];
  ssize_t n = read(fds[0], buf, sizeof(buf));
  SAY("poll status=%d readable=%d read=%.*s", status,
      (events & UV_READABLE) != 0, (int)n, buf);
  uv_close((uv_handle_t *)h, on_close);
}

static void short_cb(uv_timer_t *h) {
  SAY("timer short (repeat=%d)", (int)uv_timer_get_repeat(h));
}

static void repeat_cb(uv_timer_t *h) {
  SAY("timer repeat #%d", ++repeats);
  if (repeats == 3) {
    CHECK(uv_timer_stop(h));
    uv_close((uv_handle_t *)h, on_close);
    CHECK(uv_async_init(h->loop, &async, async_cb));
    async.data = "ok";
    if (pthread_create(&thread, NULL, thread_main, NULL) != 0)
      exit(1);
  }
}

/* Work on the pool: five squares summed on the loop thread. */
static uv_work_t work_reqs[5];
static int squares[5];
static int works_done;
static int square_sum;

static void square_work(uv_work_t *req) {
  int i = (int)(req - work_reqs);
  squares[i] = (i + 1) * (i + 1);
}

static void square_after(uv_work_t *req, int status) {
  square_sum += squares[req - work_reqs];
  if (status != 0 || uv_req_get_type((uv_req_t *)req) != UV_WORK)
    exit(1);
  works_done++;
}

static void long_cb(uv_timer_t *h) {
  (void)h;
  SAY("timer long must not fire: it is unref'd and closed first");
}

static void walk_cb(uv_handle_t *h, void *arg) {
  int *n = arg;
  (*n)++;
  printf("   walk: %s active=%d\n", uv_handle_type_name(h->type),
         uv_is_active(h));
}

int main(void) {
  uv_loop_t loop;
  uv_req_t plain_req;
  int n = 0;
  int r;

  CHECK(uv_loop_init(&loop));
  SAY("alive at start: %d", uv_loop_alive(&loop));
  SAY("errors: %s / %s / %s", uv_err_name(UV_ENOENT), uv_strerror(UV_EINVAL),
      uv_err_name(UV_EOF));
  SAY("translate ENOENT: %s", uv_err_name(uv_translate_sys_error(ENOENT)));

  CHECK(uv_timer_init(&loop, &t_short));
  CHECK(uv_timer_init(&loop, &t_long));
  CHECK(uv_timer_init(&loop, &t_repeat));
  CHECK(uv_idle_init(&loop, &idle));
  CHECK(uv_prepare_init(&loop, &prepare));
  CHECK(uv_check_init(&loop, &check));
  CHECK(uv_signal_init(&loop, &sig));
  if (pipe(fds) != 0)
    return 1;
  CHECK(uv_poll_init(&loop, &poll_h, fds[0]));

  /* Work first: starting the pool's threads takes time, timers don't wait. */
  for (n = 0; n < 5; n++)
    CHECK(uv_queue_work(&loop, &work_reqs[n], square_work, square_after));
  memset(&plain_req, 0, sizeof(plain_req));
  plain_req.type = UV_REQ;
  SAY("cancel a plain request: %s", uv_err_name(uv_cancel(&plain_req)));

  /* From now until uv_run only a few microseconds pass. */
  uv_update_time(&loop);
  CHECK(uv_timer_start(&t_short, short_cb, 20, 0));
  CHECK(uv_timer_start(&t_long, long_cb, 100000, 0));
  uv_unref((uv_handle_t *)&t_long);
  SAY("long timer has_ref=%d due_in>0=%d", uv_has_ref((uv_handle_t *)&t_long),
      uv_timer_get_due_in(&t_long) > 0);
  CHECK(uv_timer_start(&t_repeat, repeat_cb, 40, 40));
  CHECK(uv_idle_start(&idle, idle_cb));
  CHECK(uv_prepare_start(&prepare, prepare_cb));
  CHECK(uv_check_start(&check, check_cb));
  CHECK(uv_signal_start(&sig, signal_cb, SIGUSR2));
  CHECK(uv_poll_start(&poll_h, UV_READABLE, poll_cb));
  SAY("timer without callback: %s",
      uv_err_name(uv_timer_start(&t_short, NULL, 1, 0)));

  n = 0;
  uv_walk(&loop, walk_cb, &n);
  SAY("walked %d handles", n);

  r = uv_run(&loop, UV_RUN_DEFAULT);
  SAY("run -> %d", r);
  /* Printed here: when the jobs finish depends on the threads. */
  SAY("work: %d jobs done, sum of squares %d", works_done, square_sum);
  pthread_join(thread, NULL);

  SAY("close busy: %s", uv_err_name(uv_loop_close(&loop)));
  uv_close((uv_handle_t *)&t_short, on_close);
  uv_close((uv_handle_t *)&t_long, on_close);
  uv_close((uv_handle_t *)&idle, on_close);
  uv_close((uv_handle_t *)&prepare, on_close);
  uv_close((uv_handle_t *)&check, on_close);
  SAY("closing=%d", uv_is_closing((uv_handle_t *)&check));
  r = uv_run(&loop, UV_RUN_DEFAULT);
  SAY("run -> %d", r);
  SAY("loop close -> %d", uv_loop_close(&loop));
  close(fds[0]);
  close(fds[1]);
  return 0;
}
