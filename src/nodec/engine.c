/*
 * engine.c - JavaScriptCore on the loop.
 *
 * Order of work, as Node has it: every callback from the loop into
 * JavaScript (a timer, an immediate, I/O) is followed by the
 * process.nextTick queue and then by the promise jobs, again and again
 * while either queued more, before the loop moves on.  JavaScriptCore runs
 * promise jobs when the outermost API lock is released, so nodec_call holds
 * the lock (JSLock) across the callback and the ticks, and releases it to
 * let the promise jobs run.
 *
 * JavaScriptCore's deferred work (GC timers, FinalizationRegistry) runs on
 * the GLib main context that was thread-default when the VM was made: we
 * make one, and a check watcher iterates it every turn of the loop, with a
 * timer (that keeps nothing alive) for its next timeout.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime.h"

nodec_rt nodec;

static JSObjectRef hook(const char *name) {
  JSValueRef v = nodec_get(nodec.hooks, name);

  if (!JSValueIsObject(nodec.ctx, v)) {
    fprintf(stderr, "nodec: bootstrap hook %s is missing\n", name);
    exit(70);
  }
  JSValueProtect(nodec.ctx, v);
  return (JSObjectRef)v;
}

/* Print a value the way the last resort does: its stack, or its string. */
static void print_raw(JSValueRef exception) {
  JSValueRef stack = JSValueIsObject(nodec.ctx, exception)
                         ? nodec_get((JSObjectRef)exception, "stack")
                         : NULL;
  char *s = nodec_utf8(stack != NULL && JSValueIsString(nodec.ctx, stack)
                           ? stack
                           : exception,
                       NULL);

  fprintf(stderr, "Uncaught %s\n", s != NULL ? s : "exception");
  free(s);
}

void nodec_uncaught(JSValueRef exception) {
  JSValueRef exc = NULL;

  if (nodec.fatal == NULL) {
    print_raw(exception);
    fflush(stdout);
    _exit(1);
  }
  /* hooks.fatal prints and exits unless an 'uncaughtException' handles it. */
  JSObjectCallAsFunction(nodec.ctx, nodec.fatal, NULL, 1, &exception, &exc);
  if (exc != NULL) {
    /* The handler itself threw: Node exits with 7. */
    print_raw(exc);
    /* Like reallyExit: no atexit work inside a half-unwound engine. */
    fflush(stdout);
    _exit(7);
  }
}

static void call_hook(JSObjectRef fn) {
  JSValueRef exc = NULL;

  JSObjectCallAsFunction(nodec.ctx, fn, NULL, 0, NULL, &exc);
  if (exc != NULL)
    nodec_uncaught(exc);
}

/*
 * With the lock held: ticks, then (by releasing the lock) promise jobs,
 * then what unhandled rejections they left, while any of it queued more.
 */
static void drain_locked(void) {
  for (;;) {
    if (nodec.info[NODEC_INFO_TICKS] > 0)
      call_hook(nodec.run_ticks);
    JSUnlock(nodec.ctx); /* promise jobs run here */
    JSLock(nodec.ctx);
    if (nodec.info[NODEC_INFO_REJECTIONS] > 0)
      call_hook(nodec.run_rejections);
    if (nodec.info[NODEC_INFO_TICKS] == 0 &&
        nodec.info[NODEC_INFO_REJECTIONS] == 0)
      break;
  }
}

void nodec_drain(void) {
  JSLock(nodec.ctx);
  drain_locked();
  JSUnlock(nodec.ctx);
}

void nodec_call(JSObjectRef fn, JSObjectRef self, size_t argc,
                const JSValueRef argv[]) {
  JSValueRef exc = NULL;

  JSLock(nodec.ctx);
  JSObjectCallAsFunction(nodec.ctx, fn, self, argc, argv, &exc);
  if (exc != NULL)
    nodec_uncaught(exc);
  drain_locked();
  JSUnlock(nodec.ctx);
}

/* --- GLib's main context, for JavaScriptCore's timers ------------------- */

static void glib_timer_cb(nd_timer_t *t) {
  (void)t;
}

