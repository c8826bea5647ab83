/*
 * bind-esm.c - the ES module transform (esm.c) for lib/internal/modules/
 * esm.js and cjs.js.
 *
 *   binding.esmTransform(source)   [code, metaJSON, prefixLength] or
 *                                  [null, message, line, column]
 *   binding.esmScript(source)      the script with import() rewritten
 *   binding.cjsExports(source)     metaJSON of a CommonJS source's exports
 *   binding.esmCompileFile(path, url)  read + transform + compile (below)
 */
#include <stdlib.h>
#include <string.h>

#include "esm.h"
#include "runtime.h"

#define NATIVE(name)                                                         \
  static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self,  \
                         size_t argc, const JSValueRef argv[],               \
                         JSValueRef *exception)

/* Run the transform over argv[0] in the given mode. */
static JSValueRef run(JSContextRef ctx, size_t argc, const JSValueRef argv[],
                      JSValueRef *exception, int which) {
  nd__esm_result r;
  JSValueRef items[4];
  JSValueRef result;
  size_t len;
  char *src;
  int rc;

  if (argc < 1)
    return nodec_throw(exception, "ERR_INVALID_ARG_TYPE", "source expected");
  src = nodec_utf8(argv[0], &len);
  if (src == NULL)
    return nodec_throw(exception, "ERR_INVALID_ARG_TYPE", "source expected");
  if (which == 2)
    rc = nd__esm_cjs_exports(src, len, &r);
  else
    rc = nd__esm_transform(src, len, which, &r);
  free(src);
  if (rc == -2) {
    nd__esm_result_free(&r);
    return nodec_throw(exception, "ERR_MEMORY_ALLOCATION_FAILED",
                       "out of memory in the module transform");
  }
  if (rc == -1) {
    items[0] = JSValueMakeNull(ctx);
    items[1] = nodec_string(r.error);
    items[2] = JSValueMakeNumber(ctx, r.line);
    items[3] = JSValueMakeNumber(ctx, r.column);
    result = JSObjectMakeArray(ctx, 4, items, exception);
  } else if (which == ND_ESM_SCRIPT) {
    result = nodec_string_n(r.code, r.code_len);
  } else if (which == 2) {
    result = nodec_string_n(r.meta, r.meta_len);
  } else {
    items[0] = nodec_string_n(r.code, r.code_len);
    items[1] = nodec_string_n(r.meta, r.meta_len);
    items[2] = JSValueMakeNumber(ctx, (double)r.prefix_len);
    result = JSObjectMakeArray(ctx, 3, items, exception);
  }
  nd__esm_result_free(&r);
  return result;
}

NATIVE(esm_transform) {
  (void)f;
  (void)self;
  return run(ctx, argc, argv, exception, ND_ESM_MODULE);
}

NATIVE(esm_script) {
  (void)f;
  (void)self;
  return run(ctx, argc, argv, exception, ND_ESM_SCRIPT);
}

NATIVE(cjs_exports) {
  (void)f;
  (void)self;
  return run(ctx, argc, argv, exception, 2);
}

/*
 * binding.esmCompileFile(path, url): read, transform and compile an ES
 * module without its text ever becoming a JavaScript string (a 10 MB
 * module would otherwise cross between UTF-8 and UTF-16 four times).
 * [fn, metaJSON, prefixLength] with fn(__nd_w, __nd_m, __nd_i,
 * __nd_meta__) returning the module's generator (or async) function; or
 * [null, message, line, column] for a syntax error the transform found.
 * The engine's own syntax errors are thrown, with its line and column.
 */
NATIVE(esm_compile_file) {
  static const char head[] =
      "(function __nodec_top_level__(__nd_w,__nd_m,__nd_i,__nd_meta__) {";
  static const char tail[] = "\n})";
  nd__esm_result r;
  JSValueRef items[4], fn, text;
  JSStringRef script, url;
  char *path, *src, *full;
  ssize_t n;
  int rc;

  (void)f;
  (void)self;
  if (argc < 2)
    return nodec_throw(exception, "ERR_INVALID_ARG_TYPE", "path, url");
  path = nodec_utf8(argv[0], NULL);
  if (path == NULL)
    return nodec_throw(exception, "ERR_INVALID_ARG_TYPE", "path, url");
  n = nodec_read_file(path, &src);
  if (n < 0) {
    nodec_throw_errno(exception, (int)n, "open", path);
    free(path);
    return JSValueMakeUndefined(ctx);
  }
  free(path);
  rc = nd__esm_transform(src, (size_t)n, ND_ESM_MODULE, &r);
  free(src);
  if (rc == -2) {
    nd__esm_result_free(&r);
    return nodec_throw(exception, "ERR_MEMORY_ALLOCATION_FAILED",
                       "out of memory in the module transform");
  }
  if (rc == -1) {
    items[0] = JSValueMakeNull(ctx);
    items[1] = nodec_string(r.error);
    items[2] = JSValueMakeNumber(ctx, r.line);
    items[3] = JSValueMakeNumber(ctx, r.column);
    nd__esm_result_free(&r);
    return JSObjectMakeArray(ctx, 4, items, exception);
  }
  full = malloc(sizeof(head) + r.code_len + sizeof(tail));
  if (full == NULL) {
    nd__esm_result_free(&r);
    return nodec_throw(exception, "ERR_MEMORY_ALLOCATION_FAILED",
                       "out of memory in the module transform");
  }
  memcpy(full, head, sizeof(head) - 1);
  memcpy(full + sizeof(head) - 1, r.code, r.code_len);
  memcpy(full + sizeof(head) - 1 + r.code_len, tail, sizeof(tail));
  /* Decoded by nodec_string_n: NUL bytes and bad UTF-8 as Node reads
     them (U+FFFD), which JSStringCreateWithUTF8CString would not do. */
  text = nodec_string_n(full, sizeof(head) - 1 + r.code_len + sizeof(tail) - 1);
  free(full);
  script = JSValueToStringCopy(ctx, text, NULL);
  url = JSValueToStringCopy(ctx, argv[1], NULL);
  fn = JSEvaluateScript(ctx, script, NULL, url, 1, exception);
  JSStringRelease(script);
  JSStringRelease(url);
  if (fn == NULL) {
    /* The engine counts the wrapper's columns on line 1. */
    if (*exception != NULL && JSValueIsObject(ctx, *exception)) {
      JSObjectRef e = (JSObjectRef)*exception;
      double line = nodec_number(nodec_get(e, "line"));
      double col = nodec_number(nodec_get(e, "column"));
      double shift = (double)(sizeof(head) - 1 + r.prefix_len);
      if (line == 1 && col > shift)
        nodec_set(e, "column", JSValueMakeNumber(ctx, col - shift));
    }
    nd__esm_result_free(&r);
    return JSValueMakeUndefined(ctx);
  }
  items[0] = fn;
  items[1] = nodec_string_n(r.meta, r.meta_len);
  items[2] = JSValueMakeNumber(ctx, (double)r.prefix_len);
  nd__esm_result_free(&r);
  return JSObjectMakeArray(ctx, 3, items, exception);
}

void nodec_bind_esm(JSObjectRef b) {
  nodec_set_fn(b, "esmCompileFile", esm_compile_file);
  nodec_set_fn(b, "esmTransform", esm_transform);
  nodec_set_fn(b, "esmScript", esm_script);
  nodec_set_fn(b, "cjsExports", cjs_exports);
}
