/*
 * bind-stdin.c - the natives behind process.stdin, process.stdout and
 * process.stderr (lib/internal/stdio.js).
 *
 * stdin: descriptor 0 read on the loop, as a TTY handle for a terminal and
 * a pipe handle for anything else (a pipe, a socket, a file), each chunk
 * handed to JavaScript through nodec_call, as bytes or as UTF-8 text.
 * Reading starts when the program asks for data and stops when it pauses,
 * so an unread stdin never keeps a program alive.
 *
 * stdout/stderr: what kind of file each descriptor is, a terminal's size,
 * and a write that finishes before it returns (nothing is lost at exit)
 * and reports failure as a number, so that JavaScript can turn EPIPE into
 * the stream's 'error' event as Node does.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "runtime.h"

#define NATIVE(name)                                                         \
  static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self,  \
                         size_t argc, const JSValueRef argv[],               \
                         JSValueRef *exception)

static union {
  nd_stream_t stream;
  nd_tty_t tty;
  nd_pipe_t pipe;
} in;
static int opened;
static JSObjectRef on_data; /* (chunk | null at end | error number) */
static int want_bytes;      /* chunks as Uint8Array rather than text */

static void alloc_cb(nd_handle_t *h, size_t size, nd_buf_t *buf) {
  (void)h;
  buf->base = malloc(size);
  buf->len = buf->base != NULL ? size : 0;
}

/* A UTF-8 character cut by the end of a read waits for the next one. */
static char carry[4];
static size_t ncarry;

