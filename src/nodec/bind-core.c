/*
 * bind-core.c - the natives under `process` and the console: writing to a
 * descriptor, exiting, the clock, the working directory, the environment,
 * identities, resource usage, signals.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "runtime.h"

#define NATIVE(name)                                                         \
  static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self,  \
                         size_t argc, const JSValueRef argv[],               \
                         JSValueRef *exception)
#define UNUSED_ARGS                                                          \
  do {                                                                       \
    (void)ctx;                                                               \
    (void)f;                                                                 \
    (void)self;                                                              \
    (void)argc;                                                              \
    (void)argv;                                                              \
    (void)exception;                                                         \
  } while (0)

extern char **environ;

/*
 * Write all of it, waiting when the descriptor is non-blocking and full:
 * what a program writes before it exits is never lost (Node's pipes and
 * files behave so; ours are simply synchronous).
 */
static int write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t r = write(fd, p, n);
    if (r > 0) {
      p += r;
      n -= (size_t)r;
      continue;
    }
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0 && errno == EAGAIN) {
      struct pollfd pfd = {fd, POLLOUT, 0};
      poll(&pfd, 1, -1);
      continue;
    }
    return r < 0 ? -errno : ND_EIO;
  }
  return 0;
}

/* binding.writeSync(fd, string | Uint8Array) */
NATIVE(write_sync) {
  int fd, err;
  char *s;
  size_t n;

  UNUSED_ARGS;
  if (argc < 2)
    return JSValueMakeUndefined(ctx);
  fd = (int)nodec_number(argv[0]);
  if (JSValueGetTypedArrayType(ctx, argv[1], NULL) != kJSTypedArrayTypeNone) {
    JSObjectRef a = (JSObjectRef)argv[1];
    char *p = JSObjectGetTypedArrayBytesPtr(ctx, a, NULL);
    size_t off = JSObjectGetTypedArrayByteOffset(ctx, a, NULL);
    n = JSObjectGetTypedArrayByteLength(ctx, a, NULL);
    err = write_all(fd, p + off, n);
  } else {
    s = nodec_utf8(argv[1], &n);
    if (s == NULL)
      return JSValueMakeUndefined(ctx);
    err = write_all(fd, s, n);
    free(s);
  }
  /* A reader that went away (EPIPE) is not the writer's error in Node. */
  if (err != 0 && err != ND_EPIPE)
    return nodec_throw_errno(exception, err, "write", NULL);
  return JSValueMakeUndefined(ctx);
}

/* binding.reallyExit(code): the end, after the 'exit' event. */
NATIVE(really_exit) {
  int code;

  UNUSED_ARGS;
  code = argc > 0 ? (int)nodec_number(argv[0]) : 0;
  fflush(stdout);
  fflush(stderr);
  _exit(code & 0xff);
  return NULL;
}

NATIVE(cwd) {
  char buf[4096];

  UNUSED_ARGS;
  if (getcwd(buf, sizeof(buf)) == NULL)
    return nodec_throw_errno(exception, -errno, "uv_cwd", NULL);
  return nodec_string(buf);
}

NATIVE(chdir_) {
  char *path;
  int r;

  UNUSED_ARGS;
  path = argc > 0 ? nodec_utf8(argv[0], NULL) : NULL;
  if (path == NULL)
    return JSValueMakeUndefined(ctx);
  r = chdir(path);
  if (r != 0) {
    JSValueRef v = nodec_throw_errno(exception, -errno, "chdir", path);
    free(path);
    return v;
  }
  free(path);
  return JSValueMakeUndefined(ctx);
}

/* binding.hrtime(): nanoseconds of the monotonic clock, as a double. */
NATIVE(hrtime) {
  UNUSED_ARGS;
  return JSValueMakeNumber(ctx, (double)nd_hrtime());
}

/* binding.hrtimeParts(array): [seconds, nanoseconds] without rounding. */
NATIVE(hrtime_parts) {
  uint64_t t = nd_hrtime();
  JSValueRef parts[2];

  UNUSED_ARGS;
  parts[0] = JSValueMakeNumber(ctx, (double)(t / 1000000000u));
  parts[1] = JSValueMakeNumber(ctx, (double)(t % 1000000000u));
  return JSObjectMakeArray(ctx, 2, parts, exception);
}

