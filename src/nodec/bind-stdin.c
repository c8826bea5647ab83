/*
 * bind-stdin.c - process.stdin: descriptor 0 read on the loop, as a TTY
 * handle for a terminal and a pipe handle for anything else (a pipe, a
 * socket, a file), each chunk handed to JavaScript through nodec_call.
 * Reading starts when the program asks for data and stops when it
 * pauses, so an unread stdin never keeps a program alive.
 */
#include <stdlib.h>
#include <string.h>

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

static void read_cb(nd_stream_t *s, ssize_t n, const nd_buf_t *buf) {
  JSValueRef arg;

  if (n == 0) {
    free(buf->base);
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

/* binding.stdinRead(on, callback): start (on) or stop reading fd 0. */
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
  if (!opened) {
    if (nd_guess_handle(0) == ND_TTY) {
      err = nd_tty_init(&nodec.loop, &in.tty, 0, 1);
    } else {
      err = nd_pipe_init(&nodec.loop, &in.pipe, 0);
      if (err == 0)
        err = nd_pipe_open(&in.pipe, 0);
    }
    if (err != 0)
      return nodec_throw_errno(exception, err, "read", NULL);
    opened = 1;
  }
  if (JSValueToBoolean(ctx, argv[0]))
    err = nd_read_start(&in.stream, alloc_cb, read_cb);
  else
    err = nd_read_stop(&in.stream);
  if (err != 0)
    return nodec_throw_errno(exception, err, "read", NULL);
  return JSValueMakeUndefined(ctx);
}

void nodec_bind_stdin(JSObjectRef b) {
  nodec_set_fn(b, "stdinRead", stdin_read);
}