/* How many bytes at the end of p[0..n) start a character not yet whole. */
static size_t incomplete_tail(const unsigned char *p, size_t n) {
  size_t back;

  for (back = 1; back <= 3 && back <= n; back++) {
    unsigned char c = p[n - back];
    size_t need;
    if ((c & 0xC0) == 0x80)
      continue; /* a continuation byte: look further back */
    need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

static void free_bytes(void *bytes, void *ctx) {
  (void)ctx;
  free(bytes);
}

static void read_cb(nd_stream_t *s, ssize_t n, const nd_buf_t *buf) {
  JSValueRef arg;

  if (n == 0) {
    free(buf->base);
    return;
  }
  if (n > 0 && want_bytes) {
    /* The chunk keeps the read buffer, trimmed to what was read. */
    char *bytes = realloc(buf->base, (size_t)n);
    JSValueRef exc = NULL;
    JSObjectRef u8;
    if (bytes == NULL)
      bytes = buf->base;
    u8 = JSObjectMakeTypedArrayWithBytesNoCopy(
        nodec.ctx, kJSTypedArrayTypeUint8Array, bytes, (size_t)n,
        free_bytes, NULL, &exc);
    if (u8 == NULL) {
      free(bytes);
      return;
    }
    arg = u8;
    nodec_call(on_data, NULL, 1, &arg);
    return;
  }
  if (n > 0) {
    size_t total = ncarry + (size_t)n, tail;
    char *joined = malloc(total);
    if (joined == NULL) {
      free(buf->base);
      return;
    }
    memcpy(joined, carry, ncarry);
    memcpy(joined + ncarry, buf->base, (size_t)n);
    tail = incomplete_tail((unsigned char *)joined, total);
    memcpy(carry, joined + total - tail, tail);
    ncarry = tail;
    arg = nodec_string_n(joined, total - tail);
    free(joined);
  } else if (n == ND_EOF && ncarry > 0) {
    /* What was cut short stays as it is (replacement characters). */
    JSValueRef rest = nodec_string_n(carry, ncarry);
    ncarry = 0;
    nodec_call(on_data, NULL, 1, &rest);
    nd_read_stop(s);
    arg = JSValueMakeNull(nodec.ctx);
  } else {
    nd_read_stop(s);
    arg = n == ND_EOF ? JSValueMakeNull(nodec.ctx)
                      : JSValueMakeNumber(nodec.ctx, (double)n);
  }
  free(buf->base);
  nodec_call(on_data, NULL, 1, &arg);
}

/* Open descriptor 0 as a handle, once. */
static int open_stdin(void) {
  int err;

  if (opened)
    return 0;
  if (nd_guess_handle(0) == ND_TTY) {
    err = nd_tty_init(&nodec.loop, &in.tty, 0, 1);
  } else {
    err = nd_pipe_init(&nodec.loop, &in.pipe, 0);
    if (err == 0)
      err = nd_pipe_open(&in.pipe, 0);
  }
  if (err == 0)
    opened = 1;
  return err;
}

/*
 * binding.stdinRead(on, callback, bytes): start (on) or stop reading fd 0;
 * chunks are Uint8Arrays when bytes is true, else UTF-8 text.
 */
NATIVE(stdin_read) {
  int err = 0;

  (void)f;
  (void)self;
  if (argc < 1)
    return JSValueMakeUndefined(ctx);
  if (argc >= 2 && JSValueIsObject(ctx, argv[1]) && on_data == NULL) {
    on_data = (JSObjectRef)argv[1];
    JSValueProtect(ctx, on_data);
  }
  if (argc >= 3)
    want_bytes = JSValueToBoolean(ctx, argv[2]);
  err = open_stdin();
  if (err != 0)
    return nodec_throw_errno(exception, err, "read", NULL);
  if (JSValueToBoolean(ctx, argv[0]))
    err = nd_read_start(&in.stream, alloc_cb, read_cb);
  else
    err = nd_read_stop(&in.stream);
  if (err != 0)
    return nodec_throw_errno(exception, err, "read", NULL);
  return JSValueMakeUndefined(ctx);
}

/*
 * binding.stdinReadFile(size): the next bytes of a stdin that is a file
 * (not pollable), read now: a Uint8Array, null at the end, or -errno.
 */
NATIVE(stdin_read_file) {
  size_t size = 65536;
  char *bytes;
  ssize_t n;
  JSObjectRef u8;

  (void)f;
  (void)self;
  if (argc > 0 && nodec_number(argv[0]) >= 1)
    size = (size_t)nodec_number(argv[0]);
  bytes = malloc(size);
  if (bytes == NULL)
    return JSValueMakeNumber(ctx, ND_ENOMEM);
  do
    n = read(0, bytes, size);
  while (n < 0 && errno == EINTR);
  if (n <= 0) {
    int err = n < 0 ? -errno : 0;
    free(bytes);
    return err != 0 ? JSValueMakeNumber(ctx, err) : JSValueMakeNull(ctx);
  }
  u8 = JSObjectMakeTypedArrayWithBytesNoCopy(
      ctx, kJSTypedArrayTypeUint8Array, bytes, (size_t)n, free_bytes, NULL,
      exception);
  if (u8 == NULL) {
    free(bytes);
    return JSValueMakeUndefined(ctx);
  }
  return u8;
}

/* binding.stdinSetRawMode(on): a terminal stdin's raw mode; 0 or -errno. */
NATIVE(stdin_set_raw_mode) {
  int err;

  (void)f;
  (void)self;
  (void)exception;
  if (nd_guess_handle(0) != ND_TTY)
    return JSValueMakeNumber(ctx, ND_ENOTTY);
  err = open_stdin();
  if (err == 0)
    err = nd_tty_set_mode(&in.tty, argc > 0 && JSValueToBoolean(ctx, argv[0])
                                       ? ND_TTY_MODE_RAW
                                       : ND_TTY_MODE_NORMAL);
  return JSValueMakeNumber(ctx, err);
}

/* binding.guessHandleType(fd): 'TTY', 'FILE', 'PIPE', 'TCP', 'UDP', 'UNKNOWN' */
NATIVE(guess_handle_type) {
  const char *name;

  (void)ctx;
  (void)f;
  (void)self;
  (void)exception;
  switch (nd_guess_handle(argc > 0 ? (int)nodec_number(argv[0]) : -1)) {
  case ND_TTY:
    name = "TTY";
    break;
  case ND_FILE:
    name = "FILE";
    break;
  case ND_NAMED_PIPE:
    name = "PIPE";
    break;
  case ND_TCP:
    name = "TCP";
    break;
  case ND_UDP:
    name = "UDP";
    break;
  default:
    name = "UNKNOWN";
    break;
  }
  return nodec_string(name);
}

/* binding.ttyWinsize(fd): [columns, rows], or undefined if not a terminal. */
NATIVE(tty_winsize) {
  struct winsize ws;
  JSValueRef dims[2];

  (void)f;
  (void)self;
  (void)exception;
  if (argc < 1 || ioctl((int)nodec_number(argv[0]), TIOCGWINSZ, &ws) != 0)
    return JSValueMakeUndefined(ctx);
  dims[0] = JSValueMakeNumber(ctx, ws.ws_col);
  dims[1] = JSValueMakeNumber(ctx, ws.ws_row);
  return JSObjectMakeArray(ctx, 2, dims, NULL);
}

/*
 * binding.writeStdio(fd, string | Uint8Array): all of it, waiting while a
 * non-blocking descriptor is full; 0 or -errno (EPIPE included: the
 * stream reports it).  SIGPIPE is ignored by main.c.
 */
NATIVE(write_stdio) {
  const char *p;
  char *text = NULL;
  size_t n;
  int fd, err = 0;

  (void)f;
  (void)self;
  (void)exception;
  if (argc < 2)
    return JSValueMakeNumber(ctx, ND_EINVAL);
  fd = (int)nodec_number(argv[0]);
  if (JSValueGetTypedArrayType(ctx, argv[1], NULL) != kJSTypedArrayTypeNone) {
    JSObjectRef a = (JSObjectRef)argv[1];
    p = (const char *)JSObjectGetTypedArrayBytesPtr(ctx, a, NULL) +
        JSObjectGetTypedArrayByteOffset(ctx, a, NULL);
    n = JSObjectGetTypedArrayByteLength(ctx, a, NULL);
  } else {
    text = nodec_utf8(argv[1], &n);
    if (text == NULL)
      return JSValueMakeNumber(ctx, ND_ENOMEM);
    p = text;
  }
  while (n > 0) {
    ssize_t r = write(fd, p, n);
    if (r > 0) {
      p += r;
      n -= (size_t)r;
    } else if (r < 0 && errno == EINTR) {
      continue;
    } else if (r < 0 && errno == EAGAIN) {
      struct pollfd pfd = {fd, POLLOUT, 0};
      poll(&pfd, 1, -1);
    } else {
      err = r < 0 ? -errno : ND_EIO;
      break;
    }
  }
  free(text);
  return JSValueMakeNumber(ctx, err);
}

/* binding.errName(err): 'EPIPE' for -EPIPE, as libuv's uv_err_name. */
NATIVE(err_name) {
  (void)ctx;
  (void)f;
  (void)self;
  (void)exception;
  return nodec_string(nd_err_name(argc > 0 ? (int)nodec_number(argv[0]) : 0));
}

void nodec_bind_stdin(JSObjectRef b) {
  nodec_set_fn(b, "stdinRead", stdin_read);
  nodec_set_fn(b, "stdinReadFile", stdin_read_file);
  nodec_set_fn(b, "stdinSetRawMode", stdin_set_raw_mode);
  nodec_set_fn(b, "guessHandleType", guess_handle_type);
  nodec_set_fn(b, "ttyWinsize", tty_winsize);
  nodec_set_fn(b, "writeStdio", write_stdio);
  nodec_set_fn(b, "errName", err_name);
}