/* binding.environ(): the environment as [name, value, ...] */
NATIVE(environ_) {
  JSValueRef *vals;
  JSObjectRef arr;
  size_t n = 0, i, k = 0;

  UNUSED_ARGS;
  while (environ[n] != NULL)
    n++;
  vals = calloc(2 * n + 1, sizeof(*vals));
  for (i = 0; i < n; i++) {
    const char *eq = strchr(environ[i], '=');
    if (eq == NULL)
      continue;
    vals[k++] = nodec_string_n(environ[i], (size_t)(eq - environ[i]));
    vals[k++] = nodec_string(eq + 1);
  }
  arr = JSObjectMakeArray(ctx, k, vals, exception);
  free(vals);
  return arr;
}

/* binding.setenv(name, value) / binding.unsetenv(name) */
NATIVE(setenv_) {
  char *name, *value;

  UNUSED_ARGS;
  if (argc < 2)
    return JSValueMakeUndefined(ctx);
  name = nodec_utf8(argv[0], NULL);
  value = nodec_utf8(argv[1], NULL);
  if (name != NULL && value != NULL)
    setenv(name, value, 1);
  free(name);
  free(value);
  return JSValueMakeUndefined(ctx);
}

NATIVE(unsetenv_) {
  char *name;

  UNUSED_ARGS;
  name = argc > 0 ? nodec_utf8(argv[0], NULL) : NULL;
  if (name != NULL)
    unsetenv(name);
  free(name);
  return JSValueMakeUndefined(ctx);
}

static JSObjectRef string_array(int n, char **strs) {
  JSValueRef *vals = calloc((size_t)n + 1, sizeof(*vals));
  JSObjectRef arr;
  int i;

  for (i = 0; i < n; i++)
    vals[i] = nodec_string(strs[i]);
  arr = JSObjectMakeArray(nodec.ctx, (size_t)n, vals, NULL);
  free(vals);
  return arr;
}

/* binding.processInfo(): what `process` needs once, at start-up. */
NATIVE(process_info) {
  JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
  char exe[4096];
  ssize_t n;
  struct utsname u;

  UNUSED_ARGS;
  n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  exe[n > 0 ? n : 0] = '\0';
  nodec_set(o, "execPath", nodec_string(exe));
  nodec_set(o, "argv", string_array(nodec.argc, nodec.argv));
  nodec_set(o, "execArgv", string_array(nodec.exec_argc, nodec.exec_argv));
  nodec_set(o, "pid", JSValueMakeNumber(ctx, getpid()));
  nodec_set(o, "ppid", JSValueMakeNumber(ctx, getppid()));
  nodec_set(o, "nodecVersion", nodec_string(ND_VERSION_STRING));
  if (uname(&u) == 0)
    nodec_set(o, "machine", nodec_string(u.machine));
  nodec_set(o, "stdoutIsTTY", JSValueMakeBoolean(ctx, isatty(1)));
  nodec_set(o, "stderrIsTTY", JSValueMakeBoolean(ctx, isatty(2)));
  nodec_set(o, "stdinIsTTY", JSValueMakeBoolean(ctx, isatty(0)));
  return o;
}

/* binding.resourceUsage(): [utime_us, stime_us, maxrss_kb, rss_bytes] */
NATIVE(resource_usage) {
  struct rusage ru;
  JSValueRef v[4];
  long rss_pages = 0;
  FILE *statm;

  UNUSED_ARGS;
  getrusage(RUSAGE_SELF, &ru);
  statm = fopen("/proc/self/statm", "r");
  if (statm != NULL) {
    long size;
    if (fscanf(statm, "%ld %ld", &size, &rss_pages) != 2)
      rss_pages = 0;
    fclose(statm);
  }
  v[0] = JSValueMakeNumber(ctx, (double)ru.ru_utime.tv_sec * 1e6 +
                                    (double)ru.ru_utime.tv_usec);
  v[1] = JSValueMakeNumber(ctx, (double)ru.ru_stime.tv_sec * 1e6 +
                                    (double)ru.ru_stime.tv_usec);
  v[2] = JSValueMakeNumber(ctx, (double)ru.ru_maxrss);
  v[3] = JSValueMakeNumber(ctx, (double)rss_pages * (double)getpagesize());
  return JSObjectMakeArray(ctx, 4, v, exception);
}

/* binding.kill(pid, signum) */
NATIVE(kill_) {
  int err;

  UNUSED_ARGS;
  if (argc < 2)
    return JSValueMakeUndefined(ctx);
  err = nd_kill((int)nodec_number(argv[0]), (int)nodec_number(argv[1]));
  if (err != 0)
    return nodec_throw_errno(exception, err, "kill", NULL);
  return JSValueMakeUndefined(ctx);
}