static void glib_check_cb(nd_check_t *c) {
  gint timeout = -1;
  gint prio;

  (void)c;
  while (g_main_context_iteration(nodec.gctx, FALSE))
    ;
  /* When the loop next sleeps, it wakes for GLib's next timeout. */
  g_main_context_prepare(nodec.gctx, &prio);
  g_main_context_query(nodec.gctx, prio, &timeout, NULL, 0);
  if (timeout >= 0)
    nd_timer_start(&nodec.glib_timer, glib_timer_cb, (uint64_t)timeout, 0);
  else
    nd_timer_stop(&nodec.glib_timer);
}

/* --- the binding and the bootstrap -------------------------------------- */

/*
 * The source as the body of a function, compiled as a script that starts
 * on the source's own first line, so line numbers in stacks are the
 * file's (only columns on line 1 are shifted by the wrapper, as they were
 * in Node before v12).  The wrapper is named so that stack traces can
 * call it what Node calls a module's top level.  The script is put
 * together in UTF-16 from the body as it is (UTF-8 bytes, or a string's
 * characters): no text is converted twice on the way to the parser.
 */
static JSValueRef compile_wrapped(JSContextRef ctx, const char *utf8,
                                  const JSChar *utf16, size_t blen,
                                  JSObjectRef params, JSStringRef url,
                                  JSValueRef *exception) {
  static const char head[] = "(function __nodec_top_level__(";
  static const char mid[] = ") {";
  static const char tail[] = "\n})";
  JSStringRef names[16];
  JSStringRef script;
  JSChar *src;
  JSValueRef fn;
  size_t n, i, cap, len = 0;

  n = (size_t)nodec_number(nodec_get(params, "length"));
  if (n > 16)
    n = 16;
  cap = sizeof(head) + sizeof(mid) + sizeof(tail) + blen + n;
  for (i = 0; i < n; i++) {
    names[i] = JSValueToStringCopy(
        ctx, JSObjectGetPropertyAtIndex(ctx, params, (unsigned)i, NULL), NULL);
    cap += names[i] != NULL ? JSStringGetLength(names[i]) : 0;
  }
  src = malloc(cap * sizeof(*src));
  if (src == NULL) {
    for (i = 0; i < n; i++)
      if (names[i] != NULL)
        JSStringRelease(names[i]);
    return nodec_throw(exception, "ERR_MEMORY_ALLOCATION_FAILED",
                       "Out of memory compiling a module");
  }
  for (i = 0; head[i] != '\0'; i++)
    src[len++] = (JSChar)head[i];
  for (i = 0; i < n; i++) {
    if (i > 0)
      src[len++] = ',';
    if (names[i] != NULL) {
      size_t k = JSStringGetLength(names[i]);
      memcpy(src + len, JSStringGetCharactersPtr(names[i]), k * sizeof(*src));
      len += k;
      JSStringRelease(names[i]);
    }
  }
  for (i = 0; mid[i] != '\0'; i++)
    src[len++] = (JSChar)mid[i];
  if (utf8 != NULL) {
    len += nodec_utf8_to_utf16(utf8, blen, src + len);
  } else {
    memcpy(src + len, utf16, blen * sizeof(*src));
    len += blen;
  }
  for (i = 0; tail[i] != '\0'; i++)
    src[len++] = (JSChar)tail[i];
  script = JSStringCreateWithCharacters(src, len);
  free(src);
  fn = JSEvaluateScript(ctx, script, NULL, url, 1, exception);
  JSStringRelease(script);
  return fn != NULL ? fn : JSValueMakeUndefined(ctx);
}

/* binding.compileFunction(source, filename, params): see compile_wrapped. */
static JSValueRef compile_function(JSContextRef ctx, JSObjectRef f,
                                   JSObjectRef self, size_t argc,
                                   const JSValueRef argv[],
                                   JSValueRef *exception) {
  JSStringRef body, url;
  JSValueRef fn;

  (void)f;
  (void)self;
  if (argc < 3 || !JSValueIsObject(ctx, argv[2]))
    return nodec_throw(exception, "ERR_INVALID_ARG_TYPE",
                       "compileFunction(source, filename, params)");
  body = JSValueToStringCopy(ctx, argv[0], exception);
  if (body == NULL)
    return JSValueMakeUndefined(ctx);
  url = JSValueToStringCopy(ctx, argv[1], NULL);
  fn = compile_wrapped(ctx, NULL, JSStringGetCharactersPtr(body),
                       JSStringGetLength(body), (JSObjectRef)argv[2], url,
                       exception);
  JSStringRelease(body);
  if (url != NULL)
    JSStringRelease(url);
  return fn;
}

