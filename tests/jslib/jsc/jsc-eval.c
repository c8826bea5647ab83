/*
 * jsc-eval: evaluate a script file in a bare JavaScriptCore context, for
 * checking lib/ under the engine nodec embeds (tests/jslib/jsc/run.js).
 *
 * Globals provided: __readFile(path) -> string, __print(string) (stdout,
 * newline appended), __compile(source, url) -> completion value of
 * evaluating `source` as a script named `url` (as nodec's loader does, so
 * stack frames carry file:line:col), __args (the remaining argv). Promise jobs
 * run when the evaluation returns control to the API; a script that wants
 * to see them finish calls nothing special: JSC drains the microtask queue
 * after JSEvaluateScript.
 */
#include <JavaScriptCore/JavaScript.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  if (fread(buf, 1, (size_t)n, f) != (size_t)n) { fclose(f); free(buf); return NULL; }
  buf[n] = 0;
  fclose(f);
  return buf;
}

static char *to_cstr(JSContextRef ctx, JSValueRef v) {
  JSStringRef s = JSValueToStringCopy(ctx, v, NULL);
  if (!s) return strdup("<unprintable>");
  size_t max = JSStringGetMaximumUTF8CStringSize(s);
  char *out = malloc(max);
  JSStringGetUTF8CString(s, out, max);
  JSStringRelease(s);
  return out;
}

static JSValueRef js_read_file(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
  (void)fn; (void)self;
  if (argc < 1) return JSValueMakeUndefined(ctx);
  char *path = to_cstr(ctx, argv[0]);
  char *data = slurp(path);
  free(path);
  if (!data) {
    JSStringRef msg = JSStringCreateWithUTF8CString("ENOENT: cannot read file");
    JSValueRef m = JSValueMakeString(ctx, msg);
    JSStringRelease(msg);
    *exc = JSObjectMakeError(ctx, 1, &m, NULL);
    return JSValueMakeUndefined(ctx);
  }
  JSStringRef s = JSStringCreateWithUTF8CString(data);
  free(data);
  JSValueRef v = JSValueMakeString(ctx, s);
  JSStringRelease(s);
  return v;
}

static JSValueRef js_print(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                           const JSValueRef argv[], JSValueRef *exc) {
  (void)fn; (void)self; (void)exc;
  char *s = argc ? to_cstr(ctx, argv[0]) : strdup("");
  fputs(s, stdout);
  fputc('\n', stdout);
  free(s);
  return JSValueMakeUndefined(ctx);
}

static JSValueRef js_compile(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exc) {
  (void)fn; (void)self;
  if (argc < 2) return JSValueMakeUndefined(ctx);
  JSStringRef src = JSValueToStringCopy(ctx, argv[0], exc);
  if (!src) return JSValueMakeUndefined(ctx);
  JSStringRef url = JSValueToStringCopy(ctx, argv[1], exc);
  if (!url) { JSStringRelease(src); return JSValueMakeUndefined(ctx); }
  JSValueRef v = JSEvaluateScript(ctx, src, NULL, url, 1, exc);
  JSStringRelease(src);
  JSStringRelease(url);
  return v ? v : JSValueMakeUndefined(ctx);
}

static void set_fn(JSContextRef ctx, JSObjectRef obj, const char *name, JSObjectCallAsFunctionCallback cb) {
  JSStringRef n = JSStringCreateWithUTF8CString(name);
  JSObjectSetProperty(ctx, obj, n, JSObjectMakeFunctionWithCallback(ctx, n, cb), 0, NULL);
  JSStringRelease(n);
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: jsc-eval script.js [args...]\n"); return 2; }
  char *src = slurp(argv[1]);
  if (!src) { perror(argv[1]); return 2; }
  JSGlobalContextRef ctx = JSGlobalContextCreate(NULL);
  JSObjectRef global = JSContextGetGlobalObject(ctx);
  set_fn(ctx, global, "__readFile", js_read_file);
  set_fn(ctx, global, "__print", js_print);
  set_fn(ctx, global, "__compile", js_compile);
  JSValueRef *items = calloc((size_t)argc, sizeof *items);
  for (int i = 2; i < argc; i++) {
    JSStringRef s = JSStringCreateWithUTF8CString(argv[i]);
    items[i - 2] = JSValueMakeString(ctx, s);
    JSStringRelease(s);
  }
  JSObjectRef arr = JSObjectMakeArray(ctx, (size_t)(argc - 2), items, NULL);
  JSStringRef an = JSStringCreateWithUTF8CString("__args");
  JSObjectSetProperty(ctx, global, an, arr, 0, NULL);
  JSStringRelease(an);

  JSStringRef script = JSStringCreateWithUTF8CString(src);
  JSStringRef url = JSStringCreateWithUTF8CString(argv[1]);
  JSValueRef exc = NULL;
  JSEvaluateScript(ctx, script, NULL, url, 1, &exc);
  int rc = 0;
  if (exc) {
    char *m = to_cstr(ctx, exc);
    fprintf(stderr, "uncaught: %s\n", m);
    free(m);
    rc = 1;
  }
  JSStringRelease(script);
  JSStringRelease(url);
  JSGlobalContextRelease(ctx);
  free(src);
  free(items);
  return rc;
}