/* binding.errName(negativeErrno) -> "ENOENT", or undefined if unknown. */
NATIVE(err_name) {
  const char *name;
  int err;

  UNUSED_ARGS;
  if (argc < 1)
    return JSValueMakeUndefined(ctx);
  err = (int)nodec_number(argv[0]);
  name = nd_err_name(err);
  if (name == NULL || strncmp(name, "Unknown", 7) == 0)
    return JSValueMakeUndefined(ctx);
  return nodec_string(name);
}

NATIVE(umask_) {
  mode_t old;

  UNUSED_ARGS;
  if (argc > 0 && !JSValueIsUndefined(ctx, argv[0])) {
    old = umask((mode_t)nodec_number(argv[0]));
  } else {
    old = umask(0);
    umask(old);
  }
  return JSValueMakeNumber(ctx, old);
}

/* --- signals: one handle per signal that has listeners ------------------ */

static nd_signal_t *signal_handles[65];

static void signal_cb(nd_signal_t *h, int signum) {
  JSValueRef arg = JSValueMakeNumber(nodec.ctx, signum);

  (void)h;
  nodec_call(nodec.signal_fire, NULL, 1, &arg);
}

static void free_handle(nd_handle_t *h) {
  free(h);
}

/* binding.signalWatch(signum, on) */
NATIVE(signal_watch) {
  int signum, on, err;
  nd_signal_t *h;

  UNUSED_ARGS;
  if (argc < 2)
    return JSValueMakeUndefined(ctx);
  signum = (int)nodec_number(argv[0]);
  on = JSValueToBoolean(ctx, argv[1]);
  if (signum < 1 || signum > 64)
    return nodec_throw(exception, "ERR_UNKNOWN_SIGNAL", "Unknown signal: %d",
                       signum);
  h = signal_handles[signum];
  if (on && h == NULL) {
    h = malloc(sizeof(*h));
    nd_signal_init(&nodec.loop, h);
    err = nd_signal_start(h, signal_cb, signum);
    if (err != 0) {
      nd_close((nd_handle_t *)h, free_handle);
      return nodec_throw_errno(exception, err, "uv_signal_start", NULL);
    }
    /* Listening for a signal does not keep a program alive in Node. */
    nd_unref((nd_handle_t *)h);
    signal_handles[signum] = h;
  } else if (!on && h != NULL) {
    nd_close((nd_handle_t *)h, free_handle);
    signal_handles[signum] = NULL;
  }
  return JSValueMakeUndefined(ctx);
}

/* binding.readStdin(): all of standard input, for `nodec -` and pipes. */
NATIVE(read_stdin) {
  size_t len = 0, cap = 65536;
  char *buf = malloc(cap);
  JSValueRef v;
  ssize_t r;

  UNUSED_ARGS;
  for (;;) {
    if (len == cap)
      buf = realloc(buf, cap *= 2);
    r = read(0, buf + len, cap - len);
    if (r > 0) {
      len += (size_t)r;
      continue;
    }
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0 && errno == EAGAIN) {
      struct pollfd pfd = {0, POLLIN, 0};
      poll(&pfd, 1, -1);
      continue;
    }
    break;
  }
  v = nodec_string_n(buf, len);
  free(buf);
  return v;
}

void nodec_bind_core(JSObjectRef b) {
  nodec_set_fn(b, "writeSync", write_sync);
  nodec_set_fn(b, "reallyExit", really_exit);
  nodec_set_fn(b, "cwd", cwd);
  nodec_set_fn(b, "chdir", chdir_);
  nodec_set_fn(b, "hrtime", hrtime);
  nodec_set_fn(b, "hrtimeParts", hrtime_parts);
  nodec_set_fn(b, "environ", environ_);
  nodec_set_fn(b, "setenv", setenv_);
  nodec_set_fn(b, "unsetenv", unsetenv_);
  nodec_set_fn(b, "processInfo", process_info);
  nodec_set_fn(b, "resourceUsage", resource_usage);
  nodec_set_fn(b, "kill", kill_);
  nodec_set_fn(b, "umask", umask_);
  nodec_set_fn(b, "errName", err_name);
  nodec_set_fn(b, "signalWatch", signal_watch);
  nodec_set_fn(b, "readStdin", read_stdin);
}