/*
 * binding.compileBuiltin(name, params): lib/<name>.js compiled as by
 * compileFunction, straight from the bytes embedded in the binary, with
 * the file name node:<name>; undefined when there is no such module.
 */
static JSValueRef compile_builtin(JSContextRef ctx, JSObjectRef f,
                                  JSObjectRef self, size_t argc,
                                  const JSValueRef argv[],
                                  JSValueRef *exception) {
  const nodec_builtin *b;
  char *name, *file;
  JSStringRef url;
  JSValueRef fn;

  (void)f;
  (void)self;
  if (argc < 2 || !JSValueIsObject(ctx, argv[1]))
    return nodec_throw(exception, "ERR_INVALID_ARG_TYPE",
                       "compileBuiltin(name, params)");
  name = nodec_utf8(argv[0], NULL);
  b = name != NULL ? nodec_builtin_find(name) : NULL;
  if (b == NULL) {
    free(name);
    return JSValueMakeUndefined(ctx);
  }
  file = malloc(strlen(name) + sizeof("node:"));
  if (file == NULL) {
    free(name);
    return nodec_throw(exception, "ERR_MEMORY_ALLOCATION_FAILED",
                       "Out of memory compiling a module");
  }
  strcpy(file, "node:");
  strcat(file, name);
  free(name);
  url = JSStringCreateWithUTF8CString(file);
  free(file);
  fn = compile_wrapped(ctx, b->source, NULL, b->length, (JSObjectRef)argv[1],
                       url, exception);
  JSStringRelease(url);
  return fn;
}

/*
 * binding.evaluateScript(source, url): the source as a global script (for
 * -e, -p and stdin: top-level var and function land on globalThis), its
 * completion value returned; frames read "url:line:col" as Node's do.
 */
static JSValueRef evaluate_script(JSContextRef ctx, JSObjectRef f,
                                  JSObjectRef self, size_t argc,
                                  const JSValueRef argv[],
                                  JSValueRef *exception) {
  JSStringRef script, url;
  JSValueRef result;
  char *src, *name;

  (void)f;
  (void)self;
  if (argc < 2)
    return nodec_throw(exception, "ERR_INVALID_ARG_TYPE",
                       "evaluateScript(source, url)");
  src = nodec_utf8(argv[0], NULL);
  name = nodec_utf8(argv[1], NULL);
  if (src == NULL || name == NULL) {
    free(src);
    free(name);
    return JSValueMakeUndefined(ctx);
  }
  script = JSStringCreateWithUTF8CString(src);
  url = JSStringCreateWithUTF8CString(name);
  result = JSEvaluateScript(ctx, script, NULL, url, 1, exception);
  JSStringRelease(script);
  JSStringRelease(url);
  free(src);
  free(name);
  return result != NULL ? result : JSValueMakeUndefined(ctx);
}

/* binding.builtinNames(): every embedded module, for builtinModules. */
static JSValueRef builtin_names(JSContextRef ctx, JSObjectRef f,
                                JSObjectRef self, size_t argc,
                                const JSValueRef argv[],
                                JSValueRef *exception) {
  JSValueRef *names;
  JSObjectRef arr;
  size_t i;

  (void)f;
  (void)self;
  (void)argc;
  (void)argv;
  names = calloc(nodec_builtin_count + 1, sizeof(*names));
  for (i = 0; i < nodec_builtin_count; i++)
    names[i] = nodec_string(nodec_builtins[i].name);
  arr = JSObjectMakeArray(ctx, nodec_builtin_count, names, exception);
  free(names);
  return arr;
}

/* The JavaScript half of unhandled rejections: collect, look later. */
static const char rejection_tracker[] =
    "return function (promise, reason) { hooks.onUnhandledRejection("
    "promise, reason); }";

