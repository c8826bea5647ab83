/*
 * runtime.h - what the files of the nodec runtime share: the one runtime
 * of the process (its loop, its JavaScriptCore context), the path every
 * call from the loop into JavaScript takes, and helpers for values.
 *
 * Only include/nodec.h is used from the library; nothing here reaches into
 * src/ of libnodec.
 */
#ifndef NODEC_RUNTIME_H
#define NODEC_RUNTIME_H

#include <JavaScriptCore/JavaScript.h>
#include <glib.h>

#include "nodec.h"

/* Exported by JavaScriptCore, not declared by its public headers. */
void JSLock(JSContextRef ctx);
void JSUnlock(JSContextRef ctx);
/* WTF::initializeMainThread(), exported by libjavascriptcoregtk (C++, no
 * arguments, no result): sets up WTF's main thread and main RunLoop. */
void wtf_initialize_main_thread(void) __asm__("_ZN3WTF20initializeMainThreadEv");
void JSGlobalContextSetUnhandledRejectionCallback(JSGlobalContextRef ctx,
                                                  JSObjectRef function,
                                                  JSValueRef *exception);

/* Slots of the Int32Array the bootstrap shares with C (rt.info). */
enum {
  NODEC_INFO_TICKS = 0,       /* process.nextTick callbacks queued */
  NODEC_INFO_REJECTIONS = 1,  /* unhandled rejections to look at */
  NODEC_INFO_IMMEDIATES = 2,  /* setImmediate callbacks queued */
  NODEC_INFO_IMMEDIATE_REFS = 3, /* of which keep the loop alive */
  NODEC_INFO_SIZE = 4
};

typedef struct {
  nd_loop_t loop;
  JSContextGroupRef group;
  JSGlobalContextRef ctx;
  JSObjectRef binding;        /* natives handed to lib/internal/bootstrap.js */
  JSObjectRef hooks;          /* what bootstrap hands back (runTicks, ...) */
  JSObjectRef run_ticks;      /* hooks.runTicks() */
  JSObjectRef run_rejections; /* hooks.runRejections() */
  JSObjectRef fatal;          /* hooks.fatal(err): handled? */
  JSObjectRef immediate_begin;/* hooks.immediateBegin(): batch size */
  JSObjectRef immediate_run;  /* hooks.immediateRunOne() */
  JSObjectRef timer_fire;     /* hooks.timerFire(timeout) */
  JSObjectRef signal_fire;    /* hooks.signalFire(signum) */
  int32_t *info;
  nd_check_t immediate_check;
  nd_idle_t immediate_idle;
  GMainContext *gctx;         /* JSC's deferred work (GC timers, ...) */
  nd_check_t glib_check;
  nd_timer_t glib_timer;
  int argc;
  char **argv;
  char **exec_argv;
  int exec_argc;
  uint64_t start_ns;
  uint64_t loop_start_ns;     /* when the main script handed over to the loop */
} nodec_rt;

extern nodec_rt nodec;

/* engine.c */
int nodec_engine_init(void);
/*
 * The one way from the loop into JavaScript: call fn, then the nextTick
 * queue, then the promise jobs (released with the lock), again while
 * either queued more; an exception goes to process 'uncaughtException' or
 * ends the process as Node does.
 */
void nodec_call(JSObjectRef fn, JSObjectRef self, size_t argc,
                const JSValueRef argv[]);
/* A script or function threw outside any callback: the same handling. */
void nodec_uncaught(JSValueRef exception);
/* Ticks and promise jobs after code that ran under the lock. */
void nodec_drain(void);

/* values.c */
/* UTF-8 to UTF-16 into out (room for n units); returns the units. */
size_t nodec_utf8_to_utf16(const char *s, size_t n, JSChar *out);
JSValueRef nodec_string(const char *s);
JSValueRef nodec_string_n(const char *s, size_t n);
/* UTF-8 copy of any value's string form (malloc'd), or NULL. */
char *nodec_utf8(JSValueRef v, size_t *len);
void nodec_set(JSObjectRef obj, const char *name, JSValueRef v);
JSValueRef nodec_get(JSObjectRef obj, const char *name);
void nodec_set_fn(JSObjectRef obj, const char *name,
                  JSObjectCallAsFunctionCallback fn);
JSValueRef nodec_throw(JSValueRef *exception, const char *code,
                       const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
JSValueRef nodec_throw_errno(JSValueRef *exception, int err,
                             const char *syscall, const char *path);
double nodec_number(JSValueRef v);

/* bind-fs.c: a whole file (malloc'd) or a negative error. */
ssize_t nodec_read_file(const char *path, char **out);

/* bind-*.c: each fills its part of the binding object. */
void nodec_bind_core(JSObjectRef binding);
void nodec_bind_timers(JSObjectRef binding);
void nodec_bind_fs(JSObjectRef binding);
void nodec_bind_stdin(JSObjectRef binding);
void nodec_bind_perf(JSObjectRef binding);
void nodec_bind_buffer(JSObjectRef binding);
void nodec_bind_esm(JSObjectRef binding);

/* The built-in JavaScript (lib/), embedded by scripts/embed-js.sh. */
typedef struct {
  const char *name;           /* "events", "internal/bootstrap", ... */
  const char *source;
  size_t length;
} nodec_builtin;
extern const nodec_builtin nodec_builtins[];
extern const size_t nodec_builtin_count;
const nodec_builtin *nodec_builtin_find(const char *name);

#endif
