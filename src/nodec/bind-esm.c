/*
 * bind-esm.c - the ES module transform (esm.c) for lib/internal/modules/
 * esm.js and cjs.js.
 *
 *   binding.esmTransform(source)   [code, metaJSON] or
 *                                  [null, message, line, column]
 *   binding.esmScript(source)      the script with import() rewritten
 *   binding.cjsExports(source)     metaJSON of a CommonJS source's exports
 */
#include <stdlib.h>

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
    result = JSObjectMakeArray(ctx, 2, items, exception);
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

void nodec_bind_esm(JSObjectRef b) {
  nodec_set_fn(b, "esmTransform", esm_transform);
  nodec_set_fn(b, "esmScript", esm_script);
  nodec_set_fn(b, "cjsExports", cjs_exports);
}