int nodec_engine_init(void) {
  const nodec_builtin *boot = nodec_builtin_find("internal/bootstrap");
  JSValueRef exc = NULL, arg, hooks;
  JSObjectRef fn, info, tracker;
  JSStringRef body, url, pname;
  int err;

  if (boot == NULL) {
    fprintf(stderr, "nodec: internal/bootstrap is not built in\n");
    return -1;
  }
  err = nd_loop_init(&nodec.loop);
  if (err != 0) {
    fprintf(stderr, "nodec: nd_loop_init: %s\n", nd_strerror(err));
    return -1;
  }
  nodec.start_ns = nd_hrtime();

  /* JSC's timers attach to the thread-default GLib context: ours. */
  nodec.gctx = g_main_context_new();
  g_main_context_push_thread_default(nodec.gctx);
  /*
   * WTF's main RunLoop must exist before the engine's full-collection
   * timer first fires: it asks MemoryPressureHandler::singleton(), whose
   * constructor takes RunLoop::main() and crashes on a null one (seen
   * after ~40 s of an idle interval).  The C API never creates it; this
   * exported call does, on the thread-default context pushed above.
   */
  wtf_initialize_main_thread();
  nodec.group = JSContextGroupCreate();
  nodec.ctx = JSGlobalContextCreateInGroup(nodec.group, NULL);
  JSLock(nodec.ctx);

  nd_check_init(&nodec.loop, &nodec.glib_check);
  nd_check_start(&nodec.glib_check, glib_check_cb);
  nd_unref((nd_handle_t *)&nodec.glib_check);
  nd_timer_init(&nodec.loop, &nodec.glib_timer);
  nd_unref((nd_handle_t *)&nodec.glib_timer);

  nodec.binding = JSObjectMake(nodec.ctx, NULL, NULL);
  JSValueProtect(nodec.ctx, nodec.binding);
  nodec_set_fn(nodec.binding, "compileFunction", compile_function);
  nodec_set_fn(nodec.binding, "compileBuiltin", compile_builtin);
  nodec_set_fn(nodec.binding, "evaluateScript", evaluate_script);
  nodec_set_fn(nodec.binding, "builtinNames", builtin_names);
  info = JSObjectMakeTypedArray(nodec.ctx, kJSTypedArrayTypeInt32Array,
                                NODEC_INFO_SIZE, NULL);
  nodec.info = JSObjectGetTypedArrayBytesPtr(nodec.ctx, info, NULL);
  nodec_set(nodec.binding, "info", info);
  nodec_bind_core(nodec.binding);
  nodec_bind_timers(nodec.binding);
  nodec_bind_fs(nodec.binding);
  nodec_bind_stdin(nodec.binding);
  nodec_bind_perf(nodec.binding);
  nodec_bind_buffer(nodec.binding);
  nodec_bind_esm(nodec.binding);

  /* bootstrap(binding) returns the hooks the C side calls. */
  pname = JSStringCreateWithUTF8CString("binding");
  body = JSStringCreateWithUTF8CString(boot->source);
  url = JSStringCreateWithUTF8CString("node:internal/bootstrap");
  fn = JSObjectMakeFunction(nodec.ctx, NULL, 1, &pname, body, url, 1, &exc);
  JSStringRelease(pname);
  JSStringRelease(body);
  JSStringRelease(url);
  if (fn == NULL) {
    print_raw(exc);
    return -1;
  }
  arg = nodec.binding;
  hooks = JSObjectCallAsFunction(nodec.ctx, fn, NULL, 1, &arg, &exc);
  if (exc != NULL || !JSValueIsObject(nodec.ctx, hooks)) {
    print_raw(exc != NULL ? exc : hooks);
    return -1;
  }
  nodec.hooks = (JSObjectRef)hooks;
  JSValueProtect(nodec.ctx, hooks);
  nodec.run_ticks = hook("runTicks");
  nodec.run_rejections = hook("runRejections");
  nodec.fatal = hook("fatal");
  nodec.immediate_begin = hook("immediateBegin");
  nodec.immediate_run = hook("immediateRunOne");
  nodec.timer_fire = hook("timerFire");
  nodec.signal_fire = hook("signalFire");

  /* Rejections nobody handled, reported after the promise jobs. */
  pname = JSStringCreateWithUTF8CString("hooks");
  body = JSStringCreateWithUTF8CString(rejection_tracker);
  fn = JSObjectMakeFunction(nodec.ctx, NULL, 1, &pname, body, NULL, 1, &exc);
  JSStringRelease(pname);
  JSStringRelease(body);
  tracker = (JSObjectRef)JSObjectCallAsFunction(nodec.ctx, fn, NULL, 1,
                                                &hooks, &exc);
  JSGlobalContextSetUnhandledRejectionCallback(nodec.ctx, tracker, &exc);
  JSUnlock(nodec.ctx);
  return 0;
}
